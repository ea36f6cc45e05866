/**
 * The loader reads v2.1 JSON itself; Postman's SDK is the reference for what that JSON means.
 * Every fixture, the Accengage collection, a synthetic one and generated collections full of the
 * format's loose forms must give the same records both ways.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { loadCollection, parseCollection } from '../generator/load/index.js';
import type * as records from '../generator/load/records.js';
import { collectionRecord } from '../generator/load/records.js';
import { assignMissingIds } from '../generator/load/validate.js';
import type { CollectionRecord, ItemRecord, PairRecord, ResponseRecord } from '../generator/records.js';
import { syntheticCollection } from '../scripts/bench/synthetic.js';
import { Collection } from './support/sdk.js';
import { sdkCollectionRecord } from './support/sdk-records.js';
import { accengageCollection, corpusNames, fixture } from './helpers.js';

/** The v2.1 JSON each parse hands to the record reader, captured as it was. */
const handed = vi.hoisted(() => [] as unknown[]);
vi.mock('../generator/load/records.js', async (importOriginal) => {
  const actual = await importOriginal<typeof records>();
  return {
    ...actual,
    collectionRecord: (v21: Record<string, unknown>) => {
      handed.push(structuredClone(v21));
      return actual.collectionRecord(v21);
    },
  };
});

/**
 * The SDK names a saved example's status from its code when the file gives none; the model reads
 * the status text only when there is no code, so only then is it compared.
 */
function comparable(record: CollectionRecord): CollectionRecord {
  const response = (example: ResponseRecord): ResponseRecord => {
    const { status, ...rest } = example;
    return example.code === 0 && status !== undefined ? { ...rest, status } : rest;
  };
  const item = (entry: ItemRecord): ItemRecord =>
    entry.kind === 'folder'
      ? { ...entry, items: entry.items.map(item) }
      : { ...entry, responses: entry.responses.map(response) };
  return { ...record, items: record.items.map(item) };
}

function sdkReading(v21: Record<string, unknown>): CollectionRecord {
  return comparable(sdkCollectionRecord(new Collection(structuredClone(v21) as never), v21));
}

