/**
 * Model behaviour that only the removal of a whole statement would break, and that no other suite
 * reaches: each case names the statement it stands for.
 */
import { describe, expect, it } from 'vitest';
import type { ObjectSchema } from '../generator/model/index.js';
import { collectionOf, modelOfJson, operationByName } from './helpers.js';

describe('paging traits from the configuration', () => {
  // overrides.ts: `if (trait === false) delete operation.pagination;`
  it('take away the paging the examples showed when the configuration says false', () => {
    const collection = collectionOf([
      {
        name: 'List devices',
        request: { method: 'GET', url: 'https://x.io/devices?page=1' },
        response: [
          {
            name: 'first page',
            code: 200,
            header: [
              { key: 'Content-Type', value: 'application/json' },
              { key: 'Link', value: '<https://x.io/devices?page=2>; rel="next"' },
            ],
            body: JSON.stringify({ items: [{ id: 1 }] }),
          },
        ],
      },
    ]);
    const inferred = modelOfJson(collection).model;
    expect(operationByName(inferred, 'List devices').pagination).toEqual({
      style: 'link-header',
      itemsAt: 'items',
      pageParam: 'page',
    });
    const unpaged = modelOfJson(collection, { pagination: { 'List devices': false }, configFile: 'codegen.json' });
    expect(operationByName(unpaged.model, 'List devices').pagination).toBeUndefined();
  });
});

describe('fields a request description marks', () => {
  // described-fields.ts: `if (!mark) continue;` (a sentence that names a field but marks nothing)
  it('reads a mark from a later sentence when an earlier one names the field without marking it', () => {
    const collection = collectionOf([
      {
        name: 'Create device',
        request: {
          method: 'POST',
          url: 'https://x.io/devices',
          description: 'The `token` identifies the device. The `token` is required; `label` is shown as is.',
          body: { mode: 'raw', raw: '{"token": "t", "label": "l"}', options: { raw: { language: 'json' } } },
        },
      },
    ]);
    const schema = operationByName(modelOfJson(collection).model, 'Create device').body?.schema as ObjectSchema;
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['token']);
  });
});
