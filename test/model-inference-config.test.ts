/**
 * The `inference` block of a client entry: the options each knob gives the inference, the checks a
 * JSON Schema cannot make (each failure names its place), and required request fields.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_INFER_OPTIONS } from '../generator/model/infer.js';
import { inferenceOptions, validateInference } from '../generator/model/inference-config.js';
import type { ObjectSchema, Schema } from '../generator/model/types.js';
import { CodegenError } from '../generator/errors.js';
import { collectionOf, modelOfJson, operationByName } from './helpers.js';

describe('inferenceOptions', () => {
  it('moves one option per knob and leaves the others at their defaults', () => {
    const cases: Array<[Parameters<typeof inferenceOptions>[0], Partial<typeof DEFAULT_INFER_OPTIONS>]> = [
      [{ enums: false }, { enumMaxValues: 0 }],
      [{ enums: {} }, {}],
      [{ enums: { maxValues: 3 } }, { enumMaxValues: 3 }],
      [{ enums: { minSamples: 5 } }, { enumMinSamples: 5 }],
      [{ enums: { minOccurrences: 4 } }, { enumMinOccurrences: 4 }],
      [{ enums: { maxLength: 12 } }, { enumMaxLength: 12 }],
      [{ enums: { excludeFields: ['^code$'] } }, { enumExcludeFields: ['^code$'] }],
      [{ integerMinDistinct: 7 }, { integerMinDistinct: 7 }],
      // Fewer than one distinct integer would make every number an integer.
      [{ integerMinDistinct: 0 }, { integerMinDistinct: 1 }],
      [{ integerMinDistinct: -4 }, { integerMinDistinct: 1 }],
    ];
    for (const [config, moved] of cases) {
      const options = inferenceOptions(config);
      expect(options.request).toEqual({ ...DEFAULT_INFER_OPTIONS, ...moved });
      expect(options.response).toEqual({ ...DEFAULT_INFER_OPTIONS, ...moved });
    }
  });

  it('makes response fields optional under "documented", never request fields', () => {
    const documented = inferenceOptions({ responseRequired: 'documented' });
    expect(documented.response).toEqual({ ...DEFAULT_INFER_OPTIONS, required: 'never' });
    expect(documented.request).toEqual(DEFAULT_INFER_OPTIONS);
    expect(inferenceOptions({ responseRequired: 'every-sample' }).response.required).toBe('every-sample');
    expect(inferenceOptions({}).response.required).toBe('every-sample');
  });
});

describe('validateInference', () => {
  const failureOf = (config: unknown): { message: string; file: string; where?: string } | undefined => {
    try {
      validateInference(config, 'codegen.json', 'clients[0].inference');
    } catch (error) {
      if (!(error instanceof CodegenError)) throw error;
      return { message: error.message, file: error.file, where: error.where };
    }
    return undefined;
  };
  const at = (where: string, message: string) => ({
    message,
    file: 'codegen.json',
    where: `clients[0].inference${where}`,
  });

  it('accepts every knob set to a value it allows', () => {
    const valid: unknown[] = [
      {},
      { responseRequired: 'every-sample' },
      { responseRequired: 'documented' },
      { enums: false },
      { enums: {} },
      { enums: { maxValues: 0, minSamples: 1, minOccurrences: 2, maxLength: 40, excludeFields: [] } },
      { enums: { excludeFields: ['^id$', 'name'] } },
      { integerMinDistinct: 3 },
      { integerMinDistinct: 0 },
      { requiredFields: {} },
      { requiredFields: { 'Devices / Create device': ['name', 'meta.tag'], Other: [] } },
      { entities: {} },
      { entities: { Account: 'Ledger2', Device: false } },
    ];
    for (const config of valid) expect(failureOf(config)).toBeUndefined();
  });

  it('refuses what is not an object, and unknown keys', () => {
    for (const config of ['x', 3, null, [], true])
      expect(failureOf(config)).toEqual(at('', '"inference" must be an object.'));
    expect(failureOf({ enums: false, color: 'red' })).toEqual(at('.color', 'has an unknown key "color".'));
    expect(failureOf({ toString: 1 })).toEqual(at('.toString', 'has an unknown key "toString".'));
  });

  it('refuses another response rule', () => {
    for (const responseRequired of ['always', '', null, true])
      expect(failureOf({ responseRequired })).toEqual(
        at('.responseRequired', '"responseRequired" must be "every-sample" or "documented".'),
      );
  });

  it('refuses enums that are neither false nor an object, and thresholds that are not whole numbers', () => {
    for (const enums of [true, 'none', 0, null])
      expect(failureOf({ enums })).toEqual(at('.enums', '"enums" must be false or an object.'));
    for (const key of ['maxValues', 'minSamples', 'minOccurrences', 'maxLength']) {
      for (const value of ['3', 1.5, -1, null, Number.NaN])
        expect(failureOf({ enums: { [key]: value } })).toEqual(at(`.enums.${key}`, `"${key}" must be a whole number.`));
    }
  });

  it('refuses exclusion patterns that are not a list of regular expressions, naming the bad one', () => {
    expect(failureOf({ enums: { excludeFields: '^id$' } })).toEqual(
      at('.enums.excludeFields', '"excludeFields" must be an array of regular expressions.'),
    );
    expect(failureOf({ enums: { excludeFields: ['^id$', 'a(b', '['] } })).toEqual(
      at('.enums.excludeFields[1]', '"a(b" is not a regular expression.'),
    );
  });

  it('refuses an integer threshold that is not a whole number', () => {
    for (const integerMinDistinct of ['3', 2.5, null, Number.POSITIVE_INFINITY])
      expect(failureOf({ integerMinDistinct })).toEqual(
        at('.integerMinDistinct', '"integerMinDistinct" must be a whole number.'),
      );
  });

  it('refuses required fields that are not lists of names', () => {
    for (const requiredFields of [
      null,
      'name',
      ['name'].length,
      { Send: 'name' },
      { Send: ['name', 3] },
      { A: [], B: {} },
    ])
      expect(failureOf({ requiredFields })).toEqual(
        at('.requiredFields', '"requiredFields" must map operations to arrays of field names.'),
      );
  });

  it('refuses entity names that are not PascalCase, and values other than a name or false', () => {
    for (const entities of [
      null,
      'Account',
      { Account: true },
      { Account: 'ledger' },
      { Account: 'Led-ger' },
      { Account: 'aB' },
      { A: 'Ok', B: 'Ok ' },
    ])
      expect(failureOf({ entities })).toEqual(
        at('.entities', '"entities" must map entity names to a PascalCase name or false.'),
      );
  });
});

describe('required request fields from the configuration', () => {
  const json = { key: 'Content-Type', value: 'application/json' };
  const send = (name: string, body: unknown) => ({
    name,
    request: {
      method: 'POST',
      url: 'https://x.io/things',
      header: [json],
      body: { mode: 'raw', raw: JSON.stringify(body), options: { raw: { language: 'json' } } },
    },
  });
  const bodyOf = (items: unknown[], name: string, requiredFields: Record<string, string[]>): Schema =>
    operationByName(modelOfJson(collectionOf(items), { inference: { requiredFields } }).model, name).body
      ?.schema as Schema;
  const objectAt = (schema: Schema, ...path: string[]): ObjectSchema => {
    let at = schema;
    for (const step of path) {
      while (at.type === 'array') at = at.items;
      if (at.type !== 'object') throw new Error(`no object at ${step}`);
      at = at.properties[step] as Schema;
    }
    while (at.type === 'array') at = at.items;
    return at as ObjectSchema;
  };

  it('marks fields of list bodies and of lists inside the body, in name order, each once', () => {
    const body = [{ zeta: 1, alpha: 'a', lines: [{ sku: 'x', qty: 1 }] }];
    const schema = bodyOf([send('Order', body)], 'Order', {
      Order: ['zeta', 'alpha', 'zeta', 'lines.qty', 'lines.sku'],
    });
    expect(objectAt(schema).required).toEqual(['alpha', 'lines', 'zeta']);
    expect(objectAt(schema, 'lines').required).toEqual(['qty', 'sku']);
  });

  it('marks the field in every operation the reference names', () => {
    const items = [send('Create', { name: 'a' }), send('Update', { name: 'b' })];
    const model = modelOfJson(collectionOf(items), {
      inference: { requiredFields: { 'POST /things': ['name'] } },
    }).model;
    for (const name of ['Create', 'Update'])
      expect((operationByName(model, name).body?.schema as ObjectSchema).required).toEqual(['name']);
  });

  it('refuses a reference to no operation, and a field the body does not have', () => {
    const items = [
      send('Create', { name: 'a', meta: { tag: 'x' }, count: 2 }),
      { name: 'Read', request: 'https://x.io/r' },
    ];
    const refusal = (requiredFields: Record<string, string[]>): CodegenError => {
      try {
        bodyOf(items, 'Create', requiredFields);
      } catch (error) {
        if (error instanceof CodegenError) return error;
        throw error;
      }
      throw new Error('accepted');
    };
    expect(refusal({ Missing: ['name'] })).toMatchObject({
      message: 'inference.requiredFields["Missing"] matches no operation of the collection.',
      where: 'inference.requiredFields["Missing"]',
    });
    expect(refusal({ Read: ['name'] }).message).toBe(
      'inference.requiredFields["Read"] requires "name", which the body of "Read" does not have.',
    );
    // An inherited property (toString) is no field; a scalar (count) has no fields below it.
    for (const field of ['nope', 'meta.nope', 'toString', 'count.value', 'name.length']) {
      expect(refusal({ Create: [field] })).toMatchObject({
        message: `inference.requiredFields["Create"] requires "${field}", which the body of "Create" does not have.`,
        where: 'inference.requiredFields["Create"]',
        hint: 'Name a field the request body shows, with dots for nested fields.',
      });
    }
  });
});
