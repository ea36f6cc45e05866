/**
 * The small readers the route model is built from: Postman's `{{variable}}` syntax, the type one
 * literal value suggests, placeholders, content types and auth parameters.
 */
import { describe, expect, it } from 'vitest';
import { readAuth, NO_AUTH } from '../generator/model/auth.js';
import { isJsonType, mediaType } from '../generator/model/media.js';
import { referenceHint, stringHint } from '../generator/model/placeholders.js';
import { scalarSchema } from '../generator/model/scalar.js';
import {
  isDynamicVariable,
  referencedVariables,
  substituteVariables,
  templateParts,
  wholeVariable,
} from '../generator/model/variables.js';

describe('{{variable}} references', () => {
  it('find a whole reference, spaces inside the braces trimmed, and nothing else', () => {
    expect(wholeVariable('{{baseUrl}}')).toBe('baseUrl');
    expect(wholeVariable('{{  api key }}')).toBe('api key');
    expect(wholeVariable('{{$guid}}')).toBe('$guid');
    for (const value of ['x{{a}}', '{{a}}x', '{{a}}{{b}}', '{a}', '{{}}', '', null, undefined])
      expect(wholeVariable(value)).toBeUndefined();
  });

  it('cut a text into literal runs and references, in order', () => {
    expect(templateParts('v{{ major }}.{{minor}}-beta')).toEqual([
      { literal: 'v' },
      { variable: 'major', written: '{{ major }}' },
      { literal: '.' },
      { variable: 'minor', written: '{{minor}}' },
      { literal: '-beta' },
    ]);
    expect(templateParts('{{a}}{{b}}')).toEqual([
      { variable: 'a', written: '{{a}}' },
      { variable: 'b', written: '{{b}}' },
    ]);
    expect(templateParts('plain')).toEqual([{ literal: 'plain' }]);
    expect(templateParts('')).toEqual([]);
  });

  it('list the variables a text references once each, without dynamic ones', () => {
    expect(referencedVariables('{{b}}/{{ a }}/{{b}}/{{$guid}}/{{c}}')).toEqual(['b', 'a', 'c']);
    expect(referencedVariables('no reference { { here } }')).toEqual([]);
    expect(referencedVariables('')).toEqual([]);
    expect(referencedVariables(undefined)).toEqual([]);
    expect(isDynamicVariable('$timestamp')).toBe(true);
    expect(isDynamicVariable('a$b')).toBe(false);
  });

  it('substitute values that reference other variables, leaving unknown ones and cycles as written', () => {
    const values: Record<string, string> = {
      baseUrl: 'https://{{host}}/{{version}}',
      host: '{{region}}.example.com',
      region: 'eu',
      version: 'v1',
      ping: '{{pong}}',
      pong: '{{ping}}',
    };
    const lookup = (name: string): string | undefined => values[name];
    expect(substituteVariables('{{baseUrl}}/x', lookup)).toBe('https://eu.example.com/v1/x');
    expect(substituteVariables('{{ region }}-{{unknown}}', lookup)).toBe('eu-{{unknown}}');
    expect(substituteVariables('{{ping}}', lookup)).toMatch(/^\{\{p[io]ng\}\}$/);
    expect(substituteVariables('no reference', lookup)).toBe('no reference');
  });

  it('resolve a chain of eight references, and stop after eight rounds', () => {
    // v13 → v14 → … → v20 → "end": eight substitutions.
    const chain = (name: string): string | undefined => {
      const step = Number(name.slice(1));
      return step < 20 ? `{{v${step + 1}}}` : 'end';
    };
    expect(substituteVariables('{{v13}}', chain)).toBe('end');
    expect(substituteVariables('{{v12}}', chain)).toBe('{{v20}}');
  });
});

