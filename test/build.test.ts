import { describe, expect, it } from 'vitest';
import { serializeModel } from '../generator/model/index.js';
import { allOperations, collectionOf, fixture, modelOf, modelOfJson, operationByName } from './helpers.js';

describe('resources and operations', () => {
  it('nests folders as resources, six deep', async () => {
    const { model } = await modelOf(fixture('odd-names.json'));
    let resource = model.resources.find((r) => r.name === 'Level 1');
    const chain: string[] = [];
    while (resource) {
      chain.push(resource.identifier);
      resource = resource.resources[0];
    }
    expect(chain).toEqual(['level1', 'level2', 'level3', 'level4', 'level5', 'level6']);
    expect(operationByName(model, 'Leaf').typeName).toBe('Level1Level2Level3Level4Level5Level6Leaf');
  });

  it('gives colliding names distinct, readable identifiers', async () => {
    const { model } = await modelOf(fixture('odd-names.json'));
    const things = model.resources.find((r) => r.name === 'Things');
    const identifiers = things?.operations.map((op) => op.identifier) ?? [];
    expect(new Set(identifiers).size).toBe(identifiers.length);
    expect(identifiers).toContain('constructor_');
    expect(identifiers).toContain('then_');
    expect(identifiers).toContain('_2faSetup');
    expect(identifiers.filter((name) => name.startsWith('listThings'))).toEqual(['listThings', 'listThings2']);
    expect(model.resources.filter((r) => r.name === 'Duplicate').map((r) => r.identifier)).toEqual([
      'duplicate',
      'duplicate2',
    ]);
    const typeNames = allOperations(model).map((op) => op.typeName);
    expect(new Set(typeNames).size).toBe(typeNames.length);
  });

  it('keeps names when the collection is reordered', () => {
    const items = [
      { id: 'b', name: 'Get', request: 'https://x.io/b' },
      { id: 'a', name: 'Get', request: 'https://x.io/a' },
      { id: 'c', name: 'List', request: 'https://x.io/c' },
    ];
    const forward = modelOfJson(collectionOf(items)).model;
    const backward = modelOfJson(collectionOf([...items].reverse())).model;
    const names = (model: typeof forward) =>
      Object.fromEntries(allOperations(model).map((op) => [op.id, op.identifier]));
    expect(names(forward)).toEqual({ a: 'get', b: 'get2', c: 'list' });
    expect(names(backward)).toEqual(names(forward));
  });
});

describe('URLs and parameters', () => {
  it('turns :vars and {{vars}} into typed path parameters bound to variables', async () => {
    const { model } = await modelOf(fixture('urls-and-params.json'));
    const op = operationByName(model, 'Get thing');
    expect(op.pathTemplate).toBe('/{version}/things/{thingId}/parts/{partId}');
    expect(op.pathParams).toEqual([
      { name: 'version', identifier: 'version', schema: { type: 'string' }, required: true, variable: 'version' },
      {
        name: 'thingId',
        identifier: 'thingId',
        schema: { type: 'string' },
        required: true,
        variable: 'thingId',
        description: 'The thing.',
      },
      { name: 'partId', identifier: 'partId', schema: { type: 'string' }, required: true, example: '0042' },
    ]);
  });

  it('drops disabled query parameters and headers, infers types, merges repeats into arrays', async () => {
    const { model } = await modelOf(fixture('urls-and-params.json'));
    const op = operationByName(model, 'Get thing');
    expect(op.query.map((q) => q.name)).toEqual(['verbose', 'limit', 'date', 'since', 'flag']);
    const byName = Object.fromEntries(op.query.map((q) => [q.name, q]));
    expect(byName.verbose?.schema).toEqual({ type: 'boolean' });
    expect(byName.limit).toMatchObject({
      schema: { type: 'array', items: { type: 'number' } },
      repeated: true,
      required: true,
    });
    expect(byName.date?.schema).toEqual({ type: 'string', format: 'date' });
    expect(byName.since).toMatchObject({ variable: 'since', required: false });
    expect(op.headers).toEqual([{ name: 'X-Tenant', value: '{{tenant}}', variables: ['tenant'] }]);
  });

  it('resolves the base URL through nested variables and keeps other origins per operation', async () => {
    const { model } = await modelOf(fixture('urls-and-params.json'));
    expect(model.baseUrl).toEqual({ raw: '{{baseUrl}}', default: 'https://eu.api.example.com' });
    expect(operationByName(model, 'Bare string request').baseUrl).toBe('https://other.example.com');
    expect(operationByName(model, 'Get thing').baseUrl).toBeUndefined();
    expect(operationByName(model, 'Custom method').method).toBe('PURGE');
    expect(operationByName(model, 'Trailing slash').pathTemplate).toBe('/items/');
    expect(operationByName(model, 'Literal braces').pathTemplate).toBe('/odd/%7Bx%7D/v{version}x');
  });

  it('lists variables the collection references without defining', async () => {
    const { model } = await modelOf(fixture('urls-and-params.json'));
    expect(model.variables.filter((v) => v.scope === 'referenced').map((v) => v.name)).toEqual(['since', 'thingId']);
  });
});

