/**
 * Entity pooling, rule by rule: which property and folder names make a key, which shapes agree,
 * the limits, and the configuration's renames and their refusals.
 */
import { describe, expect, it } from 'vitest';
import type { ObjectSchema, Schema } from '../generator/model/index.js';
import { CodegenError } from '../generator/errors.js';
import type { BuildOptions } from '../generator/model/index.js';
import { allOperations, collectionOf, modelOfJson, operationByName } from './helpers.js';

const json = [{ key: 'Content-Type', value: 'application/json' }];
const get = (name: string, path: string, ...bodies: unknown[]) => ({
  name,
  request: `https://x.io${path}`,
  response: bodies.map((body, i) => ({ name: `${name} ${i}`, code: 200, header: json, body: JSON.stringify(body) })),
});
const folder = (name: string, ...item: unknown[]) => ({ name, item });

/** Every entity name the answers refer to, sorted, each once. */
function entityNames(items: unknown[], options: BuildOptions = {}): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      // Any name an object schema carries, not only text: an entity turned off must leave none at all.
      if (record.type === 'object' && Object.hasOwn(record, 'name')) names.add(String(record.name));
      Object.values(record).forEach(visit);
    }
  };
  for (const operation of allOperations(modelOfJson(collectionOf(items), options).model))
    visit(operation.responses.map((response) => response.schema));
  return [...names].sort();
}

function answerOf(items: unknown[], name: string, options: BuildOptions = {}): Schema {
  return operationByName(modelOfJson(collectionOf(items), options).model, name).responses[0]?.schema as Schema;
}

/** The same object under `key` in two operations of two top-level requests. */
const twice = (key: string, a: unknown, b: unknown = a) => [
  get('One', '/one', { [key]: a }),
  get('Two', '/two', { [key]: b }),
];

describe('entity keys', () => {
  it('name an entity after its property, a plural one after its last word in the singular', () => {
    expect(entityNames(twice('billing_address', { city: 'x', zip: 'y' }))).toEqual(['BillingAddress']);
    expect(entityNames(twice('billing_addresses', [{ city: 'x', zip: 'y' }]))).toEqual(['BillingAddress']);
    expect(entityNames(twice('entries', [{ city: 'x', zip: 'y' }], [{ city: 'z', zip: 'w' }]))).toEqual([]);
    expect(entityNames(twice('diary_entries', [{ at: 'x', text: 'y' }]))).toEqual(['DiaryEntry']);
    // Only a list's items are singular: an object under a plural name keeps the plural.
    expect(entityNames(twice('settings', { a: 1, b: true }))).toEqual(['Settings']);
  });

  it('never come from names that only say "a container"', () => {
    const containers = ['data', 'item', 'items', 'result', 'results', 'record', 'records', 'entry', 'entries'];
    containers.push('element', 'elements', 'value', 'values', 'list', 'response', 'body', 'payload', 'content');
    containers.push('attribute', 'attributes', 'property', 'properties', 'object', 'node', 'nodes', 'edge', 'edges');
    containers.push('error', 'errors', 'Data', 'RESULTS');
    for (const key of containers) expect([key, entityNames(twice(key, { code: 'x', detail: 'y' }))]).toEqual([key, []]);
    expect(entityNames(twice('items', [{ code: 'x', detail: 'y' }]))).toEqual([]);
    // A name without a single word gives no key either.
    expect(entityNames(twice('$$', { code: 'x', detail: 'y' }))).toEqual([]);
  });

  it('take a folder name in the singular for the answers of its requests', () => {
    const account = { id: 'a1', owner: 'ada' };
    const items = [folder('Bank accounts', get('Get account', '/accounts/1', account), get('Find', '/find', account))];
    expect((answerOf(items, 'Find') as ObjectSchema).name).toBe('BankAccount');
    // At the top level there is no folder, hence no name: the answers stay apart.
    expect(entityNames([get('Get account', '/accounts/1', account), get('Find', '/find', account)])).toEqual([]);
  });

  it('read the items of a list answer under the folder name', () => {
    const device = { id: 'd1', model: 'x' };
    const items = [folder('Devices', get('List', '/devices', [device]), get('Get', '/devices/1', device))];
    const list = answerOf(items, 'List') as { type: 'array'; items: ObjectSchema };
    expect(list.items.name).toBe('Device');
    expect((answerOf(items, 'Get') as ObjectSchema).name).toBe('Device');
  });
  it('never take the folder name for the envelope of a page, only for its items', () => {
    const page = (name: string, path: string) => ({
      name,
      request: `https://x.io${path}?page=1`,
      response: [
        {
          name: 'ok',
          code: 200,
          header: [...json, { key: 'Link', value: `<https://x.io${path}?page=2>; rel="next"` }],
          body: JSON.stringify({ apps: [{ id: 'a', name: 'b' }], links: { next: `https://x.io${path}?page=2` } }),
        },
      ],
    });
    const items = [folder('Apps', page('List apps', '/apps'), page('Search apps', '/apps/search'))];
    const { model } = modelOfJson(collectionOf(items));
    const answer = operationByName(model, 'Search apps');
    expect(answer.pagination?.itemsAt).toBe('apps');
    const envelope = answer.responses[0]?.schema as ObjectSchema;
    expect(envelope.name).toBeUndefined();
    expect((envelope.properties.apps as { items: ObjectSchema }).items.name).toBe('App');
    expect(entityNames(items)).toEqual(['App']);
  });
});

