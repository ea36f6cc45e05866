import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_ENUM_EXCLUDE_FIELDS,
  DEFAULT_INFER_OPTIONS,
  addSample,
  emptyShape,
  inferSchema,
  looksLikeMap,
  mergeShapes,
  referenceName,
  stringFormat,
  toSchema,
  UNKNOWN_VALUE,
  type Shape,
} from '../generator/model/infer.js';
import { readCsvTable, sniffCsv } from '../generator/model/csv.js';
import { parseJsonBody } from '../generator/model/json-body.js';
import type { Schema } from '../generator/model/types.js';
import { conforms } from './infer-conforms.js';

describe('inferSchema', () => {
  it('marks a property required only when every sample has it', () => {
    const schema = inferSchema([{ id: 1, name: 'a' }, { id: 2 }]);
    expect(schema).toEqual({
      type: 'object',
      properties: { id: { type: 'number' }, name: { type: 'string' } },
      required: ['id'],
    });
  });

  it('keeps null distinct from absent', () => {
    const schema = inferSchema([{ token: 'x' }, { token: null }]);
    expect(schema).toEqual({
      type: 'object',
      properties: { token: { type: 'union', anyOf: [{ type: 'string' }, { type: 'null' }] } },
      required: ['token'],
    });
  });

  it('widens integer to number when both are seen, and says integer only from several distinct integers', () => {
    expect(inferSchema([1, 2.5])).toEqual({ type: 'number' });
    expect(inferSchema([1, 2, 3])).toEqual({ type: 'integer' });
    expect(inferSchema([1, 2])).toEqual({ type: 'number' });
    expect(inferSchema([100])).toEqual({ type: 'number' });
    expect(inferSchema([100, 100, 100, 100])).toEqual({ type: 'number' });
  });

  it('unions conflicting kinds instead of picking one', () => {
    expect(inferSchema([{ v: 'a' }, { v: 1 }, { v: true }])).toEqual({
      type: 'object',
      properties: { v: { type: 'union', anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } },
      required: ['v'],
    });
  });

  it('merges the elements of arrays of objects', () => {
    const schema = inferSchema([{ items: [{ id: 1, tag: 'a' }, { id: 2 }] }, { items: [] }]);
    expect(schema).toEqual({
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'number' }, tag: { type: 'string' } }, required: ['id'] },
        },
      },
      required: ['items'],
    });
  });

  it('types an array seen only empty as unknown[]', () => {
    expect(inferSchema([[]])).toEqual({ type: 'array', items: { type: 'unknown' } });
  });

  it('recognises string formats only when every value has the format', () => {
    expect(inferSchema(['2017-10-01', '2018-01-31'])).toEqual({ type: 'string', format: 'date' });
    expect(inferSchema(['2017-10-01T09:14:03Z'])).toEqual({ type: 'string', format: 'date-time' });
    expect(inferSchema(['a@b.co'])).toEqual({ type: 'string', format: 'email' });
    expect(inferSchema(['https://x.io/a'])).toEqual({ type: 'string', format: 'uri' });
    expect(inferSchema(['5f1c9b2e-3a44-4d5e-9b1a-0c2d3e4f5a6b'])).toEqual({ type: 'string', format: 'uuid' });
    expect(inferSchema(['2017-10-01', 'soon'])).toEqual({ type: 'string' });
  });

  it('infers an enum only from few short values seen repeatedly', () => {
    expect(inferSchema(['ios', 'android', 'ios', 'android'])).toEqual({ type: 'enum', values: ['android', 'ios'] });
    // seen once each: no evidence of a closed set
    expect(inferSchema(['ios', 'android', 'web'])).toEqual({ type: 'string' });
    // versions and sentences are not enum members
    expect(inferSchema(['4.1.3', '4.2.0', '4.1.3', '4.2.0'])).toEqual({ type: 'string' });
    // too many distinct values
    const many = Array.from({ length: 20 }, (_, i) => `v${i % 10}x`);
    expect(inferSchema(many)).toEqual({ type: 'string' });
  });

  it('turns objects keyed by ids into maps', () => {
    const schema = inferSchema([{ '101': { name: 'a' }, '102': { name: 'b', size: 2 } }]);
    expect(schema).toEqual({
      type: 'map',
      values: {
        type: 'object',
        properties: { name: { type: 'string' }, size: { type: 'number' } },
        required: ['name'],
      },
    });
    expect(inferSchema([{ ios: 1, android: 2 }]).type).toBe('object');
    // one id-like key, or none, is no evidence of a dictionary
    expect(inferSchema([{ '101': { name: 'a' } }])).toEqual({
      type: 'object',
      properties: { '101': { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
      required: ['101'],
    });
    expect(inferSchema([{}])).toEqual({ type: 'object', properties: {}, required: [] });
  });

  it('gives unknown, never a guess, where nothing is known', () => {
    expect(inferSchema([])).toEqual({ type: 'unknown' });
    expect(inferSchema([UNKNOWN_VALUE])).toEqual({ type: 'unknown' });
    // never `null` alone: a field seen only as null still has a value to read
    expect(inferSchema([null])).toEqual({ type: 'unknown' });
    expect(inferSchema([{ a: null }, { a: null }])).toEqual({
      type: 'object',
      properties: { a: { type: 'unknown' } },
      required: ['a'],
    });
  });

  it('keeps "__proto__" an ordinary property', () => {
    const schema = inferSchema([JSON.parse('{"__proto__": {"x": 1}}')]);
    expect(schema.type).toBe('object');
    expect(Object.keys((schema as { properties: object }).properties)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf((schema as { properties: object }).properties)).toBe(Object.prototype);
  });

  it('stops at the depth limit instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const schema = inferSchema([deep]);
    let level: Schema = schema;
    let depth = 0;
    while (level.type === 'array') {
      level = level.items;
      depth++;
    }
    expect(level).toEqual({ type: 'unknown' });
    expect(depth).toBeLessThan(100);
  });
});

