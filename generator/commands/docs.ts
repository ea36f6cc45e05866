/**
 * `postman-codegen docs <collection> --out <dir>`: the HTML page, the Markdown files and
 * openapi.json alone, with no client. The names shown are still the ones a client generated from
 * the same collection and settings would have (the client's plan is made, not written).
 */
import path from 'node:path';
import { CodegenError } from '../errors.js';
import { buildOptionsOf, findConfig, loadConfig, type ClientConfig } from '../config.js';
import { buildReference, emitDocs } from '../docs/index.js';
import { displayPath, loadCollection } from '../load/index.js';
import { buildModel } from '../model/index.js';
import { renderOpenApi } from '../openapi/index.js';
import { writeOutput, sha256 } from '../output.js';
import type { Reporter } from '../reporter.js';

export interface DocsOptions {
  out: string;
  name?: string;
  config?: string;
}

/** The settings of the config's client for this collection (signing, token, names…), when there is one. */
async function settingsFor(
  collection: string,
  configFile: string | undefined,
): Promise<{ client?: ClientConfig; file?: string }> {
  if (!configFile) return {};
  const config = await loadConfig(findConfig(configFile));
  const client = config.clients.find((candidate) => path.resolve(candidate.collection) === path.resolve(collection));
  if (!client)
    throw new CodegenError(
      `has no client for ${displayPath(collection)}.`,
      config.file,
      '$.clients',
      'Name a collection the config lists, or leave out --config.',
    );
  return { client, file: config.file };
}

export async function runDocs(collection: string, options: DocsOptions, reporter: Reporter): Promise<number> {
  const started = Date.now();
  const { client, file } = await settingsFor(collection, options.config);
  const loaded = await loadCollection(collection);
  const { model, diagnostics } = buildModel(loaded, client ? buildOptionsOf(client, file) : {});
  const name = client?.name;
  for (const diagnostic of diagnostics) reporter.warn(diagnostic);
  const clientName = options.name ?? name;
  const reference = buildReference(model, clientName ? { clientName } : {});
  if (reference.operations.length === 0) {
    throw new CodegenError(
      'has no requests (only empty folders, or nothing): there is nothing to document.',
      displayPath(collection),
      '$.item',
    );
  }
  const files = new Map<string, string>();
  for (const [file, content] of emitDocs(reference)) files.set(file.replace(/^docs\//, ''), content);
  files.set('openapi.json', renderOpenApi(reference));
  const report = await writeOutput(options.out, files, sha256([...files.values()].join('\u0000')));
  for (const written of report.written) reporter.detail(`wrote ${options.out}/${written}`);
  reporter.info(
    `${options.out}: ${reference.operations.length} operations documented; files: ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed (${Date.now() - started} ms)`,
  );
  return 0;
}