describe('bodies', () => {
  it('reads every body mode', async () => {
    const { model, diagnostics } = await modelOf(fixture('body-modes.json'));
    const kind = (name: string) => operationByName(model, name).body?.kind;
    expect(kind('Raw JSON with placeholders')).toBe('json');
    expect(kind('Raw text')).toBe('text');
    expect(operationByName(model, 'Raw XML').body).toMatchObject({ kind: 'text', contentType: 'application/xml' });
    expect(kind('Form')).toBe('form');
    expect(kind('Multipart with files')).toBe('multipart');
    expect(operationByName(model, 'Binary file').body).toMatchObject({
      kind: 'binary',
      contentType: 'image/png',
      schema: { type: 'file' },
    });
    expect(kind('GraphQL')).toBe('graphql');
    expect(operationByName(model, 'Empty raw').body).toBeUndefined();
    expect(diagnostics.map((d) => d.where)).toContain('Broken JSON example');
  });

  it('types a JSON body with placeholders, leaving unquoted ones unknown; one body requires nothing', async () => {
    const { model } = await modelOf(fixture('body-modes.json'));
    expect(operationByName(model, 'Raw JSON with placeholders').body?.schema).toEqual({
      type: 'object',
      properties: {
        count: { type: 'unknown' },
        name: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: [],
    });
  });

  it('lists form and multipart fields, files as files (required), disabled ones dropped, text fields optional from one body', async () => {
    const { model } = await modelOf(fixture('body-modes.json'));
    const multipart = operationByName(model, 'Multipart with files').body;
    expect(multipart?.fields?.map((f) => [f.name, f.kind])).toEqual([
      ['avatar', 'file'],
      ['cover', 'file'],
      ['title', 'text'],
    ]);
    expect(multipart?.schema).toEqual({
      type: 'object',
      properties: { avatar: { type: 'file' }, cover: { type: 'file' }, title: { type: 'string' } },
      required: ['avatar', 'cover'],
    });
    const form = operationByName(model, 'Form').body;
    expect(form?.schema).toEqual({
      type: 'object',
      properties: { age: { type: 'number' }, grant_type: { type: 'string' }, scope: { type: 'string' } },
      required: [],
    });
  });

  it('merges request bodies of successful examples only', () => {
    const request = {
      method: 'POST',
      url: 'https://x.io/a',
      body: { mode: 'raw', raw: '{"a": 1}', options: { raw: { language: 'json' } } },
    };
    const example = (code: number, raw: string) => ({
      name: `e${code}`,
      code,
      originalRequest: { ...request, body: { mode: 'raw', raw } },
      body: '{}',
    });
    const { model } = modelOfJson(
      collectionOf([
        { name: 'Create', request, response: [example(201, '{"a": 2, "b": "x"}'), example(400, '{"zzz": true}')] },
      ]),
    );
    expect(operationByName(model, 'Create').body?.schema).toEqual({
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'string' } },
      required: ['a'],
    });
  });
});

