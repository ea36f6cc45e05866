import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serializeModel, type ApiModel, type Operation, type Resource } from '../generator/model/index.js';
import { syntheticCollection } from '../scripts/bench/synthetic.js';
import { allOperations, collectionOf, corpusNames, fixture, modelOf, modelOfJson } from './helpers.js';

const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

/** Checks the naming invariants of a whole model; returns nothing, throws on a violation. */
function expectSoundNames(model: ApiModel): void {
  const scope = (operations: Operation[], resources: Resource[]): void => {
    const members = [...operations.map((o) => o.identifier), ...resources.map((r) => r.identifier)];
    expect(new Set(members).size).toBe(members.length);
    for (const name of members) expect(name).toMatch(IDENTIFIER);
    for (const operation of operations) {
      const params = [...operation.pathParams, ...operation.query].map((p) => p.identifier);
      expect(new Set(params).size).toBe(params.length);
      for (const name of params) expect(name).toMatch(IDENTIFIER);
    }
    for (const resource of resources) scope(resource.operations, resource.resources);
  };
  scope(model.operations, model.resources);
  const types = allOperations(model).map((o) => o.typeName);
  expect(new Set(types).size).toBe(types.length);
  for (const name of types) expect(name).toMatch(IDENTIFIER);
}

describe('the fixture corpus', () => {
  const files = corpusNames();

  it.each(files)('%s builds a model with sound names', async (name) => {
    const { model } = await modelOf(fixture(name));
    expect(allOperations(model).length).toBeGreaterThan(0);
    expectSoundNames(model);
  });

  it('a 2,000-request collection builds, with every request an operation', () => {
    const { model } = modelOfJson(syntheticCollection(2000));
    expect(allOperations(model)).toHaveLength(2000);
    expect(model.resources).toHaveLength(100);
    expectSoundNames(model);
  });
});

describe('random collections', () => {
  const name = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom(
      'delete',
      'constructor',
      '__proto__',
      'then',
      '2fa',
      '🚀',
      '*/',
      '${x}',
      '`',
      'a\u2028b',
      'List items',
      'Items',
    ),
  );
  const query = fc.array(
    fc.record({
      key: name,
      value: fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.constant('{{v}}')),
      disabled: fc.boolean(),
    }),
    { maxLength: 3 },
  );
  const body = fc.oneof(
    fc.constant(undefined),
    fc
      .jsonValue({ maxDepth: 3 })
      .map((value) => ({ mode: 'raw', raw: JSON.stringify(value), options: { raw: { language: 'json' } } })),
    fc
      .array(fc.record({ key: name, value: fc.string({ maxLength: 5 }), type: fc.constantFrom('text', 'file') }), {
        maxLength: 3,
      })
      .map((formdata) => ({ mode: 'formdata', formdata })),
  );
  const example = fc.record({
    name,
    code: fc.constantFrom(200, 201, 400, 404, 500),
    body: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  });
  const request = fc.record({
    name,
    request: fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'PURGE'),
      url: fc.record({
        raw: fc.constant(''),
        host: fc.constant(['{{baseUrl}}']),
        path: fc.array(
          fc.oneof(
            name,
            name.map((n) => `:${n}`),
            fc.constant('{{seg}}'),
          ),
          { maxLength: 4 },
        ),
        query,
      }),
      body,
    }),
    response: fc.array(example, { maxLength: 3 }),
  });
  const tree: fc.Arbitrary<unknown[]> = fc.letrec<{ items: unknown[]; folder: unknown }>((tie) => ({
    items: fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, request, tie('folder')), { maxLength: 5 }),
    folder: fc.record({ name, item: tie('items') }),
  })).items;

  it('always build, with sound names, and serialise deterministically', () => {
    fc.assert(
      fc.property(tree, (items) => {
        const collection = collectionOf(items);
        const first = modelOfJson(collection).model;
        expectSoundNames(first);
        expect(serializeModel(modelOfJson(structuredClone(collection)).model)).toBe(serializeModel(first));
      }),
      { numRuns: 150 },
    );
  });
});
