/**
 * Nothing in a collection file is lost quietly: every request becomes an operation or is named
 * in a diagnostic. The requests in a file are counted here from the raw JSON of each format,
 * without the loader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCollection, parseCollection } from '../generator/load/index.js';
import { buildModel } from '../generator/model/index.js';
import { allOperations, collectionOf, corpusNames, fixture } from './helpers.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The requests a file holds, by the rules of its own format. */
export function countRawRequests(json: unknown): number {
  let root = json as Json;
  if (isObject(root.collection) && !('item' in root) && !('requests' in root)) root = root.collection;
  // v1: every entry of requests[], wherever (or whether) an order names it.
  if (Array.isArray(root.requests)) return root.requests.length;
  // v2: every entry of an item list that is not a folder, and every folder that also carries a request.
  const count = (items: unknown): number =>
    Array.isArray(items)
      ? items.reduce<number>((sum, item) => {
          if (!isObject(item)) return sum + 1;
          if (!Array.isArray(item.item)) return sum + 1;
          return sum + (item.request !== undefined && item.request !== null ? 1 : 0) + count(item.item);
        }, 0)
      : 0;
  return count(root.item);
}

function expectConserved(raw: unknown, loaded: ReturnType<typeof parseCollection>): void {
  const { model, diagnostics } = buildModel(loaded);
  expect(allOperations(model).length + loaded.skipped.length).toBe(countRawRequests(raw));
  for (const skipped of loaded.skipped) expect(skipped.why).not.toBe('');
  // Whatever was skipped is also said: no skip without a warning.
  if (loaded.skipped.length > 0) expect(diagnostics.some((d) => d.level === 'warning')).toBe(true);
}

describe('request conservation', () => {
  const files = corpusNames().filter((name) => name.endsWith('.json'));
  const folders = corpusNames().filter((name) => !name.endsWith('.json'));

  it.each(files)('%s: requests in the file = operations + skipped', async (name) => {
    const raw = JSON.parse(readFileSync(fixture(name), 'utf8'));
    expectConserved(raw, await loadCollection(fixture(name)));
  });

  it.each(folders)('%s (v3 folder): request files = operations + skipped', async (name) => {
    // Every *.request.yaml outside .resources and outside hidden folders is a request of the collection.
    const requestFiles = readdirSync(fixture(name), { recursive: true, encoding: 'utf8' }).filter(
      (file) => /\.request\.ya?ml$/.test(file) && !file.split(/[\\/]/).some((part) => part.startsWith('.')),
    );
    const loaded = await loadCollection(fixture(name));
    expect(requestFiles.length).toBeGreaterThan(0);
    expect(allOperations(buildModel(loaded).model).length + loaded.skipped.length).toBe(requestFiles.length);
  });

  it('holds for v2 items without a request and folders that carry one', () => {
    const raw = collectionOf([
      { name: 'Empty' },
      { name: 'Folder', item: [{ name: 'Inner', request: 'https://x.io/inner' }], request: 'https://x.io/folder' },
      { name: 'Real', request: 'https://x.io' },
    ]);
    const loaded = parseCollection(JSON.stringify(raw), 'x.json');
    expectConserved(raw, loaded);
    expect(loaded.skipped.map((s) => s.why)).toEqual([
      'it has no request',
      expect.stringContaining('both "item" and "request"'),
    ]);
  });

  it('holds for v1 requests with missing, repeated and doubly listed ids', () => {
    const raw = {
      name: 'v1',
      order: ['a', 'b'],
      folders: [{ id: 'f', name: 'F', order: ['a'] }],
      requests: [
        { id: 'a', name: 'A', url: 'https://x.io/a', method: 'GET' },
        { id: 'a', name: 'A again', url: 'https://x.io/a2', method: 'GET' },
        { name: 'No id', url: 'https://x.io/n', method: 'GET' },
        { id: 'b', name: 'B', url: 'https://x.io/b', method: 'GET' },
        'not a request',
      ],
    };
    const loaded = parseCollection(JSON.stringify(raw), 'v1.json');
    expectConserved(raw, loaded);
    const names = buildModel(loaded).model;
    expect(
      allOperations(names)
        .map((o) => o.name)
        .sort(),
    ).toEqual(['A', 'A again', 'B', 'No id']);
    expect(loaded.skipped).toEqual([{ where: 'v1.json ($.requests[4])', why: 'it is not an object' }]);
  });
});

describe('a v1 export whose requests are in no folder and no order', () => {
  it('puts every request at the top level, with one warning naming them', async () => {
    const loaded = await loadCollection(fixture('v1-orphans.json'));
    const { model, diagnostics } = buildModel(loaded);
    expect(model.operations.map((o) => `${o.method} ${o.name}`)).toEqual([
      'GET List notes',
      'POST Create note',
      'GET Get note',
      'DELETE Delete note',
    ]);
    const warning = diagnostics.find((d) => d.message.includes('listed in no folder and no order'));
    expect(warning?.message).toContain('"List notes", "Create note", "Get note", "Delete note"');
    expect(warning?.level).toBe('warning');
  });

  it('keeps a folder that no folders_order lists', () => {
    const raw = {
      name: 'v1',
      folders_order: [],
      folders: [{ id: 'f', name: 'Hidden', order: ['a'] }],
      requests: [{ id: 'a', name: 'A', url: 'https://x.io/a', method: 'GET' }],
    };
    const loaded = parseCollection(JSON.stringify(raw), 'v1.json');
    expect(buildModel(loaded).model.resources.map((r) => [r.name, r.operations.map((o) => o.name)])).toEqual([
      ['Hidden', ['A']],
    ]);
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('folders_order')]);
  });
});

describe('a v2 collection without an info block', () => {
  it('is read as newman reads it: name, description, variables and auth from the top level', async () => {
    const loaded = await loadCollection(fixture('v2-without-info.json'));
    expect(loaded.format).toBe('v2.1');
    const { model } = buildModel(loaded);
    expect(model.name).toBe('Info-less collection');
    expect(model.description).toContain('as newman runs it');
    expect(model.baseUrl.default).toBe('https://infoless.example.com/api');
    expect(model.auth.type).toBe('bearer');
    expect(allOperations(model).map((o) => o.name)).toEqual(['Ping', 'List items', 'Get item']);
  });
});