describe('responses', () => {
  it('buckets examples by status and never merges success with errors', () => {
    const ok = (body: unknown) => ({
      name: 'ok',
      code: 200,
      header: [{ key: 'Content-Type', value: 'application/json' }],
      body: JSON.stringify(body),
    });
    const { model } = modelOfJson(
      collectionOf([
        {
          name: 'Get',
          request: 'https://x.io/a',
          response: [
            ok({ id: 1 }),
            ok({ id: 2, extra: null }),
            { name: 'bad', code: 404, body: '{"errors": [{"label": "X", "message": "m"}]}' },
          ],
        },
      ]),
    );
    const op = operationByName(model, 'Get');
    expect(op.responses.map((r) => r.status)).toEqual([200, 404]);
    expect(op.responses[0]?.schema).toEqual({
      type: 'object',
      properties: { extra: { type: 'unknown' }, id: { type: 'number' } },
      required: ['id'],
    });
    expect(op.responses[1]?.contentType).toBe('application/json');
  });

  it('reads CSV answers as rows and notices Link-header paging', async () => {
    const { model } = await modelOf(fixture('body-modes.json'));
    const csv = operationByName(model, 'Comma CSV as text').responses[0];
    expect(csv?.csv).toEqual({ delimiter: ',', columns: ['id', 'name', 'score'] });
    expect(csv?.contentType).toBe('text/csv');
  });
});

describe('auth', () => {
  it('inherits collection → folder → request, honours noauth and inherit', async () => {
    const { model } = await modelOf(fixture('auth-types.json'));
    const auth = (name: string) => operationByName(model, name).auth;
    expect(auth('Inherits collection auth')).toMatchObject({ type: 'apikey', inheritedFrom: 'collection' });
    expect(auth('Inherits folder auth')).toMatchObject({ type: 'bearer', inheritedFrom: 'Bearer folder' });
    expect(auth('No auth here')).toMatchObject({ type: 'noauth', inheritedFrom: 'request' });
    expect(auth('Still bearer')).toMatchObject({ type: 'bearer', inheritedFrom: 'Bearer folder' });
  });

  it('reads every auth type and never copies a literal secret', async () => {
    const { model } = await modelOf(fixture('auth-types.json'));
    const types = model.resources.find((r) => r.name === 'Each type')?.operations.map((op) => op.auth.type);
    expect(types).toEqual([
      'apikey',
      'bearer',
      'basic',
      'digest',
      'oauth1',
      'oauth2',
      'hawk',
      'awsv4',
      'ntlm',
      'edgegrid',
      'jwt',
      'asap',
    ]);
    const json = serializeModel(model);
    for (const secret of ['literal-secret', '"SK"', '"cs"', '"pk"']) expect(json).not.toContain(secret);
    expect(operationByName(model, 'With apikey').auth.params).toEqual({
      in: 'header',
      key: 'X-Api-Key',
      value: '<redacted>',
    });
    expect(operationByName(model, 'With bearer').auth.params).toEqual({ token: '{{token}}' });
  });
});

