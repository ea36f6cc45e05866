/**
 * What configuration changes in a model: schema overrides, member names, paging traits and the
 * profile (signing, token, error labels), and how it names the operations it changes.
 */
import { describe, expect, it } from 'vitest';
import { CodegenError } from '../generator/errors.js';
import type { BuildOptions } from '../generator/model/index.js';
import { signingVariables } from '../generator/model/profile.js';
import { collectionOf, modelOfJson, operationByName } from './helpers.js';

const ok = (body: unknown, code = 200) => ({
  name: `ok ${code}`,
  code,
  header: [{ key: 'Content-Type', value: 'application/json' }],
  body: JSON.stringify(body),
});

/** A folder "Devices" (list, get, a nested "Tags" folder) and a top-level "Ping" and "Token". */
const collection = collectionOf(
  [
    {
      name: 'Devices',
      item: [
        {
          id: 'list-devices',
          name: 'List devices',
          request: { method: 'GET', url: 'https://x.io/devices' },
          response: [ok([{ id: 1 }]), ok({ error: 'x' }, 404)],
        },
        {
          id: 'create-device',
          name: 'Create device',
          request: {
            method: 'POST',
            url: 'https://x.io/devices',
            body: { mode: 'raw', raw: '{"name": "a"}', options: { raw: { language: 'json' } } },
          },
        },
        {
          name: 'Tags',
          item: [
            { id: 'list-tags', name: 'List tags', request: { method: 'GET', url: 'https://x.io/devices/:id/tags' } },
            { id: 'get-tag', name: 'Get tag', request: { method: 'GET', url: 'https://x.io/tags/:tag' } },
          ],
        },
      ],
    },
    { id: 'ping', name: 'Ping', request: { method: 'GET', url: 'https://x.io/ping' } },
    { id: 'ping-again', name: 'Ping again', request: { method: 'GET', url: 'https://x.io/ping' } },
    {
      id: 'token',
      name: 'Token',
      request: { method: 'POST', url: 'https://x.io/token' },
    },
  ],
  { variable: [{ key: 'region', value: '{{zone}}' }] },
);

const build = (options: BuildOptions) => modelOfJson(collection, { ...options, configFile: 'codegen.json' }).model;

/** The CodegenError a build throws. */
function failure(options: BuildOptions): CodegenError {
  try {
    build(options);
  } catch (error) {
    if (error instanceof CodegenError) return error;
    throw error;
  }
  throw new Error('the build did not fail');
}

describe('naming an operation', () => {
  it('by its id, its item path or its method and path template, nested folders included', () => {
    const renamed = build({
      names: { 'list-devices': 'all', 'Devices / Tags / Get tag': 'oneTag', 'GET /devices/{id}/tags': 'tagsOf' },
    });
    expect(operationByName(renamed, 'List devices').identifier).toBe('all');
    expect(operationByName(renamed, 'Get tag').identifier).toBe('oneTag');
    expect(operationByName(renamed, 'List tags').identifier).toBe('tagsOf');
    expect(operationByName(renamed, 'Create device').identifier).toBe('create');
  });

  it('changes every operation a reference matches', () => {
    const model = build({ pagination: { 'GET /ping': { style: 'link-header', itemsAt: '' } } });
    expect(operationByName(model, 'Ping').pagination).toEqual({ style: 'link-header', itemsAt: '' });
    expect(operationByName(model, 'Ping again').pagination).toEqual({ style: 'link-header', itemsAt: '' });
    expect(operationByName(model, 'Token').pagination).toBeUndefined();
  });
});

