/**
 * Writing generated files and checking them. A manifest in the output folder lists what the
 * generator owns (paths and content hashes), so that only those files are ever replaced or
 * removed and `check` can tell stale, missing and extra files apart.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VERSION } from './version.js';

export const MANIFEST = 'manifest.json';

export interface Manifest {
  generator: string;
  /** Hash of the inputs (collection and configuration entry). */
  inputHash: string;
  files: Record<string, string>;
}

export const sha256 = (content: string): string => createHash('sha256').update(content).digest('hex');

export function buildManifest(files: Map<string, string>, inputHash: string): Manifest {
  const entries = [...files.keys()].sort().map((name) => [name, sha256(files.get(name) as string)]);
  return { generator: `postman-codegen ${VERSION}`, inputHash, files: Object.fromEntries(entries) };
}

const manifestText = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

async function readManifest(out: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Writes the files: each through a temporary file and a rename, unchanged ones not at all (their
 * mtime stays), then removes what the previous manifest listed and this run no longer makes, and
 * writes the manifest last.
 */
export async function writeOutput(out: string, files: Map<string, string>, inputHash: string): Promise<WriteReport> {
  const previous = await readManifest(out);
  const report: WriteReport = { written: [], unchanged: [], removed: [] };
  const all = new Map(files);
  all.set(MANIFEST, manifestText(buildManifest(files, inputHash)));
  for (const [name, content] of all) {
    const target = path.join(out, name);
    if ((await readIfExists(target)) === content) {
      report.unchanged.push(name);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
    report.written.push(name);
  }
  for (const name of Object.keys(previous?.files ?? {})) {
    if (!files.has(name) && !name.includes('..')) {
      await rm(path.join(out, name), { force: true });
      report.removed.push(name);
    }
  }
  return report;
}

export interface CheckReport {
  stale: string[];
  missing: string[];
  extra: string[];
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
  return [`--- ${name} (on disk)`, `+++ ${name} (generated)`, `@@ line ${start + 1} @@`, ...context, ...removed, ...added].join('\n');
}

/** Compares what the generator makes now with what is on disk. */
export async function checkOutput(out: string, files: Map<string, string>): Promise<CheckReport> {
  const previous = await readManifest(out);
  const report: CheckReport = { stale: [], missing: [], extra: [] };
  for (const [name, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const disk = await readIfExists(path.join(out, name));
    if (disk === undefined) report.missing.push(name);
    else if (disk !== content) {
      report.stale.push(name);
      report.firstDiff ??= shortDiff(name, disk, content);
    }
  }
  for (const name of Object.keys(previous?.files ?? {}).sort()) {
    if (!files.has(name) && (await readIfExists(path.join(out, name))) !== undefined) report.extra.push(name);
  }
  return report;
}
