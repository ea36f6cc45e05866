/**
 * The inference rules of issue "types a user can trust", one block per rule: null-only fields,
 * request required-ness, placeholders, enums, integers, response required-ness.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_INFER_OPTIONS, inferSchema } from '../generator/model/infer.js';
import { inferenceOptions } from '../generator/model/inference-config.js';
import { parseJsonBody } from '../generator/model/json-body.js';
import { describedFields } from '../generator/model/described-fields.js';
import { graphqlVariables } from '../generator/model/graphql.js';
import type { Schema } from '../generator/model/types.js';
import { readdirSync } from 'node:fs';
import { validateClient } from '../generator/config.js';
import { CodegenError } from '../generator/errors.js';
import { countModel } from '../scripts/inference-counts.js';
import { accengageCollection, collectionOf, fixture, modelOf, modelOfJson, operationByName } from './helpers.js';
import { conforms } from './infer-conforms.js';

const json = { key: 'Content-Type', value: 'application/json' };
const raw = (body: unknown) => ({
  mode: 'raw',
  raw: typeof body === 'string' ? body : JSON.stringify(body),
  options: { raw: { language: 'json' } },
});
/** A request with its own body and one successful example per extra body. */
function bodyRequest(method: string, own: unknown, examples: unknown[] = [], description?: string) {
  const request = {
    method,
    url: 'https://x.io/things',
    header: [json],
    body: raw(own),
    ...(description ? { description } : {}),
  };
  return {
    name: 'Send',
    request,
    response: examples.map((body, i) => ({
      name: `ok ${i}`,
      code: 200,
      originalRequest: { ...request, body: raw(body) },
      body: '{}',
    })),
  };
}
const bodyOf = (item: unknown, options = {}): Schema =>
  operationByName(modelOfJson(collectionOf([item]), options).model, 'Send').body?.schema as Schema;
const requiredOf = (schema: Schema): string[] => (schema.type === 'object' ? schema.required : []);

describe('fields seen only as null', () => {
  it('are unknown, never null alone', () => {
    expect(inferSchema([{ a: null, b: 'x' }])).toEqual({
      type: 'object',
      properties: { a: { type: 'unknown' }, b: { type: 'string' } },
      required: ['a', 'b'],
    });
  });

  it('keep null beside a real type', () => {
    expect(inferSchema([null, 'x'])).toEqual({ type: 'union', anyOf: [{ type: 'string' }, { type: 'null' }] });
  });
});

