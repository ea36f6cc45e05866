import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeModel } from '../generator/model/index.js';
import { loadConfig } from '../generator/config.js';
import { accengageCollection, allOperations, modelOf, operationByName, root } from './helpers.js';

/** The route table of the API reference we keep (resource, request, method, path, status, paged). */
const ROUTES: Array<[string, string, string, string, 'confirmed' | 'inferred', boolean]> = [
  ['Access token', 'Create access token', 'POST', '/v1/access_token', 'confirmed', false],
  ['Me', 'Get me', 'GET', '/v1/me', 'confirmed', false],
  ['Apps', 'List apps', 'GET', '/v1/me/apps', 'inferred', true],
  ['Apps', 'Get app', 'GET', '/v1/me/apps/{partnerId}', 'inferred', false],
  ['Devices', 'List devices', 'GET', '/v1/me/apps/{partnerId}/devices', 'confirmed', true],
  ['Devices', 'Get device', 'GET', '/v1/me/apps/{partnerId}/devices/{deviceId}', 'inferred', false],
  ['Devices', 'Update device', 'PUT', '/v1/me/apps/{partnerId}/devices/{deviceId}', 'inferred', false],
  ['Device tags', 'Set device tag', 'POST', '/v1/me/apps/{partnerId}/devices/{deviceId}/tags', 'inferred', false],
  [
    'Device tags',
    'Delete device tag',
    'DELETE',
    '/v1/me/apps/{partnerId}/devices/{deviceId}/tags/{category}/{identifier}',
    'inferred',
    false,
  ],
  ['Fields', 'List profile fields', 'GET', '/v1/me/apps/{partnerId}/fields', 'inferred', false],
  ['Segments', 'List segments', 'GET', '/v1/me/apps/{partnerId}/segments', 'inferred', true],
  ['Static lists', 'List static lists', 'GET', '/v1/me/apps/{partnerId}/static-lists', 'inferred', true],
  ['Static lists', 'Create static list', 'POST', '/v1/me/apps/{partnerId}/static-lists', 'inferred', false],
  [
    'Static lists',
    'Import static list members',
    'POST',
    '/v1/me/apps/{partnerId}/static-lists/{listId}/import',
    'inferred',
    false,
  ],
  ['Static lists', 'Delete static list', 'DELETE', '/v1/me/apps/{partnerId}/static-lists/{listId}', 'inferred', false],
  ['Messages', 'List messages', 'GET', '/v1/me/apps/{partnerId}/messages', 'inferred', true],
  ['Messages', 'Create message', 'POST', '/v1/me/apps/{partnerId}/messages', 'inferred', false],
  ['Messages', 'Get message', 'GET', '/v1/me/apps/{partnerId}/messages/{messageId}', 'inferred', false],
  ['Messages', 'Send instant message', 'POST', '/v1/me/apps/{partnerId}/messages/{messageId}/send', 'inferred', false],
  [
    'Statistics',
    'Get message statistics',
    'GET',
    '/v1/me/apps/{partnerId}/messages/{messageId}/statistics',
    'inferred',
    false,
  ],
  ['Bounces', 'List bounces', 'GET', '/v1/me/apps/{partnerId}/bounces', 'inferred', true],
  ['Images', 'Upload image', 'POST', '/v1/me/apps/{partnerId}/images', 'inferred', false],
];

