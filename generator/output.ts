/**
 * Writing generated files and checking them. A manifest in the output folder lists what the
 * generator owns (paths and content hashes): only those files are ever replaced or removed, and
 * `check` can tell stale, missing and extra files apart.
 *
 * A write never leaves a half-made client, and a write that changes nothing touches nothing. The
 * new output is assembled in a sibling staging folder: changed files written fresh, unchanged
 * files and the user's own files hard-linked from the current folder (so their mtime and inode
 * stay), then the two folders are swapped by renames.
 * A run killed before the swap leaves the old folder untouched; one killed between the two renames
 * leaves `<out>.previous-*`, which the next run puts back before doing anything.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import {
  copyFile,
  link,
  lstat,
  mkdir,
  readdir,
  readlink,
  rename,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { VERSION } from './version.js';

export const MANIFEST = 'manifest.json';

export interface Manifest {
  generator: string;
  /** Hash of the inputs: the collection's bytes (every file of a collection folder) and the client's configuration. */
  inputHash: string;
  /** Present when the collection is a folder (Postman v3): its name and the hash of each of its files. */
  input?: ManifestInput;
  files: Record<string, string>;
}

export interface ManifestInput {
  folder: string;
  files: Record<string, string>;
}

export const sha256 = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

/** The manifest of files whose content hashes are known, by name. */
function buildManifest(hashes: Map<string, string>, inputHash: string, input?: ManifestInput): Manifest {
  const entries = [...hashes.keys()].sort().map((name) => [name, hashes.get(name) as string]);
  return {
    generator: `postman-codegen ${VERSION}`,
    inputHash,
    ...(input ? { input } : {}),
    files: Object.fromEntries(entries),
  };
}

const manifestText = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

function readManifest(out: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readIfExists(path.join(out, MANIFEST))?.toString('utf8') ?? '') as Manifest;
    return typeof manifest.files === 'object' && manifest.files !== null ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A regular file's bytes, read into the buffer `into` gives for its size, or undefined when there
 * is none, when it is not a regular file, or when `into` gives no buffer (a size not worth
 * reading). Opened without blocking, and read only when it is a regular file: a FIFO named like
 * the manifest, model.json or a generated file must not stall `generate` or `check`. Read
 * synchronously: a few system calls on a file the page cache holds, where the promise API's
 * round trips cost the run more than they let overlap (52 Markdown files: 2 ms, 0.8 ms
 * synchronously).
 */
function readRegularFile(file: string, into: (size: number) => Buffer | undefined): Buffer | undefined {
  let handle: number;
  try {
    handle = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const found = fstatSync(handle);
    const bytes = found.isFile() ? into(found.size) : undefined;
    if (bytes === undefined) return undefined;
    for (let filled = 0; filled < bytes.length;) {
      const read = readSync(handle, bytes, filled, bytes.length - filled, filled);
      if (read === 0) return undefined;
      filled += read;
    }
    return bytes;
  } finally {
    closeSync(handle);
  }
}

/** A regular file's bytes, or undefined when there is none (or it cannot be read). */
function readIfExists(file: string): Buffer | undefined {
  try {
    return readRegularFile(file, (size) => Buffer.allocUnsafe(size));
  } catch {
    return undefined;
  }
}

/** Whether the file is a regular file holding exactly these bytes; a file of another size is not read. */
function holds(file: string, bytes: Buffer, scratch: Scratch): boolean {
  const disk = readRegularFile(file, (size) => (size === bytes.length ? scratch.take(size) : undefined));
  return disk !== undefined && disk.equals(bytes);
}

/**
 * A buffer that one worker reuses from file to file. Memory fresh from the system costs a page
 * fault per 4 KB on first touch: encoding 12 MB of files into new buffers took 6 to 8 ms, into
 * reused ones 2 to 3.
 */
class Scratch {
  private buffer = Buffer.alloc(0);

  /** A view of `size` bytes, valid until the next call. */
  take(size: number): Buffer {
    if (this.buffer.length < size) this.buffer = Buffer.allocUnsafeSlow(Math.max(size, 1 << 16));
    return this.buffer.subarray(0, size);
  }

  /** The text as UTF-8, in this buffer: valid until the next call. */
  encode(text: string): Buffer {
    // UTF-8 takes at most three bytes per UTF-16 unit: with that much room, no count is needed first.
    const room = this.buffer.length >= text.length * 3 ? text.length * 3 : Buffer.byteLength(text);
    const target = this.take(room);
    return target.subarray(0, target.write(text));
  }
}

