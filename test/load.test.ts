import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodegenError } from '../generator/errors.js';
import { loadCollection, parseCollection } from '../generator/load/index.js';
import { collectionOf, fixture, V21 } from './helpers.js';

function loadError(text: string): CodegenError {
  try {
    parseCollection(text, 'bad.json');
  } catch (error) {
    if (error instanceof CodegenError) return error;
    throw error;
  }
  throw new Error('expected a CodegenError');
}

describe('formats', () => {
  it('reads v2.1', async () => {
    const loaded = await loadCollection(fixture('body-modes.json'));
    expect(loaded.format).toBe('v2.1');
    expect(loaded.collection.name).toBe('Body modes');
  });

  it('converts v2.0, keeping folders, auth and examples', async () => {
    const loaded = await loadCollection(fixture('v2.0-basic.json'));
    expect(loaded.format).toBe('v2.0');
    const folder = loaded.collection.items[0];
    expect(folder).toMatchObject({ kind: 'folder', name: 'Orders' });
    const request = folder?.kind === 'folder' ? folder.items[0] : undefined;
    expect(request).toMatchObject({ kind: 'request', name: 'Get order' });
    expect(request?.kind === 'request' ? request.responses.length : 0).toBe(1);
  });

  it('converts v1, keeping folders and their order', async () => {
    const loaded = await loadCollection(fixture('v1-legacy.json'));
    expect(loaded.format).toBe('v1');
    const names = loaded.collection.items.map((item) => item.name);
    expect(names).toEqual(['Users', 'Health', 'Forecast']);
  });

  it('unwraps the {"collection": …} form of Postman\'s API', async () => {
    const loaded = await loadCollection(fixture('wrapped-export.json'));
    expect(loaded.collection.name).toBe('Wrapped export');
    expect(loaded.collection.items).toHaveLength(1);
  });

  it('gives items without ids stable ids, the same on every load', () => {
    const text = JSON.stringify(collectionOf([{ name: 'A', request: 'https://x.io/a' }]));
    const first = parseCollection(text, 'x.json').collection.items[0]?.id;
    const second = parseCollection(text, 'x.json').collection.items[0]?.id;
    expect(first).toMatch(/^h[0-9a-f]{16}$/);
    expect(second).toBe(first);
  });

  it('skips items that have no request, with a warning naming them', () => {
    const loaded = parseCollection(
      JSON.stringify(collectionOf([{ name: 'Empty' }, { name: 'Real', request: 'https://x.io' }])),
      'x.json',
    );
    expect(loaded.collection.items.map((item) => item.name)).toEqual(['Real']);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', where: expect.stringContaining('Empty') }),
    ]);
  });
});

describe('bad input', () => {
  it('names the line and column of a JSON syntax error', () => {
    const error = loadError('{\n  "info": {\n    "name": "x",\n  }\n}');
    expect(error.file).toBe('bad.json');
    expect(error.where).toBe('line 4, column 3');
    expect(error.format()).toMatch(/^bad\.json \(line 4, column 3\): is not valid JSON/);
  });

  it('places an unexpected end of input at the end', () => {
    expect(loadError('{"info": ').where).toBe('line 1, column 10');
  });

  it('refuses JSON that is not a collection', () => {
    expect(loadError('[1, 2]').message).toMatch(/top level is an array/);
    expect(loadError('{"openapi": "3.1.0"}').message).toMatch(/neither an "info" object/);
  });

  it('refuses an unknown schema version and names it', () => {
    const error = loadError(
      JSON.stringify({
        info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v3.0.0/collection.json' },
        item: [],
      }),
    );
    expect(error.message).toMatch(/v3\.0/);
    expect(error.where).toBe('$.info.schema');
  });

  it('names the item path of a structural error', () => {
    const text = JSON.stringify(
      collectionOf([{ name: 'Devices', item: [{ name: 'List devices', request: { method: 'GET', url: 42 } }] }]),
    );
    const error = loadError(text);
    expect(error.where).toBe('item "Devices / List devices" at $.item[0].item[0].request.url');
    expect(error.message).toMatch(/"request\.url" must be a string or an object, not a number/);
  });

  it('rejects an item list that is not an array', () => {
    const error = loadError(JSON.stringify({ info: { name: 'x', schema: V21 }, item: [{ name: 'F', item: 'nope' }] }));
    expect(error.where).toContain('item "F"');
  });

  it('says when a file does not exist or is a folder', async () => {
    await expect(loadCollection('/nonexistent/x.json')).rejects.toThrow(/does not exist/);
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-'));
    await expect(loadCollection(folder)).rejects.toThrow(/is a folder/);
  });

  it('accepts a byte order mark', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-'));
    const file = path.join(folder, 'bom.json');
    await writeFile(file, `\uFEFF${JSON.stringify(collectionOf([]))}`);
    await expect(loadCollection(file)).resolves.toMatchObject({ format: 'v2.1' });
  });
});

describe('JSON syntax errors', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['{"a": 1,}', 'line 1, column 9', /expected a double-quoted property name, found '}'/],
    ['{"a": 1 "b": 2}', 'line 1, column 9', /expected ',' or '}'/],
    ['[1, 2', 'line 1, column 6', /expected ',' or '\]'.*end of the file/],
    ['{"a": "x\ny"}', 'line 1, column 9', /control character/],
    ['{"a": tru}', 'line 1, column 7', /unexpected 't'/],
    ['{} {}', 'line 1, column 4', /after the end of the JSON value/],
    ['', 'line 1, column 1', /expected a value/],
  ];
  it.each(cases)('%j → %s', (text, where, reason) => {
    const error = loadError(text);
    expect(error.where).toBe(where);
    expect(error.message).toMatch(reason);
  });
});