describe('placeholders', () => {
  it("read the importer's tokens by their type or format, in any case", () => {
    expect(stringHint('<long>')).toEqual({ type: 'integer' });
    expect(stringHint('<DateTime>')).toEqual({ type: 'string', format: 'date-time' });
    expect(stringHint('<date-time>')).toEqual({ type: 'string', format: 'date-time' });
    expect(stringHint('<uuid>')).toEqual({ type: 'string', format: 'uuid' });
    expect(stringHint('<boolean>')).toEqual({ type: 'boolean' });
    expect(stringHint('<double>')).toEqual({ type: 'number' });
    expect(stringHint('<object>')).toEqual({ type: 'object' });
  });

  it('know every type and format the importer writes', () => {
    const types = {
      string: ['string', 'password', 'byte', 'binary'],
      boolean: ['boolean'],
      number: ['number', 'float', 'double'],
      integer: ['integer', 'int32', 'int64', 'long'],
      object: ['object'],
      array: ['array'],
    };
    for (const [type, tokens] of Object.entries(types))
      for (const token of tokens) expect([token, stringHint(`<${token}>`)]).toEqual([token, { type }]);
    const formats = {
      'date-time': ['dateTime', 'date-time'],
      date: ['date'],
      uuid: ['uuid'],
      email: ['email'],
      uri: ['uri', 'url'],
    };
    for (const [format, tokens] of Object.entries(formats))
      for (const token of tokens)
        expect([token, stringHint(`<${token}>`)]).toEqual([token, { type: 'string', format }]);
  });

  it("know the type each of Postman's typed dynamic variables produces", () => {
    const types = {
      integer: ['$timestamp', '$randomInt'],
      boolean: ['$randomBoolean'],
      number: ['$randomPrice'],
      string: ['$randomDateFuture', '$randomDatePast', '$randomDateRecent'],
    };
    for (const [type, names] of Object.entries(types))
      for (const name of names) expect([name, referenceHint(name)]).toEqual([name, { type }]);
    const formats = {
      uuid: ['$guid', '$randomUUID'],
      'date-time': ['$isoTimestamp'],
      email: ['$randomEmail', '$randomExampleEmail'],
      uri: ['$randomUrl', '$randomImageUrl', '$randomAvatarImage'],
    };
    for (const [format, names] of Object.entries(formats))
      for (const name of names) expect([name, referenceHint(name)]).toEqual([name, { type: 'string', format }]);
  });

  it('ignore an unknown token, one that is not whole, and what Object.prototype has', () => {
    for (const value of ['<widget>', '<constructor>', '<toString>', 'x<long>', '<long>x', '<1abc>', '<>'])
      expect(stringHint(value)).toBeUndefined();
  });

  it('read a quoted reference as text, with the format of the dynamic variable it names', () => {
    expect(stringHint('{{$guid}}')).toEqual({ type: 'string', format: 'uuid' });
    expect(stringHint('{{$randomInt}}')).toEqual({ type: 'string' });
    expect(stringHint('{{client_id}}')).toEqual({ type: 'string' });
    expect(stringHint('plain text')).toBeUndefined();
  });

  it('give an unquoted dynamic variable its own type, any other reference none', () => {
    expect(referenceHint('$randomInt')).toEqual({ type: 'integer' });
    expect(referenceHint('$isoTimestamp')).toEqual({ type: 'string', format: 'date-time' });
    expect(referenceHint('$notAPostmanName')).toEqual({ type: 'string' });
    expect(referenceHint('$constructor')).toEqual({ type: 'string' });
    expect(referenceHint('randomInt')).toBeUndefined();
  });

  it('look no further than 40 characters', () => {
    expect(stringHint(`{{${'a'.repeat(36)}}}`)).toEqual({ type: 'string' });
    expect(stringHint(`{{${'a'.repeat(37)}}}`)).toBeUndefined();
  });
});

describe('the type of one literal value', () => {
  it('is text when there is no value', () => {
    for (const value of [null, undefined, '']) expect(scalarSchema(value)).toEqual({ type: 'string' });
  });

  it('is the type a placeholder announces, objects and arrays sent as text', () => {
    expect(scalarSchema('<long>')).toEqual({ type: 'integer' });
    expect(scalarSchema('<boolean>')).toEqual({ type: 'boolean' });
    expect(scalarSchema('<uuid>')).toEqual({ type: 'string', format: 'uuid' });
    expect(scalarSchema('<object>')).toEqual({ type: 'string' });
    expect(scalarSchema('<array>')).toEqual({ type: 'string' });
    expect(scalarSchema('{{$isoTimestamp}}')).toEqual({ type: 'string', format: 'date-time' });
    expect(scalarSchema('{{$randomInt}}')).toEqual({ type: 'string' });
  });

  it('is text for a reference to a dynamic variable, however long it is written', () => {
    // Text on the wire, as the short form: spaces inside the braces once made it an integer past 40 characters.
    expect(scalarSchema(`{{ ${' '.repeat(30)}$randomInt }}`)).toEqual({ type: 'string' });
    expect(scalarSchema(`{{${' '.repeat(30)}$randomBoolean}}`)).toEqual({ type: 'string' });
  });

  it('is a number for whole and decimal numbers of up to 15 digits, signed or not', () => {
    for (const value of ['0', '7', '-12', '123456789012345', '0.5', '-3.25', '42.0'])
      expect(scalarSchema(value)).toEqual({ type: 'number' });
    for (const value of ['0042', '1234567890123456', '1.', '.5', '1e5', '- 1', '12a', 'a12', '1.2.3', '--1'])
      expect(scalarSchema(value).type).toBe('string');
  });

  it('is a boolean for true and false only', () => {
    expect(scalarSchema('true')).toEqual({ type: 'boolean' });
    expect(scalarSchema('false')).toEqual({ type: 'boolean' });
    expect(scalarSchema('True')).toEqual({ type: 'string' });
    expect(scalarSchema('yes')).toEqual({ type: 'string' });
  });

  it('is text with the format it has, or plain text', () => {
    expect(scalarSchema('2024-02-29')).toEqual({ type: 'string', format: 'date' });
    expect(scalarSchema('hello')).toEqual({ type: 'string' });
  });
});

