/**
 * The v3 reader against an independent v3 writer (scripts/v3-writer.ts, written from the format's
 * description): every v2.1 collection of the corpus, and random collections, written as a Native
 * Git folder give the same model as the JSON they came from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCollection, parseCollectionFolder } from '../generator/load/index.js';
import { buildModel } from '../generator/model/index.js';
import { writeV3 } from '../scripts/v3-writer.js';
import { collectionOf, corpusNames, fixture, withoutSources } from './helpers.js';

/**
 * What v3 cannot hold is taken out of the JSON side: variables on requests (v3 has them on the
 * collection and folders only) and variable types other than secret (v3 values are all strings).
 */
function withinV3(collection: unknown): unknown {
  return JSON.parse(JSON.stringify(collection), function (this: Record<string, unknown>, key, value) {
    if (key === 'variable' && 'request' in this) return undefined;
    if (
      key === 'type' &&
      'key' in this &&
      'value' in this &&
      value !== 'secret' &&
      !('src' in this) &&
      (value === 'string' || value === 'any' || value === 'default' || value === 'number' || value === 'boolean')
    )
      return undefined;
    return value;
  });
}

function bothWays(collection: Record<string, unknown>): { json: unknown; v3: unknown } {
  const json = withoutSources(buildModel(parseCollection(JSON.stringify(withinV3(collection)), 'c.json')).model);
  const v3 = withoutSources(buildModel(parseCollectionFolder({ display: 'c', files: writeV3(collection) })).model);
  return { json, v3 };
}

describe('v2.1 fixtures written as v3 folders', () => {
  const v21 = corpusNames().filter(
    (name) => name.endsWith('.json') && /v2\.1\.0/.test(readFileSync(fixture(name), 'utf8').slice(0, 2000)),
  );

  it('cover most of the corpus', () => {
    expect(v21.length).toBeGreaterThanOrEqual(8);
  });

  it.each(v21)('%s gives the same model', (name) => {
    const { json, v3 } = bothWays(JSON.parse(readFileSync(fixture(name), 'utf8')));
    expect(v3).toEqual(json);
  });
});

describe('random collections written as v3 folders', () => {
  // Any name but the empty one, which a file has no way to hold (file stems are derived and
  // sanitised, the real name kept in the file); URL segments without the characters that
  // split a URL string differently from v2.1's path array (a limit of v3's one-string URL).
  const name = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    fc.constantFrom('delete', '__proto__', '.resources', 'a/b', 'CON', 'x:y', '{{v}}', 'A', 'a'),
  );
  const segment = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_~-]{1,8}$/),
    fc.stringMatching(/^:[a-z][A-Za-z0-9]{0,6}$/),
    fc.constant('{{seg}}'),
  );
  const query = fc.array(
    fc.record({
      key: fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
      value: fc.oneof(fc.constant(null), fc.stringMatching(/^[a-z0-9]{0,5}$/), fc.constant('{{v}}')),
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
      .array(fc.record({ key: name, value: fc.string({ maxLength: 5 }), type: fc.constant('text') }), { maxLength: 3 })
      .map((urlencoded) => ({ mode: 'urlencoded', urlencoded })),
  );
  const example = fc.record({
    name,
    code: fc.constantFrom(200, 201, 404),
    body: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  });
  const request = fc.record({
    name,
    request: fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      url: fc.tuple(fc.array(segment, { maxLength: 4 }), query).map(([path, q]) => ({
        raw: `{{baseUrl}}/${path.join('/')}${
          q.some((p) => !p.disabled)
            ? `?${q
                .filter((p) => !p.disabled)
                .map((p) => (p.value === null ? p.key : `${p.key}=${p.value}`))
                .join('&')}`
            : ''
        }`,
        host: ['{{baseUrl}}'],
        path,
        query: q,
      })),
      body,
      auth: fc.option(
        fc.constantFrom(
          { type: 'noauth' },
          { type: 'bearer', bearer: [{ key: 'token', value: '{{t}}', type: 'string' }] },
        ),
        { nil: undefined },
      ),
    }),
    response: fc.array(example, { maxLength: 2 }),
  });
  const tree: fc.Arbitrary<unknown[]> = fc.letrec<{ items: unknown[]; folder: unknown }>((tie) => ({
    items: fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, request, tie('folder')), { maxLength: 5 }),
    folder: fc.record({ name, item: tie('items') }),
  })).items;

  it('give the same model as their JSON', () => {
    fc.assert(
      fc.property(tree, (items) => {
        const { json, v3 } = bothWays(
          collectionOf(items, { variable: [{ key: 'baseUrl', value: 'https://r.example.com' }] }),
        );
        expect(v3).toEqual(json);
      }),
      { numRuns: 60 },
    );
  });
});
