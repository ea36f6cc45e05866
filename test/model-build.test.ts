/**
 * How records become the route model: variables, headers, scripts, statuses, origins, path
 * templates and parameters. The collections are written as records, the loader's output, so each
 * test says exactly what the builder reads.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, type BuildOptions, type Operation } from '../generator/model/index.js';
import { saysRequired } from '../generator/model/url.js';
import type {
  FolderRecord,
  ItemRecord,
  PairRecord,
  RequestItemRecord,
  RequestRecord,
  ResponseRecord,
  UrlRecord,
} from '../generator/records.js';
import { allOperations, operationByName } from './helpers.js';

/** The name of the entity an operation's first answer is, if it is one. */
const entityOf = (operation: Operation): string | undefined => {
  const schema = operation.responses[0]?.schema;
  return schema?.type === 'object' ? schema.name : undefined;
};

const url = (parts: Partial<UrlRecord> = {}): UrlRecord => ({
  protocol: 'https',
  host: 'api.example.com',
  path: ['items'],
  variables: [],
  query: [],
  ...parts,
});

const request = (parts: Partial<RequestRecord> = {}): RequestRecord => ({
  method: 'GET',
  url: url(),
  headers: [],
  ...parts,
});

const item = (name: string, parts: Partial<RequestItemRecord> = {}): RequestItemRecord => ({
  kind: 'request',
  id: name.toLowerCase().replace(/ /g, '-'),
  name,
  events: [],
  variables: [],
  request: request(),
  responses: [],
  ...parts,
});

const folder = (name: string, items: ItemRecord[], parts: Partial<FolderRecord> = {}): FolderRecord => ({
  kind: 'folder',
  id: `folder-${name}`,
  name,
  events: [],
  variables: [],
  items,
  ...parts,
});

const json = (code: number, body: unknown, name = `answer ${code}`): ResponseRecord => ({
  name,
  code,
  headers: [{ key: 'Content-Type', value: 'application/json' }],
  body: JSON.stringify(body),
});

interface CollectionParts {
  name?: string;
  description?: string;
  variables?: PairRecord[];
  events?: RequestItemRecord['events'];
  file?: string;
}

function build(items: ItemRecord[], parts: CollectionParts = {}, options?: BuildOptions) {
  const { file = 'dir/sub/api.postman_collection.json', ...collection } = parts;
  return buildModel(
    {
      file,
      format: 'v2.1',
      collection: { name: 'API', events: [], variables: [], items, ...collection },
      diagnostics: [{ level: 'info', message: 'from the loader', where: 'loader' }],
      skipped: [],
    },
    options,
  );
}

const one = (parts: Partial<RequestItemRecord> = {}, collection: CollectionParts = {}) =>
  operationByName(build([item('Op', parts)], collection).model, 'Op');