describe('schema overrides', () => {
  it('replace the body schema and keep the rest of the body', () => {
    const schema = { type: 'object' as const, properties: { name: { type: 'string' as const } }, required: ['name'] };
    const model = build({ overrides: [{ operation: 'create-device', request: schema }] });
    expect(operationByName(model, 'Create device').body).toMatchObject({
      kind: 'json',
      schema,
      examples: ['{"name": "a"}'],
    });
  });

  it('give a body to an operation that has none', () => {
    const schema = { type: 'object' as const, properties: {}, required: [] };
    const model = build({ overrides: [{ operation: 'Ping', request: schema }] });
    expect(operationByName(model, 'Ping').body).toEqual({
      kind: 'json',
      contentType: 'application/json',
      schema,
      examples: [],
    });
  });

  it('replace a response schema and add statuses in order, leaving the others as inferred', () => {
    const model = build({
      overrides: [
        {
          operation: 'Devices / List devices',
          responses: { '404': { type: 'null' }, '201': { type: 'boolean' }, '100': { type: 'string' } },
        },
      ],
    });
    const responses = operationByName(model, 'List devices').responses;
    expect(responses.map((r) => [r.status, r.schemaSource, r.schema.type])).toEqual([
      [100, 'override', 'string'],
      [200, 'inferred', 'array'],
      [201, 'override', 'boolean'],
      [404, 'override', 'null'],
    ]);
    expect(responses[2]).toEqual({
      status: 201,
      schema: { type: 'boolean' },
      examples: [],
      headers: {},
      schemaSource: 'override',
      contentType: 'application/json',
    });
    expect(responses[3]?.examples).toEqual(['ok 404']);
  });

  it('leave the responses alone when they give none', () => {
    const before = operationByName(build({}), 'List devices').responses;
    const model = build({ overrides: [{ operation: 'Devices / List devices', request: { type: 'string' } }] });
    expect(operationByName(model, 'List devices').responses).toEqual(before);
  });

  it('refuse an operation the collection does not have, naming the override', () => {
    const error = failure({ overrides: [{ operation: 'Ping' }, { operation: 'Nope', responses: {} }] });
    expect(error.message).toBe('override #2 names operation "Nope", which the collection does not have.');
    expect([error.file, error.where, error.hint]).toEqual([
      'codegen.json',
      'overrides[1].operation',
      'Name it by item path ("Folder / Request"), by "METHOD /path", or by its Postman id.',
    ]);
  });
});

describe('member names', () => {
  it('accept any identifier, underscores and digits included', () => {
    const model = build({ names: { Ping: '_ping2', Token: 'T' } });
    expect(operationByName(model, 'Ping').identifier).toBe('_ping2');
    expect(operationByName(model, 'Token').identifier).toBe('T');
  });

  it('refuse what is not an identifier, or a reserved member', () => {
    for (const name of ['2fa', 'list-all', 'list all', '', 'x.y', 'constructor', 'then', 'é']) {
      const error = failure({ names: { Ping: name } });
      expect(error.message).toBe(`names["Ping"] is "${name}", which is not a usable member name.`);
      expect([error.file, error.where, error.hint]).toEqual([
        'codegen.json',
        'names["Ping"]',
        'Use a camelCase identifier such as "listAll".',
      ]);
    }
  });

  it('refuse a reference that matches no operation, or several', () => {
    const none = failure({ names: { Nope: 'x' } });
    expect(none.message).toBe('names["Nope"] matches no operation of the collection.');
    expect([none.where, none.hint]).toEqual([
      'names["Nope"]',
      'Name the operation by item path ("Folder / Request"), by "METHOD /path", or by its Postman id.',
    ]);
    expect(failure({ names: { 'GET /ping': 'x' } }).message).toBe('names["GET /ping"] matches several operations.');
  });

  it('refuse a name another member of the same scope has: operation or resource, at any depth', () => {
    expect(failure({ names: { Ping: 'token' } }).message).toBe(
      'the names configuration gives "token" to both "Ping" and "Token" in the client.',
    );
    expect(failure({ names: { Token: 'devices' } }).message).toBe(
      'the names configuration gives "devices" to both "Devices" and "Token" in the client.',
    );
    const nested = failure({ names: { 'Devices / Tags / Get tag': 'list' } });
    expect(nested.message).toBe(
      'the names configuration gives "list" to both "List tags" and "Get tag" in "Devices / Tags".',
    );
    expect([nested.file, nested.where, nested.hint]).toEqual([
      'codegen.json',
      'names',
      'Choose another name for one of them.',
    ]);
  });

  it('allow the same name in different scopes', () => {
    const model = build({ names: { 'Devices / Tags / Get tag': 'one', Ping: 'one' } });
    expect(operationByName(model, 'Get tag').identifier).toBe('one');
    expect(operationByName(model, 'Ping').identifier).toBe('one');
  });
});

