/**
 * The names a model gives its resources, operations, types and parameters, and the rules of
 * names.ts they rest on, at the edges the broader tests do not reach.
 */
import { describe, expect, it } from 'vitest';
import {
  bindingName,
  isTypeScriptIdentifierName,
  memberName,
  operationNameCandidates,
  splitWords,
  stem,
  typeName,
  uniqueNames,
} from '../generator/model/names.js';
import { allOperations, collectionOf, modelOfJson, operationByName } from './helpers.js';

const request = (name: string, url: string, method = 'GET') => ({ name, request: { method, url } });
const folder = (name: string, ...item: unknown[]) => ({ name, item });

describe('names in a model', () => {
  it('keeps members off the resource classes’ own `core`', () => {
    const { model } = modelOfJson(collectionOf([folder('Core', request('Core', 'https://x.io/core'))]));
    expect(model.resources[0]?.identifier).toBe('core_');
    expect(model.resources[0]?.operations[0]?.identifier).toBe('core_');
    expect(model.resources[0]?.typeName).toBe('Core');
  });

  it('tells same-named requests apart by method only when every method differs', () => {
    const differ = modelOfJson(
      collectionOf([request('Setup', 'https://x.io/a'), request('Setup', 'https://x.io/b', 'DELETE')]),
    ).model;
    expect(differ.operations.map((operation) => operation.identifier)).toEqual(['setupGet', 'setupDelete']);
    const same = modelOfJson(
      collectionOf([
        request('Setup', 'https://x.io/a'),
        request('Setup', 'https://x.io/b'),
        request('Setup', 'https://x.io/c', 'POST'),
      ]),
    ).model;
    expect(new Set(same.operations.map((operation) => operation.identifier))).toEqual(
      new Set(['setup', 'setup2', 'setup3']),
    );
    // A request alone keeps its plain name, even against a folder of that name.
    expect(
      modelOfJson(collectionOf([request('Setup', 'https://x.io/a'), folder('Setup', request('Get', 'https://x.io/b'))]))
        .model.operations[0]?.identifier,
    ).toMatch(/^setup2?$/);
    // A request alone keeps its plain name.
    expect(modelOfJson(collectionOf([request('Setup', 'https://x.io/a')])).model.operations[0]?.identifier).toBe(
      'setup',
    );
  });

  it('names sub-resources and operations of one scope apart, and types across the model', () => {
    const items = [
      folder('Devices', folder('List', request('Get', 'https://x.io/d/l')), request('List', 'https://x.io/d')),
      folder('Apps', request('List get', 'https://x.io/a')),
      folder('apps', request('Get', 'https://x.io/b')),
      folder('Devices list', request('Get', 'https://x.io/c')),
    ];
    const { model } = modelOfJson(collectionOf(items));
    const devices = model.resources[0];
    expect(new Set([devices?.resources[0]?.identifier, devices?.operations[0]?.identifier])).toEqual(
      new Set(['list', 'list2']),
    );
    expect(model.resources.map((resource) => resource.identifier)).toEqual(['devices', 'apps', 'apps2', 'devicesList']);
    expect(model.resources.map((resource) => resource.typeName)).toEqual(['Devices', 'Apps', 'Apps2', 'DevicesList']);
    expect(devices?.resources[0]?.typeName).toBe('DevicesList2');
    expect(operationByName(model, 'List get').typeName).toBe('AppsListGet');
    const types = allOperations(model).map((operation) => operation.typeName);
    expect(new Set(types)).toEqual(
      new Set([
        `Devices${devices?.operations[0]?.identifier === 'list' ? 'List' : 'List2'}`,
        'AppsListGet',
        'Apps2Get',
        'DevicesListGet',
        'DevicesListGet2',
      ]),
    );
  });

  it('falls back on a generic name where nothing of the name is left', () => {
    const { model } = modelOfJson(
      collectionOf([folder('🔥', request('🚀', 'https://x.io/:…?✓=1')), request('★', 'https://x.io/b')]),
    );
    expect(model.resources[0]?.identifier).toBe('resource');
    expect(model.resources[0]?.operations[0]?.identifier).toBe('operation');
    expect(model.resources[0]?.operations[0]?.pathParams.map((param) => param.identifier)).toEqual(['param']);
    expect(model.resources[0]?.operations[0]?.query.map((param) => param.identifier)).toEqual(['param2']);
    expect(model.operations[0]?.identifier).toBe('operation');
    expect(model.resources[0]?.typeName).toBe('Resource');
    expect(allOperations(model).map((operation) => operation.typeName)).toEqual(['Operation', 'ResourceOperation']);
  });

  it('names parameters as bindings, a path parameter before a query parameter of the same name', () => {
    const { model } = modelOfJson(
      collectionOf([request('Get', 'https://x.io/things/:class?class=a&for=b&:class=c&Class=d')]),
    );
    const operation = model.operations[0];
    expect(operation?.pathParams.map((param) => param.identifier)).toEqual(['class_']);
    expect(operation?.query.map((param) => [param.name, param.identifier])).toEqual([
      // one name for four parameters: numbered in key order (path first; ':' < 'C' < 'c')
      ['class', 'class_4'],
      ['for', 'for_'],
      [':class', 'class_2'],
      ['Class', 'class_3'],
    ]);
  });
});

