/** The docs and OpenAPI outputs: on by default, off per client, and alone with the docs command. */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../generator/cli.js';
import { validateClient } from '../generator/config.js';
import { CodegenError } from '../generator/errors.js';
import { generateClient } from '../generator/pipeline.js';
import { accengageCollection, fixture } from './helpers.js';

const outputs = (files: Map<string, string>): string[] =>
  [...files.keys()].filter((name) => name.startsWith('docs/') || name === 'openapi.json').sort();

describe('per-client switches', () => {
  it('write docs and openapi.json by default, and leave each out when set to false', async () => {
    const client = { collection: fixture('v2.0-basic.json'), out: 'unused' };
    const all = outputs((await generateClient(client)).files);
    expect(all).toEqual(expect.arrayContaining(['docs/index.html', 'docs/README.md', 'openapi.json']));
    expect(outputs((await generateClient({ ...client, docs: false })).files)).toEqual(['openapi.json']);
    expect(outputs((await generateClient({ ...client, openapi: false })).files)).toEqual(
      all.filter((name) => name !== 'openapi.json'),
    );
    expect(outputs((await generateClient({ ...client, docs: false, openapi: false })).files)).toEqual([]);
  });

  it('refuse anything but a boolean, naming the place', () => {
    expect(() =>
      validateClient({ collection: 'a.json', out: 'x', docs: 'yes' }, 'config.json', '$.clients[0]'),
    ).toThrow(CodegenError);
    expect(() => validateClient({ collection: 'a.json', out: 'x', openapi: 1 }, 'config.json', '$.clients[0]')).toThrow(
      /"openapi" must be true or false/,
    );
  });
});

describe('postman-codegen docs', () => {
  it('writes the page, the Markdown and openapi.json, and no client', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'pc-docs-cmd-')), 'site');
    let stdout = '';
    const io = { stdout: (text: string) => void (stdout += text), stderr: () => undefined };
    const code = await main(
      ['node', 'postman-codegen', 'docs', accengageCollection, '--out', out, '--config', 'postman-codegen.config.json'],
      io,
    );
    expect(code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files).toContain('index.html');
    expect(files).toContain('README.md');
    expect(files).toContain('devices.md');
    expect(files).toContain('openapi.json');
    expect(files.filter((name) => name.endsWith('.ts'))).toEqual([]);
    expect(stdout).toMatch(/22 operations documented/);
    // The config's settings reach the docs: the signing section is there.
    expect(await readFile(path.join(out, 'README.md'), 'utf8')).toContain('Accengage-Signature');
  });

  it('refuses a collection with nothing to document, writing nothing', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-docs-empty-'));
    const file = path.join(folder, 'empty.json');
    await writeFile(
      file,
      JSON.stringify({
        info: { name: 'Empty', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        item: [{ name: 'Folder', item: [] }],
      }),
    );
    let stderr = '';
    const code = await main(['node', 'postman-codegen', 'docs', file, '--out', path.join(folder, 'out')], {
      stdout: () => undefined,
      stderr: (text) => void (stderr += text),
    });
    expect(code).toBe(2);
    expect(stderr).toContain('empty.json');
    await expect(readdir(path.join(folder, 'out'))).rejects.toThrow();
  });
});
