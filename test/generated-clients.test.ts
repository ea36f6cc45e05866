/**
 * Clients generated from the fixture corpus: each must type-check under strict settings, the
 * same input must give the same bytes, and each is kept as file snapshots.
 */
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClient } from '../generator/pipeline.js';
import { corpusNames, fixture, root } from './helpers.js';
import { typeCheck, writeFiles } from './support.js';

describe('clients generated from the fixture corpus', async () => {
  const names = corpusNames();
  const workspace = await mkdtemp(path.join(tmpdir(), 'pc-clients-'));
  await writeFile(path.join(workspace, 'package.json'), '{"type": "module"}\n');
  const generated = new Map<string, Awaited<ReturnType<typeof generateClient>>>();
  for (const name of names) {
    const result = await generateClient({ collection: fixture(name), out: path.join(workspace, name) });
    generated.set(name, result);
    await writeFiles(path.join(workspace, name.replace(/\.json$/, '')), result.files);
  }

  it('all type-check under strict settings', () => {
    const entries = names.map((name) => path.join(workspace, name.replace(/\.json$/, ''), 'index.ts'));
    expect(typeCheck(entries)).toEqual([]);
  }, 120_000);

  it('are byte-identical when generated again', async () => {
    for (const name of names) {
      const again = await generateClient({ collection: fixture(name), out: 'unused' });
      expect([...again.files.entries()]).toEqual([...(generated.get(name)?.files.entries() ?? [])]);
    }
  });

  it('report auth types the client cannot perform, once each', () => {
    const warnings = generated.get('auth-types.json')?.diagnostics.map((d) => d.message) ?? [];
    const unsupported = warnings.filter((message) => message.startsWith('auth type'));
    expect(unsupported.map((message) => /"(\w+)"/.exec(message)?.[1])).toEqual([
      'asap',
      'awsv4',
      'digest',
      'edgegrid',
      'hawk',
      'jwt',
      'ntlm',
      'oauth1',
    ]);
    const operations = generated.get('auth-types.json')?.files.get('client.ts') ?? '';
    expect(operations).toContain('this operation uses `digest` auth, which the generated client cannot perform');
  });

  it.each(['odd-names.json', 'odd-names-v3'])(
    'keep hostile names inside comments and string literals (%s)',
    async (name) => {
      const files = generated.get(name)?.files;
      const client = files?.get('client.ts') ?? '';
      // The request named `end */ comment` must not close the comment it appears in.
      expect(client).toContain('end *\\/ comment');
      expect(client).not.toMatch(/^[^*\n]*\$\{process\.exit/m);
      const module = await import(path.join(workspace, name.replace(/\.json$/, ''), 'client.ts'));
      expect(
        typeof module.OddNamesXClient === 'function' || Object.keys(module).some((key) => key.endsWith('Client')),
      ).toBe(true);
    },
  );

  it('match their snapshots, every one of them', async () => {
    for (const name of names) {
      const files = generated.get(name)?.files ?? new Map<string, string>();
      for (const file of ['client.ts', 'operations.ts', 'types.ts']) {
        await expect(files.get(file)).toMatchFileSnapshot(`__snapshots__/${name.replace(/\.json$/, '')}/${file}.snap`);
      }
    }
  });
});

describe('the committed Accengage client', () => {
  it('type-checks under strict settings', () => {
    expect(typeCheck([path.join(root, 'generated/accengage/index.ts')])).toEqual([]);
  }, 120_000);

  it('has no runtime dependency: only relative imports', async () => {
    const folder = path.join(root, 'generated/accengage');
    const files = [
      ...(await readdir(folder)),
      ...(await readdir(path.join(folder, 'runtime'))).map((name) => `runtime/${name}`),
    ].filter((name) => name.endsWith('.ts'));
    for (const file of files) {
      const text = await import('node:fs/promises').then((fs) => fs.readFile(path.join(folder, file), 'utf8'));
      for (const match of text.matchAll(/from\s+'([^']+)'/g)) expect(match[1], file).toMatch(/^\.\.?\//);
    }
  });
});
