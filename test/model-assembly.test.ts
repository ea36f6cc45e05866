/**
 * How the builder puts a model together: the level a nested folder's auth and scripts are named
 * by, and the order of the configuration steps (inference first, then the overrides that win over
 * it).
 */
import { describe, expect, it } from 'vitest';
import { buildModel, type BuildOptions, type Schema } from '../generator/model/index.js';
import { describedFields } from '../generator/model/described-fields.js';
import type { ItemRecord, RequestItemRecord, RequestRecord, ResponseRecord } from '../generator/records.js';
import { operationByName } from './helpers.js';

const request = (path: string[], parts: Partial<RequestRecord> = {}): RequestRecord => ({
  method: 'GET',
  url: { protocol: 'https', host: 'x.io', path, variables: [], query: [] },
  headers: [],
  ...parts,
});

const item = (name: string, parts: Partial<RequestItemRecord> = {}): RequestItemRecord => ({
  kind: 'request',
  id: name,
  name,
  events: [],
  variables: [],
  request: request(['a']),
  responses: [],
  ...parts,
});

const folder = (name: string, items: ItemRecord[], parts: Partial<ItemRecord> = {}): ItemRecord =>
  ({ kind: 'folder', id: name, name, events: [], variables: [], items, ...parts }) as ItemRecord;

const answer = (body: unknown): ResponseRecord => ({
  name: 'ok',
  code: 200,
  headers: [{ key: 'Content-Type', value: 'application/json' }],
  body: JSON.stringify(body),
});

const build = (items: ItemRecord[], options?: BuildOptions) =>
  buildModel(
    {
      file: 'api.json',
      format: 'v2.1',
      collection: { name: 'API', events: [], variables: [], items },
      diagnostics: [],
      skipped: [],
    },
    options,
  ).model;

describe('a nested folder', () => {
  it('is named by its whole path as the level its auth and scripts come from', () => {
    const model = build([
      folder('Outer', [
        folder('Inner', [item('Op')], {
          auth: { type: 'bearer', params: [{ key: 'token', value: '{{innerToken}}' }] },
          events: [{ listen: 'test', source: 'pm.test()', disabled: false }],
          variables: [{ key: 'innerVar', value: 'v' }],
        }),
      ]),
    ]);
    const op = operationByName(model, 'Op');
    expect(op.auth).toEqual({ type: 'bearer', params: { token: '{{innerToken}}' }, inheritedFrom: 'Outer / Inner' });
    expect(op.scripts).toEqual({ prerequest: [], test: ['Outer / Inner'] });
    expect(model.variables.find((variable) => variable.name === 'innerVar')?.scope).toBe('Outer / Inner');
  });
});

describe('configuration steps', () => {
  it('lets a body override win over the required fields of the inference settings', () => {
    const override = (): Schema => ({
      type: 'object',
      properties: { name: { type: 'string' }, tag: { type: 'string' } },
      required: [],
    });
    const model = build(
      [
        item('Create', {
          request: request(['a'], {
            method: 'POST',
            body: { mode: 'raw', raw: '{"name": "x", "tag": "y"}', language: 'json' },
          }),
        }),
      ],
      {
        inference: { requiredFields: { Create: ['name'] } },
        overrides: [{ operation: 'Create', request: override() }],
      },
    );
    expect(operationByName(model, 'Create').body?.schema).toEqual(override());
  });

  it('lets a response override win over the entity the answer was pooled into', () => {
    const app = { id: 'a-1', name: 'Shop' };
    const model = build(
      [
        folder('Apps', [
          item('One', { request: request(['a', '1']), responses: [answer(app)] }),
          item('Two', { request: request(['a', '2']), responses: [answer(app)] }),
        ]),
      ],
      { overrides: [{ operation: 'Apps / One', responses: { '200': { type: 'unknown' } } }] },
    );
    expect(operationByName(model, 'One').responses[0]).toMatchObject({
      schema: { type: 'unknown' },
      schemaSource: 'override',
    });
    expect(operationByName(model, 'Two').responses[0]?.schema).toMatchObject({ type: 'object', name: 'App' });
  });
});

describe('fields a description marks', () => {
  it('finds a name holding pattern characters only as itself', () => {
    const marks = (description: string) => Object.fromEntries(describedFields(description, ['a|b', 'a', '(x)']));
    expect(marks('`a` is required')).toEqual({ a: 'required' });
    expect(marks('`a|b` is optional')).toEqual({ 'a|b': 'optional' });
    expect(marks('`x` is required')).toEqual({});
    expect(marks('`(x)` is required')).toEqual({ '(x)': 'required' });
  });
});
