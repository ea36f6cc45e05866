import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CodegenError } from '../errors.js';
import { loadCollection } from '../load/index.js';
import { parseJson } from '../load/json.js';
import { buildModel, serializeModel, type SchemaOverride } from '../model/index.js';
import type { Reporter } from '../reporter.js';

/** Reads a JSON file of schema overrides (an array of { operation, request?, responses? }). */
async function readOverrides(file: string): Promise<SchemaOverride[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new CodegenError('cannot be read.', file, undefined, 'Check the path given to --overrides.');
  });
  const json = parseJson(text, file);
  if (
    !Array.isArray(json) ||
    json.some((entry) => typeof entry !== 'object' || entry === null || typeof entry.operation !== 'string')
  ) {
    throw new CodegenError(
      'must be an array of {"operation": "...", "request"?: schema, "responses"?: {"200": schema}}.',
      file,
      '$',
    );
  }
  return json as SchemaOverride[];
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

export async function runModel(
  collection: string,
  options: { out?: string; overrides?: string },
  reporter: Reporter,
): Promise<number> {
  const overrides = options.overrides ? await readOverrides(options.overrides) : undefined;
  const loaded = await loadCollection(collection);
  const { model, diagnostics } = buildModel(
    loaded,
    overrides ? { overrides, configFile: options.overrides as string } : {},
  );
  for (const diagnostic of diagnostics) reporter.warn(diagnostic);
  const json = serializeModel(model);
  if (options.out) await writeAtomically(options.out, json);
  else reporter.output(json);
  return 0;
}
