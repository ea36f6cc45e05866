/**
 * A client generated from a generic collection (no Accengage configuration) performs the
 * collection's own auth, encodes every body mode and follows its variables: checked against an
 * echo server on loopback.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
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

const echoExample = [
  {
    name: 'Echo',
    code: 200,
    header: [{ key: 'Content-Type', value: 'application/json' }],
    body: '{"method": "GET", "url": "/", "headers": {}, "body": ""}',
  },
];
const request = (name: string, method: string, url: string, extra: Record<string, unknown> = {}) => ({
  name,
  request: { method, url, ...extra },
  response: echoExample,
});

const collection = collectionOf(
  [
    request('Key in header', 'GET', '{{host}}/a?fixed=1'),
    {
      name: 'Basic folder',
      auth: {
        type: 'basic',
        basic: [
          { key: 'username', value: 'ada' },
          { key: 'password', value: '{{password}}' },
        ],
      },
      item: [request('Basic', 'GET', '{{host}}/b')],
    },
    request('Bearer', 'GET', '{{host}}/c', {
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] },
    }),
    request('Open', 'GET', '{{host}}/d', { auth: { type: 'noauth' } }),
    request('Key in query', 'GET', '{{host}}/e', {
      auth: {
        type: 'apikey',
        apikey: [
          { key: 'key', value: 'api_key' },
          { key: 'value', value: '{{apiKey}}' },
          { key: 'in', value: 'query' },
        ],
      },
    }),
    request('Send form', 'POST', '{{host}}/f', {
      body: {
        mode: 'urlencoded',
        urlencoded: [
          { key: 'a', value: '1' },
          { key: 'b', value: 'x y' },
        ],
      },
    }),
    request('Send parts', 'POST', '{{host}}/g', {
      body: {
        mode: 'formdata',
        formdata: [
          { key: 'doc', type: 'file', src: 'a.txt' },
          { key: 'note', type: 'text', value: 'hi' },
        ],
      },
    }),
    request('Send text', 'PUT', '{{host}}/h', {
      header: [
        { key: 'Content-Type', value: 'text/plain' },
        { key: 'X-Tenant', value: '{{tenant}}' },
        { key: 'Request-Id', value: '{{$guid}}' },
        { key: 'X-Unset', value: '{{unsetVariable}}' },
      ],
      body: { mode: 'raw', raw: 'hello' },
    }),
    // `core` is the name every resource class gives its client core: a folder or request may not take it.
    { name: 'Core', item: [request('Core', 'GET', '{{host}}/core')] },
    request('Find item', 'GET', '{{host}}/items/:itemId?tags=a&tags=b', {
      url: {
        raw: '',
        host: ['{{host}}'],
        path: ['items', ':itemId'],
        query: [
          { key: 'tags', value: 'a' },
          { key: 'tags', value: 'b' },
        ],
        variable: [{ key: 'itemId', value: '7' }],
      },
    }),
  ],
  {
    auth: {
      type: 'apikey',
      apikey: [
        { key: 'key', value: 'X-Api-Key' },
        { key: 'value', value: '{{apiKey}}' },
        { key: 'in', value: 'header' },
      ],
    },
    variable: [
      { key: 'host', value: 'https://example.invalid' },
      { key: 'tenant', value: 'acme' },
    ],
  },
);

describe('a generic generated client', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-generic-'));
  await writeFile(path.join(folder, 'package.json'), '{"type": "module"}\n');
  const collectionFile = path.join(folder, 'echo.postman_collection.json');
  await writeFile(collectionFile, JSON.stringify(collection));
  const generated = await generateClient({ collection: collectionFile, out: folder, name: 'Echo' });
  await writeFiles(path.join(folder, 'client'), generated.files);

  const { EchoClient } = (await import(path.join(folder, 'client', 'index.ts'))) as {
    EchoClient: new (options: Record<string, unknown>) => any;
  };
  // The collection's base URL is `{{host}}`: the client's `baseUrl` option stands for it.
  const client = () => new EchoClient({ baseUrl: origin, apiKey: 'k-123', password: 's3cret', token: 't-456' });

  it('type-checks strictly', () => {
    expect(typeCheck([path.join(folder, 'client', 'index.ts')])).toEqual([]);
  });

  it('follows the host variable and sends the collection auth, per level', async () => {
    const c = client();
    // Query values in a collection are examples, not defaults: only what the caller passes is sent.
    expect(((await c.keyInHeader()) as Echo).url).toBe('/a');
    const a: Echo = await c.keyInHeader({ fixed: 1 });
    expect(a.url).toBe('/a?fixed=1');
    expect(a.headers['x-api-key']).toBe('k-123');
    const b: Echo = await c.basicFolder.basic();
    expect(b.headers.authorization).toBe(`Basic ${Buffer.from('ada:s3cret').toString('base64')}`);
    expect(b.headers['x-api-key']).toBeUndefined();
    expect(((await c.bearer()) as Echo).headers.authorization).toBe('Bearer t-456');
    const open: Echo = await c.open();
    expect(open.headers.authorization).toBeUndefined();
    expect(open.headers['x-api-key']).toBeUndefined();
    expect(((await c.keyInQuery()) as Echo).url).toBe('/e?api_key=k-123');
  });

  it('names a folder or request called "core" apart from the core of its resource class', async () => {
    const c = client();
    const answer: Echo = await c.core_.core_();
    expect(answer.url).toBe('/core');
    expect(answer.headers['x-api-key']).toBe('k-123');
  });

  it('encodes form, multipart and text bodies, and fills header variables', async () => {
    const c = client();
    const form: Echo = await c.sendForm({ body: { a: 1, b: 'x y' } });
    expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form.body).toBe('a=1&b=x+y');
    const parts: Echo = await c.sendParts({
      body: { doc: { data: 'file text', filename: 'a.txt', contentType: 'text/plain' }, note: 'hi' },
    });
    expect(parts.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(parts.headers['content-length']).toBe(String(Buffer.byteLength(parts.body)));
    expect(parts.headers.expect).toBeUndefined();
    expect(parts.body).toContain('filename="a.txt"');
    expect(parts.body).toContain('file text');
    const text: Echo = await c.sendText({ body: 'hello' });
    expect(text).toMatchObject({ method: 'PUT', body: 'hello' });
    expect(text.headers['content-type']).toBe('text/plain');
    expect(text.headers['x-tenant']).toBe('acme');
    // Postman's dynamic variables get a fresh value; a header whose variable has none is not sent.
    expect(text.headers['request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(text.headers['x-unset']).toBeUndefined();
  });

  it('encodes path parameters and repeats array query parameters', async () => {
    const found: Echo = await client().findItem({ itemId: 'a/b c', tags: ['x', 'y'] });
    expect(found.url).toBe('/items/a%2Fb%20c?tags=x&tags=y');
  });
});

describe('names that Object.prototype also has', () => {
  it('never send a prototype function as a parameter or variable value', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-proto-'));
    await writeFile(path.join(folder, 'package.json'), '{"type": "module"}\n');
    const file = path.join(folder, 'c.json');
    await writeFile(
      file,
      JSON.stringify(
        collectionOf([
          {
            name: 'Get',
            request: {
              method: 'GET',
              url: {
                raw: '',
                host: ['{{host}}'],
                path: ['x'],
                query: [
                  { key: 'toLocaleString', value: '1' },
                  { key: 'isPrototypeOf', value: '{{isPrototypeOf}}' },
                ],
              },
              // Two headers fetch would refuse (a name that is not a token, a value with a line break): left out.
              header: [
                { key: 'X-Ctor', value: '{{constructor}}' },
                { key: 'Bad Name: x', value: '1' },
                { key: 'X-Split', value: 'a\r\nInjected: 1' },
                { key: 'X-Fine', value: 'ok' },
              ],
            },
          },
        ]),
      ),
    );
    const generated = await generateClient({ collection: file, out: 'unused', name: 'Proto' });
    await writeFiles(path.join(folder, 'client'), generated.files);
    const { ProtoClient } = (await import(path.join(folder, 'client', 'index.ts'))) as {
      ProtoClient: new (options: Record<string, unknown>) => { get(): Promise<Echo> };
    };
    const echo = await new ProtoClient({ baseUrl: origin }).get();
    expect(echo.url).toBe('/x');
    expect(echo.headers['x-ctor']).toBeUndefined();
    expect(echo.headers['x-fine']).toBe('ok');
    expect(echo.headers.injected).toBeUndefined();
  });
});