/** Files compared or written at once: the disk's round trips overlap, while only a few encoded files are held. */
const IN_FLIGHT = 8;

/**
 * Every generated file as bytes with its hash, then the manifest of them all: each file is
 * encoded once, for both its hash and its writing or comparing (a 40 MB openapi.json costs as
 * much to encode as to hash), and never all of them at once (IN_FLIGHT workers, each encoding into
 * a buffer of its own). `use` runs for several files at a time, so that their reads, links and
 * writes overlap; what it reports must not depend on the order in which they finish. The bytes,
 * and the scratch buffer it is given for reading, are its own until it settles, then reused.
 */
async function forEachEncoded(
  files: Map<string, string>,
  inputHash: string,
  input: ManifestInput | undefined,
  use: (name: string, bytes: Buffer, scratch: Scratch) => Promise<void>,
): Promise<void> {
  const hashes = new Map<string, string>();
  const queue = files.entries();
  const worker = async (): Promise<void> => {
    const encoded = new Scratch();
    const read = new Scratch();
    for (let next = queue.next(); !next.done; next = queue.next()) {
      const [name, content] = next.value;
      const bytes = encoded.encode(content);
      hashes.set(name, sha256(bytes));
      await use(name, bytes, read);
    }
  };
  // Every file settles before a failure is passed on: the caller then removes what was staged.
  const settled = await Promise.allSettled(Array.from({ length: Math.min(IN_FLIGHT, files.size) }, worker));
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
  // The manifest lists its files sorted: the order they were hashed in does not show.
  await use(MANIFEST, Buffer.from(manifestText(buildManifest(hashes, inputHash, input))), new Scratch());
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** A manifest entry is a plain relative path inside the folder; anything else is never touched. */
function isOwnedPath(name: string): boolean {
  return name !== '' && !path.isAbsolute(name) && !name.split(/[\\/]/).includes('..');
}

/** Puts back an output folder that a killed run left renamed aside. */
export async function recoverOutput(out: string): Promise<void> {
  const parent = path.dirname(out);
  const base = path.basename(out);
  const entries = await readdir(parent).catch(() => [] as string[]);
  const previous = entries.filter((name) => name.startsWith(`${base}.previous-`)).sort();
  const staging = entries.filter((name) => name.startsWith(`${base}.staging-`));
  if (!(await exists(out)) && previous.length > 0)
    await rename(path.join(parent, previous[previous.length - 1] as string), out);
  for (const name of [...previous, ...staging]) {
    if (await exists(path.join(parent, name))) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

/** Every file below a folder, as relative paths with forward slashes. */
async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(folder, prefix), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(folder, relative)));
    else files.push(relative);
  }
  return files;
}

/** Makes each folder of the staging tree once, however many files go in it. */
function folderMaker(): (folder: string) => Promise<unknown> {
  const made = new Map<string, Promise<unknown>>();
  return (folder) => {
    let making = made.get(folder);
    if (making === undefined) {
      making = mkdir(folder, { recursive: true });
      made.set(folder, making);
    }
    return making;
  };
}

/** A file of the current folder into the staging one: hard-linked, and symlinks stay symlinks. */
async function carryOver(from: string, to: string, makeFolder: (folder: string) => Promise<unknown>): Promise<void> {
  await makeFolder(path.dirname(to));
  const found = await lstat(from);
  if (found.isSymbolicLink()) {
    await symlink(await readlink(from), to);
    return;
  }
  try {
    await link(from, to);
  } catch {
    // A file system without hard links: a copy with the same times is the next best thing.
    await copyFile(from, to);
    await utimes(to, found.atime, found.mtime);
  }
}