describe('which shapes are entities', () => {
  it('needs two fields at least, and no map of ids', () => {
    expect(entityNames(twice('owner', { id: 'x' }))).toEqual([]);
    expect(entityNames(twice('owner', { id: 'x', name: 'y' }))).toEqual(['Owner']);
    const map = { '1001': { a: 1 }, '1002': { a: 2 } };
    expect(entityNames(twice('scores', map))).toEqual([]);
  });

  it('pools shapes sharing at least half their fields, when no shared field changes kind', () => {
    const pooled = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
      entityNames(twice('owner', a, b)).includes('Owner');
    // two of four fields shared: exactly half the union
    expect(pooled({ a: 1, b: 2 }, { a: 1, b: 2, c: 3, d: 4 })).toBe(true);
    expect(pooled({ a: 1, b: 2, c: 3, d: 4 }, { a: 1, b: 2 })).toBe(true);
    // one of three, two of five: less than half
    expect(pooled({ a: 1, b: 2 }, { a: 1, c: 3 })).toBe(false);
    expect(pooled({ a: 1, b: 2, c: 3 }, { a: 1, b: 2, d: 4, e: 5 })).toBe(false);
    // a shared field that changes kind keeps them apart, whichever side, whatever kind
    expect(pooled({ id: 1, b: 2 }, { id: 'x', b: 2 })).toBe(false);
    expect(pooled({ id: true, b: 2 }, { id: 1, b: 2 })).toBe(false);
    expect(pooled({ id: [1], b: 2 }, { id: { x: 1 }, b: 2 })).toBe(false);
    expect(pooled({ id: 'x', b: 2 }, { id: [1], b: 2 })).toBe(false);
    expect(pooled({ id: 1.5, b: 2 }, { id: 'x', b: 2 })).toBe(false);
    // a kind that only widens (null says nothing; integer and number are one kind) does not
    expect(pooled({ id: null, b: 2 }, { id: 'x', b: 2 })).toBe(true);
    expect(pooled({ id: 'x', b: 2 }, { id: null, b: 2 })).toBe(true);
    expect(pooled({ id: 1, b: 2 }, { id: 1.5, b: 2 })).toBe(true);
  });

  it('pools a group only when every pair of its shapes agrees', () => {
    // a~b and b~c share half their fields, a and c do not: no entity rather than a guess
    const a = { p: 1, q: 1 };
    const b = { p: 1, q: 1, r: 1, s: 1 };
    const c = { r: 1, s: 1 };
    const items = [get('A', '/a', { owner: a }), get('B', '/b', { owner: b }), get('C', '/c', { owner: c })];
    expect(entityNames(items)).toEqual([]);
    expect(entityNames(items.slice(0, 2))).toEqual(['Owner']);
  });

  it('looks 32 levels deep, not further', () => {
    const nested = (depth: number, inner: unknown): unknown => (depth === 0 ? inner : { n: nested(depth - 1, inner) });
    const at = (depth: number) => entityNames(twice('n', nested(depth - 1, { owner: { id: 'x', name: 'y' } })));
    expect(at(31)).toEqual(['Owner']);
    expect(at(32)).toEqual([]);
  });

  it('gives up on a key with more than 64 field signatures', () => {
    const things = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        get(`Op ${i}`, `/op/${i}`, { thing: { id: 'x', name: 'y', [`field${i}`]: i } }),
      );
    expect(entityNames(things(64))).toEqual(['Thing']);
    expect(entityNames(things(65))).toEqual([]);
  });

  it('numbers the entities of one key in the order of their first place', () => {
    const a = { p: 1, q: 1 };
    const b = { x: 'a', y: 'b', z: 'c' };
    const items = [
      get('A1', '/a1', { owner: a }),
      get('B1', '/b1', { owner: b }),
      get('A2', '/a2', { owner: a }),
      get('B2', '/b2', { owner: b }),
    ];
    const { model } = modelOfJson(collectionOf(items));
    const ownerOf = (name: string) =>
      ((operationByName(model, name).responses[0]?.schema as ObjectSchema).properties.owner as ObjectSchema).name;
    const [first, second] = ['A1', 'B1'].map((name) => operationByName(model, name).id).sort();
    const expected = new Map([
      [first, 'Owner'],
      [second, 'Owner2'],
    ]);
    expect(ownerOf('A1')).toBe(expected.get(operationByName(model, 'A1').id));
    expect(ownerOf('A2')).toBe(ownerOf('A1'));
    expect(ownerOf('B1')).toBe(expected.get(operationByName(model, 'B1').id));
    expect(ownerOf('B2')).toBe(ownerOf('B1'));
  });
});

