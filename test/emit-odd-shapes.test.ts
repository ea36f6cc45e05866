/**
 * Shapes of real data that once gave a client tsc refused, or an openapi.json a third-party tool
 * could not read: a list of "an object or null", a parameter named like the body member, keys
 * in letters newer than TypeScript's tables, an example holding a `$ref` member.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { generateClient } from '../generator/pipeline.js';
import { V21 } from './helpers.js';
import { typeCheck, writeFiles } from './support.js';

const json = (body: unknown) => [{ key: 'Content-Type', value: 'application/json' }, body] as const;
const answer = (body: string) => ({ name: 'ok', code: 200, header: [json(null)[0]], body });

const collections: Record<string, unknown> = {
  nullableObjects: {
    info: { name: 'Lists', schema: V21 },
    item: [
      { name: 'list', request: { method: 'GET', url: 'https://api.test/a' }, response: [answer('[null,{"a":"x"}]')] },
      {
        name: 'nested',
        request: { method: 'GET', url: 'https://api.test/b' },
        response: [answer('{"e":[null,{"a":1}],"m":[{"x":null},{"x":{"y":1}}]}')],
      },
    ],
  },
  bodyNamedParams: {
    info: { name: 'Params', schema: V21 },
    item: [
      {
        name: 'send',
        request: {
          method: 'POST',
          url: { raw: 'https://api.test/a/:body?Body=1&body=2', host: ['api', 'test'], path: ['a', ':body'] },
          body: { mode: 'raw', raw: '{"x":1}', options: { raw: { language: 'json' } } },
        },
      },
      {
        name: 'query',
        request: {
          method: 'POST',
          url: 'https://api.test/graphql?variables=1',
          body: { mode: 'graphql', graphql: { query: 'query { a }', variables: '{"n":1}' } },
        },
      },
    ],
  },
  newLetters: {
    info: { name: 'Letters', schema: V21 },
    item: [
      {
        name: 'get',
        request: { method: 'GET', url: 'https://api.test/a' },
        response: [answer('{"\u2e2f":1,"\ud81b\udecc":2,"café":3,"名前":4}')],
      },
    ],
  },
  clientNames: {
    info: { name: 'api', schema: V21 },
    item: [
      { name: 'createApiCore', request: { method: 'GET', url: 'https://api.test/c' } },
      ...['a', 'b'].map((name) => ({
        name,
        request: { method: 'GET', url: `https://api.test/${name}` },
        response: [answer('{"list":[{"apiClient":{"name":"y","kind":"k"},"apiErrorLabel":{"code":1,"text":"t"}}]}')],
      })),
    ],
  },
  references: {
    info: { name: 'Refs', schema: V21 },
    item: [
      {
        name: 'get',
        request: {
          method: 'POST',
          url: 'https://api.test/schemas',
          body: { mode: 'raw', raw: '{"$ref":"#/components/schemas/Other"}', options: { raw: { language: 'json' } } },
        },
        response: [answer('{"items":[{"$ref":"v"}]}')],
      },
    ],
  },
};

describe('clients of odd but real shapes', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-odd-shapes-'));
  await writeFile(path.join(folder, 'package.json'), '{"type": "module"}\n');
  const generated = new Map<string, Awaited<ReturnType<typeof generateClient>>>();
  for (const [name, collection] of Object.entries(collections)) {
    const file = path.join(folder, `${name}.json`);
    await writeFile(file, JSON.stringify(collection));
    const client = await generateClient({ collection: file, out: path.join(folder, name) });
    await writeFiles(path.join(folder, name), client.files);
    generated.set(name, client);
  }

  it('type-check strictly, all of them', () => {
    expect(typeCheck(Object.keys(collections).map((name) => path.join(folder, name, 'index.ts')))).toEqual([]);
  });

  it('type a list of "an object or null" as such', async () => {
    const types = await readFile(path.join(folder, 'nullableObjects', 'types.ts'), 'utf8');
    expect(types).toContain('export type ListResponse = Array<{ a: string } | null>;');
  });

  it('move a parameter named like the body member aside, and keep the body', async () => {
    const types = await readFile(path.join(folder, 'bodyNamedParams', 'types.ts'), 'utf8');
    expect(types).toMatch(/export interface SendParams \{\s*body2: string \| number;\s*body\?: SendBody;/);
    expect(types).toMatch(/export interface QueryParams \{\s*variables2\?: number;\s*variables\?: QueryVariables;/);
  });

  it('quote keys TypeScript does not read as identifiers, and only those', async () => {
    const types = await readFile(path.join(folder, 'newLetters', 'types.ts'), 'utf8');
    expect(types).toContain(
      "export type GetResponse = { café: number; '\u2e2f': number; 名前: number; '\ud81b\udecc': number };",
    );
  });

  it('keep the names the collection gives, and move the client’s own aside', async () => {
    const client = await readFile(path.join(folder, 'clientNames', 'client.ts'), 'utf8');
    const types = await readFile(path.join(folder, 'clientNames', 'types.ts'), 'utf8');
    const operations = await readFile(path.join(folder, 'clientNames', 'operations.ts'), 'utf8');
    expect(operations).toContain('export function createApiCore(');
    expect(types).toContain('export interface ApiClient {');
    expect(types).toContain('export interface ApiErrorLabel {');
    expect(client).toContain('export function createApiCore_(');
    expect(client).toContain('export class ApiClient_ extends ApiResource');
    expect(client).toContain('export type ApiErrorLabel_ =');
  });

  it('give an example holding a $ref member as its JSON text, which openapi-typescript reads', async () => {
    const text = generated.get('references')?.files.get('openapi.json') as string;
    const operation = JSON.parse(text).paths['/schemas'].post;
    expect(operation.requestBody.content['application/json'].examples.example1.value).toBe(
      '{"$ref":"#/components/schemas/Other"}',
    );
    expect(operation.responses['200'].content['application/json'].examples.example1.value).toBe(
      '{"items":[{"$ref":"v"}]}',
    );
    expect(astToString(await openapiTS(JSON.parse(text)))).toContain('"/schemas"');
  });
});