/** The model.json an output folder holds, as text; undefined when there is none (a first run). */
export async function readPreviousModel(out: string): Promise<string | undefined> {
  return readIfExists(path.join(out, 'model.json'))?.toString('utf8');
}

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export async function writeOutput(
  out: string,
  files: Map<string, string>,
  inputHash: string,
  input?: ManifestInput,
): Promise<WriteReport> {
  await recoverOutput(out);
  const previous = readManifest(out);
  const owned = new Set(Object.keys(previous?.files ?? {}).filter(isOwnedPath));
  owned.add(MANIFEST);
  const report: WriteReport = { written: [], unchanged: [], removed: [] };

  const existing = await listFiles(out);
  if (existing.length === 0) {
    // A new folder: staged all the same, so a kill never leaves half a client behind.
    await mkdir(path.dirname(out), { recursive: true });
  }
  const staging = `${out}.staging-${process.pid}`;
  const makeFolder = folderMaker();
  // The staging folder is made on the first change: a run that changes nothing (a build step run
  // again on the same collection) only reads. Files found unchanged before then are linked in
  // when it is made.
  let staged: Promise<void> | undefined;
  const unstaged: string[] = [];
  const stage = (): Promise<void> =>
    (staged ??= (async () => {
      await rm(staging, { recursive: true, force: true });
      await mkdir(staging, { recursive: true });
      for (const name of unstaged.splice(0))
        await carryOver(path.join(out, name), path.join(staging, name), makeFolder);
    })());
  try {
    await forEachEncoded(files, inputHash, input, async (name, bytes, scratch) => {
      const current = path.join(out, name);
      const target = path.join(staging, name);
      if (holds(current, bytes, scratch)) {
        report.unchanged.push(name);
        if (staged === undefined) unstaged.push(name);
        else {
          await staged;
          await carryOver(current, target, makeFolder);
        }
      } else {
        await stage();
        await makeFolder(path.dirname(target));
        await writeFile(target, bytes);
        report.written.push(name);
      }
    });
    // In the order the files were given, whichever finished first.
    const order = new Map([...files.keys(), MANIFEST].map((name, index) => [name, index]));
    const byOrder = (a: string, b: string): number => (order.get(a) as number) - (order.get(b) as number);
    report.written.sort(byOrder);
    report.unchanged.sort(byOrder);
    const foreign: string[] = [];
    for (const name of existing) {
      if (name === MANIFEST || files.has(name)) continue;
      if (owned.has(name)) report.removed.push(name);
      else foreign.push(name);
    }
    if (report.written.length === 0 && report.removed.length === 0) return report;
    await stage();
    for (const name of foreign) await carryOver(path.join(out, name), path.join(staging, name), makeFolder);
    if (existing.length === 0 && !(await exists(out))) {
      await rename(staging, out);
    } else {
      const aside = `${out}.previous-${process.pid}`;
      await rename(out, aside);
      await rename(staging, out);
      await rm(aside, { recursive: true, force: true });
    }
  } catch (error) {
    // Whatever was staged goes; a stage still being made is waited for first.
    await staged?.catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return report;
}

export interface CheckReport {
  stale: string[];
  missing: string[];
  extra: string[];
  /** The inputs differ from those the output was generated from. */
  inputChanged: boolean;
  /** The output was made by another version of the generator. */
  generatorChanged: boolean;
  /** A short unified diff of the first stale file. */
  firstDiff?: string;
}

function shortDiff(name: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - 2);
  const removed = a.slice(start, Math.min(endA + 1, start + 12)).map((line) => `-${line}`);
  const added = b.slice(start, Math.min(endB + 1, start + 12)).map((line) => `+${line}`);
  const context = a.slice(from, start).map((line) => ` ${line}`);
  return [
    `--- ${name} (on disk)`,
    `+++ ${name} (generated now)`,
    `@@ -${from + 1} +${from + 1} @@`,
    ...context,
    ...removed,
    ...added,
  ].join('\n');
}

/** Compares what the generator makes now with what is on disk. */
export async function checkOutput(
  out: string,
  files: Map<string, string>,
  inputHash: string,
  input?: ManifestInput,
): Promise<CheckReport> {
  const previous = readManifest(out);
  const report: CheckReport = {
    stale: [],
    missing: [],
    extra: [],
    inputChanged: previous !== undefined && previous.inputHash !== inputHash,
    generatorChanged: previous !== undefined && previous.generator !== `postman-codegen ${VERSION}`,
  };
  await forEachEncoded(files, inputHash, input, async (name, bytes) => {
    const disk = readIfExists(path.join(out, name));
    if (disk === undefined) report.missing.push(name);
    else if (!disk.equals(bytes)) report.stale.push(name);
  });
  report.missing.sort();
  report.stale.sort();
  const first = report.stale.find((name) => name !== MANIFEST);
  const disk = first === undefined ? undefined : readIfExists(path.join(out, first));
  if (first !== undefined && disk !== undefined)
    report.firstDiff = shortDiff(first, disk.toString('utf8'), files.get(first) as string);
  for (const name of Object.keys(previous?.files ?? {})
    .filter(isOwnedPath)
    .sort()) {
    if (name !== MANIFEST && !files.has(name) && readIfExists(path.join(out, name)) !== undefined)
      report.extra.push(name);
  }
  return report;
}
