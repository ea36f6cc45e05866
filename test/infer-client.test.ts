/**
 * What inference changes in a generated client, end to end over loopback: a GraphQL operation
 * sends the collection's document with the caller's variables; body fields bound to a variable are
 * filled from the client option; shared entities are declared once; the types hold under strict
 * settings, including calls the types must refuse.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClient } from '../generator/pipeline.js';
import { collectionOf } from './helpers.js';
import { startEchoServer, typeCheck, writeFiles, type Echo } from './support.js';

let origin = '';
let close: () => Promise<void> = async () => {};
beforeAll(async () => {
  ({ origin, close } = await startEchoServer());
});
afterAll(() => close());

const json = [{ key: 'Content-Type', value: 'application/json' }];
const query = 'query Find($id: ID!, $first: Int) { user(id: $id) { name } }';
const collection = collectionOf(
  [
    {
      name: 'Find user',
      request: {
        method: 'POST',
        url: '{{host}}/graphql',
        header: json,
        body: { mode: 'graphql', graphql: { query, variables: '{"id": "42", "first": 2}' } },
      },
      response: [{ name: 'Found', code: 200, header: json, body: '{"data": {"user": {"name": "Ada"}}}' }],
    },
    {
      name: 'Get token',
      request: {
        method: 'POST',
        url: '{{host}}/token',
        header: json,
        body: { mode: 'raw', raw: '{"client_id": "{{client_id}}", "secret": {{client_secret}}, "scope": "read"}' },
      },
      response: [{ name: 'Token', code: 200, header: json, body: '{"token": "t"}' }],
    },
    {
      name: 'Users',
      item: [
        {
          name: 'List users',
          request: '{{host}}/users',
          response: [
            { name: 'Page', code: 200, header: json, body: '{"users": [{"id": "u1", "name": "Ada", "age": null}]}' },
          ],
        },
        {
          name: 'Get user',
          request: '{{host}}/users/u1',
          response: [{ name: 'One', code: 200, header: json, body: '{"id": "u1", "name": "Ada", "age": 36}' }],
        },
      ],
    },
  ],
  {
    variable: [
      { key: 'host', value: 'https://example.invalid' },
      { key: 'client_id', value: 'app-1' },
    ],
  },
);

describe('a client with GraphQL, bound body fields and entities', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-infer-'));
  await writeFile(path.join(folder, 'package.json'), '{"type": "module"}\n');
  const collectionFile = path.join(folder, 'c.postman_collection.json');
  await writeFile(collectionFile, JSON.stringify(collection));
  const generated = await generateClient({ collection: collectionFile, out: folder, name: 'Shop' });
  await writeFiles(path.join(folder, 'client'), generated.files);

  const { ShopClient } = (await import(path.join(folder, 'client', 'index.ts'))) as {
    ShopClient: new (options: Record<string, unknown>) => any;
  };

  it('sends the collection’s GraphQL document with the caller’s variables', async () => {
    const echo: Echo = await new ShopClient({ baseUrl: origin }).findUser({ variables: { id: '7' } });
    expect(JSON.parse(echo.body)).toEqual({ query, variables: { id: '7' } });
  });

  it('fills body fields bound to a variable from the client option, unless the call gives them', async () => {
    const client = new ShopClient({ baseUrl: origin, clientSecret: 's3' });
    expect(JSON.parse(((await client.getToken({ body: { scope: 'read' } })) as Echo).body)).toEqual({
      scope: 'read',
      client_id: 'app-1',
      secret: 's3',
    });
    expect(JSON.parse(((await client.getToken()) as Echo).body)).toEqual({ client_id: 'app-1', secret: 's3' });
    expect(JSON.parse(((await client.getToken({ body: { client_id: 'mine' } })) as Echo).body)).toEqual({
      client_id: 'mine',
      secret: 's3',
    });
  });

  it('declares a shared entity once, typed from every place', async () => {
    const types = await readFile(path.join(folder, 'client', 'types.ts'), 'utf8');
    expect(types.match(/export interface User \{/g)).toHaveLength(1);
    expect(types).toMatch(/\busers: User\[\](;| \})/);
    expect(types).toContain('export type UsersGetResponse = User;');
    expect(types).toMatch(/age: number \| null;/);
  });

  it('type-checks strictly, and refuses what the types promise to refuse', async () => {
    const usage = [
      "import { ShopClient } from './client/index.js';",
      "import type { FindUserResponse, UsersGetResponse } from './client/types.js';",
      "const client = new ShopClient({ baseUrl: 'http://127.0.0.1:1' });",
      "export const ok = client.findUser({ variables: { id: '1', first: 3 } });",
      '// @ts-expect-error `id` is declared `ID!`',
      'export const missing = client.findUser({ variables: { first: 3 } });',
      'export const token = client.getToken();',
      'export function read(answer: FindUserResponse, user: UsersGetResponse): string | undefined {',
      '  return answer.errors?.[0]?.message ?? answer.data.user.name + String(user.age);',
      '}',
    ].join('\n');
    await writeFile(path.join(folder, 'usage.ts'), usage);
    expect(typeCheck([path.join(folder, 'usage.ts')])).toEqual([]);
    // A whole TypeScript program: slow on a busy machine, so a generous ceiling.
  }, 120_000);
});
