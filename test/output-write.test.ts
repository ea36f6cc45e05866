/**
 * Writing an output folder: files are compared and written several at a time, yet the report
 * keeps the files' order, and a failure anywhere leaves the previous folder as it was with no
 * staging folder behind.
 */
import { execFileSync } from 'node:child_process';
import { lstat, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, checkOutput, readPreviousModel, sha256, writeOutput } from '../generator/output.js';

/** Forty files in a shuffled, nested order, large and small, so that they finish out of order. */
function manyFiles(version: string): Map<string, string> {
  const files = new Map<string, string>();
  for (let index = 0; index < 40; index++) {
    const name = index % 3 === 0 ? `docs/part-${39 - index}.md` : `file-${(index * 7) % 40}.ts`;
    files.set(name, `${version} ${name}\n`.repeat(index % 5 === 0 ? 20_000 : 1));
  }
  return files;
}

describe('writeOutput', () => {
  it('reports written and unchanged files in the order they were given', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'pc-write-')), 'out');
    const first = manyFiles('v1');
    const written = await writeOutput(out, first, 'hash-1');
    expect(written.written).toEqual([...first.keys(), MANIFEST]);

    // Every other file changes: the two lists interleave in the given order.
    const second = new Map([...first].map(([name, text], index) => [name, index % 2 ? text : `changed ${text}`]));
    const report = await writeOutput(out, second, 'hash-2');
    const names = [...second.keys()];
    expect(report.written).toEqual([...names.filter((_, index) => index % 2 === 0), MANIFEST]);
    expect(report.unchanged).toEqual(names.filter((_, index) => index % 2 === 1));
    for (const [name, text] of second) expect(await readFile(path.join(out, name), 'utf8')).toBe(text);
  });

  it('leaves the previous folder intact and no staging folder when one file cannot be written', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'pc-write-fail-'));
    const out = path.join(parent, 'out');
    const before = manyFiles('v1');
    await writeOutput(out, before, 'hash-1');
    const listing = (await readdir(out, { recursive: true })).sort();

    // A file named "docs" and the folder "docs" cannot both be made: one of the first files in
    // flight fails while the others are still being written.
    const after = new Map([['docs', 'x'], ...manyFiles('v2')]);
    await expect(writeOutput(out, after, 'hash-2')).rejects.toThrow(/ENOTDIR|EEXIST|EISDIR/);
    expect((await readdir(parent)).sort()).toEqual(['out']);
    expect((await readdir(out, { recursive: true })).sort()).toEqual(listing);
    for (const [name, text] of before) expect(await readFile(path.join(out, name), 'utf8')).toBe(text);
  });

  it('keeps a symlink to the same content as it is, and replaces a FIFO without waiting on it', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'pc-write-odd-'));
    const out = path.join(parent, 'out');
    const files = manyFiles('v1');
    await writeOutput(out, files, 'hash-1');
    const [linked, piped] = [...files.keys()].filter((name) => !name.includes('/'));
    // The user keeps one file elsewhere and links it in; another path is now a FIFO nobody writes to.
    await writeFile(path.join(parent, 'kept.ts'), files.get(linked as string) as string);
    await rm(path.join(out, linked as string));
    await symlink(path.join(parent, 'kept.ts'), path.join(out, linked as string));
    await rm(path.join(out, piped as string));
    execFileSync('mkfifo', [path.join(out, piped as string)]);

    const report = await writeOutput(out, files, 'hash-1');
    expect(report.unchanged).toContain(linked);
    expect((await lstat(path.join(out, linked as string))).isSymbolicLink()).toBe(true);
    expect(report.written).toEqual([piped]);
    expect((await lstat(path.join(out, piped as string))).isFile()).toBe(true);
    expect(await readFile(path.join(out, piped as string), 'utf8')).toBe(files.get(piped as string));
  });

  it('touches nothing when nothing changed, and keeps every unchanged file when one late file changes', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'pc-write-same-'));
    const out = path.join(parent, 'out');
    const files = manyFiles('v1');
    await writeOutput(out, files, 'hash-1');
    const inodes = async (): Promise<Map<string, number>> =>
      new Map(
        await Promise.all(
          [...files.keys()].map(async (name) => [name, (await stat(path.join(out, name))).ino] as const),
        ),
      );
    const before = await inodes();
    const parentTime = (await stat(parent)).mtimeMs;

    const same = await writeOutput(out, files, 'hash-1');
    expect(same.written).toEqual([]);
    // No staging folder was made beside it: the parent folder did not change.
    expect((await stat(parent)).mtimeMs).toBe(parentTime);

    const last = [...files.keys()].at(-1) as string;
    const changed = new Map(files).set(last, 'v2\n');
    const report = await writeOutput(out, changed, 'hash-1');
    expect(report.written).toEqual([last, MANIFEST]);
    const after = await inodes();
    for (const [name, inode] of before) if (name !== last) expect(after.get(name)).toBe(inode);
    expect(await readFile(path.join(out, last), 'utf8')).toBe('v2\n');
    expect((await readdir(parent)).sort()).toEqual(['out']);
  });

  it('writes and compares every file byte for byte, whatever the sizes and characters of the files before it', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'pc-write-bytes-')), 'out');
    // Characters of one to four UTF-8 bytes and a lone surrogate, in files that grow and shrink
    // from one to the next, more of them than are handled at once.
    const pieces = ['a', 'é', '€', '😀', '\ud800', '\n'];
    const files = new Map<string, string>();
    for (let index = 0; index < 30; index++) {
      const size = [5, 70_000, 300, 140_000, 1][index % 5] as number;
      let text = '';
      for (let at = 0; text.length < size; at++) text += pieces[(at * (index + 3)) % pieces.length];
      files.set(`f-${index}.txt`, text);
    }
    const first = await writeOutput(out, files, 'hash');
    expect(first.written).toEqual([...files.keys(), MANIFEST]);
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8')) as { files: Record<string, string> };
    for (const [name, text] of files) {
      const disk = await readFile(path.join(out, name));
      expect(disk.equals(Buffer.from(text))).toBe(true);
      expect(manifest.files[name]).toBe(sha256(Buffer.from(text)));
    }
    expect((await writeOutput(out, files, 'hash')).written).toEqual([]);

    // One character changed near the end of a large file, another file one character shorter.
    const changed = new Map(files);
    const large = files.get('f-3.txt') as string;
    changed.set('f-3.txt', `${large.slice(0, -2)}b${large.slice(-1)}`);
    changed.set('f-6.txt', (files.get('f-6.txt') as string).slice(0, -1));
    const report = await writeOutput(out, changed, 'hash');
    expect(report.written).toEqual(['f-3.txt', 'f-6.txt', MANIFEST]);
    for (const [name, text] of changed)
      expect((await readFile(path.join(out, name))).equals(Buffer.from(text))).toBe(true);
  });

  it('neither checks nor writes wait on a FIFO named like the manifest, model.json or a generated file', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'pc-write-fifo-')), 'out');
    const files = new Map([...manyFiles('v1'), ['model.json', '{}\n']]);
    await writeOutput(out, files, 'hash-1');
    const generated = [...files.keys()][1] as string;
    for (const name of [MANIFEST, 'model.json', generated]) {
      await rm(path.join(out, name));
      execFileSync('mkfifo', [path.join(out, name)]);
    }
    // Nobody writes to these FIFOs: a read that waited on one would never return.
    const soon = <T>(promise: Promise<T>): Promise<T> =>
      Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('stalled')), 5_000))]);
    expect(await soon(readPreviousModel(out))).toBeUndefined();
    const check = await soon(checkOutput(out, files, 'hash-1'));
    expect(check.missing).toEqual([generated, 'model.json', MANIFEST].sort());
    const report = await soon(writeOutput(out, files, 'hash-1'));
    expect(report.written).toEqual([generated, 'model.json', MANIFEST]);
    for (const name of [MANIFEST, 'model.json', generated])
      expect((await lstat(path.join(out, name))).isFile()).toBe(true);
  });
});
