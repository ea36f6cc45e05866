import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ts from 'typescript';
import {
  RESERVED_MEMBERS,
  RESERVED_WORDS,
  bindingName,
  memberName,
  operationNameCandidates,
  splitWords,
  typeName,
  uniqueNames,
} from '../generator/model/names.js';

/** An identifier by TypeScript's own scanner (and the Unicode properties). */
const isIdentifier = (name: string): boolean =>
  /^[\p{ID_Start}_][\p{ID_Continue}]*$/u.test(name) &&
  [...name].every((char, i) =>
    (i === 0 ? ts.isIdentifierStart : ts.isIdentifierPart)(char.codePointAt(0) ?? 0, ts.ScriptTarget.ESNext),
  );

describe('splitWords', () => {
  it('splits on punctuation, spaces, emoji and camelCase boundaries', () => {
    expect(splitWords('List devices')).toEqual(['List', 'devices']);
    expect(splitWords('getHTTPStatus')).toEqual(['get', 'HTTP', 'Status']);
    expect(splitWords('🚀 launch-the_rocket!')).toEqual(['launch', 'the', 'rocket']);
    expect(splitWords('line\u2028separator\nnewline')).toEqual(['line', 'separator', 'newline']);
    expect(splitWords('${x} */ `y`')).toEqual(['x', 'y']);
  });
});

describe('member and binding names', () => {
  it('camel-cases and keeps letters of any script', () => {
    expect(memberName('Static lists')).toBe('staticLists');
    expect(memberName('Получить пользователя')).toBe('получитьПользователя');
    expect(memberName('获取用户')).toBe('获取用户');
  });

  it('keeps only letters TypeScript accepts (its Unicode tables are older than the engine’s)', () => {
    // U+A7D2 is ID_Start for V8 but a syntax error for tsc: a shrunk counterexample of the hostile test.
    expect(memberName('\uA7D2悔ꎩ')).toBe('悔ꎩ');
    expect(typeName('\uA7D2 list')).toBe('List');
  });

  it('repairs a leading digit and falls back when nothing is left', () => {
    expect(memberName('2fa setup')).toBe('_2faSetup');
    expect(memberName('🔥🔥', 'resource')).toBe('resource');
  });

  it('moves reserved words aside only where they are reserved', () => {
    expect(memberName('delete')).toBe('delete');
    expect(bindingName('delete')).toBe('delete_');
    expect(bindingName('class')).toBe('class_');
    expect(memberName('constructor')).toBe('constructor_');
    expect(memberName('then')).toBe('then_');
  });

  it('keeps type names off the global ones', () => {
    expect(typeName('promise')).toBe('Promise_');
    expect(typeName(['devices', 'list'])).toBe('DevicesList');
  });
});

describe('operation names drop the redundant resource noun', () => {
  const cases: Array<[string, string, string]> = [
    ['List devices', 'Devices', 'list'],
    ['Get device', 'Devices', 'get'],
    ['Import static list members', 'Static lists', 'importMembers'],
    ['Set device tag', 'Device tags', 'set'],
    ['List profile fields', 'Fields', 'list'],
    ['Create access token', 'Access token', 'create'],
    ['Send instant message', 'Messages', 'send'],
    ['Get me', 'Me', 'get'],
    ['Ping', 'Health', 'ping'],
    ['Upload image', 'Images', 'upload'],
    ['Entries of the day', 'Entries', 'ofTheDay'],
  ];
  it.each(cases)('%s in %s → %s', (operation, resource, expected) => {
    expect(operationNameCandidates(operation, resource)[0]).toBe(expected);
  });

  it('offers the longer form when the short one would collide', () => {
    const names = uniqueNames([
      { key: 'a', candidates: operationNameCandidates('List devices', 'Devices') },
      { key: 'b', candidates: operationNameCandidates('List deleted devices', 'Devices') },
    ]);
    expect(names.get('a')).toBe('list');
    expect(names.get('b')).toBe('listDeleted');
  });
});

describe('uniqueNames', () => {
  it('numbers what still collides, in key order', () => {
    const names = uniqueNames([
      { key: 'z', candidates: ['get'] },
      { key: 'a', candidates: ['get'] },
      { key: 'm', candidates: ['v2'] },
      { key: 'n', candidates: ['v2'] },
    ]);
    expect(names.get('a')).toBe('get');
    expect(names.get('z')).toBe('get2');
    expect(names.get('m')).toBe('v2');
    expect(names.get('n')).toBe('v2_2');
  });

  it('avoids names already taken', () => {
    expect(uniqueNames([{ key: 'a', candidates: ['client'] }], new Set(['client'])).get('a')).toBe('client2');
  });

  it('numbers past names that are taken or held by other requests, the lowest free number first', () => {
    const names = uniqueNames(
      ['get', 'get', 'get3', 'get', 'get'].map((name, index) => ({
        key: 'abcde'[index] as string,
        candidates: [name],
      })),
      new Set(['get4']),
    );
    expect([...'abcde'].map((key) => names.get(key))).toEqual(['get', 'get2', 'get3', 'get5', 'get6']);
  });

  it('numbers thousands of namesakes in key order, each number once', () => {
    const requests = Array.from({ length: 5000 }, (_, n) => ({
      key: String(n).padStart(4, '0'),
      candidates: ['newRequest'],
    }));
    const names = uniqueNames(requests);
    expect(requests.map((request) => names.get(request.key))).toEqual(
      requests.map((_, n) => (n === 0 ? 'newRequest' : `newRequest${n + 1}`)),
    );
  });
});

describe('name properties', () => {
  const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });

  it('every binding name is a valid, non-reserved identifier', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const name = bindingName(text);
        expect(isIdentifier(name)).toBe(true);
        expect(RESERVED_WORDS.has(name) || RESERVED_MEMBERS.has(name)).toBe(false);
      }),
    );
  });

  it('every member name is a valid identifier that is not a prototype or thenable member', () => {
    fc.assert(
      fc.property(anyText, anyText, (operation, resource) => {
        for (const name of [
          memberName(operation),
          typeName(operation),
          ...operationNameCandidates(operation, resource),
        ]) {
          expect(isIdentifier(name)).toBe(true);
          expect(RESERVED_MEMBERS.has(name)).toBe(false);
        }
      }),
    );
  });

  it('unique names are distinct and independent of input order', () => {
    const request = fc.record({
      key: fc.uuid(),
      candidates: fc.array(fc.constantFrom('get', 'list', 'create', 'list2', 'get_2'), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(request, { selector: (r) => r.key, maxLength: 12 }), fc.context(), (requests, ctx) => {
        const forward = uniqueNames(requests);
        const backward = uniqueNames([...requests].reverse());
        ctx.log(JSON.stringify([...forward]));
        expect(new Set(forward.values()).size).toBe(requests.length);
        for (const request of requests) expect(backward.get(request.key)).toBe(forward.get(request.key));
      }),
    );
  });
});