describe('the Accengage model', async () => {
  const { model, diagnostics } = await modelOf(accengageCollection);

  it('builds without warnings', () => {
    expect(diagnostics).toEqual([]);
  });

  it('has exactly the routes of the reference, with method, path, status and paging', () => {
    const actual = allOperations(model).map((op) => [
      op.source.itemPath[0],
      op.name,
      op.method,
      op.pathTemplate,
      op.status,
      op.pagination !== undefined,
    ]);
    expect(actual).toEqual(ROUTES);
  });

  it('binds :partnerId to the partnerId variable and defaults the base URL', () => {
    expect(model.baseUrl).toEqual({ raw: '{{baseUrl}}', default: 'https://api.accengage.com' });
    for (const op of allOperations(model).filter((o) => o.pathTemplate.includes('{partnerId}'))) {
      expect(op.pathParams.find((p) => p.name === 'partnerId')).toMatchObject({
        variable: 'partnerId',
        required: true,
      });
    }
    expect(model.variables.map((v) => v.name)).toEqual(['baseUrl', 'partnerId', 'email', 'apiKey', 'accessToken']);
  });

  it('uses the collection bearer token everywhere except the access-token request', () => {
    for (const op of allOperations(model)) {
      if (op.name === 'Create access token') expect(op.auth.type).toBe('noauth');
      else
        expect(op.auth).toEqual({ type: 'bearer', params: { token: '{{accessToken}}' }, inheritedFrom: 'collection' });
      expect(op.scripts.prerequest).toEqual(['collection']);
    }
  });

  it('names methods after the resource as the reference does', () => {
    const names = Object.fromEntries(
      model.resources.map((r) => [r.identifier, r.operations.map((op) => op.identifier)]),
    );
    expect(names).toEqual({
      accessToken: ['create'],
      me: ['get'],
      apps: ['list', 'get'],
      devices: ['list', 'get', 'update'],
      deviceTags: ['set', 'delete'],
      fields: ['list'],
      segments: ['list'],
      staticLists: ['list', 'create', 'importMembers', 'delete'],
      messages: ['list', 'create', 'get', 'send'],
      statistics: ['get'],
      bounces: ['list'],
      images: ['upload'],
    });
  });

  it('types the access token exchange from its examples', () => {
    const op = operationByName(model, 'Create access token');
    expect(op.body).toMatchObject({
      kind: 'json',
      schema: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] },
    });
    expect(op.responses.find((r) => r.status === 200)?.schema).toEqual({
      type: 'object',
      properties: { access_token: { type: 'string' }, token_type: { type: 'string' } },
      required: ['access_token', 'token_type'],
    });
  });

  it('gives every error example the official errors array type', () => {
    const errorSchema = {
      type: 'object',
      properties: {
        errors: {
          type: 'array',
          items: {
            type: 'object',
            properties: { label: { type: 'string' }, message: { type: 'string' } },
            required: ['label', 'message'],
          },
        },
      },
      required: ['errors'],
    };
    const errors = allOperations(model).flatMap((op) => op.responses.filter((r) => r.status >= 400));
    expect(errors.length).toBeGreaterThanOrEqual(12);
    for (const response of errors) expect(response.schema).toEqual(errorSchema);
  });

  it('reads the devices list as paged ; CSV rows with typed columns', () => {
    const op = operationByName(model, 'List devices');
    expect(op.pagination).toEqual({ style: 'link-header', itemsAt: 'csv', pageParam: 'page' });
    expect(op.query.map((q) => [q.name, q.required])).toEqual([
      ['lastOpen', true],
      ['fields', false],
      ['page', false],
    ]);
    expect(op.query[0]?.schema).toEqual({ type: 'string', format: 'date' });
    const ok = op.responses.find((r) => r.status === 200);
    expect(ok?.csv?.delimiter).toBe(';');
    expect(ok?.csv?.columns.slice(0, 4)).toEqual(['deviceId', 'token', 'lastOpen', 'firstOpen']);
    expect(ok?.schema).toMatchObject({
      type: 'array',
      items: {
        type: 'object',
        properties: {
          deviceId: { type: 'string', format: 'uuid' },
          token: { type: 'union', anyOf: [{ type: 'string' }, { type: 'null' }] },
          // 0, 1 and 3 across the CSV rows and the JSON device (pooled): three distinct integers.
          bounce: { type: 'integer' },
          pushEnabled: { type: 'boolean' },
          platform: { type: 'enum', values: ['android', 'ios'] },
        },
      },
    });
  });

  it('finds the items of JSON pages and their links field', () => {
    expect(operationByName(model, 'List apps').pagination).toEqual({
      style: 'link-header',
      bodyLinks: 'links',
      itemsAt: 'apps',
      pageParam: 'page',
    });
    expect(operationByName(model, 'List static lists').pagination?.itemsAt).toBe('staticLists');
  });

  it('reads the multipart import with its CSV file part', () => {
    const body = operationByName(model, 'Import static list members').body;
    expect(body?.kind).toBe('multipart');
    expect(body?.fields?.map((f) => [f.name, f.kind, f.contentType])).toEqual([
      ['file', 'file', 'text/csv'],
      ['mode', 'text', undefined],
    ]);
    expect(body?.schema).toMatchObject({ required: ['file'] });
  });

  it('has a type for every request and response that has an example', () => {
    for (const op of allOperations(model)) {
      if (op.body && op.body.kind === 'json') expect(op.body.schema.type, op.name).toBe('object');
      for (const response of op.responses) {
        if (response.status === 204) expect(response.schemaSource).toBe('none');
        else expect(response.schema.type, `${op.name} ${response.status}`).not.toBe('unknown');
      }
    }
  });

  it('is what generated/accengage/model.json holds, with the configured signing, token and labels', async () => {
    const config = await loadConfig(path.join(root, 'postman-codegen.config.json'));
    const { collection: _c, out: _o, name: _n, overrides: _v, ...profile } = config.clients[0]!;
    const configured = (await modelOf(accengageCollection, { profile })).model;
    expect(configured.signing).toEqual(profile.signing);
    expect(configured.signing?.signatureHeader).toBe('Accengage-Signature');
    expect(configured.token?.operationId).toBe(operationByName(model, 'Create access token').id);
    expect(configured.errorLabels).toContain('API_ERR_UNKNOW_ROUTE');
    const committed = await readFile(path.join(root, 'generated/accengage/model.json'), 'utf8');
    expect(committed).toBe(serializeModel(configured));
  });
});
