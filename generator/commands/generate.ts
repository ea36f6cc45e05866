import path from 'node:path';
import { findConfig, loadConfig, type ClientConfig, type Config } from '../config.js';
import { checkOutput, writeOutput } from '../output.js';
import { generateClient } from '../pipeline.js';
import type { Reporter } from '../reporter.js';
import { summaryLine } from '../diff/format.js';
import { changelogDate, compareWithPrevious, prependChangelog } from './changes.js';

export interface GenerateOptions {
  collection?: string;
  out?: string;
  name?: string;
  config?: string;
  check?: boolean;
  /** A Markdown file that gets a dated entry of the API's changes at its top. */
  changelog?: string;
}

const display = (file: string): string => {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') || relative === '' ? file : relative).split(path.sep).join('/');
};

/** The clients to generate: one from the command line, or every one of the config file. */
export async function resolveClients(
  options: GenerateOptions,
): Promise<Config | { file: undefined; clients: ClientConfig[] }> {
  if (options.collection) {
    return {
      file: undefined,
      clients: [
        {
          collection: options.collection,
          out: options.out ?? 'generated/client',
          ...(options.name ? { name: options.name } : {}),
        },
      ],
    };
  }
  return loadConfig(findConfig(options.config));
}

/**
 * Generates (or checks) every client. Everything is built in memory first, for all clients, so
 * that bad input anywhere writes nothing anywhere. Returns the exit code.
 */
export async function runGenerate(options: GenerateOptions, reporter: Reporter): Promise<number> {
  const started = Date.now();
  // Read before anything is built or written: a bad date source is bad input like any other.
  const date = options.changelog && !options.check ? changelogDate() : undefined;
  const config = await resolveClients(options);
  const results = [];
  for (const client of config.clients) {
    const generated = await generateClient(client, config.file);
    for (const diagnostic of generated.diagnostics) reporter.warn(diagnostic);
    results.push({ client, generated });
  }
  let stale = false;
  const changelog: Parameters<typeof prependChangelog>[1] = [];
  for (const { client, generated } of results) {
    const out = display(client.out);
    const { report: changes, warning } = await compareWithPrevious(
      client.out,
      generated.files.get('model.json'),
      Boolean(client.name),
    );
    if (warning) reporter.warn(warning);
    if (options.check) {
      const report = await checkOutput(client.out, generated.files, generated.inputHash, generated.input);
      const problems = [
        ...report.stale.map((f) => `stale    ${f}`),
        ...report.missing.map((f) => `missing  ${f}`),
        ...report.extra.map((f) => `extra    ${f}`),
      ];
      if (problems.length === 0) {
        reporter.info(
          `${out}: current (${generated.operations} operations, ${generated.files.size} files, ${Date.now() - started} ms)`,
        );
        continue;
      }
      stale = true;
      const causes = [
        report.inputChanged ? 'the collection or its configuration changed' : '',
        report.generatorChanged ? 'another generator version made it' : '',
      ].filter(Boolean);
      reporter.failure(
        `${out} is not what the generator makes now${causes.length ? ` (${causes.join('; ')})` : ''}:\n  ${problems.join('\n  ')}`,
      );
      const breaking = changes?.changes.filter((change) => change.kind === 'breaking') ?? [];
      if (breaking.length > 0)
        reporter.failure(
          `Breaking changes against ${out}/model.json:\n  ${breaking.map((change) => change.message).join('\n  ')}`,
        );
      else if (changes && changes.changes.length > 0)
        reporter.failure(`API changes against ${out}/model.json: ${summaryLine(changes)}`);
      if (report.firstDiff) reporter.failure(report.firstDiff);
      reporter.failure('Run `postman-codegen generate` and commit the result.');
      continue;
    }
    const report = await writeOutput(client.out, generated.files, generated.inputHash, generated.input);
    for (const file of report.written) reporter.detail(`wrote ${out}/${file}`);
    for (const file of report.removed) reporter.detail(`removed ${out}/${file}`);
    if (changes && changes.changes.length > 0) {
      reporter.info(`${out}: API changes: ${summaryLine(changes)}`);
      changelog.push({ title: client.name ?? generated.model.name, report: changes });
    }
    reporter.info(
      `${out}: ${generated.operations} operations in ${generated.resources} resources; files: ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed (${Date.now() - started} ms)`,
    );
  }
  if (options.changelog && date) await prependChangelog(options.changelog, changelog, date);
  return stale ? 1 : 0;
}