describe('content types', () => {
  it('compare by the media type alone, lower-cased', () => {
    expect(mediaType('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaType('  text/csv  ')).toBe('text/csv');
    expect(mediaType('text/plain;')).toBe('text/plain');
    expect(mediaType('')).toBeUndefined();
    expect(mediaType(' ; charset=utf-8')).toBeUndefined();
    expect(mediaType(undefined)).toBeUndefined();
  });

  it('count application/json and any +json suffix as JSON', () => {
    expect(isJsonType('application/json')).toBe(true);
    expect(isJsonType('application/problem+json')).toBe(true);
    expect(isJsonType('application/jsonp')).toBe(false);
    expect(isJsonType('application/json+xml')).toBe(false);
    expect(isJsonType('text/json-seq')).toBe(false);
    expect(isJsonType(undefined)).toBe(false);
  });
});

describe('auth parameters', () => {
  const pairs = (entries: Record<string, string | undefined>) =>
    Object.entries(entries).map(([key, value]) => (value === undefined ? { key } : { key, value }));

  it('say "inherit" when a level declares none', () => {
    expect(readAuth(undefined, 'request')).toBeUndefined();
    expect(NO_AUTH).toEqual({ type: 'noauth', params: {}, inheritedFrom: 'default' });
  });

  it('keep the type and where it was declared, and the parameters sorted by name', () => {
    const auth = readAuth({ type: 'apikey', params: pairs({ key: 'X-Key', in: 'header', addTo: 'x' }) }, 'Folder');
    expect(auth).toEqual({
      type: 'apikey',
      params: { addTo: 'x', in: 'header', key: 'X-Key' },
      inheritedFrom: 'Folder',
    });
    expect(Object.keys(auth?.params ?? {})).toEqual(['addTo', 'in', 'key']);
  });

  it('drop parameters with no name or no value, and keep an empty one', () => {
    const auth = readAuth({ type: 'bearer', params: pairs({ '': 'orphan', token: undefined, other: '' }) }, 'request');
    expect(auth?.params).toEqual({ other: '' });
  });

  it('redact every literal credential, whatever its case, and keep references and empty ones', () => {
    const secrets = [
      'value',
      'token',
      'password',
      'secret',
      'clientSecret',
      'accessToken',
      'proxyPassword',
      'privateKey',
      'PrivateKey',
      'authKey',
      'accessKey',
      'secretKey',
      'signature',
    ];
    const auth = readAuth(
      {
        type: 'custom',
        params: [
          ...secrets.map((key) => ({ key, value: 'literal' })),
          { key: 'refToken', value: '{{token}}' },
          { key: 'emptyPassword', value: '' },
        ],
      },
      'request',
    );
    for (const key of secrets) expect(auth?.params[key]).toBe('<redacted>');
    expect(auth?.params.refToken).toBe('{{token}}');
    expect(auth?.params.emptyPassword).toBe('');
    expect(readAuth({ type: 'custom', params: [{ key: 'token', value: 'a {{b}}' }] }, 'request')?.params.token).toBe(
      '<redacted>',
    );
  });

  it('keep parameters that only mention a credential', () => {
    const kept = {
      tokenType: 'Bearer',
      accessTokenUrl: 'https://x.io/token',
      signatureMethod: 'HMAC-SHA1',
      valueFrom: 'header',
      keyValue: 'k',
      passwordHint: 'h',
      consumerKey: 'ck',
      username: 'me',
      headerPrefix: 'Token',
      privateKeyFile: 'f',
    };
    expect(readAuth({ type: 'custom', params: pairs(kept) }, 'request')?.params).toEqual(kept);
  });
});