describe('the model around the operations', () => {
  it('names the file without its folders, keeps the format, the name and the description', () => {
    const { model, diagnostics } = build([item('Op')], { name: 'Shop', description: 'All of it.' });
    expect(model.source).toEqual({ file: 'api.postman_collection.json', format: 'v2.1' });
    expect(operationByName(model, 'Op').source).toEqual({ file: 'api.postman_collection.json', itemPath: ['Op'] });
    expect([model.name, model.description]).toEqual(['Shop', 'All of it.']);
    expect(diagnostics).toEqual([{ level: 'info', message: 'from the loader', where: 'loader' }]);
  });

  it('gives an operation only the fields it has', () => {
    expect(Object.keys(one()).sort()).toEqual([
      'auth',
      'headers',
      'id',
      'identifier',
      'method',
      'name',
      'pathParams',
      'pathTemplate',
      'query',
      'responses',
      'scripts',
      'source',
      'typeName',
    ]);
  });

  it('calls an unnamed collection "API" and gives no description when there is none', () => {
    const { model } = build([item('Op')], { name: '', file: 'bare.json' });
    expect(model.name).toBe('API');
    expect(model.source.file).toBe('bare.json');
    expect('description' in model).toBe(false);
  });

  it('names the collection file without its folder, and a folder given as "." or ".." by its own name', () => {
    const here = path.basename(process.cwd());
    const above = path.basename(path.resolve('..'));
    const cases: Array<[string, string]> = [
      ['collections/api.json', 'api.json'],
      ['v1.', 'v1.'],
      ['..json', '..json'],
      ['.', here],
      ['', here],
      ['..', above],
      ['api/..', here],
      ['../.', above],
    ];
    for (const [file, named] of cases) expect(build([item('Op')], { file }).model.source.file, file).toBe(named);
  });

  it('reports an item that holds no request, by its path, and goes on', () => {
    const { model, diagnostics } = build([folder('F', [item('Empty', { request: undefined }), item('Kept')])]);
    expect(diagnostics.slice(1)).toEqual([
      { level: 'warning', message: 'item has no request and was skipped', where: 'F / Empty' },
    ]);
    expect(allOperations(model).map((op) => op.name)).toEqual(['Kept']);
  });

  it('turns folders into resources with their id, description and source', () => {
    const { model } = build([
      folder('Outer', [folder('Inner', [item('Deep')], { description: 'Inside.' }), item('Shallow')]),
    ]);
    const outer = model.resources[0];
    expect(outer).toMatchObject({ name: 'Outer', id: 'folder-Outer', source: { itemPath: ['Outer'] } });
    expect(outer && 'description' in outer).toBe(false);
    expect(outer?.operations.map((op) => op.name)).toEqual(['Shallow']);
    expect(outer?.resources[0]).toMatchObject({
      name: 'Inner',
      description: 'Inside.',
      source: { file: 'api.postman_collection.json', itemPath: ['Outer', 'Inner'] },
    });
    expect(operationByName(model, 'Deep').source.itemPath).toEqual(['Outer', 'Inner', 'Deep']);
  });
});

describe('variables', () => {
  const pair = (key: string, value?: string, parts: Partial<PairRecord> = {}): PairRecord =>
    value === undefined ? { key, ...parts } : { key, value, ...parts };

  it('keep the declared type when it is one the model knows, and the description', () => {
    const { model } = build([], {
      variables: [
        pair('s', 'a', { type: 'string' }),
        pair('n', '1', { type: 'number' }),
        pair('b', 'true', { type: 'boolean' }),
        pair('k', '', { type: 'secret' }),
        pair('o', 'x', { type: 'object', description: 'Odd.' }),
        pair('u'),
      ],
    });
    expect(model.variables).toStrictEqual([
      { name: 's', default: 'a', type: 'string', scope: 'collection' },
      { name: 'n', default: '1', type: 'number', scope: 'collection' },
      { name: 'b', default: 'true', type: 'boolean', scope: 'collection' },
      { name: 'k', default: '', type: 'secret', scope: 'collection' },
      { name: 'o', default: 'x', type: 'any', scope: 'collection', description: 'Odd.' },
      { name: 'u', default: '', type: 'any', scope: 'collection' },
    ]);
  });

  it('redact a declared secret and any name that ends like a credential, separators and case ignored', () => {
    const credentials = [
      'token',
      'access_token',
      'Client-Secret',
      'password',
      'PASSWD',
      'api key',
      'credential',
      'credentials',
      'private.key',
      'sessionId',
    ];
    const { model } = build([], {
      variables: [
        ...credentials.map((name) => pair(name, 'literal')),
        pair('declared', 'literal', { type: 'secret' }),
        pair('emptyToken', ''),
      ],
    });
    for (const name of [...credentials, 'declared'])
      expect(model.variables.find((v) => v.name === name)).toMatchObject({ type: 'secret', default: '<redacted>' });
    expect(model.variables.find((v) => v.name === 'emptyToken')).toMatchObject({ type: 'secret', default: '' });
  });

  it('keep names that only start like a credential', () => {
    const names = ['tokenUrl', 'passwordPolicy', 'secretName', 'sessionIdHeader', 'keyId'];
    const { model } = build([], { variables: names.map((name) => pair(name, 'plain')) });
    expect(model.variables.map((v) => [v.name, v.type, v.default])).toEqual(names.map((n) => [n, 'any', 'plain']));
  });

  it('skip disabled and unnamed ones; the outermost declaration of a name wins', () => {
    const { model } = build(
      [
        folder('F', [item('Op', { variables: [pair('inner', 'r'), pair('shared', 'request')] })], {
          variables: [pair('shared', 'folder'), pair('folderOnly', 'f')],
        }),
      ],
      { variables: [pair('', 'nameless'), pair('off', 'x', { disabled: true }), pair('shared', 'collection')] },
    );
    expect(model.variables.map((v) => [v.name, v.default, v.scope])).toEqual([
      ['shared', 'collection', 'collection'],
      ['folderOnly', 'f', 'F'],
      ['inner', 'r', 'F / Op'],
    ]);
  });

  it('add the ones referenced but not declared, sorted, from every place that references them', () => {
    const { model } = build([
      item('Op', {
        request: request({
          url: url({
            host: '{{host}}',
            path: ['{{zPath}}', ':id'],
            variables: [{ key: 'id', value: '{{idVar}}' }],
            query: [{ key: 'q', value: '{{qVar}}' }],
          }),
          headers: [{ key: 'X-H', value: 'a {{hVar}} b' }],
          body: { mode: 'raw', raw: '{"a": "{{bodyVar}}"}', language: 'json' },
          auth: { type: 'bearer', params: [{ key: 'token', value: '{{authVar}}' }] },
        }),
      }),
      item('Elsewhere', { request: request({ url: url({ host: '{{otherHost}}' }) }) }),
      item('Again', { request: request({ url: url({ host: '{{otherHost}}' }) }) }),
    ]);
    expect(model.variables.map((v) => [v.name, v.scope, v.default, v.type])).toEqual(
      ['authVar', 'bodyVar', 'hVar', 'host', 'idVar', 'otherHost', 'qVar', 'zPath'].map((name) => [
        name,
        'referenced',
        '',
        'any',
      ]),
    );
  });
});