describe('the loader reads collections as the Postman SDK does', () => {
  it('on every fixture, the Accengage collection and a synthetic collection', async () => {
    const inputs = [...corpusNames().map((name) => fixture(name)), accengageCollection];
    for (const file of inputs) {
      handed.length = 0;
      const loaded = await loadCollection(file);
      const v21 = handed[0] as Record<string, unknown>;
      expect(comparable(loaded.collection), file).toEqual(sdkReading(v21));
    }
    handed.length = 0;
    const synthetic = parseCollection(JSON.stringify(syntheticCollection(60, 7, 300)), 'synthetic.json');
    expect(comparable(synthetic.collection)).toEqual(sdkReading(handed[0] as Record<string, unknown>));
  });

  it('on generated collections in the loose forms the format allows', () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('{{host}}', 'a.b', ':id', '/', '', 'x=1&y'));
    // Object keys and variable names: Postman's SDK looks them up in plain objects and so trips over
    // names such as "toString" or "__proto__"; the loader reads such a key like any other (pinned by
    // the next test), so only the comparison leaves them out.
    const name = text.filter((key) => !(key in Object.prototype));
    const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
    const description = fc.oneof(text, fc.record({ content: text, type: fc.constant('text/markdown') }));
    const pair = fc.record(
      { key: fc.oneof(text, fc.constant(null)), value: scalar, disabled: fc.oneof(fc.boolean(), text), description },
      { requiredKeys: [] },
    );
    const pairs = fc.oneof(fc.array(fc.oneof(pair, text, fc.constant(null)), { maxLength: 4 }), text, pair);
    const variable = fc.record(
      {
        key: name,
        id: text,
        value: fc.oneof(scalar, fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(name, fc.integer())),
        type: fc.constantFrom('string', 'STRING', 'number', 'boolean', 'array', 'object', 'any', 'secret', 'default'),
        disabled: fc.oneof(fc.boolean(), text),
        description,
      },
      { requiredKeys: [] },
    );
    const url = fc.oneof(
      fc.constantFrom(
        '{{host}}/a/:id/b?x=1&y&&z=2#h',
        'https://u:p@api.example.com:8080/v1/:a.json?q=%20',
        '',
        '/',
        'example.com/{{v.1}}/x',
        '{{base}}',
      ),
      fc.record(
        {
          raw: text,
          protocol: fc.constantFrom('https', 'http', ''),
          host: fc.oneof(fc.array(text, { maxLength: 3 }), fc.constantFrom('api.example.com', '{{a.b}}.example.com')),
          port: fc.oneof(text, fc.constant('8080')),
          path: fc.oneof(
            fc.array(fc.oneof(text, fc.constant(null)), { maxLength: 3 }),
            fc.constantFrom('/a/b', '/', 'x'),
          ),
          query: fc.oneof(pairs, fc.dictionary(name, text), fc.constant({})),
          variable: fc.array(fc.oneof(variable, fc.constant(null)), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
    );
    const authParams = fc.oneof(
      fc.array(fc.oneof(variable, fc.constant(null)), { maxLength: 3 }),
      fc.dictionary(name, scalar),
      text,
    );
    const auth = fc
      .record({
        type: fc.constantFrom('bearer', 'basic', 'apikey', 'api-key', 'noauth', 'inherit', ''),
        params: authParams,
      })
      .map(({ type, params }) => ({ type, [type || 'bearer']: params }));
    const body = fc.oneof(
      text,
      fc.record(
        {
          mode: fc.constantFrom('raw', 'RAW', 'urlencoded', 'formdata', 'file', 'graphql', 'weird', ''),
          raw: fc.oneof(text, fc.constant(null), fc.dictionary(name, fc.integer())),
          urlencoded: pairs,
          formdata: fc.oneof(
            fc.array(
              fc.record(
                { key: text, value: scalar, type: fc.constantFrom('text', 'file'), contentType: text },
                { requiredKeys: [] },
              ),
              { maxLength: 3 },
            ),
            text,
          ),
          graphql: fc.oneof(fc.record({ query: text, variables: text }, { requiredKeys: [] }), fc.constant(null)),
          options: fc.record({ raw: fc.record({ language: fc.constantFrom('json', 'xml') }) }),
          disabled: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    );
    const request = fc.oneof(
      text,
      fc.record(
        {
          method: fc.oneof(fc.constantFrom('get', 'POST', 'Patch'), fc.constant(null)),
          url,
          header: fc.oneof(pairs, fc.constant('A: 1\nB:  two \r\n folded\nbad line')),
          body,
          auth,
          description,
        },
        { requiredKeys: [] },
      ),
    );
    const event = fc.record(
      {
        listen: fc.oneof(fc.constantFrom('prerequest', 'test'), fc.integer()),
        disabled: fc.oneof(fc.boolean(), text),
        script: fc.oneof(
          fc.record(
            { exec: fc.oneof(fc.array(text, { maxLength: 2 }), fc.constant('a\r\nb\nc')), src: text },
            { requiredKeys: [] },
          ),
          text,
          fc.array(text, { maxLength: 2 }),
        ),
      },
      { requiredKeys: [] },
    );
    const response = fc.record(
      {
        name: fc.oneof(text, fc.constant(0)),
        code: fc.oneof(fc.constantFrom(200, 201, 404), fc.constant('200'), fc.constant(null)),
        status: text,
        reason: text,
        header: fc.oneof(pairs, fc.constant('Content-Type: application/json')),
        body: fc.oneof(text, fc.constant(null), fc.dictionary(name, fc.integer())),
        originalRequest: request,
      },
      { requiredKeys: [] },
    );
    const requestItem = fc.record(
      {
        name: fc.oneof(text, fc.constant(null)),
        description,
        request,
        response: fc.oneof(fc.array(response, { maxLength: 2 }), response),
        event: fc.array(event, { maxLength: 2 }),
        variable: fc.array(fc.oneof(variable, text), { maxLength: 2 }),
      },
      { requiredKeys: ['request'] },
    );
    const folder = fc.record(
      {
        name: text,
        description,
        item: fc.array(requestItem, { minLength: 1, maxLength: 3 }),
        auth,
        event: fc.array(event, { maxLength: 1 }),
        variable: fc.array(variable, { maxLength: 2 }),
      },
      { requiredKeys: ['item'] },
    );
    const collection = fc.record(
      {
        info: fc.record({ name: text, description }, { requiredKeys: ['name'] }),
        item: fc.array(fc.oneof(requestItem, folder), { maxLength: 4 }),
        variable: fc.array(fc.oneof(variable, fc.constant(null)), { maxLength: 3 }),
        auth,
        event: fc.array(event, { maxLength: 2 }),
      },
      { requiredKeys: ['info', 'item'] },
    );
    fc.assert(
      fc.property(collection, (generated) => {
        const v21 = generated as Record<string, unknown>;
        assignMissingIds(v21);
        expect(comparable(collectionRecord(structuredClone(v21)))).toEqual(sdkReading(v21));
      }),
      { numRuns: 300 },
    );
  });

  it('reads keys named like Object.prototype members as plain entries, where the SDK trips', () => {
    const keys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const pairs = keys.map((key, index) => ({ key, value: `v${index}` }));
    const v21 = {
      info: { name: 'odd keys', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: pairs,
      auth: { type: 'bearer', bearer: pairs },
      item: [
        {
          name: 'one',
          request: {
            method: 'GET',
            header: pairs,
            url: { raw: 'https://a.example/:x', host: ['a', 'example'], path: [':x'], query: pairs, variable: pairs },
          },
        },
      ],
    };
    expect(() => new Collection(structuredClone(v21) as never)).toThrow(/upsert/);
    const { collection } = parseCollection(JSON.stringify(v21), 'odd-keys.json');
    const read = (list: PairRecord[] | undefined) => list?.map(({ key, value }) => [key, value]);
    const expected = keys.map((key, index) => [key, `v${index}`]);
    const item = collection.items[0];
    const request = item?.kind === 'request' ? item.request : undefined;
    if (!request) throw new Error('the request was not read');
    expect(read(collection.variables)).toEqual(expected);
    expect(read(collection.auth?.params)).toEqual(expected);
    expect(read(request.headers)).toEqual(expected);
    expect(read(request.url.query)).toEqual(expected);
    expect(read(request.url.variables)).toEqual(expected);
    expect(({} as Record<string, unknown>).v0).toBeUndefined();
  });
});
