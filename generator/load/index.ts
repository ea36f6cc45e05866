import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CollectionFormat, Diagnostic, LoadedCollection, SkippedRequest } from '../records.js';
import { CodegenError } from '../errors.js';
import { parseJson } from './json.js';
import { detectFormat } from './format.js';
import { toV21 } from './convert.js';
import { assignMissingIds, refuseDeepFolders, validateCollection } from './validate.js';
import { refuseOversized } from './size.js';
import { repairV1 } from './v1.js';
import { readCollectionFolder, type CollectionFolder } from './v3-files.js';
import { convertV3 } from './v3.js';
import { createHash } from 'node:crypto';
import { collectionRecord } from './records.js';

export type { LoadedCollection, SkippedRequest } from '../records.js';

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

export interface ParseOptions {
  /** Refuse a collection of more requests than this (one client's limit) before reading it further. */
  maxRequests?: number;
}

/** Parses collection text that came from `file` (the name is only used in messages). */
export function parseCollection(text: string, file: string, options: ParseOptions = {}): LoadedCollection {
  const json = parseJson(text, file);
  const detected = detectFormat(json, file);
  const diagnostics: Diagnostic[] = [];
  const skipped: SkippedRequest[] = [];
  if (detected.format === 'v1') repairV1(detected.collection, file, diagnostics, skipped);
  else {
    refuseDeepFolders(detected.collection, file, detected.wrapped && detected.format === 'v2.1' ? '$.collection' : '$');
    assignMissingIds(detected.collection);
  }
  const v21 = toV21(detected.collection, detected.format, file);
  return fromV21(
    v21,
    detected.format,
    file,
    detected.wrapped && detected.format === 'v2.1' ? '$.collection' : '$',
    diagnostics,
    skipped,
    options,
  );
}

/** Reads a v3 collection folder (its files already in memory) through the same v2.1 path. */
export function parseCollectionFolder(folder: CollectionFolder, options: ParseOptions = {}): LoadedCollection {
  const { collection, diagnostics, skipped } = convertV3(folder);
  return fromV21(collection, 'v3', folder.display, '$', diagnostics, skipped, options);
}

/** The shared tail of every format: stable ids, structural checks, plain records. */
function fromV21(
  v21: Record<string, unknown>,
  format: CollectionFormat,
  file: string,
  jsonRoot: string,
  diagnostics: Diagnostic[],
  skipped: SkippedRequest[],
  options: ParseOptions,
): LoadedCollection {
  // A v3 folder tree is checked here (named by folders: it has no JSON); the other formats were before their conversion.
  refuseDeepFolders(v21, file, format === 'v3' ? undefined : jsonRoot);
  // (Again) after conversion: a v1 file may lack ids that v2.1 items need, and v3 ids are optional.
  assignMissingIds(v21);
  validateCollection(v21, file, jsonRoot, diagnostics, skipped);
  if (options.maxRequests !== undefined) refuseOversized(v21, options.maxRequests, file);
  return {
    file,
    format,
    collection: collectionRecord(v21),
    diagnostics,
    skipped,
  };
}

/** A collection as read from disk: one file's text, or every file of a v3 collection folder. */
export type CollectionInput =
  { kind: 'file'; display: string; text: string } | { kind: 'folder'; display: string; folder: CollectionFolder };

/** Whether a path names a folder (a v3 collection) rather than a file. */
export const isFolder = (file: string): Promise<boolean> =>
  stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** Reads a collection file, or a v3 collection folder (all its files). */
export async function readCollectionInput(file: string): Promise<CollectionInput> {
  const display = displayPath(file);
  if (await isFolder(file))
    return { kind: 'folder', display, folder: await readCollectionFolder(file, display, MAX_COLLECTION_BYTES) };
  return { kind: 'file', display, text: await readCollectionText(file) };
}

export function parseCollectionInput(input: CollectionInput, options: ParseOptions = {}): LoadedCollection {
  return input.kind === 'folder'
    ? parseCollectionFolder(input.folder, options)
    : parseCollection(input.text, input.display, options);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Each file of a folder input with the hash of its content, by path; undefined for a file input. */
export function inputFiles(input: CollectionInput): Record<string, string> | undefined {
  return input.kind === 'folder'
    ? Object.fromEntries([...input.folder.files].map(([name, text]) => [name, sha256(text)]))
    : undefined;
}

/** The text the drift check hashes: the file itself, or every file of the folder by path and content. */
export function inputText(input: CollectionInput): string {
  if (input.kind === 'file') return input.text;
  return Object.entries(inputFiles(input) ?? {})
    .map(([name, hash]) => `${name}\u0000${hash}\n`)
    .join('');
}

/** Reads, detects, converts, validates and parses a collection file or a v3 collection folder. */
export async function loadCollection(file: string): Promise<LoadedCollection> {
  return parseCollectionInput(await readCollectionInput(file));
}