describe('the base URL', () => {
  it('is the origin most operations use, the others keeping theirs', () => {
    const at = (name: string, host: string, protocol = 'https', port?: string) =>
      item(name, { request: request({ url: url({ host, protocol, ...(port ? { port } : {}) }) }) });
    const { model } = build([
      at('A', 'a.io'),
      at('B1', 'b.io'),
      at('B2', 'b.io'),
      at('Port', 'b.io', 'https', '8443'),
      at('Plain', 'b.io', 'http'),
    ]);
    expect(model.baseUrl).toEqual({ raw: 'https://b.io', default: 'https://b.io' });
    expect(allOperations(model).map((op) => [op.name, op.baseUrl])).toEqual([
      ['A', 'https://a.io'],
      ['B1', undefined],
      ['B2', undefined],
      ['Port', 'https://b.io:8443'],
      ['Plain', 'http://b.io'],
    ]);
    expect(allOperations(model).some((op) => 'origin' in op)).toBe(false);
  });

  it('goes to the alphabetically first origin on a tie, whatever the order of the items', () => {
    const at = (name: string, host: string) => item(name, { request: request({ url: url({ host }) }) });
    for (const items of [
      [at('A', 'a.io'), at('B', 'b.io')],
      [at('B', 'b.io'), at('A', 'a.io')],
      [at('C', 'c.io'), at('B', 'b.io'), at('A', 'a.io')],
    ])
      expect(build(items).model.baseUrl.raw).toBe('https://a.io');
  });

  it('is relative when there are no operations or no host', () => {
    expect(build([]).model.baseUrl).toEqual({ raw: '', default: '' });
    const { model } = build([item('Op', { request: request({ url: url({ protocol: undefined, host: '' }) }) })]);
    expect(model.baseUrl).toEqual({ raw: '', default: '' });
  });

  it('resolves its variables, but never with a redacted secret', () => {
    const withHost = (value: string) =>
      build([item('Op', { request: request({ url: url({ protocol: undefined, host: '{{host}}/{{token}}' }) }) })], {
        variables: [
          { key: 'host', value },
          { key: 'token', value: 's3cr3t' },
        ],
      }).model.baseUrl;
    expect(withHost('https://x.io')).toEqual({ raw: '{{host}}/{{token}}', default: 'https://x.io/{{token}}' });
  });
});

