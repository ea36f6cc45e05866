/** Entity pooling: shared named types across operations, deterministic and order-independent. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ObjectSchema, Schema } from '../generator/model/index.js';
import { allOperations, collectionOf, modelOfJson, operationByName } from './helpers.js';

const json = [{ key: 'Content-Type', value: 'application/json' }];
const answer = (name: string, body: unknown) => ({ name, code: 200, header: json, body: JSON.stringify(body) });
const get = (name: string, path: string, bodies: unknown[]) => ({
  name,
  request: `https://x.io${path}`,
  response: bodies.map((body, i) => answer(`${name} ${i}`, body)),
});

const accounts = [
  { id: 'a1', owner: 'ada', balance: 10.5, closedAt: null },
  { id: 'a2', owner: 'bob', balance: 3, closedAt: null },
];
const folder = {
  name: 'Accounts',
  item: [
    get('List accounts', '/accounts', [{ accounts }]),
    get('Get account', '/accounts/a1', [
      { id: 'a1', owner: 'ada', balance: 10.5, closedAt: '2024-01-02T10:00:00Z', currency: 'EUR' },
    ]),
  ],
};
const other = get('Get transfer', '/transfers/t1', [
  { id: 't1', amount: 5, account: { id: 'a1', owner: 'ada', balance: 1, closedAt: null } },
]);

function schemaOf(items: unknown[], name: string, options = {}): Schema {
  return operationByName(modelOfJson(collectionOf(items), options).model, name).responses[0]?.schema as Schema;
}

/** Each operation's answer types, by operation name, as JSON text (key order included). */
function typesByOperation(items: unknown[]): Record<string, string> {
  const { model } = modelOfJson(collectionOf(items));
  return Object.fromEntries(
    allOperations(model).map((operation) => [
      operation.name,
      JSON.stringify(operation.responses.map((response) => response.schema)),
    ]),
  );
}

describe('entity pooling', () => {
  it('unifies a shape recurring under one folder and one property name into one named type', () => {
    const list = schemaOf([folder, other], 'List accounts') as ObjectSchema;
    const single = schemaOf([folder, other], 'Get account') as ObjectSchema;
    const nested = (schemaOf([folder, other], 'Get transfer') as ObjectSchema).properties.account;
    const item = (list.properties.accounts as { items: Schema }).items;
    expect(item).toEqual(single);
    expect(nested).toEqual(single);
    expect(single).toMatchObject({
      type: 'object',
      name: 'Account',
      required: ['balance', 'closedAt', 'id', 'owner'],
      properties: {
        // seen only as null in the list, typed from the single answer: T | null, not null
        closedAt: { type: 'union', anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
        currency: { type: 'string' },
        balance: { type: 'number' },
      },
    });
  });

  it('writes an entity found inside itself inline there, instead of without end', () => {
    const parent = { id: 'a0', owner: 'eve', balance: 1, closedAt: null };
    const nesting = {
      name: 'Accounts',
      item: [
        get('List accounts', '/accounts', [{ accounts }]),
        get('Get account', '/accounts/a1', [{ id: 'a1', owner: 'ada', balance: 2, closedAt: null, account: parent }]),
      ],
    };
    const single = schemaOf([nesting, other], 'Get account') as ObjectSchema;
    expect(single.name).toBe('Account');
    const inner = single.properties.account as ObjectSchema;
    expect(inner).toMatchObject({ type: 'object', properties: { id: { type: 'string' }, owner: { type: 'string' } } });
  });

  it('leaves shapes whose fields disagree apart', () => {
    const clash = get('Get audit', '/audit', [{ account: { id: 7, kind: 'x', at: 1, by: 'y', why: 'z' } }]);
    const audit = (schemaOf([folder, clash], 'Get audit') as ObjectSchema).properties.account as ObjectSchema;
    expect(audit.name).toBeUndefined();
    expect((schemaOf([folder, clash], 'Get account') as ObjectSchema).name).toBe('Account');
  });

  it('never pools a shape that recurs inside one operation only', () => {
    const alone = get('Get pair', '/pair', [{ left: { x: 1, y: 2 }, right: { x: 3, y: 4 } }, { left: { x: 5, y: 6 } }]);
    expect(JSON.stringify(schemaOf([alone], 'Get pair'))).not.toContain('"name"');
  });

  it('lets the configuration rename or split an entity, and refuses an unknown one', () => {
    expect(
      (schemaOf([folder, other], 'Get account', { inference: { entities: { Account: 'Ledger' } } }) as ObjectSchema)
        .name,
    ).toBe('Ledger');
    expect(
      (schemaOf([folder, other], 'Get account', { inference: { entities: { Account: false } } }) as ObjectSchema).name,
    ).toBeUndefined();
    expect(() => schemaOf([folder, other], 'Get account', { inference: { entities: { Wallet: 'X' } } })).toThrow(
      /"Wallet", which is not an entity/,
    );
  });

  it('never takes the name of an operation type', () => {
    const wrapped = (name: string) => get(name, `/${name}`, [{ thing_response: { code: 'a', detail: 'b' } }]);
    // "Thing" has the type ThingResponse; the entity under `thing_response` must be named otherwise.
    const items = [get('Thing', '/t', [{ q: 'x' }]), wrapped('One'), wrapped('Two')];
    const entity = (schemaOf(items, 'One') as ObjectSchema).properties.thing_response as ObjectSchema;
    expect(entity.name).toBe('ThingResponse2');
  });

  it('is independent of the order of folders, requests and examples', () => {
    const shapes = fc.record({
      id: fc.string({ maxLength: 4 }),
      size: fc.oneof(fc.integer(), fc.constant(null)),
      tag: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
    });
    const request = fc.tuple(
      fc.constantFrom('/a', '/b', '/c'),
      fc.array(shapes, { minLength: 1, maxLength: 3 }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(
        fc.array(request, { minLength: 2, maxLength: 5 }),
        fc.infiniteStream(fc.boolean()),
        (requests, flips) => {
          const items = requests.map(([path, bodies, wrap], i) => ({
            name: 'Things',
            item: [
              get(
                `Op ${i}`,
                `${path}/${i}`,
                bodies.map((body) => (wrap ? { thing: body } : body)),
              ),
            ],
          }));
          const flip = flips[Symbol.iterator]();
          const shuffled = [...items].reverse().map((folderItem) => ({
            ...folderItem,
            item: folderItem.item.map((op) => ({
              ...op,
              response: flip.next().value ? [...op.response].reverse() : op.response,
            })),
          }));
          expect(typesByOperation(shuffled)).toEqual(typesByOperation(items));
        },
      ),
      { numRuns: 60 },
    );
  });
});