describe('overrides', () => {
  it('replace an inferred type, by item path, and add statuses with no example', async () => {
    const { model } = await modelOf(fixture('v2.0-basic.json'), {
      overrides: [
        {
          operation: 'Orders / Get order',
          responses: {
            '200': { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
            '404': { type: 'null' },
          },
        },
      ],
    });
    const op = operationByName(model, 'Get order');
    expect(op.responses.map((r) => [r.status, r.schemaSource])).toEqual([
      [200, 'override'],
      [404, 'override'],
    ]);
    expect(op.responses[0]?.schema).toEqual({
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
    });
  });

  it('refuse an override that names no operation', async () => {
    await expect(
      modelOf(fixture('v2.0-basic.json'), { overrides: [{ operation: 'Nope', responses: {} }] }),
    ).rejects.toThrow(/does not have/);
  });
});

describe('determinism', () => {
  it('serialises the same collection to the same bytes, with sorted keys', async () => {
    const first = serializeModel((await modelOf(fixture('urls-and-params.json'))).model);
    const second = serializeModel((await modelOf(fixture('urls-and-params.json'))).model);
    expect(second).toBe(first);
    const keys = Object.keys(JSON.parse(first));
    expect(keys).toEqual([...keys].sort());
  });
});

describe('real-world patterns', () => {
  it('tells same-named requests apart by method, stably', async () => {
    const { model } = await modelOf(fixture('real-world-patterns.json'));
    const accounts = model.resources[0];
    expect(accounts?.operations.filter((op) => op.name === 'Setup').map((op) => op.identifier)).toEqual([
      'setupGet',
      'setupDelete',
      'setupPost',
    ]);
  });

  it('never copies a credential pasted into a plain variable', async () => {
    const { model } = await modelOf(fixture('real-world-patterns.json'));
    expect(model.variables.find((v) => v.name === 'access token')).toMatchObject({
      type: 'secret',
      default: '<redacted>',
    });
    expect(serializeModel(model)).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });
});

describe('folder and request levels', () => {
  it('reads variables declared on folders and requests, which the SDK drops', async () => {
    const { model } = await modelOf(fixture('levels.json'));
    expect(model.variables.find((v) => v.name === 'digestScope')).toMatchObject({
      default: 'scope-digest',
      scope: 'Folder digest',
    });
    expect(model.variables.find((v) => v.name === 'itemLevel')).toMatchObject({
      default: 'x',
      scope: 'Folder noauth / Inherits',
    });
  });

  it('resolves every auth type declared on a folder, with request overrides', async () => {
    const { model } = await modelOf(fixture('levels.json'));
    for (const folder of model.resources) {
      const type = folder.name.replace('Folder ', '');
      const [inherits, overrides, none] = folder.operations;
      expect(inherits?.auth).toMatchObject({ type, inheritedFrom: folder.name });
      expect(overrides?.auth).toMatchObject({ type: 'bearer', inheritedFrom: 'request' });
      expect(none?.auth).toMatchObject({ type: 'noauth', inheritedFrom: 'request' });
    }
  });
});

describe('v1 quirks', () => {
  it('drops the form-data copy of a GET request’s URL parameters', async () => {
    const { model } = await modelOf(fixture('v1-legacy.json'));
    const forecast = operationByName(model, 'Forecast');
    expect(forecast.body).toBeUndefined();
    expect(forecast.query.map((q) => q.name)).toEqual(['product', 'name', 'app_id']);
    expect(forecast.query[2]).toMatchObject({ variable: 'YOUR_APP_ID' });
  });
});

describe('examples without a status code', () => {
  it('take the status their reason phrase names', () => {
    const { model } = modelOfJson(
      collectionOf([
        {
          name: 'Get',
          request: 'https://x.io/a',
          response: [
            { name: 'gone', status: 'Not Found', body: '{"error": "x"}' },
            { name: 'ok', status: 'OK', body: '{"id": 1}' },
          ],
        },
      ]),
    );
    expect(operationByName(model, 'Get').responses.map((r) => r.status)).toEqual([200, 404]);
  });
});

describe('collection strings that Object.prototype also has', () => {
  it('are plain strings: a raw language "valueOf" and a reason phrase "constructor"', async () => {
    const { model } = await modelOf(fixture('body-modes.json'));
    const odd = operationByName(model, 'Raw with an odd language');
    expect(odd.body).toMatchObject({ kind: 'text', contentType: 'text/plain' });
    expect(odd.responses.map((r) => r.status)).toEqual([0]);
  });
});

describe('URL objects that hold only raw', () => {
  it('are read as the string they hold', () => {
    const { model } = modelOfJson(
      collectionOf([{ name: 'Get', request: { method: 'GET', url: { raw: 'https://x.io/a/:id?b=1' } } }]),
    );
    const op = operationByName(model, 'Get');
    expect([
      op.pathTemplate,
      op.pathParams.map((p) => p.name),
      op.query.map((q) => q.name),
      model.baseUrl.default,
    ]).toEqual(['/a/{id}', ['id'], ['b'], 'https://x.io']);
  });
});