describe('headers', () => {
  it('keep enabled named headers, with their variables and description', () => {
    const op = one({
      request: request({
        headers: [
          { key: 'Accept', value: 'application/json', description: 'What we read.' },
          { key: 'X-Off', value: 'x', disabled: true },
          { key: '', value: 'nameless' },
          { key: 'X-Empty' },
          { key: 'X-Tenant', value: '{{tenant}}-{{region}}' },
        ],
      }),
    });
    expect(op.headers).toStrictEqual([
      { name: 'Accept', value: 'application/json', variables: [], description: 'What we read.' },
      { name: 'X-Empty', value: '', variables: [] },
      { name: 'X-Tenant', value: '{{tenant}}-{{region}}', variables: ['tenant', 'region'] },
    ]);
  });
});

describe('scripts', () => {
  const script = (listen: string, source = 'pm.test()', disabled = false) => ({ listen, source, disabled });

  it('list the levels that run a script before and after the request, outermost first', () => {
    const { model } = build(
      [
        folder('F', [item('Op', { events: [script('prerequest'), script('test')] })], {
          events: [script('test'), script('test', 'again')],
        }),
        item('Bare'),
      ],
      { events: [script('prerequest')] },
    );
    expect(operationByName(model, 'Op').scripts).toStrictEqual({
      prerequest: ['collection', 'request'],
      test: ['F', 'request'],
    });
    expect(operationByName(model, 'Bare').scripts).toEqual({ prerequest: ['collection'], test: [] });
  });

  it('ignore disabled, empty and other scripts', () => {
    const op = one({ events: [script('prerequest', 'x', true), script('test', '  \n '), script('load', 'x')] });
    expect(op.scripts).toEqual({ prerequest: [], test: [] });
  });
});

describe('descriptions and route status', () => {
  it("take the request's description, else the item's", () => {
    expect(one({ description: 'Item.', request: request({ description: 'Request.' }) }).description).toBe('Request.');
    expect(one({ description: 'Item.' }).description).toBe('Item.');
    expect('description' in one()).toBe(false);
  });

  it('read a status mark in the description, however it is emphasised', () => {
    const status = (description: string) => one({ description }).status;
    expect(status('Lists things.\n\nStatus: confirmed')).toBe('confirmed');
    expect(status('**Status:** Inferred from the reference')).toBe('inferred');
    expect(status('status `*CONFIRMED*`')).toBe('confirmed');
    expect(status('STATUS:confirmed')).toBe('confirmed');
    expect(status('Status : confirmed')).toBe('confirmed');
    expect(status('Status: **confirmed**')).toBe('confirmed');
    for (const description of ['No mark.', 'substatus: confirmed', 'status: confirmedly', 'status: unknown'])
      expect(status(description)).toBeUndefined();
  });
});

describe('bodies from examples', () => {
  const post = (raw: string) =>
    request({ method: 'POST', body: { mode: 'raw', raw, language: 'json' }, url: url({ path: ['things'] }) });

  it('merge only the requests of examples without a status or with a 2xx one', () => {
    const example = (code: number, raw: string): ResponseRecord => ({
      ...json(code, {}),
      originalRequest: post(raw),
    });
    const op = one({
      request: post('{"a": 1}'),
      responses: [
        example(0, '{"a": 1, "zero": 1}'),
        example(200, '{"a": 1, "ok": 1}'),
        example(299, '{"a": 1, "last": 1}'),
        example(199, '{"a": 1, "info": 1}'),
        example(300, '{"a": 1, "redirect": 1}'),
        { ...json(201, {}), name: 'no request' },
      ],
    });
    expect(Object.keys(op.body?.schema.type === 'object' ? op.body.schema.properties : {})).toEqual([
      'a',
      'last',
      'ok',
      'zero',
    ]);
  });
});