describe('request body required-ness', () => {
  it('requires nothing from a single body', () => {
    expect(requiredOf(bodyOf(bodyRequest('POST', { name: 'a', size: 1 })))).toEqual([]);
  });

  it('requires nothing when every example repeats the same body', () => {
    expect(requiredOf(bodyOf(bodyRequest('POST', { name: 'a' }, [{ name: 'a' }, { name: 'a' }])))).toEqual([]);
  });

  it('requires the fields present in every one of two or more distinct bodies', () => {
    const schema = bodyOf(
      bodyRequest('POST', { name: 'a', size: 1, nested: { x: 1, y: 2 } }, [{ name: 'b', nested: { x: 3 } }]),
    );
    expect(requiredOf(schema)).toEqual(['name', 'nested']);
    expect(schema.type === 'object' && requiredOf(schema.properties.nested as Schema)).toEqual(['x']);
  });

  it('never requires anything of a PATCH body', () => {
    const schema = bodyOf(bodyRequest('PATCH', { name: 'a', nested: { x: 1 } }, [{ name: 'b', nested: { x: 2 } }]));
    expect(requiredOf(schema)).toEqual([]);
    expect(schema.type === 'object' && requiredOf(schema.properties.nested as Schema)).toEqual([]);
  });

  it('follows the description: required and optional fields by name', () => {
    const description = 'Creates a thing. `name` is required.\n`size` and `color` are optional.';
    const schema = bodyOf(
      bodyRequest('POST', { name: 'a', size: 1, color: 'red' }, [{ name: 'b', size: 2, color: 'blue' }], description),
    );
    expect(requiredOf(schema)).toEqual(['name']);
    expect(
      describedFields('| field | required |\n| --- | --- |\n| `name` | required |\n| size | optional |', [
        'name',
        'size',
      ]),
    ).toEqual(
      new Map([
        ['name', 'required'],
        ['size', 'optional'],
      ]),
    );
  });

  it('follows the configuration', () => {
    const schema = bodyOf(bodyRequest('POST', { name: 'a', meta: { tag: 'x' } }), {
      inference: { requiredFields: { Send: ['name', 'meta.tag'] } },
    });
    expect(requiredOf(schema)).toEqual(['meta', 'name']);
    expect(() =>
      bodyOf(bodyRequest('POST', { name: 'a' }), { inference: { requiredFields: { Send: ['nope'] } } }),
    ).toThrow(/"nope"/);
  });

  it('reads GraphQL variable definitions: `!` is required, the type fills what examples lack', () => {
    expect(graphqlVariables('query Find($id: ID!, $first: Int, $tags: [String!]!) { x }')).toEqual(
      new Map([
        ['id', { schema: { type: 'string' }, required: true }],
        ['first', { schema: { type: 'integer' }, required: false }],
        ['tags', { schema: { type: 'array', items: { type: 'string' } }, required: true }],
      ]),
    );
  });
});

