/**
 * The classification table, one case per rule: a small pair of collections (the shop fixture and
 * an edited copy) goes through the loader and the model builder, and the report must name exactly
 * the expected rules, with the rule's kind and the field path of the change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffModels, RULES, RULE_IDS, unchangedReport, type RuleId } from '../generator/diff/index.js';
import type { ApiModel, BuildOptions, Schema } from '../generator/model/index.js';
import { fixture, modelOfJson, root } from './helpers.js';

type Json = Record<string, any>;

const shop = (): Json => JSON.parse(readFileSync(`${root}/test/fixtures/diff/shop.json`, 'utf8'));

function item(collection: Json, name: string): Json {
  const visit = (items: Json[]): Json | undefined => {
    for (const entry of items) {
      if (entry.name === name) return entry;
      const inner = Array.isArray(entry.item) ? visit(entry.item) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const found = visit(collection.item);
  if (!found) throw new Error(`no item ${name}`);
  return found;
}

const devices = (collection: Json): Json[] => item(collection, 'Devices').item;
/** Rewrites the JSON bodies of an item's saved examples. */
function editBodies(collection: Json, name: string, edit: (body: Json, index: number) => unknown, only?: number): void {
  item(collection, name).response.forEach((example: Json, index: number) => {
    if (only === undefined || only === index) example.body = JSON.stringify(edit(JSON.parse(example.body), index));
  });
}
/** Integer takes three distinct samples to infer, more than the fixture has: overrides give the two sides. */
const sizeOverride = (type: 'integer' | 'number'): BuildOptions => ({
  overrides: [
    { operation: 'Devices / Create device', request: { type: 'object', properties: { size: { type } }, required: [] } },
  ],
});
const scoreOverride = (type: 'integer' | 'number'): BuildOptions => ({
  overrides: [
    {
      operation: 'Devices / Get device',
      responses: { '200': { type: 'object', properties: { score: { type } }, required: ['score'] } },
    },
  ],
});
const enumOverride = (values: string[] | undefined): BuildOptions => {
  const platform: Schema = values ? { type: 'enum', values } : { type: 'string' };
  return {
    overrides: [
      {
        operation: 'Devices / Get device',
        responses: { '200': { type: 'object', properties: { platform }, required: ['platform'] } },
      },
    ],
  };
};

interface Case {
  rule: RuleId;
  edit: (collection: Json) => void;
  /** Every rule the report must name, and nothing else. */
  rules?: RuleId[];
  field?: string;
  message?: string;
  options?: [BuildOptions, BuildOptions];
}