describe('paths', () => {
  const path = (parts: Partial<UrlRecord>) => one({ request: request({ url: url(parts) }) });

  it('turn :name segments into parameters, with their declared example and description', () => {
    const op = path({
      path: ['shops', ':shop', 'items', ':item', ':'],
      variables: [
        { key: 'shop', value: '0042', description: 'The shop.' },
        { key: 'item', value: '{{itemId}}' },
      ],
    });
    expect(op.pathTemplate).toBe('/shops/{shop}/items/{item}/:');
    expect(op.pathParams).toStrictEqual([
      {
        name: 'shop',
        identifier: 'shop',
        schema: { type: 'string' },
        required: true,
        example: '0042',
        description: 'The shop.',
      },
      { name: 'item', identifier: 'item', schema: { type: 'string' }, required: true, variable: 'itemId' },
    ]);
  });

  it('keep path parameters strings, with the format an example shows', () => {
    const op = path({
      path: [':n', ':d', ':b', ':none', ':empty'],
      variables: [
        { key: 'n', value: '42' },
        { key: 'd', value: '2024-02-29' },
        { key: 'b', value: 'true' },
        { key: 'empty', value: '' },
      ],
    });
    expect(op.pathParams[3]).toStrictEqual({
      name: 'none',
      identifier: 'none',
      schema: { type: 'string' },
      required: true,
    });
    expect(op.pathParams.map((p) => [p.name, p.schema, p.example])).toEqual([
      ['n', { type: 'string' }, '42'],
      ['d', { type: 'string', format: 'date' }, '2024-02-29'],
      ['b', { type: 'string' }, 'true'],
      ['none', { type: 'string' }, undefined],
      ['empty', { type: 'string' }, undefined],
    ]);
  });

  it('turn {{variables}} inside segments into parameters bound to them, once each', () => {
    const op = path({ path: ['v{{major}}.{{minor}}', '{{major}}', '{{$guid}}', 'a{b}c', ':major'] });
    expect(op.pathTemplate).toBe('/v{major}.{minor}/{major}/%7B%7B$guid%7D%7D/a%7Bb%7Dc/{major}');
    expect(op.pathParams).toStrictEqual([
      { name: 'major', identifier: 'major', schema: { type: 'string' }, required: true, variable: 'major' },
      { name: 'minor', identifier: 'minor', schema: { type: 'string' }, required: true, variable: 'minor' },
    ]);
  });

  it('escape braces around a dynamic variable inside a segment too', () => {
    expect(path({ path: ['x{{$timestamp}}}{'] }).pathTemplate).toBe('/x%7B%7B$timestamp%7D%7D%7D%7B');
  });

  it('are "/" with no segments', () => {
    expect(path({ path: [] }).pathTemplate).toBe('/');
  });
});

describe('query parameters', () => {
  const query = (params: PairRecord[]) => one({ request: request({ url: url({ query: params }) }) }).query;

  it('keep enabled named ones, once each, repeated ones as arrays', () => {
    const params = query([
      { key: 'tag', value: 'a' },
      { key: 'off', value: '1', disabled: true },
      { key: '', value: 'x' },
      { key: 'page', value: '2' },
      { key: 'tag', value: '7' },
      { key: 'tag', value: 'c', description: 'Required.' },
    ]);
    expect(params).toStrictEqual([
      {
        name: 'tag',
        identifier: 'tag',
        schema: { type: 'array', items: { type: 'string' } },
        required: false,
        example: 'a',
        repeated: true,
      },
      { name: 'page', identifier: 'page', schema: { type: 'number' }, required: false, example: '2' },
    ]);
  });

  it('bind a whole reference to its variable: text for a plain one, the announced type for a dynamic one', () => {
    const params = query([
      { key: 'since', value: '{{since}}', description: 'Mandatory: the start.' },
      { key: 'at', value: '{{$isoTimestamp}}' },
      { key: 'n', value: '{{count}}' },
      { key: 'mixed', value: 'a{{b}}' },
      { key: 'none' },
      { key: 'empty', value: '' },
    ]);
    expect(params).toStrictEqual([
      {
        name: 'since',
        identifier: 'since',
        schema: { type: 'string' },
        required: true,
        variable: 'since',
        description: 'Mandatory: the start.',
      },
      {
        name: 'at',
        identifier: 'at',
        schema: { type: 'string', format: 'date-time' },
        required: false,
        variable: '$isoTimestamp',
      },
      { name: 'n', identifier: 'n', schema: { type: 'string' }, required: false, variable: 'count' },
      { name: 'mixed', identifier: 'mixed', schema: { type: 'string' }, required: false, example: 'a{{b}}' },
      { name: 'none', identifier: 'none', schema: { type: 'string' }, required: false },
      { name: 'empty', identifier: 'empty', schema: { type: 'string' }, required: false },
    ]);
  });

  it('are required when their description says so and not also optional', () => {
    expect(saysRequired('Required.')).toBe(true);
    expect(saysRequired('This is MANDATORY')).toBe(true);
    expect(saysRequired('required, unless optional')).toBe(false);
    expect(saysRequired('Optional. Not required.')).toBe(false);
    expect(saysRequired('Requirements: none')).toBe(false);
    expect(saysRequired('notrequired')).toBe(false);
    expect(saysRequired('optionally required')).toBe(true);
    expect(saysRequired('')).toBe(false);
    expect(saysRequired(undefined)).toBe(false);
  });
});

