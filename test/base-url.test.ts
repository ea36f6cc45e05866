/** Where a generated client sends requests when the collection's base URL is a variable, composed, or missing. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClient } from '../generator/pipeline.js';
import { collectionOf } from './helpers.js';
import { typeCheck, writeFiles } from './support.js';

type AnyClient = new (options: Record<string, unknown>) => { get(params?: object): Promise<unknown> };

async function clientFor(collection: unknown): Promise<{ Client: AnyClient; source: string; diagnostics: string[] }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-base-'));
  await writeFile(path.join(folder, 'package.json'), '{"type": "module"}\n');
  const file = path.join(folder, 'c.json');
  await writeFile(file, JSON.stringify(collection));
  const generated = await generateClient({ collection: file, out: 'unused', name: 'Base' });
  await writeFiles(path.join(folder, 'client'), generated.files);
  const module = (await import(path.join(folder, 'client', 'index.ts'))) as { BaseClient: AnyClient };
  return {
    Client: module.BaseClient,
    source: generated.files.get('client.ts') ?? '',
    diagnostics: typeCheck([path.join(folder, 'client', 'index.ts')]),
  };
}

function recorder() {
  const urls: string[] = [];
  const fetch = (async (url: string) => {
    urls.push(String(url));
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { urls, fetch };
}

const get = (url: string) => ({ name: 'Get', request: { method: 'GET', url } });

describe('base URLs', () => {
  it('serves {{base_url}} with the baseUrl option and its default', async () => {
    const { Client, source, diagnostics } = await clientFor(
      collectionOf([get('{{base_url}}/v1/x')], { variable: [{ key: 'base_url', value: 'https://api.example.com' }] }),
    );
    expect(diagnostics).toEqual([]);
    expect(source).not.toMatch(/baseUrl2/);
    const { urls, fetch } = recorder();
    await new Client({ fetch }).get();
    await new Client({ fetch, baseUrl: 'https://staging.example.com' }).get();
    expect(urls).toEqual(['https://api.example.com/v1/x', 'https://staging.example.com/v1/x']);
  });

  it('requires baseUrl when the collection leaves it to an environment', async () => {
    const { Client, source, diagnostics } = await clientFor(collectionOf([get('{{baseUrl}}/v1/x')]));
    expect(diagnostics).toEqual([]);
    expect(source).toMatch(/^\s+baseUrl: string;$/m);
    const { urls, fetch } = recorder();
    await new Client({ fetch, baseUrl: 'https://env.example.com/' }).get();
    expect(urls).toEqual(['https://env.example.com/v1/x']);
  });

  it('requires baseUrl for relative URLs', async () => {
    const { source, diagnostics } = await clientFor(collectionOf([get('/v1/x')]));
    expect(diagnostics).toEqual([]);
    expect(source).toMatch(/^\s+baseUrl: string;$/m);
  });

  it('composes a base URL from its variables when no baseUrl is given', async () => {
    const { Client, diagnostics } = await clientFor(
      collectionOf([get('https://{{region}}.api.example.com/v1/x')], { variable: [{ key: 'region', value: 'eu' }] }),
    );
    expect(diagnostics).toEqual([]);
    const { urls, fetch } = recorder();
    await new Client({ fetch }).get();
    await new Client({ fetch, region: 'us' }).get();
    expect(urls).toEqual(['https://eu.api.example.com/v1/x', 'https://us.api.example.com/v1/x']);
  });
});