describe('entities from the configuration', () => {
  const account = { id: 'a1', owner: 'ada' };
  const device = { id: 'd1', model: 'x' };
  // Devices come first in the collection: the checks must not depend on it.
  const items = [
    folder('Devices', get('Get device', '/devices/1', device), get('Find device', '/devices/find', device)),
    folder('Accounts', get('Get account', '/accounts/1', account), get('Find account', '/accounts/find', account)),
  ];
  const refusal = (entities: Record<string, string | false>, configFile?: string): CodegenError => {
    try {
      modelOfJson(collectionOf(items), { inference: { entities }, ...(configFile ? { configFile } : {}) });
    } catch (error) {
      if (error instanceof CodegenError) return error;
      throw error;
    }
    throw new Error('accepted');
  };

  it('renames and splits entities', () => {
    expect(entityNames(items)).toEqual(['Account', 'Device']);
    expect(entityNames(items, { inference: { entities: { Device: 'Gadget' } } })).toEqual(['Account', 'Gadget']);
    expect(entityNames(items, { inference: { entities: { Device: false, Account: 'Ledger' } } })).toEqual(['Ledger']);
  });

  it('refuses two entities under one name, naming the later in name order', () => {
    expect(refusal({ Device: 'Thing', Account: 'Thing' })).toMatchObject({
      message: 'inference.entities names "Device" "Thing", which is already the entity "Account".',
      file: 'configuration',
      where: 'inference.entities["Device"]',
      hint: 'Choose a name no other type has.',
    });
    expect(refusal({ Device: 'Account' }).message).toBe(
      'inference.entities names "Device" "Account", which is already the entity "Account".',
    );
  });

  it('refuses the name of a generated type, naming the configuration file', () => {
    expect(refusal({ Account: 'DevicesGetResponse' }, 'team/postman-codegen.config.json')).toMatchObject({
      message: 'inference.entities names "Account" "DevicesGetResponse", which is already a generated type.',
      file: 'team/postman-codegen.config.json',
      where: 'inference.entities["Account"]',
    });
  });

  it('refuses the name of a global type, which the types would shadow', () => {
    for (const global of ['Promise', 'JSON', 'URL', 'URLSearchParams', 'Record'])
      expect(refusal({ Account: global }).message).toBe(
        `inference.entities names "Account" "${global}", which is already a global type.`,
      );
  });

  it('refuses an entity the collection does not have, listing those it has', () => {
    expect(refusal({ Wallet: 'Purse' }, 'team/postman-codegen.config.json')).toMatchObject({
      message: 'inference.entities names "Wallet", which is not an entity of this collection.',
      file: 'team/postman-codegen.config.json',
      where: 'inference.entities["Wallet"]',
      hint: 'Entities found: Account, Device.',
    });
    // A key from Object.prototype is no entity either.
    expect(refusal({ toString: 'X' }).hint).toBe('Entities found: Account, Device.');
    let none: CodegenError | undefined;
    try {
      modelOfJson(collectionOf([get('Alone', '/alone', { a: 1 })]), { inference: { entities: { Wallet: false } } });
    } catch (error) {
      none = error as CodegenError;
    }
    expect(none?.hint).toBe('Entities found: none.');
  });
});