describe('placeholders', () => {
  const tokens: Array<[unknown, Schema]> = [
    ['<string>', { type: 'string' }],
    ['<boolean>', { type: 'boolean' }],
    ['<number>', { type: 'number' }],
    ['<long>', { type: 'integer' }],
    ['<integer>', { type: 'integer' }],
    ['<dateTime>', { type: 'string', format: 'date-time' }],
    ['<date>', { type: 'string', format: 'date' }],
    ['<uuid>', { type: 'string', format: 'uuid' }],
    ['<object>', { type: 'object', properties: {}, required: [] }],
    ['<array>', { type: 'array', items: { type: 'unknown' } }],
    ['{{$guid}}', { type: 'string', format: 'uuid' }],
    ['{{$isoTimestamp}}', { type: 'string', format: 'date-time' }],
    ['{{$randomEmail}}', { type: 'string', format: 'email' }],
    // quoted, a numeric dynamic variable is sent as text
    ['{{$randomInt}}', { type: 'string' }],
  ];

  it.each(tokens)('%s is a type hint', (token, schema) => {
    expect(inferSchema([token, token, token, token])).toEqual(schema);
  });

  it('unquoted dynamic variables in a JSON body are their own type', () => {
    const body = parseJsonBody(
      '{"n": {{$randomInt}}, "t": {{$timestamp}}, "b": {{$randomBoolean}}, "other": {{someVariable}}}',
    );
    expect(inferSchema([body])).toEqual({
      type: 'object',
      properties: {
        b: { type: 'boolean' },
        n: { type: 'integer' },
        other: { type: 'unknown' },
        t: { type: 'integer' },
      },
      required: ['b', 'n', 'other', 't'],
    });
  });

  it('an importer-made example types arrays and objects, never as strings', () => {
    const example = {
      active: '<boolean>',
      tags: ['<string>', '<string>'],
      meta: '<object>',
      created: '<dateTime>',
      count: '<long>',
    };
    expect(inferSchema([example])).toEqual({
      type: 'object',
      properties: {
        active: { type: 'boolean' },
        count: { type: 'integer' },
        created: { type: 'string', format: 'date-time' },
        meta: { type: 'object', properties: {}, required: [] },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['active', 'count', 'created', 'meta', 'tags'],
    });
  });

  it('never become enum members, even beside real values', () => {
    expect(inferSchema(['ios', 'android', 'ios', 'android', '<string>'])).toEqual({ type: 'string' });
    expect(inferSchema(['2020-01-01', '<string>'])).toEqual({ type: 'string', format: 'date' });
  });
});

describe('enums', () => {
  const repeated = (values: string[], times = 3): string[] =>
    values.flatMap((value) => Array.from({ length: times }, () => value));
  const underKey = (key: string, values: string[]): Schema => {
    const schema = inferSchema(values.map((value) => ({ [key]: value })));
    return schema.type === 'object' ? (schema.properties[key] as Schema) : schema;
  };

  it('come from short word-like values, each seen at least twice', () => {
    expect(underKey('platform', repeated(['ios', 'android'], 2))).toEqual({ type: 'enum', values: ['android', 'ios'] });
    // a code seen once (ISO currencies, say) proves nothing about the set
    expect(underKey('currency', ['EUR', 'EUR', 'USD'])).toEqual({ type: 'string' });
  });

  it('never come from id-like or free-text fields', () => {
    for (const key of ['id', 'account_id', 'terminalId', 'uuid', 'name', 'firstName', 'description', 'title']) {
      expect(underKey(key, repeated(['alpha', 'beta']))).toEqual({ type: 'string' });
    }
  });

  it('are configurable: thresholds, excluded fields, or none at all', () => {
    const relaxed = inferenceOptions({ enums: { minOccurrences: 1, minSamples: 2, excludeFields: [] } }).response;
    expect(inferSchema([{ name: 'EUR' }, { name: 'USD' }], relaxed)).toEqual({
      type: 'object',
      properties: { name: { type: 'enum', values: ['EUR', 'USD'] } },
      required: ['name'],
    });
    const none = inferenceOptions({ enums: false }).response;
    expect(inferSchema(repeated(['ios', 'android']), none)).toEqual({ type: 'string' });
  });

  it('never come from id-shaped data, whatever the field name', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{8,24}$/);
    const idValue = fc.oneof(
      fc.uuid(),
      hex,
      fc.integer({ min: 100, max: 99_999_999 }).map(String),
      fc
        .tuple(
          fc.constantFrom('acct', 'tid', 'usr', 'A', 'term'),
          fc.constantFrom('_', '-', ''),
          fc.integer({ min: 100, max: 999_999 }),
        )
        .map(([p, s, n]) => `${p}${s}${n}`),
      fc.stringMatching(/^[A-Za-z]{2,6}[0-9][A-Za-z0-9]{4,12}$/),
    );
    const field = fc.oneof(
      fc.constantFrom('id', 'accountId', 'terminal_id', 'ref', 'value', 'status', 'code'),
      fc.string({ minLength: 1, maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        field,
        fc.array(idValue, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 2, max: 6 }),
        (key, values, times) => {
          const schema = underKey(key, repeated(values, times));
          expect(schema.type).not.toBe('enum');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('integers', () => {
  it('need several distinct integer samples, or an integer placeholder', () => {
    expect(inferSchema([100])).toEqual({ type: 'number' });
    expect(inferSchema([100, 100, 100])).toEqual({ type: 'number' });
    expect(inferSchema([1, 2, 3])).toEqual({ type: 'integer' });
    expect(inferSchema([7, '<long>'].map((v) => ({ v })))).toMatchObject({ properties: { v: { type: 'integer' } } });
    expect(inferSchema([1, 2], inferenceOptions({ integerMinDistinct: 2 }).response)).toEqual({ type: 'integer' });
  });
});

describe('response required-ness', () => {
  const item = {
    name: 'Get',
    request: 'https://x.io/a',
    response: [{ a: 1, b: 'x' }, { a: 2 }].map((body, i) => ({
      name: `ok ${i}`,
      code: 200,
      header: [json],
      body: JSON.stringify(body),
    })),
  };

  it('is "seen in every sample" by default', () => {
    expect(
      requiredOf(operationByName(modelOfJson(collectionOf([item])).model, 'Get').responses[0]?.schema as Schema),
    ).toEqual(['a']);
  });

  it('is "optional unless the collection says so" when chosen', () => {
    const { model } = modelOfJson(collectionOf([item]), { inference: { responseRequired: 'documented' } });
    expect(requiredOf(operationByName(model, 'Get').responses[0]?.schema as Schema)).toEqual([]);
  });
});

describe('inference properties', () => {
  const json = fc.jsonValue({ maxDepth: 3 });

  it('adding a sample never makes the type contradict an earlier sample', () => {
    fc.assert(
      fc.property(fc.array(json, { minLength: 1, maxLength: 5 }), json, (earlier, added) => {
        const before = inferSchema(earlier);
        const after = inferSchema([...earlier, added]);
        for (const sample of earlier) {
          expect(conforms(before, sample)).toBe(true);
          expect(conforms(after, sample)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the defaults are the documented ones', () => {
    expect(inferenceOptions().response).toEqual(DEFAULT_INFER_OPTIONS);
  });
});

describe('the corpus stays strict', () => {
  const files = [
    accengageCollection,
    ...readdirSync(fixture(''))
      .filter((name) => name.endsWith('.json'))
      .map((name) => fixture(name)),
  ];

  it.each(files)('%s: no place typed null alone, no placeholder as an enum member', async (file) => {
    const { responses, requests } = countModel((await modelOf(file)).model);
    expect([
      responses.nullOnly,
      requests.nullOnly,
      responses.literalPlaceholders,
      requests.literalPlaceholders,
    ]).toEqual([0, 0, 0, 0]);
  });

  it('the Accengage collection shares its entities and keeps few enums', async () => {
    const { responses } = countModel((await modelOf(accengageCollection)).model);
    expect([...responses.entities].sort()).toEqual(['App', 'Device', 'Links', 'Message', 'StaticList']);
    expect(responses.enums).toBeLessThanOrEqual(5);
  });
});

describe('the inference configuration', () => {
  const entry = (inference: unknown) => ({ collection: 'c.json', out: 'out', inference });

  it('is checked, naming the place of a mistake', () => {
    const failure = (inference: unknown): string => {
      try {
        validateClient(entry(inference), 'config.json', '$.clients[0]');
        return 'accepted';
      } catch (error) {
        return error instanceof CodegenError ? error.format() : String(error);
      }
    };
    expect(failure({ enums: { excludeFields: ['('] } })).toBe(
      'config.json ($.clients[0].inference.enums.excludeFields[0]): "(" is not a regular expression.',
    );
    expect(failure({ responseRequired: 'sometimes' })).toMatch(
      /^config\.json \(\$\.clients\[0\]\.inference\.responseRequired\)/,
    );
    expect(failure({ entities: { Device: 'lower' } })).toMatch(/inference\.entities\)/);
    expect(failure({ typo: 1 })).toMatch(/unknown key "typo"/);
    expect(
      failure({ responseRequired: 'documented', enums: false, entities: { Device: 'Handset', Links: false } }),
    ).toBe('accepted');
  });
});

describe('query and form values', () => {
  it('read placeholders as type hints and a lone whole number as number', () => {
    const url = {
      raw: '',
      host: ['https://x.io'],
      path: ['a'],
      query: [
        { key: 'limit', value: '<integer>' },
        { key: 'since', value: '<dateTime>' },
        { key: 'page', value: '2' },
        { key: 'at', value: '{{$isoTimestamp}}' },
      ],
    };
    const { model } = modelOfJson(collectionOf([{ name: 'List', request: { method: 'GET', url } }]));
    expect(operationByName(model, 'List').query.map((param) => [param.name, param.schema])).toEqual([
      ['limit', { type: 'integer' }],
      ['since', { type: 'string', format: 'date-time' }],
      ['page', { type: 'number' }],
      ['at', { type: 'string', format: 'date-time' }],
    ]);
  });
});
