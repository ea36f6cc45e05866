/**
 * Which answers the builder hands to entity pooling, and what else it passes on from an item:
 * the place named in diagnostics, the description that marks body fields required.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, type Operation } from '../generator/model/index.js';
import type { ItemRecord, RequestItemRecord, ResponseRecord } from '../generator/records.js';
import { allOperations, operationByName } from './helpers.js';

/** The name of the entity an operation's first answer is, if it is one. */
const entityOf = (operation: Operation): string | undefined => {
  const schema = operation.responses[0]?.schema;
  return schema?.type === 'object' ? schema.name : undefined;
};

const item = (name: string, path: string[], responses: ResponseRecord[], parts: Partial<RequestItemRecord> = {}) =>
  ({
    kind: 'request',
    id: name,
    name,
    events: [],
    variables: [],
    request: { method: 'GET', url: { protocol: 'https', host: 'x.io', path, variables: [], query: [] }, headers: [] },
    responses,
    ...parts,
  }) satisfies RequestItemRecord;

const folder = (name: string, items: ItemRecord[]): ItemRecord => ({
  kind: 'folder',
  id: name,
  name,
  events: [],
  variables: [],
  items,
});

const answer = (code: number, body: unknown, headers: Array<{ key: string; value: string }> = []): ResponseRecord => ({
  name: `answer ${code}`,
  code,
  headers: [{ key: 'Content-Type', value: 'application/json' }, ...headers],
  body: JSON.stringify(body),
});

const build = (items: ItemRecord[]) =>
  buildModel({
    file: 'api.json',
    format: 'v2.1',
    collection: { name: 'API', events: [], variables: [], items },
    diagnostics: [],
    skipped: [],
  });

const app = { id: 'a-1', name: 'Shop', createdAt: '2024-01-01T00:00:00Z' };
const names = (items: ItemRecord[]) =>
  Object.fromEntries(allOperations(build(items).model).map((op) => [op.name, entityOf(op)]));

describe('entity pooling reads success answers only', () => {
  it('takes answers without a status code', () => {
    expect(
      names([folder('Apps', [item('One', ['a', '1'], [answer(0, app)]), item('Two', ['a', '2'], [answer(0, app)])])]),
    ).toEqual({ One: 'App', Two: 'App' });
  });

  it('leaves 1xx and 3xx answers out', () => {
    for (const code of [199, 300])
      expect(
        names([
          folder('Apps', [item('One', ['a', '1'], [answer(code, app)]), item('Two', ['a', '2'], [answer(code, app)])]),
        ]),
      ).toEqual({ One: undefined, Two: undefined });
  });

  it('names nothing after a folder at the top level', () => {
    expect(names([item('One', ['a', '1'], [answer(200, app)]), item('Two', ['a', '2'], [answer(200, app)])])).toEqual({
      One: undefined,
      Two: undefined,
    });
  });

  it('never pools the envelope of a paged list, only its items', () => {
    const page = answer(200, { apps: [app], total: 1 }, [
      { key: 'Link', value: '<https://x.io/a?page=2>; rel="next"' },
    ]);
    const model = build([
      folder('Apps', [
        item('List', ['a'], [page]),
        item('Search', ['a', 's'], [page]),
        item('Get', ['a', '1'], [answer(200, app)]),
      ]),
    ]).model;
    const list = operationByName(model, 'List');
    expect(list.pagination).toEqual({ style: 'link-header', itemsAt: 'apps' });
    expect(list.responses[0]?.schema).toMatchObject({
      type: 'object',
      properties: { apps: { items: { name: 'App' } } },
    });
    expect(list.responses[0]?.schema).not.toHaveProperty('name');
    expect(entityOf(operationByName(model, 'Get'))).toBe('App');
  });

  it('pools the root of a paged answer that is one object', () => {
    const next = [{ key: 'Link', value: '<https://x.io/a?page=2>; rel="next"' }];
    const model = build([
      folder('Apps', [
        item('One', ['a', '1'], [answer(200, app, next)]),
        item('Two', ['a', '2'], [answer(200, app, next)]),
      ]),
    ]).model;
    expect(operationByName(model, 'One').pagination).toEqual({ style: 'link-header', itemsAt: '' });
    expect(allOperations(model).map((op) => entityOf(op))).toEqual(['App', 'App']);
  });
});

describe('what an item passes on', () => {
  it('names the item path in the diagnostics of its examples', () => {
    const broken: ResponseRecord = {
      name: 'broken',
      code: 200,
      headers: [{ key: 'Content-Type', value: 'application/json' }],
      body: '{no',
    };
    const { diagnostics } = build([folder('F', [item('Op', ['a'], [broken])])]);
    expect(diagnostics.map((d) => d.where)).toEqual(['F / Op']);
  });

  it("reads required body fields from the item's description", () => {
    const { model } = build([
      item('Create', ['a'], [], {
        description: 'The `tag` field is required.',
        request: {
          method: 'POST',
          url: { protocol: 'https', host: 'x.io', path: ['a'], variables: [], query: [] },
          headers: [],
          body: { mode: 'raw', raw: '{"name": "x", "tag": "y"}', language: 'json' },
        },
      }),
    ]);
    expect(operationByName(model, 'Create').body?.schema).toMatchObject({ required: ['tag'] });
  });
});
