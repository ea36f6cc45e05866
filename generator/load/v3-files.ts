import { readdirSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CodegenError } from '../errors.js';

/** The files of a v3 ("Native Git") collection folder, read into memory. */
export interface CollectionFolder {
  /** The folder as messages show it. */
  display: string;
  /** Every file of the collection, by path relative to the folder (forward slashes), sorted. */
  files: Map<string, string>;
}

const REQUEST_FILE = /\.request\.ya?ml$/;
const RESOURCES = '.resources';

/** Whether a file or folder of this name belongs to the collection: dot entries do not, except `.resources` folders. */
function isCollectionEntry(name: string, directory: boolean): boolean {
  return !name.startsWith('.') || (directory && name === RESOURCES);
}

/** Whether a file at this relative path (forward slashes) belongs to the collection: each folder on the way and the file itself. */
export function isCollectionFile(relative: string): boolean {
  const parts = relative.split('/');
  return parts.every((part, index) => isCollectionEntry(part, index < parts.length - 1));
}

/**
 * Every file below `folder`, relative, with forward slashes. Entries whose names start with "."
 * are not part of a collection, except the `.resources` folders that hold definitions and examples.
 * Listed synchronously, like the files are read: a collection has a folder or two per request,
 * and a promise-based listing of thousands of small folders costs twice the CPU for no shorter wait.
 */
function listCollectionFiles(folder: string, display: string, prefix = '', found: string[] = []): string[] {
  const entries = readable(`${display}${prefix ? `/${prefix}` : ''}`, () =>
    readdirSync(path.join(folder, prefix), { withFileTypes: true }),
  );
  for (const entry of entries) {
    if (!isCollectionEntry(entry.name, entry.isDirectory())) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    // Node reads names as UTF-8: a byte that is not one became U+FFFD, a name no file has.
    if (entry.name.includes('\ufffd'))
      throw new CodegenError(
        'has a name that is not valid UTF-8, so it cannot be read by its name.',
        `${display}/${relative}`,
        undefined,
        'Rename it with UTF-8 characters (git and Postman store names so).',
      );
    if (entry.isDirectory()) listCollectionFiles(folder, display, relative, found);
    else if (entry.isFile()) found.push(relative);
  }
  return found;
}

/**
 * Every file's text. Read one after another, synchronously: for thousands of small files that
 * costs a fraction of the CPU of as many promise-based reads (each an open, a stat, a read and a
 * close through the thread pool), and the wall time is no longer.
 */
function readAll(folder: string, display: string, names: string[]): Map<string, string> {
  return new Map(
    names.map((name) => [name, readable(`${display}/${name}`, () => readFileSync(path.join(folder, name), 'utf8'))]),
  );
}

/** What `read` returns; a file or folder that cannot be read (permissions, removed meanwhile) is bad input naming it. */
function readable<T>(shown: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new CodegenError(
      `cannot be read (${code}: ${(error as Error).message.replace(/^[A-Z]+: /, '').split(',')[0]}).`,
      shown,
    );
  }
}

const isDirectory = (file: string): Promise<boolean> =>
  stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** Whether a folder is a collection root: it has a `.resources/` or request files of its own. */
async function isCollectionRoot(folder: string): Promise<boolean> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries.some(
    (entry) => (entry.isDirectory() && entry.name === RESOURCES) || (entry.isFile() && REQUEST_FILE.test(entry.name)),
  );
}

/** Subfolders of a workspace's `collections/` folder that hold a collection. */
async function collectionsIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name);
  return names
    .filter((name) => listCollectionFiles(path.join(folder, name), name).some((f) => REQUEST_FILE.test(f)))
    .sort();
}

/**
 * Decides which folder is the collection. A Postman workspace folder (`postman/` or
 * `postman/collections/`) holding one collection stands for it; holding several, it is an error
 * that lists them. A folder in the single-document layout (`collection.yaml` with `ref`s) is
 * another format.
 */
async function collectionRoot(folder: string, display: string): Promise<string> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has('collection.yaml') || names.has('collection.yml')) {
    throw new CodegenError(
      'holds a collection.yaml: that is the single-document v3 layout, which postman-codegen does not read.',
      display,
      undefined,
      'Point the generator at a Native Git collection folder (one *.request.yaml per request), or at a Collection v2.1 export.',
    );
  }
  if (await isCollectionRoot(folder)) return folder;
  const workspace =
    names.has('collections') && (await isDirectory(path.join(folder, 'collections')))
      ? path.join(folder, 'collections')
      : path.basename(folder) === 'collections'
        ? folder
        : undefined;
  if (workspace) {
    const collections = await collectionsIn(workspace);
    if (collections.length === 1) return path.join(workspace, collections[0] as string);
    const where = path.relative(folder, workspace).split(path.sep).join('/');
    throw new CodegenError(
      collections.length === 0
        ? 'is a Postman workspace folder with no collection in it.'
        : `is a Postman workspace folder with ${collections.length} collections: ${collections.map((name) => `"${name}"`).join(', ')}.`,
      display,
      undefined,
      collections.length === 0
        ? 'Point the generator at a collection folder.'
        : `Point the generator at one of them, e.g. ${[display, where, collections[0]].filter(Boolean).join('/')}.`,
    );
  }
  const files = listCollectionFiles(folder, display);
  refuseWithoutRequests(files, display);
  return folder;
}

/** Refuses a folder whose files (relative paths) hold no request: it is not a v3 collection. */
export function refuseWithoutRequests(files: readonly string[], display: string): void {
  if (files.some((file) => REQUEST_FILE.test(file))) return;
  const json = files.filter((file) => file.endsWith('.json'));
  throw new CodegenError(
    'is a folder with no *.request.yaml in it: it is not a Postman (Native Git) collection.',
    display,
    undefined,
    json.length > 0
      ? `Point the generator at the collection file itself (${json.slice(0, 3).join(', ')}).`
      : 'Point the generator at a collection folder or a collection file.',
  );
}

/** Finds the collection in `folder` and reads all its files. */
export async function readCollectionFolder(
  folder: string,
  display: string,
  maxBytes: number,
): Promise<CollectionFolder> {
  const root = await collectionRoot(folder, display);
  const shown = root === folder ? display : `${display}/${path.relative(folder, root).split(path.sep).join('/')}`;
  const names = listCollectionFiles(root, shown).sort();
  return collectionFolder(shown, readAll(root, shown, names), maxBytes);
}

/** A collection's files, read from disk or from a commit, refused past `maxBytes` of text. */
export function collectionFolder(display: string, files: Map<string, string>, maxBytes: number): CollectionFolder {
  const bytes = [...files.values()].reduce((sum, text) => sum + text.length, 0);
  if (bytes > maxBytes) {
    throw new CodegenError(
      `holds ${(bytes / 1024 / 1024).toFixed(0)} MB of files; postman-codegen reads collections of at most ${maxBytes / 1024 / 1024} MB.`,
      display,
      undefined,
      'Large saved example bodies are the usual cause: trim them, or split the collection.',
    );
  }
  return { display, files };
}

export { REQUEST_FILE, RESOURCES };
