/**
 * openapi.json: valid OpenAPI 3.1 for every collection we have (zero errors under Redocly's
 * recommended rules), same method + path merged without losing a variant, and Accengage's
 * signing, paging and route status said in the places OpenAPI has for them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReference } from '../generator/docs/reference.js';
import { emitDocs } from '../generator/docs/index.js';
import { SCHEMA_ROOM } from '../generator/openapi/schema.js';
import { renderOpenApi } from '../generator/openapi/index.js';
import { collectionOf, fixture, modelOf, modelOfJson, root } from './helpers.js';
import { accengageOpenApi } from './docs-support.js';
import { syntheticCollection } from '../scripts/bench/synthetic.js';

type Json = Record<string, any>;

let config: Awaited<ReturnType<typeof createConfig>>;
beforeAll(async () => {
  config = await createConfig({ extends: ['recommended'] });
});

async function errorsOf(text: string): Promise<string[]> {
  const problems = await lintFromString({ source: text, absoluteRef: path.join(root, 'openapi.json'), config });
  return problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer ?? ''}`);
}

const fixtures = readdirSync(path.join(root, 'test/fixtures/collections')).sort();

describe('openapi.json validates with zero errors', () => {
  it('for the Accengage collection, as generate writes it', async () => {
    const text = await accengageOpenApi();
    expect(await errorsOf(text)).toEqual([]);
    expect(JSON.parse(text).openapi).toBe('3.1.0');
  });

  it.each(fixtures)('for %s', async (name) => {
    const { model } = await modelOf(fixture(name));
    expect(await errorsOf(renderOpenApi(buildReference(model)))).toEqual([]);
  });

  it('is byte-identical when made again', async () => {
    const { model } = await modelOf(fixture('real-world-patterns.json'));
    expect(renderOpenApi(buildReference(model))).toBe(
      renderOpenApi(buildReference((await modelOf(fixture('real-world-patterns.json'))).model)),
    );
  });
});

describe('the Accengage document', () => {
  let document: Json;
  beforeAll(async () => {
    document = JSON.parse(await accengageOpenApi());
  });

  it('has one server from the base URL and the client function names as operationIds', () => {
    expect(document.servers).toEqual([
      { url: 'https://api.accengage.com', description: 'The collection variable baseUrl.' },
    ]);
    const list = document.paths['/v1/me/apps/{partnerId}/devices'].get;
    expect(list.operationId).toBe('devicesList');
    expect(list.tags).toEqual(['Devices']);
    expect(list['x-route-status']).toBe('confirmed');
    expect(list['x-pagination']).toMatchObject({ style: 'link-header', itemsAt: 'csv rows', pageParam: 'page' });
    expect(list.parameters.find((param: Json) => param.name === 'lastOpen')).toMatchObject({
      in: 'query',
      required: true,
      schema: { type: 'string', format: 'date' },
      example: '2017-10-01',
    });
    expect(list.responses['200'].headers.link.example).toContain('rel="next"');
    expect(list.responses['200'].content['text/csv'].schema['x-csv'].columns).toContain('deviceId');
    // The saved examples themselves, not only their names: the CSV page as text, JSON answers as values.
    const csvExamples = Object.values(list.responses['200'].content['text/csv'].examples) as Json[];
    expect(csvExamples.length).toBeGreaterThan(0);
    expect(csvExamples[0]?.value).toMatch(/^deviceId;/);
    const tokenExamples = Object.values(
      document.paths['/v1/access_token'].post.responses['200'].content['application/json'].examples,
    ) as Json[];
    expect(tokenExamples[0]).toMatchObject({ summary: 'Token issued', value: { token_type: 'Bearer' } });
    expect(document.paths['/v1/me/apps'].get['x-route-status']).toBe('inferred');
  });

  it('describes the signature as API-key headers with the algorithm, required with the token on every call', () => {
    const schemes = document.components.securitySchemes;
    expect(schemes.signature).toMatchObject({ type: 'apiKey', in: 'header', name: 'Accengage-Signature' });
    expect(schemes.signature.description).toMatch(/SHA-1 of the raw body.*`apiKey` option.*`Accengage-Time` value/s);
    expect(schemes.signatureTime).toMatchObject({ type: 'apiKey', in: 'header', name: 'Accengage-Time' });
    expect(document.paths['/v1/me'].get.security).toEqual([{ signatureTime: [], signature: [], bearerAuth: [] }]);
    // The token request is signed but carries no token.
    expect(document.paths['/v1/access_token'].post.security).toEqual([{ signatureTime: [], signature: [] }]);
  });

  it('names shared schemas after the client types and sends multipart files as binary parts', () => {
    expect(Object.keys(document.components.schemas)).toContain('AppsListResponse');
    const upload =
      document.paths['/v1/me/apps/{partnerId}/static-lists/{listId}/import'].post.requestBody.content[
        'multipart/form-data'
      ];
    expect(upload.schema.properties.file).toEqual({ type: 'string', contentMediaType: 'application/octet-stream' });
    expect(upload.encoding.file).toEqual({ contentType: 'text/csv' });
  });

  it('declares each shared entity once, by the name the client declares it, and refers to it', () => {
    const schemas = document.components.schemas;
    const device = { $ref: '#/components/schemas/Device' };
    // The device a lookup returns and each row of the devices list are the one Device type.
    expect(schemas.DevicesGetResponse).toEqual(device);
    const list = document.paths['/v1/me/apps/{partnerId}/devices'].get.responses['200'].content['text/csv'];
    expect(list.schema['x-csv'].row).toEqual(device);
    expect(schemas.Device.properties.deviceId).toEqual({ type: 'string', format: 'uuid' });
    expect(schemas.AppsListResponse.properties.apps.items).toEqual({ $ref: '#/components/schemas/App' });
  });
});

describe('shared entities', () => {
  it("are components only when the client declares them: a GraphQL answer's extensions stay inline", async () => {
    // The client types a GraphQL answer's `data` only. The extension object shared by both
    // answers, named like One's own 200 type, must not take that type's place.
    const answer = (code: number, body: unknown) => ({
      name: `r${code}`,
      code,
      header: [{ key: 'Content-Type', value: 'application/json' }],
      body: JSON.stringify(body),
    });
    const graphql = (name: string, responses: unknown[]) => ({
      name,
      request: {
        method: 'POST',
        url: `https://api.shop.test/graphql/${name.toLowerCase()}`,
        header: [{ key: 'Content-Type', value: 'application/json' }],
        body: { mode: 'graphql', graphql: { query: `query { ${name} }`, variables: '' } },
      },
      response: responses,
    });
    const extensions = { extensions: { oneResponse200: { a: 1, b: 'x' } } };
    const { model } = modelOfJson(
      collectionOf([
        graphql('One', [answer(200, { data: { x: 1 }, ...extensions }), answer(201, { data: { y: 'z' } })]),
        graphql('Two', [answer(200, { data: { q: 1 }, ...extensions })]),
      ]),
    );
    const text = renderOpenApi(buildReference(model));
    expect(await errorsOf(text)).toEqual([]);
    const schemas = JSON.parse(text).components.schemas as Json;
    expect(Object.keys(schemas.OneResponse200.properties)).toEqual(['data', 'extensions']);
    expect(schemas.OneResponse200.properties.data.properties.x).toEqual({ type: 'number' });
  });

  it('are declared with the entities they hold, each once, and the document validates', async () => {
    // Every synthetic item returns a thing whose owner is the shared Owner entity.
    const text = renderOpenApi(buildReference(modelOfJson(syntheticCollection(40)).model, { clientName: 'Synthetic' }));
    expect(await errorsOf(text)).toEqual([]);
    const schemas = JSON.parse(text).components.schemas as Json;
    const owners = Object.entries(schemas).filter(([, schema]) => JSON.stringify(schema).includes('"email"'));
    // The owner's fields are written once, in Owner; the entities that hold an owner refer to it.
    expect(owners.map(([name]) => name)).toEqual(['Owner']);
    const holders = Object.values(schemas).filter((schema) =>
      JSON.stringify(schema).includes('#/components/schemas/Owner'),
    );
    expect(holders.length).toBeGreaterThan(0);
    for (const holder of holders)
      expect(holder.properties.owner.anyOf).toContainEqual({ $ref: '#/components/schemas/Owner' });
  });
});

describe('requests that share a method and path', () => {
  const variant = (name: string, query: string, body: unknown, code: number) => ({
    name,
    request: {
      method: 'POST',
      url: {
        raw: `https://api.shop.test/orders?${query}`,
        host: ['api', 'shop', 'test'],
        protocol: 'https',
        path: ['orders'],
        query: [{ key: query.split('=')[0], value: query.split('=')[1] }],
      },
      body: { mode: 'raw', raw: JSON.stringify(body), options: { raw: { language: 'json' } } },
    },
    response: [
      {
        name: `${name} answer`,
        code,
        header: [{ key: 'Content-Type', value: 'application/json' }],
        body: JSON.stringify({ id: 1, kind: name }),
      },
    ],
  });

  it('become one operation that keeps every variant', async () => {
    const { model } = modelOfJson(
      collectionOf([
        variant('Create order', 'dryRun=false', { items: [1] }, 201),
        variant('Create order with coupon', 'coupon=X1', { items: [1], coupon: 'X1' }, 200),
      ]),
    );
    const text = renderOpenApi(buildReference(model));
    expect(await errorsOf(text)).toEqual([]);
    const document = JSON.parse(text);
    const operation = document.paths['/orders'].post;
    expect(operation['x-postman-requests'].map((request: Json) => request.itemPath)).toEqual([
      ['Create order'],
      ['Create order with coupon'],
    ]);
    // Each variant's query parameter, optional since the other variant goes without it.
    expect(operation.parameters.map((param: Json) => [param.name, param.required])).toEqual([
      ['dryRun', false],
      ['coupon', false],
    ]);
    const examples = Object.values(operation.requestBody.content['application/json'].examples).map(
      (example: any) => example.value,
    );
    expect(examples).toEqual([{ items: [1] }, { items: [1], coupon: 'X1' }]);
    expect(Object.keys(operation.responses)).toEqual(['200', '201']);
    expect(operation.description).toContain('Create order with coupon');
  });
});

describe('paths that differ only in their parameter names', () => {
  it('are one path, each method using its names', async () => {
    const request = (method: string, name: string) => ({
      name: `${method} thing`,
      request: {
        method,
        url: {
          raw: `https://api.shop.test/things/:${name}`,
          protocol: 'https',
          host: ['api', 'shop', 'test'],
          path: ['things', `:${name}`],
          variable: [{ key: name, value: '7' }],
        },
      },
    });
    const { model } = modelOfJson(collectionOf([request('GET', 'id'), request('DELETE', 'thingId')]));
    const text = renderOpenApi(buildReference(model));
    expect(await errorsOf(text)).toEqual([]);
    const document = JSON.parse(text);
    expect(Object.keys(document.paths)).toEqual(['/things/{id}']);
    expect(document.paths['/things/{id}'].delete.parameters.map((param: Json) => [param.name, param.in])).toEqual([
      ['id', 'path'],
    ]);
    expect(document.paths['/things/{id}'].delete['x-postman-requests'][0].path).toBe('/things/{thingId}');
  });
});

describe('path parameters whose names tools do not read inside braces', () => {
  it('are renamed in the path and the parameter, the collection name kept beside', async () => {
    const { model } = modelOfJson(
      collectionOf([
        {
          name: 'Odd',
          request: {
            method: 'GET',
            url: {
              raw: 'https://api.shop.test/users/:user id/:user_id/:>id',
              host: ['api', 'shop', 'test'],
              path: ['users', ':user id', ':user_id', ':>id'],
              variable: [
                { key: 'user id', value: '1' },
                { key: 'user_id', value: '2' },
                { key: '>id', value: '3' },
              ],
            },
          },
        },
      ]),
    );
    const text = renderOpenApi(buildReference(model));
    expect(await errorsOf(text)).toEqual([]);
    const document = JSON.parse(text);
    expect(Object.keys(document.paths)).toEqual(['/users/{user_id_2}/{user_id}/{id}']);
    const parameters = document.paths['/users/{user_id_2}/{user_id}/{id}'].get.parameters as Json[];
    expect(parameters.map((param) => [param.name, param['x-postman-name']])).toEqual([
      ['user_id_2', 'user id'],
      ['user_id', undefined],
      ['id', '>id'],
    ]);
  });
});

describe('a base URL with braces of its own', () => {
  it('keeps only the collection variables as server variables', async () => {
    const { model } = modelOfJson(
      collectionOf([{ name: 'Get', request: { method: 'GET', url: 'https://{{host}}.shop{1}.test/things' } }], {
        variable: [{ key: 'host', value: 'eu' }],
      }),
    );
    const text = renderOpenApi(buildReference(model));
    expect(await errorsOf(text)).toEqual([]);
    const [server] = JSON.parse(text).servers as Json[];
    expect(server?.url).toBe('https://{host}.shop%7B1%7D.test');
    expect(Object.keys(server?.variables ?? {})).toEqual(['host']);
  });
});

describe('paths OpenAPI style rules refuse', () => {
  it('lose a trailing slash in the path key but keep it in x-postman-requests', async () => {
    const { model } = modelOfJson(
      collectionOf([{ name: 'Book', request: { method: 'POST', url: 'https://api.shop.test/booking/' } }]),
    );
    const document = JSON.parse(renderOpenApi(buildReference(model)));
    expect(Object.keys(document.paths)).toEqual(['/booking']);
    expect(document.paths['/booking'].post['x-postman-requests'][0].path).toBe('/booking/');
  });

  it('merge a path with and without its trailing slash as variants of one, and trim a server URL', async () => {
    const { model } = modelOfJson(
      collectionOf(
        [
          { name: 'List', request: { method: 'GET', url: 'https://api.shop.test/things' } },
          { name: 'List too', request: { method: 'GET', url: 'https://api.shop.test/things/' } },
          { name: 'Elsewhere', request: { method: 'GET', url: '{{eu}}/things/:id//' } },
          { name: 'No origin', request: { method: 'GET', url: '/://' } },
        ],
        { variable: [{ key: 'eu', value: 'https://eu.shop.test//' }] },
      ),
    );
    const text = renderOpenApi(buildReference(model));
    expect(await errorsOf(text)).toEqual([]);
    const document = JSON.parse(text);
    expect(Object.keys(document.paths)).toEqual(['/things', '/things/{id}', '/']);
    const list = document.paths['/things'].get;
    expect(list['x-postman-requests'].map((request: Json) => request.path)).toEqual(['/things', '/things/']);
    expect(document.paths['/things/{id}'].get.servers[0].url).toBe('https://eu.shop.test');
  });
});

describe('saved response bodies', () => {
  it('are examples as their JSON values, null and false included, and as text when not JSON', () => {
    const saved = (name: string, body: string) => ({
      name,
      code: 200,
      header: [{ key: 'Content-Type', value: 'application/json' }],
      body,
    });
    const { model } = modelOfJson(
      collectionOf([
        {
          name: 'Read flag',
          request: {
            method: 'GET',
            url: { raw: 'https://api.shop.test/flag', host: ['api', 'shop', 'test'], path: ['flag'] },
          },
          response: [saved('nothing', 'null'), saved('off', 'false'), saved('broken', '{"a": ')],
        },
      ]),
    );
    const document = JSON.parse(renderOpenApi(buildReference(model)));
    const examples = document.paths['/flag'].get.responses['200'].content['application/json'].examples;
    expect(Object.values(examples).map((example: any) => example.value)).toEqual([null, false, '{"a": ']);
  });
});

describe('collections that reach the limits of OpenAPI tools', () => {
  it('an auth type named like a member of Object.prototype is that name, in the docs and the scheme', async () => {
    const { model } = modelOfJson(
      collectionOf([{ name: 'Get', request: { method: 'GET', url: 'https://api.shop.test/x' } }], {
        auth: { type: 'constructor' },
      }),
    );
    const reference = buildReference(model);
    const text = renderOpenApi(reference);
    expect(await errorsOf(text)).toEqual([]);
    expect(Object.keys(JSON.parse(text).components.securitySchemes)).toEqual(['constructorAuth']);
    const readme = emitDocs(reference).get('docs/README.md') as string;
    expect(readme).toContain('Authenticated with `constructor`.');
    expect(readme).not.toContain('native code');
  });

  it('a base URL that is a bare scheme names no host: the server is the document’s own', async () => {
    const { model } = modelOfJson(
      collectionOf([{ name: 'Get', request: { method: 'GET', url: '{{base}}/x' } }], {
        variable: [{ key: 'base', value: 'https:///' }],
      }),
    );
    const text = renderOpenApi(buildReference(model));
    expect(await errorsOf(text)).toEqual([]);
    expect(JSON.parse(text).servers[0].url).toBe('/');
  });

  it('a body nested 60 objects deep is described 40 levels down, and the document stays readable', async () => {
    const body = `${'{"a":'.repeat(60)}1${'}'.repeat(60)}`;
    const { model } = modelOfJson(
      collectionOf([
        {
          name: 'Deep',
          request: { method: 'POST', url: 'https://api.shop.test/x', body: { mode: 'raw', raw: body } },
          response: [{ name: 'Deep', code: 200, header: [{ key: 'Content-Type', value: 'application/json' }], body }],
        },
      ]),
    );
    const text = renderOpenApi(buildReference(model));
    expect(await errorsOf(text)).toEqual([]);
    let schema = JSON.parse(text).components.schemas.DeepBody;
    let levels = 0;
    while (schema.properties?.a) {
      schema = schema.properties.a;
      levels++;
    }
    expect(levels).toBe(SCHEMA_ROOM / 2);
    expect(schema.description).toMatch(/^Nested deeper than this document describes/);
  });
});
