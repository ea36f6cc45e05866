import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Collection, type CollectionType } from '../sdk.js';
import type { CollectionFormat, Diagnostic } from '../model/types.js';
import { CodegenError } from '../errors.js';
import { parseJson } from './json.js';
import { detectFormat } from './format.js';
import { toV21 } from './convert.js';
import { assignMissingIds, validateCollection } from './validate.js';
import { repairV1 } from './v1.js';
import type { SkippedRequest } from './skipped.js';

export type { SkippedRequest } from './skipped.js';

export interface LoadedCollection {
  /** The file as the user named it (used in messages and in the model's `source`). */
  file: string;
  format: CollectionFormat;
  /** The collection as the Postman SDK parsed it (always v2.1 semantics). */
  collection: CollectionType;
  /** Findings while loading (items skipped, say); the model builder adds its own. */
  diagnostics: Diagnostic[];
  /** Variables declared on folders and requests, by item id: the SDK does not keep them. */
  itemVariables: Map<string, unknown[]>;
  /** Requests of the input that are not in `collection`, each also reported in `diagnostics`. */
  skipped: SkippedRequest[];
}

function collectItemVariables(items: unknown, into: Map<string, unknown[]>): Map<string, unknown[]> {
  if (!Array.isArray(items)) return into;
  for (const item of items as Array<Record<string, unknown>>) {
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item.variable) && item.variable.length > 0) into.set(String(item.id), item.variable);
    collectItemVariables(item.item, into);
  }
  return into;
}

/** The largest collection file read. */
export const MAX_COLLECTION_BYTES = 200 * 1024 * 1024;

/** A path as messages and the model show it: as given, with forward slashes. */
export function displayPath(file: string): string {
  return path.normalize(file).split(path.sep).join('/');
}

/** Reads a collection file, with one clear error for each way that can fail. */
export async function readCollectionText(file: string): Promise<string> {
  const display = displayPath(file);
  try {
    const size = (await stat(file)).size;
    if (size > MAX_COLLECTION_BYTES) {
      throw new CodegenError(
        `is ${(size / 1024 / 1024).toFixed(0)} MB; postman-codegen reads collections of at most ${MAX_COLLECTION_BYTES / 1024 / 1024} MB.`,
        display,
        undefined,
        'Large saved example bodies are the usual cause: trim them, or split the collection.',
      );
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof CodegenError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'cannot be read (permission denied)'
            : `cannot be read (${code ?? String(error)})`;
    throw new CodegenError(`${reason}.`, display, undefined, 'Check the path to the collection.');
  }
}

/** Parses collection text that came from `file` (the name is only used in messages). */
export function parseCollection(text: string, file: string): LoadedCollection {
  const json = parseJson(text, file);
  const detected = detectFormat(json, file);
  const diagnostics: Diagnostic[] = [];
  const skipped: SkippedRequest[] = [];
  if (detected.format === 'v1') repairV1(detected.collection, file, diagnostics, skipped);
  else assignMissingIds(detected.collection);
  const v21 = toV21(detected.collection, detected.format, file);
  // Once more after conversion: a v1 file may lack ids that v2.1 items need.
  assignMissingIds(v21);
  validateCollection(v21, file, detected.wrapped && detected.format === 'v2.1' ? '$.collection' : '$', diagnostics, skipped);
  let collection: CollectionType;
  try {
    collection = new Collection(v21 as never);
  } catch (error) {
    throw new CodegenError(
      `could not be read as a Postman collection: ${error instanceof Error ? error.message : String(error)}.`,
      file,
      '$',
      'Open it in Postman and export it again as Collection v2.1.',
    );
  }
  return { file, format: detected.format, collection, diagnostics, itemVariables: collectItemVariables(v21.item, new Map()), skipped };
}

/** Reads, detects, converts, validates and parses a collection file. */
export async function loadCollection(file: string): Promise<LoadedCollection> {
  return parseCollection(await readCollectionText(file), displayPath(file));
}