describe('inference edges', () => {
  const shapeOf = (...samples: unknown[]): Shape => {
    const shape = emptyShape();
    for (const sample of samples) addSample(shape, sample);
    return shape;
  };
  /** Each value twice: enough occurrences and samples for an enum when the values qualify. */
  const twice = (...values: string[]): string[] => [...values, ...values];

  it('recognises a format only in a whole value', () => {
    expect(stringFormat('2017-10-01T09:14:03+01:00')).toBe('date-time');
    expect(stringFormat('2017-10-01T09:14+0100')).toBe('date-time');
    expect(stringFormat('2017-10-01 09:14:03')).toBe('date-time');
    for (const value of [
      'x2017-10-01T09:14:03Z',
      '2017-10-01T09:14:03Z, then',
      '2017-10-01T09:14+01:0',
      'id-5f1c9b2e-3a44-4d5e-9b1a-0c2d3e4f5a6b',
      'see https://x.io/a',
      'x2017-10-01',
      '5f1c9b2e-3a44-4d5e-9b1a-0c2d3e4f5a6b-x',
      'to ann@mail.io',
      'ann@mail.io today',
      'https://x.io/a b',
    ])
      expect(stringFormat(value)).toBeUndefined();
  });

  it('recognises each format by every part of its pattern', () => {
    for (const [value, format] of [
      ['2017-10-15', 'date'],
      ['2017-10-31', 'date'],
      ['2017-10-15T09:14:03Z', 'date-time'],
      ['2017-10-31T09:14:03Z', 'date-time'],
      ['2017-10-01T09:14:03.123Z', 'date-time'],
      ['2017-10-01T23:14:03Z', 'date-time'],
      ['5f1c9b2e-3a44-4d5e-9b1a-0c2d3e4f5a6b', 'uuid'],
      ['ann@mail.io', 'email'],
      ['https://x.io/a', 'uri'],
    ])
      expect(stringFormat(value as string)).toBe(format);
  });

  it('reads only whole-key ids as the keys of a map', () => {
    const keyed = (...keys: string[]): Shape => shapeOf(Object.fromEntries(keys.map((key) => [key, 1])));
    for (const keys of [
      ['1', '22'],
      ['-1', '-22'],
      ['5f1c9b2e-3a44-4d5e-9b1a-0c2d3e4f5a6b', 'a0b1c2d3-e4f5-4a6b-8c9d-0e1f2a3b4c5d'],
      ['deadbeefcafe', '0123456789ab'],
      ['acct_101', 'acct_102'],
      ['acct101', 'acct-102'],
    ])
      expect(looksLikeMap(keyed(...keys)), keys.join()).toBe(true);
    for (const keys of [
      ['customer_101', 'customer_102'],
      ['user123abc', 'user456abc'],
      ['v_1', 'v_2'],
    ])
      expect(looksLikeMap(keyed(...keys)), keys.join()).toBe(false);
  });

  it('types what JSON cannot hold as unknown, and values at the depth limit still by what they are', () => {
    expect(inferSchema([10n])).toEqual({ type: 'unknown' });
    expect(inferSchema([() => 1])).toEqual({ type: 'unknown' });
    const options = { ...DEFAULT_INFER_OPTIONS, maxDepth: 2 };
    expect(inferSchema([{ a: { b: 'x', c: { d: 'y' } } }], options)).toEqual({
      type: 'object',
      properties: {
        a: {
          type: 'object',
          properties: {
            b: { type: 'string' },
            c: { type: 'object', properties: { d: { type: 'unknown' } }, required: ['d'] },
          },
          required: ['b', 'c'],
        },
      },
      required: ['a'],
    });
  });

  it('reads only the first maxArraySamples elements of an array', () => {
    const options = { ...DEFAULT_INFER_OPTIONS, maxArraySamples: 2 };
    expect(inferSchema([['a', 'b', 1]], options)).toEqual({ type: 'array', items: { type: 'string' } });
  });

  it('keeps an enum of exactly enumMaxValues members, of values up to enumMaxLength long', () => {
    const eight = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
    expect(inferSchema(twice(...eight))).toEqual({ type: 'enum', values: eight });
    expect(inferSchema(twice(...eight, 'india'))).toEqual({ type: 'string' });
    const longest = ['q'.repeat(40), 'z'.repeat(40)];
    expect(inferSchema(twice(...longest))).toEqual({ type: 'enum', values: longest });
    expect(inferSchema(twice('q'.repeat(41), 'z'.repeat(41)))).toEqual({ type: 'string' });
  });

  it('takes enum members only from whole word-like values, never from long hex', () => {
    expect(inferSchema(twice('Option 1', 'Option 2'))).toEqual({ type: 'enum', values: ['Option 1', 'Option 2'] });
    for (const values of [
      ['1st', '2nd'],
      ['done!', 'failed!'],
      ['No certificate found', 'Certificate has expired'],
      ['deadbeef', 'cafebabe'],
    ])
      expect(inferSchema(twice(...values))).toEqual({ type: 'string' });
  });

  it('matches lower-case exclusion patterns in any case', () => {
    // A copy of the defaults: the compiled patterns are cached per list, so this list is compiled here.
    const options = { ...DEFAULT_INFER_OPTIONS, enumExcludeFields: [...DEFAULT_ENUM_EXCLUDE_FIELDS] };
    expect(
      inferSchema(
        twice('ios', 'android').map((platform) => ({ platformTitle: platform })),
        options,
      ),
    ).toEqual({
      type: 'object',
      properties: { platformTitle: { type: 'string' } },
      required: ['platformTitle'],
    });
  });

  it('takes two-word enum members and words that merely begin with hex letters', () => {
    expect(inferSchema(twice('No certificate', 'Expired'))).toEqual({
      type: 'enum',
      values: ['Expired', 'No certificate'],
    });
    expect(inferSchema(twice('effaceable', 'fixed'))).toEqual({ type: 'enum', values: ['effaceable', 'fixed'] });
  });

  it('merges shapes as if their samples had been folded together', () => {
    const merged = (...shapes: Shape[]): Schema => toSchema(mergeShapes(shapes));
    // string counts add up to an enum's evidence
    expect(merged(shapeOf('ios', 'android'), shapeOf('ios', 'android'))).toEqual({
      type: 'enum',
      values: ['android', 'ios'],
    });
    // more distinct values together than an enum may have
    const five = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
    const four = ['foxtrot', 'golf', 'hotel', 'india'];
    expect(merged(shapeOf(...twice(...five)), shapeOf(...twice(...four)))).toEqual({ type: 'string' });
    expect(merged(shapeOf(...twice(...five)), shapeOf(...twice('foxtrot', 'golf', 'hotel')))).toEqual({
      type: 'enum',
      values: [...five, 'foxtrot', 'golf', 'hotel'],
    });
    // a shape that already saw too many distinct values vetoes an enum, whichever side it is on
    const many = shapeOf(...twice('a1', 'b1', 'c1', 'd1', 'e1', 'f1', 'g1', 'h1', 'i1'));
    expect(merged(shapeOf(...twice('ios', 'android')), many)).toEqual({ type: 'string' });
    expect(merged(many, shapeOf(...twice('ios', 'android')))).toEqual({ type: 'string' });
    // a format holds only when every shape's strings have it
    const stamp = shapeOf('2024-01-02T03:04:05Z');
    expect(merged(stamp, shapeOf('2025-06-07T08:09:10Z'))).toEqual({ type: 'string', format: 'date-time' });
    expect(merged(stamp, shapeOf('hello there'))).toEqual({ type: 'string' });
    expect(merged(shapeOf('hello there'), stamp)).toEqual({ type: 'string' });
    // distinct integers counted across shapes, a repeated one once
    expect(merged(shapeOf(1, 2), shapeOf(1, 3))).toEqual({ type: 'integer' });
    expect(merged(shapeOf(1, 2, 3), shapeOf(4))).toEqual({ type: 'integer' });
    expect(merged(shapeOf(1, 2), shapeOf(1, 2))).toEqual({ type: 'number' });
    // array elements merged too
    expect(merged(shapeOf([]), shapeOf(['x']))).toEqual({ type: 'array', items: { type: 'string' } });
    expect(merged(shapeOf([]), shapeOf(['x'])).type).toBe('array');
    // elements that only the second shape saw (the first saw no list at all)
    expect(merged(shapeOf(null), shapeOf(['x']))).toEqual({
      type: 'union',
      anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }],
    });
    // the inputs stay as they were
    const first = shapeOf('ios', 'android');
    mergeShapes([first, shapeOf('ios', 'android')]);
    expect(toSchema(first)).toEqual({ type: 'string' });
  });

  it('keeps the entity of merged shapes only when they share it', () => {
    const user = { name: 'User', shape: shapeOf({ id: 1 }) };
    const other = { name: 'Other', shape: shapeOf({ id: 2 }) };
    const of = (entity: typeof user | undefined): Shape => ({ ...shapeOf({ id: 1 }), ...(entity ? { entity } : {}) });
    expect(mergeShapes([of(user), of(user)]).entity).toBe(user);
    expect(mergeShapes([of(user), of(other)]).entity).toBeUndefined();
    expect(mergeShapes([of(user), of(undefined)]).entity).toBeUndefined();
    expect(toSchema(mergeShapes([of(user), of(user)]))).toMatchObject({ type: 'object', name: 'User' });
  });

  it('types a map of arrays from the elements of every value', () => {
    expect(inferSchema([{ '101': [1, 2], '102': [1, 3] }])).toEqual({
      type: 'map',
      values: { type: 'array', items: { type: 'integer' } },
    });
  });
});