describe('paging traits', () => {
  it('set a trait, always as Link-header paging, or take it away', () => {
    const paged = build({ pagination: { Token: { style: 'link-header', itemsAt: 'items', pageParam: 'page' } } });
    expect(operationByName(paged, 'Token').pagination).toEqual({
      style: 'link-header',
      itemsAt: 'items',
      pageParam: 'page',
    });
    const trait = { style: 'other', itemsAt: '' } as unknown as NonNullable<BuildOptions['pagination']>[string];
    expect(operationByName(build({ pagination: { Ping: trait } }), 'Ping').pagination?.style).toBe('link-header');
    const listed = build({ pagination: { 'Devices / List devices': { style: 'link-header', itemsAt: '' } } });
    expect(operationByName(listed, 'List devices').pagination).toEqual({ style: 'link-header', itemsAt: '' });
    const unpaged = build({ pagination: { 'Devices / List devices': false } });
    expect(operationByName(unpaged, 'List devices').pagination).toBeUndefined();
  });

  it('refuse a reference that matches no operation', () => {
    const error = failure({ pagination: { Nope: false } });
    expect(error.message).toBe('pagination["Nope"] matches no operation of the collection.');
    expect([error.file, error.where, error.hint]).toEqual(['codegen.json', 'pagination["Nope"]', undefined]);
  });
});

describe('the profile', () => {
  const signing = {
    algorithm: 'sha256' as const,
    parts: ['method' as const, { variable: 'region' }, 'url' as const, { variable: 'signingSecret' }, 'body' as const],
    signatureHeader: 'X-Signature',
    timeUnit: 'seconds' as const,
    hexCase: 'lower' as const,
  };

  it('lists the variables a signature reads, in order', () => {
    expect(signingVariables(signing)).toEqual(['region', 'signingSecret']);
  });

  it('adds the signing scheme, and an undeclared variable it reads as a secret', () => {
    const model = build({ profile: { signing } });
    expect(model.signing).toEqual(signing);
    expect(model.variables.filter((v) => v.name === 'region')).toEqual([
      { name: 'region', default: '{{zone}}', type: 'any', scope: 'collection' },
    ]);
    expect(model.variables.filter((v) => v.scope === 'config')).toEqual([
      { name: 'signingSecret', default: '', type: 'secret', scope: 'config' },
    ]);
  });

  it('adds the token operation by id, and the variables of its body the collection lacks', () => {
    const token = {
      operation: 'Token',
      body: { key: '{{region}}', secret: '{{clientSecret}} and {{grant}}', fixed: 'x' },
      tokenField: 'access_token',
      typeField: 'token_type',
      refresh: { labels: ['EXPIRED'], statuses: [401] },
    };
    const model = build({ profile: { token } });
    expect(model.token).toEqual({
      operationId: 'token',
      body: token.body,
      tokenField: 'access_token',
      typeField: 'token_type',
      refresh: { labels: ['EXPIRED'], statuses: [401] },
    });
    expect(model.variables.filter((v) => v.scope === 'config')).toEqual([
      { name: 'clientSecret', default: '', type: 'any', scope: 'config' },
      { name: 'grant', default: '', type: 'any', scope: 'config' },
    ]);
    expect(model.variables.filter((v) => v.name === 'region')).toHaveLength(1);
  });

  it('refuses a token operation that matches none, or several', () => {
    const token = (operation: string) => ({
      operation,
      body: {},
      tokenField: 't',
      refresh: { labels: [], statuses: [] },
    });
    const none = failure({ profile: { token: token('Nope') } });
    expect(none.message).toBe('token.operation "Nope" matches no operation of the collection.');
    expect([none.file, none.where, none.hint]).toEqual([
      'codegen.json',
      'token.operation',
      'Name it by item path ("Folder / Request"), by "METHOD /path", or by its Postman id.',
    ]);
    expect(failure({ profile: { token: token('GET /ping') } }).message).toBe(
      'token.operation "GET /ping" matches several operations.',
    );
  });

  it('copies the error labels, and adds nothing it was not given', () => {
    const labels = ['API_ERR_FORMAT', 'API_ERR_AUTH'];
    const model = build({ profile: { errorLabels: labels } });
    expect(model.errorLabels).toEqual(labels);
    labels.push('LATER');
    expect(model.errorLabels).toEqual(['API_ERR_FORMAT', 'API_ERR_AUTH']);
    expect([model.signing, model.token]).toEqual([undefined, undefined]);
    expect(build({ profile: {} }).variables).toEqual(build({}).variables);
  });
});