describe('pooling, whatever the names and the order', () => {
  it('keeps a singular and a plural key apart when their texts differ by a leading "s" or "1"', () => {
    const thing = { id: 'x', name: 'y' };
    const other = { x: 1, y: 2 };
    // The object under `sprocket` and the items of `procket` are two entities, as are `gizmo` and `1gizmo`.
    const items = [
      ...twice('sprocket', thing),
      get('Three', '/three', { procket: [other] }),
      get('Four', '/four', { procket: [other] }),
    ];
    expect(entityNames(items)).toEqual(['Procket', 'Sprocket']);
    const digits = [
      ...twice('1gizmo', [other]),
      get('Five', '/five', { gizmo: thing }),
      get('Six', '/six', { gizmo: thing }),
    ];
    expect(entityNames(digits)).toEqual(['Gizmo', '_1gizmo']);
  });

  it('reads a field given as "<object>" as an object, which a text field does not agree with', () => {
    expect(entityNames(twice('owner', { meta: '<object>', b: 2 }, { meta: 'x', b: 2 }))).toEqual([]);
    expect(entityNames(twice('owner', { meta: '<object>', b: 2 }, { meta: { x: 1 }, b: 2 }))).toEqual(['Owner']);
  });

  it('tells field sets apart whatever characters their names hold', () => {
    // Written as "name:kind" joined by commas, both would read "a:string,b:number,z:boolean".
    expect(entityNames(twice('owner', { a: 'x', b: 1, z: true }, { 'a:string,b': 1, z: true }))).toEqual([]);
  });

  it('counts one field signature for the same fields in any order', () => {
    const permutations = (list: string[]): string[][] =>
      list.length <= 1
        ? [list]
        : list.flatMap((first, i) => permutations(list.filter((_, j) => j !== i)).map((rest) => [first, ...rest]));
    const orders = permutations(['a', 'b', 'c', 'd', 'e']).slice(0, 65);
    const items = orders.map((order, i) =>
      get(`Op ${i}`, `/op/${i}`, { thing: Object.fromEntries(order.map((field) => [field, 1])) }),
    );
    expect(entityNames(items)).toEqual(['Thing']);
  });

  it('names the entities found in list items under two keys, or in two folders', () => {
    const device = { id: 'd1', model: 'x' };
    const owner = { name: 'ada', since: 1 };
    const both = { devices: [device], owners: [owner] };
    expect(entityNames([get('One', '/one', both), get('Two', '/two', both)])).toEqual(['Device', 'Owner']);
    const items = [
      folder('Devices', get('List devices', '/devices', [device]), get('Get device', '/devices/1', device)),
      folder('Owners', get('List owners', '/owners', [owner]), get('Get owner', '/owners/1', owner)),
    ];
    expect(entityNames(items)).toEqual(['Device', 'Owner']);
  });

  it('counts a list and its items as one level of the 32 it looks into', () => {
    const nested = (depth: number, inner: unknown): unknown => (depth === 0 ? inner : { n: nested(depth - 1, inner) });
    const at = (depth: number) =>
      entityNames(twice('n', nested(depth - 2, { list: [{ owner: { id: 'x', name: 'y' } }] })));
    expect(at(31)).toEqual(['Owner']);
    expect(at(32)).toEqual([]);
  });

  it('numbers the entities of one key by their first place, in any order of the collection', () => {
    const a = { p: 1, q: 1 };
    const b = { x: 'a', y: 'b', z: 'c' };
    // In each answer one entity is at the top and the other one level down, the other way round in the other.
    const one = get('One', '/one', { owner: a, w: { owner: b } });
    const two = get('Two', '/two', { w: { owner: a }, owner: b });
    const names = (items: unknown[]) => {
      const { model } = modelOfJson(collectionOf(items));
      const answer = operationByName(model, 'One').responses[0]?.schema as ObjectSchema;
      return [
        (answer.properties.owner as ObjectSchema).name,
        ((answer.properties.w as ObjectSchema).properties.owner as ObjectSchema).name,
      ];
    };
    const forward = names([one, two]);
    expect(names([two, one])).toEqual(forward);
    // The first place of all is the top of the answer whose operation id comes first: its entity is Owner.
    const { model } = modelOfJson(collectionOf([one, two]));
    const oneFirst = operationByName(model, 'One').id < operationByName(model, 'Two').id;
    expect(forward).toEqual(oneFirst ? ['Owner', 'Owner2'] : ['Owner2', 'Owner']);
  });

  it('refuses, of two entities of one key given one name, the later in name order', () => {
    const a = { p: 1, q: 1 };
    const b = { x: 'a', y: 'b', z: 'c' };
    // `b` has the first place in both answers (`.owner` before `.w.owner`), so it is Owner, `a` Owner2.
    const items = [
      get('One', '/one', { owner: b, w: { owner: a } }),
      get('Two', '/two', { owner: b, w: { owner: a } }),
    ];
    const entities = { Owner: 'Thing', Owner2: 'Thing' };
    for (const order of [items, [...items].reverse()])
      expect(() => modelOfJson(collectionOf(order), { inference: { entities } })).toThrow(
        'inference.entities names "Owner2" "Thing", which is already the entity "Owner".',
      );
  });
});