describe('CSV', () => {
  const csv = 'deviceId;token;bounce;score\n"a;1";t1;0;1.5\nb;;3;2\n';

  it('sniffs the delimiter of text with a header row', () => {
    expect(sniffCsv(csv)).toBe(';');
    expect(sniffCsv('id,name\n1,Ada\n')).toBe(',');
    expect(sniffCsv('{"a": 1}')).toBeUndefined();
    expect(sniffCsv('Welcome to the API. Enjoy.')).toBeUndefined();
  });

  it('reads rows keyed by the header, with quoted cells and empty cells as null', () => {
    const table = readCsvTable(csv, ';');
    expect(table.columns).toEqual(['deviceId', 'token', 'bounce', 'score']);
    expect(table.rows).toEqual([
      { deviceId: 'a;1', token: 't1', bounce: 0, score: 1.5 },
      { deviceId: 'b', token: null, bounce: 3, score: 2 },
    ]);
    expect(inferSchema([table.rows])).toEqual({
      type: 'array',
      items: {
        type: 'object',
        properties: {
          bounce: { type: 'number' },
          deviceId: { type: 'string' },
          score: { type: 'number' },
          token: { type: 'union', anyOf: [{ type: 'string' }, { type: 'null' }] },
        },
        required: ['bounce', 'deviceId', 'score', 'token'],
      },
    });
  });
});