const cases: Case[] = [
  { rule: 'operation-removed', edit: (c) => void devices(c).splice(1, 1), message: 'Devices / Create device removed' },
  { rule: 'method-changed', edit: (c) => (item(c, 'Create device').request.method = 'PUT'), field: 'method' },
  { rule: 'path-changed', edit: (c) => (item(c, 'Get device').request.url.path[0] = 'v2'), field: 'path' },
  {
    rule: 'member-renamed',
    edit: (c) => (item(c, 'Get device').name = 'Fetch device'),
    message: 'Devices / Fetch device renamed: devices.get (devicesGet) → devices.fetch (devicesFetch)',
  },
  {
    rule: 'path-param-added',
    edit: (c) => (item(c, 'List devices').request.url.path = ['v1', ':shopId', 'devices']),
    rules: ['path-changed', 'path-param-added'],
    field: 'path.shopId',
  },
  {
    rule: 'param-required',
    // A field of one example body is optional; the description makes it required.
    edit: (c) => {
      const request = item(c, 'Create device').request;
      request.body.raw = '{"name": "x", "size": 1, "color": "red", "sku": "s1"}';
      request.description = `${request.description ?? ''}\n\n\`sku\` is required.`;
    },
    rules: ['param-required', 'examples-changed', 'description-changed'],
    field: 'body.sku',
  },
  { rule: 'param-removed', edit: (c) => (item(c, 'Get device').request.url.query = []), field: 'query.fields' },
  {
    rule: 'param-narrowed',
    edit: (c) => (item(c, 'Create device').request.body.raw = '{"name": "x", "size": "one", "color": "red"}'),
    rules: ['param-narrowed', 'examples-changed'],
    field: 'body.size',
    message: 'Devices / Create device body field size: number → string',
  },
  {
    rule: 'response-field-removed',
    edit: (c) => editBodies(c, 'Get device', (body, index) => (index < 2 ? { ...body, note: undefined } : body)),
    field: 'responses.200.body.note',
  },
  {
    rule: 'response-type-changed',
    edit: (c) =>
      editBodies(c, 'Get device', (body, index) => (index < 2 ? { ...body, bounce: String(body.bounce) } : body)),
    field: 'responses.200.body.bounce',
    message: 'Devices / Get device response field bounce: number → string',
  },
  {
    rule: 'response-nullable',
    edit: (c) => editBodies(c, 'Get device', (body) => ({ ...body, note: null }), 0),
    field: 'responses.200.body.note',
  },
  {
    rule: 'response-optional',
    edit: (c) => editBodies(c, 'Get device', ({ name: _, ...rest }) => rest, 1),
    field: 'responses.200.body.name',
  },
  {
    rule: 'response-body-changed',
    edit: (c) => editBodies(c, 'Create device', () => ['d1']),
    field: 'responses.201.body',
  },
  { rule: 'response-status-removed', edit: (c) => (item(c, 'Create device').response = []), field: 'responses.201' },
  { rule: 'auth-changed', edit: (c) => (item(c, 'Get device').request.auth = { type: 'noauth' }), field: 'auth' },
  {
    rule: 'pagination-changed',
    edit: (c) => item(c, 'List devices').response[0].header.pop(),
    rules: ['pagination-changed', 'examples-changed'],
    field: 'pagination',
  },
  {
    rule: 'operation-added',
    edit: (c) =>
      devices(c).push({
        id: 'op-delete',
        name: 'Delete device',
        request: {
          method: 'DELETE',
          url: { raw: '{{baseUrl}}/v1/devices/:deviceId', host: ['{{baseUrl}}'], path: ['v1', 'devices', ':deviceId'] },
        },
      }),
    message: 'Devices / Delete device added',
  },
  {
    rule: 'optional-param-added',
    edit: (c) => item(c, 'Get device').request.url.query.push({ key: 'expand', value: 'owner' }),
    field: 'query.expand',
  },
  {
    rule: 'client-option-added',
    edit: (c) => c.variable.push({ key: 'region', value: 'eu' }),
    field: 'options.region',
  },
  {
    rule: 'param-widened',
    edit: () => undefined,
    options: [sizeOverride('integer'), sizeOverride('number')],
    field: 'body.size',
  },
  {
    rule: 'response-field-added',
    edit: (c) => editBodies(c, 'Get device', (body, index) => (index < 2 ? { ...body, color: 'red' } : body)),
    field: 'responses.200.body.color',
  },
  {
    rule: 'response-narrowed',
    edit: () => undefined,
    options: [scoreOverride('number'), scoreOverride('integer')],
    field: 'responses.200.body.score',
  },
  {
    rule: 'enum-value-added',
    edit: () => undefined,
    options: [enumOverride(['ios', 'android']), enumOverride(['ios', 'android', 'web'])],
    field: 'responses.200.body.platform',
  },
  {
    rule: 'enum-unlisted',
    edit: () => undefined,
    options: [enumOverride(['ios', 'android']), enumOverride(undefined)],
    field: 'responses.200.body.platform',
  },
  {
    rule: 'response-status-added',
    edit: (c) =>
      item(c, 'Create device').response.push({ name: 'Taken', code: 409, header: [], body: '{"errors": []}' }),
    field: 'responses.409',
  },
  {
    rule: 'description-changed',
    edit: (c) => (item(c, 'Get device').request.description = 'Returns a device by id.\n\nStatus: confirmed'),
    field: 'description',
  },
  {
    rule: 'examples-changed',
    edit: (c) => (item(c, 'Get device').response[0].name = 'Found one'),
    field: 'responses.200.examples',
  },
  {
    rule: 'status-mark-changed',
    edit: (c) => (item(c, 'Get device').request.description = 'Returns one device.\n\nStatus: inferred'),
    rules: ['description-changed', 'status-mark-changed'],
    field: 'status',
  },
  { rule: 'summary-changed', edit: (c) => (item(c, 'Get device').name = 'Get Device'), field: 'name' },
  {
    rule: 'format-changed',
    edit: (c) =>
      editBodies(c, 'Get device', (body, index) =>
        index < 2 ? { ...body, id: `6f1c2d3e-0000-4000-8000-00000000000${index}` } : body,
      ),
    field: 'responses.200.body.id',
  },
  {
    rule: 'header-changed',
    edit: (c) => (item(c, 'Get device').request.header[0].value = 'application/vnd.shop+json'),
    field: 'headers.accept',
  },
  {
    rule: 'body-encoding-changed',
    edit: (c) => (item(c, 'Create device').request.header[0].value = 'application/vnd.shop+json'),
    rules: ['body-encoding-changed', 'header-changed'],
    field: 'body',
  },
  { rule: 'error-status-removed', edit: (c) => item(c, 'Get device').response.pop(), field: 'responses.404' },
  {
    rule: 'scripts-changed',
    edit: (c) =>
      (item(c, 'Get device').event = [
        { listen: 'prerequest', script: { exec: ['pm.variables.set("t", Date.now())'] } },
      ]),
    field: 'scripts',
  },
  { rule: 'default-changed', edit: (c) => (c.variable[1].value = '456'), field: 'options.partnerId' },
];