describe('parameters beside the body member', () => {
  const send = (url: string, body?: unknown) => ({
    name: 'send',
    request: { method: 'POST', url, ...(body ? { body } : {}) },
  });
  const identifiers = (item: unknown): string[] => {
    const operation = allOperations(modelOfJson(collectionOf([item])).model)[0];
    return [...(operation?.pathParams ?? []), ...(operation?.query ?? [])].map((param) => param.identifier);
  };

  it('give way to `body` when the request has a body, and to `variables` for GraphQL', () => {
    const json = { mode: 'raw', raw: '{"x":1}', options: { raw: { language: 'json' } } };
    const graphql = { mode: 'graphql', graphql: { query: 'query { a }', variables: '{}' } };
    expect(identifiers(send('https://api.test/a?body=1&variables=2', json))).toEqual(['body2', 'variables']);
    expect(identifiers(send('https://api.test/a?body=1&variables=2', graphql))).toEqual(['body', 'variables2']);
  });

  it('keep their names when the request has no body', () => {
    expect(identifiers(send('https://api.test/a?body=1&variables=2'))).toEqual(['body', 'variables']);
  });
});

describe('name rules', () => {
  it('read identifier names as TypeScript does: its own Unicode tables, `_` and `$` anywhere', () => {
    for (const name of ['café', '名前', '_x', '$x', 'x_y$', 'é_', 'a1', 'ª'])
      expect(isTypeScriptIdentifierName(name), name).toBe(true);
    for (const name of ['', '1a', 'a-b', 'a b', '\u2e2f', 'é\u2e2f', '\ud81b\udecc', 'a.b'])
      expect(isTypeScriptIdentifierName(name), JSON.stringify(name)).toBe(false);
  });

  it('stems plurals, leaving short words and double s alone', () => {
    const cases: Array<[string, string]> = [
      ['entries', 'entry'],
      ['Entries', 'entry'],
      ['ties', 'tie'],
      ['boxes', 'box'],
      ['buzzes', 'buzz'],
      ['matches', 'match'],
      ['wishes', 'wish'],
      ['axes', 'ax'],
      ['devices', 'device'],
      ['us', 'us'],
      ['is', 'is'],
      ['access', 'access'],
      ['bus', 'bu'],
      ['data', 'data'],
      ['s', 's'],
      ['buses', 'bus'],
      ['xes', 'xe'],
      ['boxesets', 'boxeset'],
      ['iesx', 'iesx'],
    ];
    for (const [word, expected] of cases) expect([word, stem(word)]).toEqual([word, expected]);
  });

  it('splits at the camelCase and acronym boundaries only', () => {
    expect(splitWords('userID2FA')).toEqual(['user', 'ID2', 'FA']);
    expect(splitWords('v2Items')).toEqual(['v2', 'Items']);
    expect(splitWords('HTTPServer')).toEqual(['HTTP', 'Server']);
    expect(splitWords('ÉtatCivil')).toEqual(['État', 'Civil']);
    expect(splitWords('a__b')).toEqual(['a', 'b']);
    expect(splitWords('')).toEqual([]);
  });

  it('keeps ASCII letters and digits in text of any script', () => {
    expect(memberName('été 0a9 AZaz_z$')).toBe('été0a9AZazZ');
    expect(memberName('été 09')).toBe('été09');
    expect(memberName('0été')).toBe('_0été');
    expect(typeName('Ωmega 2')).toBe('Ωmega2');
  });

  it('decides at the first and last code point of each range of the tables', () => {
    // À (U+00C0) opens a range, Ö (U+00D6) closes one; U+E0100 continues a name but cannot start one.
    expect(memberName('xÀ')).toBe('xÀ');
    expect(memberName('xÖ')).toBe('xÖ');
    expect(memberName('\u{E0100}abc')).toBe('_\u{E0100}abc');
  });

  it('drops a letter whose capital TypeScript does not know', () => {
    // ƛ (U+019B) is accepted, its capital U+A7DC is not.
    expect(typeName('ƛambda')).toBe('ambda');
    expect(memberName('x ƛ')).toBe('x');
  });

  it('cases words, composing what Unicode composes', () => {
    expect(memberName('HTTP STATUS code')).toBe('httpStatusCode');
    expect(typeName('ÉTAT civil')).toBe('ÉtatCivil');
    // e + combining acute composes to é before the words are read
    expect(memberName('cafe\u0301 Ole\u0301')).toBe('caf\u00e9Ol\u00e9');
    expect(typeName([])).toBe('Value');
    expect(typeName('', 'Thing')).toBe('Thing');
    expect(memberName('', 'thing')).toBe('thing');
    expect(bindingName('!!!')).toBe('value');
  });

  it('moves every reserved word of JavaScript and TypeScript off a binding', () => {
    const reserved = `arguments await break case catch class const continue debugger default delete do else enum eval
      export extends false finally for function if implements import in instanceof interface let new null package
      private protected public return static super switch this throw true try typeof undefined var void while with
      yield`.split(/\s+/);
    for (const word of reserved) expect(bindingName(word)).toBe(`${word}_`);
    for (const word of reserved) expect(memberName(word)).toBe(word);
  });

  it('moves the global type names off a type name', () => {
    const globals = `Array ArrayBuffer Blob Boolean Date Error File FormData Function Headers Iterable Map Math Number
      Object Omit Partial Pick Promise Readonly Record Request RequestInit Required Response Set String Symbol
      Uint8Array`.split(/\s+/);
    for (const name of globals) expect(typeName(name)).toBe(`${name}_`);
    // Acronyms are cased as words: JSON, URL and URLSearchParams cannot come out of typeName.
    expect([typeName('JSON'), typeName('URL'), typeName('URLSearchParams')]).toEqual([
      'Json',
      'Url',
      'UrlSearchParams',
    ]);
  });

  it('refuses a configured member name that every object already has', () => {
    const items = [request('Get', 'https://x.io/a')];
    for (const name of ['toJSON', 'then', 'prototype', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf'])
      expect(() => modelOfJson(collectionOf(items), { names: { Get: name } })).toThrow(
        `names["Get"] is "${name}", which is not a usable member name.`,
      );
    expect(modelOfJson(collectionOf(items), { names: { Get: 'toJson' } }).model.operations[0]?.identifier).toBe(
      'toJson',
    );
  });

  it('keeps reserved words apart from members and types by their own lists', () => {
    expect(bindingName('toString')).toBe('toString_');
    expect([bindingName('NaN'), bindingName('Infinity')]).toEqual(['naN', 'infinity']);
    expect(bindingName('yield')).toBe('yield_');
    expect(memberName('prototype')).toBe('prototype_');
    expect(memberName('to JSON')).toBe('toJson');
    expect(memberName('toJSON')).toBe('toJson');
    expect(typeName('uint8 array')).toBe('Uint8Array_');
    expect(typeName('record')).toBe('Record_');
    expect(typeName('records')).toBe('Records');
  });

  it('drops a resource noun at the end or the start of the operation name', () => {
    expect(operationNameCandidates('Devices list', 'Devices')).toEqual(['list', 'list', 'devicesList']);
    expect(operationNameCandidates('List devices', 'Devices')).toEqual(['list', 'list', 'listDevices']);
    expect(operationNameCandidates('List devices', undefined)).toEqual(['listDevices']);
    expect(operationNameCandidates('Devices', 'Devices')).toEqual(['devices']);
    expect(operationNameCandidates('List apps', 'Devices')).toEqual(['listApps']);
    // the last mention of the noun counts
    expect(operationNameCandidates('Copy device to device', 'Devices')).toEqual([
      'copy',
      'copyDeviceTo',
      'copyDeviceToDevice',
    ]);
    expect(operationNameCandidates('Get static list members', 'Static lists')).toEqual([
      'getMembers',
      'getMembers',
      'getStaticListMembers',
    ]);
    expect(operationNameCandidates('Get profile static list', 'Static lists')).toEqual([
      'get',
      'getProfile',
      'getProfileStaticList',
    ]);
    expect(operationNameCandidates('Then thens', 'Thens')).toEqual(['then_', 'thenThens', 'thenThens']);
    expect(operationNameCandidates('Constructor', 'Things')).toEqual(['constructor_']);
  });

  it('moves every contender of a contested name on, and numbers what is left', () => {
    const names = uniqueNames([
      { key: 'a', candidates: ['list', 'listAll'] },
      { key: 'b', candidates: ['list', 'listDeleted'] },
      { key: 'c', candidates: ['get'] },
    ]);
    expect([...names]).toEqual([
      ['a', 'listAll'],
      ['b', 'listDeleted'],
      ['c', 'get'],
    ]);
    // a name taken outside moves its request on too
    expect(uniqueNames([{ key: 'a', candidates: ['core', 'coreApi'] }], new Set(['core'])).get('a')).toBe('coreApi');
    // nothing but numbers left
    expect(uniqueNames([{ key: 'a', candidates: [] }]).get('a')).toBe('value');
  });

  it('moves contenders one level at a time, however many levels', () => {
    const levels = (prefix: string) => Array.from({ length: 10 }, (_, i) => `${prefix}${i}`);
    const names = uniqueNames([
      { key: 'a', candidates: ['x', ...levels('a')] },
      { key: 'b', candidates: ['x', ...levels('b')] },
    ]);
    // Eight rounds of moving: both settle on their first own name after one round.
    expect([names.get('a'), names.get('b')]).toEqual(['a0', 'b0']);
    const chase = uniqueNames([
      { key: 'a', candidates: ['x', 'y', 'z', 'w'] },
      { key: 'b', candidates: ['x', 'y', 'z', 'v'] },
    ]);
    expect([chase.get('a'), chase.get('b')]).toEqual(['w', 'v']);
    // Moving stops after eight rounds: what still collides is numbered where it stands.
    const shared = levels('x');
    const stuck = uniqueNames([
      { key: 'a', candidates: [...shared, 'a'] },
      { key: 'b', candidates: [...shared, 'b'] },
    ]);
    expect([stuck.get('a'), stuck.get('b')]).toEqual(['x8', 'x8_2']);
  });

  it('numbers in key order whatever the input order', () => {
    const keys = Array.from({ length: 40 }, (_, n) => String(n).padStart(2, '0'));
    const shuffled = keys.map((_, n) => keys[(n * 17) % 40] as string);
    const names = uniqueNames(shuffled.map((key) => ({ key, candidates: ['get'] })));
    expect(keys.map((key) => names.get(key))).toEqual(keys.map((_, n) => (n === 0 ? 'get' : `get${n + 1}`)));
  });

  it('numbers contenders that ran out of candidates at their last one', () => {
    const names = uniqueNames([
      { key: 'a', candidates: ['x', 'y'] },
      { key: 'b', candidates: ['x', 'y'] },
    ]);
    expect([names.get('a'), names.get('b')]).toEqual(['y', 'y2']);
    // a digit inside the name is no reason for an underscore
    expect([
      ...uniqueNames(['v2get', 'v2get'].map((name, i) => ({ key: `k${i}`, candidates: [name] }))).values(),
    ]).toEqual(['v2get', 'v2get2']);
  });

  it('numbers a name ending in a digit after an underscore, continuing past taken numbers', () => {
    const names = uniqueNames(
      ['v2', 'v2', 'v2', 'get', 'get'].map((name, i) => ({ key: `k${i}`, candidates: [name] })),
      new Set(['v2_2', 'get2']),
    );
    expect([...names.values()]).toEqual(['v2', 'v2_3', 'v2_4', 'get', 'get3']);
  });
});
