/**
 * Collection trees that break a converter or a recursive walk: ids that are Object.prototype's
 * own names, folders that list themselves or sit in two places, folders nested hundreds deep,
 * and nameless things the converter names at random. Each loads the same way on every run, or
 * is refused with a CodegenError, and nothing outside the collection changes.
 */
import { describe, expect, it } from 'vitest';
import { CodegenError } from '../generator/errors.js';
import { parseCollection } from '../generator/load/index.js';
import type { ItemRecord } from '../generator/records.js';
import { buildModel } from '../generator/model/index.js';
import { V21 } from './helpers.js';

const load = (json: unknown) => parseCollection(JSON.stringify(json), 'tree.json');

/** The item tree as names, folders as [name, children]. */
function shape(items: ItemRecord[]): unknown[] {
  return items.map((item) => (item.kind === 'folder' ? [item.name, shape(item.items)] : item.name));
}

const v1Request = (id: string, name: string) => ({ id, name, url: `https://api.test/${name}`, method: 'GET' });

describe('v1 ids that are names of Object.prototype', () => {
  it('change nothing outside the collection, and their requests and folders keep their places', () => {
    const loaded = load({
      id: 'c',
      name: 'Proto',
      requests: [v1Request('__proto__', 'first'), v1Request('constructor', 'second'), v1Request('toString', 'third')],
      folders: [
        { id: 'hasOwnProperty', name: 'Folder', order: ['constructor', 'toString'], folders_order: [] },
        { id: 'valueOf', name: 'Inner', order: [], folders_order: [] },
      ],
      folders_order: ['hasOwnProperty', '__proto__'],
      order: ['__proto__'],
    });
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).id).toBeUndefined();
    expect(shape(loaded.collection.items)).toEqual([['Folder', ['second', 'third']], ['Inner', []], 'first']);
  });
});

describe('v1 folders listed in their own folders_order or in two', () => {
  it('are each in one place, the first, with a warning', () => {
    const loaded = load({
      id: 'c',
      name: 'Cycles',
      requests: [v1Request('r1', 'one')],
      folders: [
        { id: 'a', name: 'A', order: ['r1'], folders_order: ['a', 'b'] },
        { id: 'b', name: 'B', order: [], folders_order: ['a'] },
        { id: 'c1', name: 'C', order: [], folders_order: ['d'] },
        { id: 'd', name: 'D', order: [], folders_order: ['c1'] },
      ],
      folders_order: ['a'],
    });
    expect(shape(loaded.collection.items)).toEqual([
      ['A', [['B', []], 'one']],
      ['C', [['D', []]]],
    ]);
    expect(loaded.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      '3 folder(s) listed in more than one folders_order (or in their own) are kept in the first place only',
      '2 folder(s) not reached from the top level (listed in no folders_order, or only in a cycle of folders) were placed at the top level',
    ]);
  });
});

describe('things the converter would name at random', () => {
  it('a v1 folder without an id gets the same id on every run', () => {
    const json = {
      id: 'c',
      name: 'No folder id',
      requests: [{ ...v1Request('r1', 'one'), folder: 'f1' }],
      folders: [{ name: 'F', order: ['r1'] }],
    };
    const [first, second] = [load(json), load(json)];
    expect(first.collection.items[0]?.id).toBe(second.collection.items[0]?.id);
    expect(first.collection.items[0]?.id).toMatch(/^v1-folder-[0-9a-f]{16}$/);
  });

  it('a v2.0 variable without a key or an id is left out, so the client is the same on every run', () => {
    const json = {
      info: { name: 'v', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      item: [{ name: 'a', request: { method: 'GET', url: 'https://api.example.com/a' } }],
      variable: [{ key: '', value: 'x' }, { value: 'y' }, 5, 'x', true, { key: 'kept', value: 'z' }],
    };
    const names = (): string[] => buildModel(load(json)).model.variables.map((variable) => variable.name);
    expect(names()).toEqual(['kept']);
    expect(names()).toEqual(['kept']);
  });
});

describe('folders nested deeper than any client needs', () => {
  // As text: JSON.stringify itself cannot write 5,000 levels.
  const nested = (depth: number): string => {
    const opening = Array.from({ length: depth }, (_, level) => `{"name":"f${level + 1}","item":[`).join('');
    const leaf = '{"name":"leaf","request":{"method":"GET","url":"https://api.test/leaf"}}';
    return `{"info":{"name":"Deep","schema":"${V21}"},"item":[${opening}${leaf}${']}'.repeat(depth)}]}`;
  };
  const loadText = (text: string) => parseCollection(text, 'tree.json');

  it('load up to 64 levels', () => {
    expect(buildModel(loadText(nested(64))).model.resources).toHaveLength(1);
  });

  it('are refused past 64 levels with a CodegenError naming the first and last folders, even 5,000 deep', () => {
    for (const depth of [65, 5_000]) {
      let error: unknown;
      try {
        loadText(nested(depth));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CodegenError);
      expect((error as CodegenError).message).toBe('folders nest more than 64 deep.');
      expect((error as CodegenError).where).toMatch(
        /^item "f1 \/ f2 \/ … \/ f64 \/ f65" at \$\.item\[0\](\.item\[0\]){64}$/,
      );
    }
  });

  it('in v1, past 64 levels through folders_order, are refused the same way', () => {
    const folders = Array.from({ length: 70 }, (_, index) => ({
      id: `f${index + 1}`,
      name: `F${index + 1}`,
      order: [],
      folders_order: index < 69 ? [`f${index + 2}`] : [],
    }));
    expect(() => load({ id: 'c', name: 'Deep v1', requests: [], folders, folders_order: ['f1'] })).toThrow(
      'folders nest more than 64 deep.',
    );
  });
});

describe('a URL object with raw but no host and no path', () => {
  it('is read from raw, and keeps its own query and path-variable lists with their descriptions', () => {
    const { model } = buildModel(
      load({
        info: { name: 'Raw', schema: V21 },
        item: [
          {
            name: 'Get user',
            request: {
              method: 'GET',
              url: {
                raw: 'https://x.io/users/:id',
                query: [{ key: 'page', value: '1', description: 'Page number' }],
                variable: [{ key: 'id', value: '7', description: 'The user id' }],
              },
            },
          },
        ],
      }),
    );
    const operation = model.operations[0];
    expect(model.baseUrl.raw).toBe('https://x.io');
    expect(operation?.pathTemplate).toBe('/users/{id}');
    expect(operation?.query.map((param) => [param.name, param.example, param.description])).toEqual([
      ['page', '1', 'Page number'],
    ]);
    expect(operation?.pathParams.map((param) => [param.name, param.example, param.description])).toEqual([
      ['id', '7', 'The user id'],
    ]);
  });
});