describe('the change rules', () => {
  it.each(cases)('$rule', ({ rule, edit, rules, field, message, options }) => {
    const before = shop();
    const after = shop();
    edit(after);
    const report = diffModels(modelOfJson(before, options?.[0]).model, modelOfJson(after, options?.[1]).model);
    expect(report.changes.map((change) => change.rule).sort()).toEqual((rules ?? [rule]).sort());
    const change = report.changes.find((entry) => entry.rule === rule);
    expect(change?.kind).toBe(RULES[rule].kind);
    expect(change?.reason).toBe(RULES[rule].reason);
    if (field) expect(change?.field).toBe(field);
    if (message) expect(change?.message).toBe(message);
    expect(report.counts[RULES[rule].kind]).toBeGreaterThan(0);
  });

  it('deprecation-changed: a model that marks an operation deprecated (the model can say so; collections cannot yet)', () => {
    const before = modelOfJson(shop()).model;
    const after: ApiModel = structuredClone(before);
    (after.resources[0]?.operations[0] as { deprecated?: boolean }).deprecated = true;
    const report = diffModels(before, after);
    expect(
      report.changes.map((change) => [change.rule, change.kind, change.field, change.before, change.after]),
    ).toEqual([['deprecation-changed', 'minor', 'deprecated', 'false', 'true']]);
  });

  it('has a case for every rule of the table', () => {
    const covered = new Set<RuleId>([...cases.map((entry) => entry.rule), 'deprecation-changed']);
    expect(RULE_IDS.filter((rule) => !covered.has(rule))).toEqual([]);
  });

  it('reports the issue’s example in its words and picks the bump from the worst change', () => {
    const after = shop();
    editBodies(after, 'Get device', (body, index) => (index < 2 ? { ...body, bounce: String(body.bounce) } : body));
    devices(after).push({
      id: 'op-new',
      name: 'Count devices',
      request: {
        method: 'GET',
        url: { raw: '{{baseUrl}}/v1/devices/count', host: ['{{baseUrl}}'], path: ['v1', 'devices', 'count'] },
      },
    });
    const report = diffModels(modelOfJson(shop()).model, modelOfJson(after).model);
    expect(report.bump).toBe('major');
    expect(report.counts).toEqual({ breaking: 1, minor: 1, patch: 0 });
    expect(report.changes[0]?.message).toBe('Devices / Get device response field bounce: number → string');
  });

  it('fields named like members of Object.prototype are added and removed as any other', () => {
    const after = shop();
    editBodies(after, 'Get device', (body) =>
      JSON.parse(`{"constructor":1,"toString":"t","__proto__":{"a":1},${JSON.stringify(body).slice(1)}`),
    );
    const changes = (report: ReturnType<typeof diffModels>) =>
      report.changes
        .filter((change) => /^responses\.200\.body\.(constructor|toString|__proto__)$/.test(change.field ?? ''))
        .map((change) => [change.rule, change.field]);
    const [plain, odd] = [modelOfJson(shop()).model, modelOfJson(after).model];
    expect(changes(diffModels(plain, odd))).toEqual([
      ['response-field-added', 'responses.200.body.__proto__'],
      ['response-field-added', 'responses.200.body.constructor'],
      ['response-field-added', 'responses.200.body.toString'],
    ]);
    expect(changes(diffModels(odd, plain))).toEqual([
      ['response-field-removed', 'responses.200.body.__proto__'],
      ['response-field-removed', 'responses.200.body.constructor'],
      ['response-field-removed', 'responses.200.body.toString'],
    ]);
  });

  it('an answer that gains a body is minor; one that loses it breaks callers', () => {
    const empty = shop();
    item(empty, 'Create device').response[0].body = '';
    const [without, withBody] = [modelOfJson(empty).model, modelOfJson(shop()).model];
    expect(
      diffModels(without, withBody).changes.map((change) => [
        change.rule,
        change.kind,
        change.field,
        change.before,
        change.after,
      ]),
    ).toEqual([['response-narrowed', 'minor', 'responses.201.body', 'no body', 'json']]);
    expect(diffModels(withBody, without).changes.map((change) => [change.rule, change.kind])).toEqual([
      ['response-body-changed', 'breaking'],
    ]);
  });

  it('names a collection-level auth change once, not once per operation', () => {
    const after = shop();
    after.auth = { type: 'bearer', bearer: [{ key: 'token', value: '{{accessToken}}' }] };
    const report = diffModels(modelOfJson(shop()).model, modelOfJson(after).model);
    expect(report.changes.map((change) => [change.rule, change.subject.name, change.field])).toEqual([
      ['auth-changed', 'collection', 'auth'],
      ['param-removed', 'collection', 'options.token'],
      ['client-option-added', 'collection', 'options.accessToken'],
    ]);
  });

  it('treats a renamed collection as a renamed client unless the configuration fixes the name', () => {
    const after = shop();
    after.info.name = 'Store';
    const [a, b] = [modelOfJson(shop()).model, modelOfJson(after).model];
    expect(diffModels(a, b).changes.map((change) => change.rule)).toEqual(['member-renamed']);
    expect(diffModels(a, b, { fixedClientName: true }).changes.map((change) => change.rule)).toEqual([
      'summary-changed',
    ]);
  });

  it('pairs operations without ids by item path, and a renamed one by its method and path', () => {
    const strip = (collection: Json): Json =>
      JSON.parse(JSON.stringify(collection, (key, value) => (key === 'id' ? undefined : value)));
    const after = strip(shop());
    item(after, 'List devices').name = 'Browse devices';
    const report = diffModels(modelOfJson(strip(shop())).model, modelOfJson(after).model);
    expect(report.changes.map((change) => [change.rule, change.before, change.after])).toEqual([
      ['member-renamed', 'devices.list (devicesList)', 'devices.browse (devicesBrowse)'],
    ]);
  });

  it('compares the v2.0 fixture with itself as nothing changed', async () => {
    const { modelOf } = await import('./helpers.js');
    const { model } = await modelOf(fixture('v2.0-basic.json'));
    expect(diffModels(model, structuredClone(model)).changes).toEqual([]);
  });

  it('reports two byte-identical models (generate skips the comparison then) exactly as diffing them does', async () => {
    const { modelOf } = await import('./helpers.js');
    for (const name of ['v2.0-basic.json', 'levels.json']) {
      const { model } = await modelOf(fixture(name));
      expect(unchangedReport()).toEqual(diffModels(model, structuredClone(model)));
    }
  });
});
