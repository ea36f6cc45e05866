/**
 * Docs and OpenAPI for collections nobody here wrote: every collection the generator accepts
 * gets its page, its Markdown and an openapi.json with zero errors under Redocly's recommended
 * rules. Two sources: malformed collections of every shape (those the client fuzz uses), and
 * well-formed ones with the odd names, bodies, statuses, media types and auths real exports hold.
 */
import path from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReference, emitDocs } from '../generator/docs/index.js';
import { CodegenError } from '../generator/errors.js';
import { parseCollection } from '../generator/load/index.js';
import { buildModel } from '../generator/model/index.js';
import { renderOpenApi } from '../generator/openapi/index.js';
import { collection as malformedCollection } from './fuzz-collections.js';
import { V21, root } from './helpers.js';

let config: Awaited<ReturnType<typeof createConfig>>;
beforeAll(async () => {
  config = await createConfig({ extends: ['recommended'] });
});

/** Builds the docs and the OpenAPI document; returns Redocly's errors, or undefined when the collection is refused. */
async function openApiErrors(json: unknown): Promise<string[] | undefined> {
  let model;
  try {
    model = buildModel(parseCollection(JSON.stringify(json), 'fuzz.json')).model;
  } catch (error) {
    if (error instanceof CodegenError) return undefined;
    throw error;
  }
  const reference = buildReference(model);
  const docs = emitDocs(reference);
  const page = docs.get('docs/index.html') as string;
  expect(page).toContain('</html>');
  // The operations' details travel as one JSON block the page's script reads: it parses, holds an
  // entry per operation, and nothing in it can end its element early.
  const block = /<script type="application\/json" id="op-details">([^]*?)<\/script>/.exec(page)?.[1] as string;
  expect(block).not.toMatch(/[<>&]/);
  const data = JSON.parse(block) as { n: string[]; o: unknown[] };
  expect(data.o).toHaveLength(reference.operations.length);
  const problems = await lintFromString({
    source: renderOpenApi(reference),
    absoluteRef: path.join(root, 'openapi.json'),
    config,
  });
  return problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer ?? ''}`);
}

/** Names as exports hold them: words, spaces, punctuation, non-Latin letters, reserved words. */
const oddName = fc.oneof(
  fc.constantFrom(
    'id',
    'user id',
    'user-id',
    'class',
    'constructor',
    '__proto__',
    '$ref',
    'a.b',
    'x[0]',
    'café',
    '名前',
    '🙂',
    '',
  ),
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/),
);
const segment = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/) },
  { weight: 1, arbitrary: oddName.map((name) => `:${name}`) },
  { weight: 1, arbitrary: oddName.map((name) => `{{${name}}}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
);
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.dictionary(oddName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map((value) => JSON.stringify(value)),
  fc
    .array(
      fc.dictionary(oddName, fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 4 }),
      { maxLength: 3 },
    )
    .map((value) => JSON.stringify(value)),
  fc.string(),
);
const mediaType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/vnd.api+json',
  'text/csv',
  'text/plain',
  'application/xml',
  'text/html',
  'application/octet-stream',
  'weird',
  '',
);
const header = fc.record({ key: oddName, value: fc.string({ maxLength: 10 }) });
const authOf = fc.oneof(
  fc.constant(undefined),
  fc.constant({ type: 'noauth' }),
  fc.constant({ type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] }),
  fc.constant({
    type: 'basic',
    basic: [
      { key: 'username', value: 'u' },
      { key: 'password', value: '{{pw}}' },
    ],
  }),
  oddName.map((key) => ({
    type: 'apikey',
    apikey: [
      { key: 'key', value: key },
      { key: 'value', value: '{{apiKey}}' },
      { key: 'in', value: 'query' },
    ],
  })),
  oddName.map((key) => ({
    type: 'apikey',
    apikey: [
      { key: 'key', value: key },
      { key: 'value', value: 'k' },
    ],
  })),
  fc.constant({
    type: 'oauth2',
    oauth2: [
      { key: 'accessTokenUrl', value: 'https://auth.example.com/token' },
      { key: 'grant_type', value: 'client_credentials' },
    ],
  }),
  fc.constant({ type: 'awsv4' }),
);
const requestItem = fc.record({
  name: oddName,
  request: fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'COPY', 'get'),
    url: fc
      .tuple(
        fc.constantFrom('https://api.example.com', '{{baseUrl}}', 'http://localhost:8080/v1', '{{host}}/api', ''),
        fc.array(segment, { maxLength: 4 }),
        fc.array(fc.tuple(oddName, fc.string({ maxLength: 6 })), { maxLength: 3 }),
      )
      .map(([origin, segments, query]) => {
        const search = query.map(([key, value]) => `${key}=${value}`).join('&');
        return `${origin}/${segments.join('/')}${search ? `?${search}` : ''}`;
      }),
    header: fc.array(header, { maxLength: 3 }),
    body: fc.oneof(
      fc.constant(undefined),
      jsonBody.map((raw) => ({ mode: 'raw', raw, options: { raw: { language: 'json' } } })),
      fc.array(fc.record({ key: oddName, value: fc.string({ maxLength: 6 }) }), { maxLength: 3 }).map((urlencoded) => ({
        mode: 'urlencoded',
        urlencoded,
      })),
      fc
        .array(fc.record({ key: oddName, type: fc.constantFrom('text', 'file'), value: fc.string({ maxLength: 4 }) }), {
          maxLength: 3,
        })
        .map((formdata) => ({ mode: 'formdata', formdata })),
      fc.string().map((raw) => ({ mode: 'raw', raw })),
    ),
    auth: authOf,
    description: fc.oneof(
      fc.constant(undefined),
      fc.string(),
      fc.constant('Lists **things**. <script>alert(1)</script> [x](javascript:alert(1))'),
    ),
  }),
  response: fc.array(
    fc.record({
      name: oddName,
      code: fc.oneof(fc.constantFrom(200, 201, 204, 301, 400, 404, 500), fc.integer({ min: 0, max: 999 })),
      header: fc.array(
        fc.oneof(
          header,
          mediaType.map((value) => ({ key: 'Content-Type', value })),
        ),
        { maxLength: 3 },
      ),
      body: fc.oneof(jsonBody, fc.constant('id;name\n1;a\n2;b')),
    }),
    { maxLength: 3 },
  ),
});
const vendorCollection = fc.record({
  info: fc.record({ name: oddName, schema: fc.constant(V21), description: fc.string() }),
  item: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: requestItem },
      {
        weight: 1,
        arbitrary: fc.record({
          name: oddName,
          item: fc.array(requestItem, { minLength: 1, maxLength: 4 }),
          auth: authOf,
        }),
      },
    ),
    { minLength: 1, maxLength: 6 },
  ),
  auth: authOf,
  variable: fc.array(fc.record({ key: oddName, value: fc.string({ maxLength: 12 }) }), { maxLength: 3 }),
});

/**
 * Runs `numRuns` collections through openApiErrors: each accepted one must have zero errors, and
 * at least `accepted` must be accepted (a generator whose inputs are all refused tests nothing).
 */
async function expectValidDocuments(collections: fc.Arbitrary<unknown>, numRuns: number, accepted: number) {
  let documented = 0;
  await fc.assert(
    fc.asyncProperty(collections, async (json) => {
      const errors = await openApiErrors(json);
      if (errors === undefined) return;
      documented++;
      expect(errors.join('\n')).toBe('');
    }),
    { numRuns },
  );
  expect(documented).toBeGreaterThan(accepted);
}

describe('docs and openapi.json for collections nobody here wrote', () => {
  it('malformed ones: every collection the generator accepts gets docs and a valid document', async () => {
    await expectValidDocuments(malformedCollection, 300, 80);
  }, 120_000);

  it('well-formed ones with odd names, bodies, statuses, media types and auths', async () => {
    await expectValidDocuments(vendorCollection, 200, 150);
  }, 120_000);
});