describe('parseJsonBody', () => {
  it('reads Postman-style JSON: comments, placeholders, trailing commas', () => {
    const parsed = parseJsonBody('{\n // note\n "name": "{{name}}", "count": {{count}}, "tags": ["a",],\n}') as Record<
      string,
      unknown
    >;
    expect(parsed.name).toBe('{{name}}');
    expect(referenceName(parsed.count)).toBe('count');
    expect(parsed.tags).toEqual(['a']);
  });

  it('gives undefined for text that is not JSON', () => {
    expect(parseJsonBody('<xml/>')).toBeUndefined();
    expect(parseJsonBody('')).toBeUndefined();
  });
});

describe('inference properties', () => {
  const json = fc.jsonValue({ maxDepth: 4 });

  it('every sample conforms to the inferred schema', () => {
    fc.assert(
      fc.property(fc.array(json, { minLength: 1, maxLength: 6 }), (samples) => {
        const schema = inferSchema(samples);
        for (const sample of samples) expect(conforms(schema, sample)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and independent of sample order', () => {
    fc.assert(
      fc.property(fc.array(json, { minLength: 1, maxLength: 6 }), (samples) => {
        expect(JSON.stringify(inferSchema([...samples].reverse()))).toBe(JSON.stringify(inferSchema(samples)));
      }),
      { numRuns: 200 },
    );
  });
});