describe('entities across operations', () => {
  it('pool the same object answered in two operations of a folder into one type', () => {
    const app = { id: 'a-1', name: 'Shop', createdAt: '2024-01-01T00:00:00Z' };
    const get = (name: string, path: string[]) =>
      item(name, { request: request({ url: url({ path }) }), responses: [json(200, app)] });
    const { model } = build([folder('Apps', [get('Get app', ['apps', '1']), get('Get other app', ['apps', '2'])])]);
    const schemas = allOperations(model).map((op) => op.responses[0]?.schema);
    expect(schemas[0]).toEqual(schemas[1]);
    expect(schemas[0]).toMatchObject({ type: 'object', name: 'App', required: ['createdAt', 'id', 'name'] });
  });

  it('leave error answers and answers with no body out of the pool', () => {
    const app = { id: 'a-1', name: 'Shop', createdAt: '2024-01-01T00:00:00Z' };
    const get = (name: string, path: string[], code: number) =>
      item(name, {
        request: request({ url: url({ path }) }),
        responses: [json(code, app), { name: 'empty', code: 200, headers: [], body: '' }],
      });
    const { model } = build([
      folder('Apps', [get('Get app', ['apps', '1'], 404), get('Get other app', ['apps', '2'], 300)]),
    ]);
    for (const op of allOperations(model))
      for (const response of op.responses) expect(response.schema).not.toHaveProperty('name');
  });
});

describe('configuration applied to the built model', () => {
  const app = { id: 'a-1', name: 'Shop', createdAt: '2024-01-01T00:00:00Z' };
  const apps = () =>
    folder('Apps', [
      item('Get app', { request: request({ url: url({ path: ['apps', '1'] }) }), responses: [json(200, app)] }),
      item('Get other app', { request: request({ url: url({ path: ['apps', '2'] }) }), responses: [json(200, app)] }),
      item('Create app', {
        request: request({ method: 'POST', body: { mode: 'raw', raw: '{"name": "x", "tag": "y"}', language: 'json' } }),
      }),
    ]);

  it('renames or separates pooled entities as the inference settings say', () => {
    const named = (entities: Record<string, string | false>) =>
      allOperations(build([apps()], {}, { inference: { entities } }).model).map((op) => entityOf(op));
    expect(named({ App: 'Application' })).toEqual(['Application', 'Application', undefined]);
    expect(named({ App: false })).toEqual([undefined, undefined, undefined]);
  });

  it("refuses an entity name one of the operations' generated types has", () => {
    const { typeName } = operationByName(build([apps()]).model, 'Get app');
    expect(typeName).toBe('AppsGet');
    for (const suffix of ['Params', 'Body', 'Response', 'Item'])
      expect(() => build([apps()], {}, { inference: { entities: { App: `${typeName}${suffix}` } } })).toThrow(
        `inference.entities names "App" "${typeName}${suffix}", which is already a generated type.`,
      );
  });

  it('marks the body fields the inference settings require', () => {
    const { model } = build([apps()], {}, { inference: { requiredFields: { 'Apps / Create app': ['tag'] } } });
    expect(operationByName(model, 'Create app').body?.schema).toMatchObject({ required: ['tag'] });
  });

  it('names "configuration" in its errors when no file is given', () => {
    expect(() => build([apps()], {}, { names: { Nope: 'x' } })).toThrow(
      expect.objectContaining({ file: 'configuration', where: 'names["Nope"]' }),
    );
    expect(() => build([apps()], {}, { inference: { requiredFields: { Nope: ['x'] } } })).toThrow(
      expect.objectContaining({ file: 'configuration' }),
    );
  });
});
