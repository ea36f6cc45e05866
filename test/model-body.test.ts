/**
 * The request body of the route model, read from a request and its examples' original requests:
 * kinds, content types, fields, schemas, required fields, variable-bound fields.
 */
import { describe, expect, it } from 'vitest';
import type { BodyRecord, PairRecord, RequestRecord } from '../generator/records.js';
import { readRequestBody, type RequestBodyContext } from '../generator/model/body.js';
import { DEFAULT_INFER_OPTIONS } from '../generator/model/infer.js';

function request(body: BodyRecord | undefined, extra: Partial<RequestRecord> = {}): RequestRecord {
  return {
    method: 'POST',
    url: { host: 'x.io', path: ['a'], variables: [], query: [] },
    headers: [],
    ...(body ? { body } : {}),
    ...extra,
  };
}

const raw = (text: string, language?: string): BodyRecord => ({
  mode: 'raw',
  raw: text,
  ...(language ? { language } : {}),
});
const json = (value: unknown): BodyRecord => raw(JSON.stringify(value));
const contentType = (value: string, disabled = false): PairRecord => ({
  key: 'Content-Type',
  value,
  ...(disabled ? { disabled } : {}),
});

function bodyOf(own: RequestRecord, examples: RequestRecord[] = [], context?: Partial<RequestBodyContext>) {
  return readRequestBody(own, examples, { method: own.method, ...context });
}

describe('raw bodies', () => {
  it.each([
    ['xml', 'application/xml'],
    ['html', 'text/html'],
    ['javascript', 'application/javascript'],
    ['text', 'text/plain'],
  ])('take the content type of their language %s', (language, type) => {
    expect(bodyOf(request(raw('<a>1</a>', language)))).toStrictEqual({
      kind: 'text',
      contentType: type,
      schema: { type: 'string' },
      examples: ['<a>1</a>'],
    });
  });

  it('in the json language are JSON even when the text does not parse', () => {
    expect(bodyOf(request(raw('{not json', 'json')))).toStrictEqual({
      kind: 'json',
      contentType: 'application/json',
      schema: { type: 'unknown' },
      examples: ['{not json'],
    });
  });

  it('follow a declared content type over the language, in any case, unless the header is disabled', () => {
    const text = '{"a": 1}';
    expect(bodyOf(request(raw(text, 'json'), { headers: [contentType('Text/Plain; charset=utf-8')] }))).toMatchObject({
      kind: 'text',
      contentType: 'text/plain',
    });
    expect(
      bodyOf(request(raw(text, 'xml'), { headers: [{ key: 'CONTENT-TYPE', value: 'application/vnd.api+json' }] })),
    ).toMatchObject({ kind: 'json', contentType: 'application/vnd.api+json' });
    expect(bodyOf(request(raw(text), { headers: [contentType('text/plain', true)] }))).toMatchObject({
      kind: 'json',
      contentType: 'application/json',
    });
  });

  it('read the Content-Type header among others', () => {
    const headers = [
      { key: 'Accept', value: 'text/plain' },
      { key: 'Content-Type', value: 'application/xml' },
    ];
    expect(bodyOf(request(raw('{"a": 1}'), { headers }))).toMatchObject({
      kind: 'text',
      contentType: 'application/xml',
    });
  });

  it('of JSON null have an unknown type and no fields', () => {
    expect(bodyOf(request(raw('null')))).toStrictEqual({
      kind: 'json',
      contentType: 'application/json',
      schema: { type: 'unknown' },
      examples: ['null'],
    });
  });

  it('without a type are JSON when they parse and plain text otherwise', () => {
    expect(bodyOf(request(raw('{"a": "x"}')))).toStrictEqual({
      kind: 'json',
      contentType: 'application/json',
      schema: { type: 'object', properties: { a: { type: 'string' } }, required: [] },
      examples: ['{"a": "x"}'],
    });
    expect(bodyOf(request(raw('hello')))).toStrictEqual({
      kind: 'text',
      contentType: 'text/plain',
      schema: { type: 'string' },
      examples: ['hello'],
    });
  });

  it('that are blank, disabled, missing or of an unknown mode give no body', () => {
    expect(bodyOf(request(raw('  \n ')))).toBeUndefined();
    expect(bodyOf(request({ ...raw('{"a": 1}'), disabled: true }))).toBeUndefined();
    expect(bodyOf(request({ mode: 'raw' }))).toBeUndefined();
    expect(bodyOf(request({ mode: 'mystery', raw: '{"a": 1}' }))).toBeUndefined();
    expect(bodyOf(request(undefined))).toBeUndefined();
  });
});

describe('form bodies', () => {
  const fields: PairRecord[] = [
    { key: 'name', value: 'Ann', description: 'Who', contentType: 'text/x-name' },
    { key: 'age', value: '42' },
    { key: 'name', value: 'Bob' },
    { key: 'photo', value: 'me.png', type: 'file' },
    { key: 'note' },
    { key: 'off', value: 'x', disabled: true },
    { key: '', value: 'nameless' },
  ];

  it.each([
    ['urlencoded', 'form', 'application/x-www-form-urlencoded', 'text', 'string', [], 'me.png'],
    ['formdata', 'multipart', 'multipart/form-data', 'file', 'file', ['photo'], '<file>'],
  ] as const)(
    '%s: every active field once, the first value kept; a file part is a file, and required, in multipart only',
    (mode, kind, type, photoKind, photoType, required, photoExample) => {
      expect(bodyOf(request({ mode, fields }))).toStrictEqual({
        kind,
        contentType: type,
        fields: [
          { name: 'name', kind: 'text', contentType: 'text/x-name', description: 'Who' },
          { name: 'age', kind: 'text' },
          { name: 'photo', kind: photoKind },
          { name: 'note', kind: 'text' },
        ],
        schema: {
          type: 'object',
          properties: {
            age: { type: 'number' },
            name: { type: 'string' },
            note: { type: 'string' },
            photo: { type: photoType },
          },
          required,
        },
        examples: [`{"name":"Ann","age":"42","photo":"${photoExample}","note":""}`],
      });
    },
  );

  it('lists the schema properties in name order', () => {
    const body = bodyOf(request({ mode: 'urlencoded', fields: [{ key: 'b' }, { key: 'C' }, { key: 'a' }] }));
    expect(Object.keys(body?.schema.type === 'object' ? body.schema.properties : {})).toStrictEqual(['C', 'a', 'b']);
  });

  it('with no active field, or no field list, give no body', () => {
    const off = [{ key: 'a', value: '1', disabled: true }, { key: '' }];
    expect(bodyOf(request({ mode: 'urlencoded', fields: off }))).toBeUndefined();
    expect(bodyOf(request({ mode: 'formdata', fields: off }))).toBeUndefined();
    expect(bodyOf(request({ mode: 'urlencoded' }))).toBeUndefined();
    expect(bodyOf(request({ mode: 'formdata' }))).toBeUndefined();
  });

  it('a description marking a file part optional wins over the file rule', () => {
    const body = bodyOf(request({ mode: 'formdata', fields: [{ key: 'photo', type: 'file' }] }), [], {
      description: '`photo` is optional.',
    });
    expect(body?.schema).toStrictEqual({ type: 'object', properties: { photo: { type: 'file' } }, required: [] });
  });
});

describe('GET and HEAD form copies of the query', () => {
  const query = [{ key: 'a', value: '1' }];
  const form = (keys: string[]): BodyRecord => ({ mode: 'formdata', fields: keys.map((key) => ({ key, value: '1' })) });

  it.each(['GET', 'HEAD'])('%s drops a form body whose every field is in the query', (method) => {
    const own = request(form(['a']), { method, url: { host: 'x.io', path: [], variables: [], query } });
    expect(bodyOf(own)).toBeUndefined();
  });

  it('keeps a GET form body with a field the query lacks, and a POST one even when the query has all', () => {
    const url = { host: 'x.io', path: [], variables: [], query };
    expect(bodyOf(request(form(['a', 'b']), { method: 'GET', url }))?.fields?.map((f) => f.name)).toStrictEqual([
      'a',
      'b',
    ]);
    expect(bodyOf(request(form(['a']), { method: 'POST', url }))?.kind).toBe('multipart');
  });

  it('keeps a GET JSON body (only form copies are dropped)', () => {
    const url = { host: 'x.io', path: [], variables: [], query };
    expect(bodyOf(request(json({ a: 1 }), { method: 'GET', url }))?.kind).toBe('json');
  });
});

describe('file and GraphQL bodies', () => {
  it('a file body is binary, typed by its header or as an octet stream', () => {
    expect(bodyOf(request({ mode: 'file' }))).toStrictEqual({
      kind: 'binary',
      contentType: 'application/octet-stream',
      schema: { type: 'file' },
      examples: [],
    });
    expect(bodyOf(request({ mode: 'file' }, { headers: [contentType('image/png')] }))?.contentType).toBe('image/png');
  });

  it('a GraphQL body types its variables from the samples and the declarations, sorted, `!` required', () => {
    const query = 'query Get($id: ID!, $first: Int, $tags: [String!]!) { a }';
    const body = bodyOf(request({ mode: 'graphql', graphql: { query, variables: '{"first": 10, "zeta": "z"}' } }));
    expect(body).toStrictEqual({
      kind: 'graphql',
      contentType: 'application/json',
      schema: {
        type: 'object',
        properties: {
          first: { type: 'number' },
          id: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
          zeta: { type: 'string' },
        },
        required: ['id', 'tags'],
      },
      examples: [JSON.stringify({ query, variables: { first: 10, zeta: 'z' } })],
      graphql: { query },
    });
    expect(Object.keys(body?.schema.type === 'object' ? body.schema.properties : {})).toStrictEqual([
      'first',
      'id',
      'tags',
      'zeta',
    ]);
  });

  it('a GraphQL body with no variables declares an object of its declarations, and its example has no variables', () => {
    const query = 'mutation ($name: String!) { a }';
    expect(bodyOf(request({ mode: 'graphql', graphql: { query } }))).toStrictEqual({
      kind: 'graphql',
      contentType: 'application/json',
      schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      examples: [JSON.stringify({ query })],
      graphql: { query },
    });
    expect(bodyOf(request({ mode: 'graphql' }))).toStrictEqual({
      kind: 'graphql',
      contentType: 'application/json',
      schema: { type: 'object', properties: {}, required: [] },
      examples: ['{"query":""}'],
      graphql: { query: '' },
    });
  });

  it('GraphQL variables that are no object leave the declarations alone', () => {
    const query = 'query ($id: ID) { a }';
    for (const variables of ['[1, 2]', '5', 'not json']) {
      expect(bodyOf(request({ mode: 'graphql', graphql: { query, variables } }))?.schema).toStrictEqual({
        type: 'object',
        properties: { id: { type: 'string' } },
        required: [],
      });
    }
  });

  it('GraphQL variables given as an object are used as they are; no GraphQL field is bound to a variable', () => {
    const query = '{ a }';
    const body = bodyOf(request({ mode: 'graphql', graphql: { query, variables: { id: '{{id}}' } } }));
    expect(body?.schema).toStrictEqual({ type: 'object', properties: { id: { type: 'string' } }, required: [] });
    expect(body?.variableFields).toBeUndefined();
  });
});

describe('bodies from examples', () => {
  const ok = (value: unknown) => request(json(value));

  it('take the first example body when the request has none, and only bodies of its kind', () => {
    const body = bodyOf(request(undefined), [
      request(raw('plain')),
      ok({ a: 1 }),
      request({ mode: 'urlencoded', fields: [{ key: 'b', value: '1' }] }),
    ]);
    expect(body).toStrictEqual({
      kind: 'text',
      contentType: 'text/plain',
      schema: { type: 'string' },
      examples: ['plain'],
    });
  });

  it('skip example requests with no body', () => {
    const body = bodyOf(request(undefined), [request(undefined), ok({ a: 1 }), request(undefined), ok({ a: 2 })]);
    expect(body?.examples).toStrictEqual(['{"a":1}', '{"a":2}']);
    expect(body?.schema).toMatchObject({ required: ['a'] });
  });

  it('count the first example once when the request has no body', () => {
    // Counted twice, "on" would be seen twice like "off", enough for an enum.
    const body = bodyOf(request(undefined), [ok({ s: 'on' }), ok({ s: 'off' }), ok({ s: 'off' })]);
    expect(body?.schema).toStrictEqual({ type: 'object', properties: { s: { type: 'string' } }, required: ['s'] });
  });

  it('mix parsed and unparsed JSON, the unparsed adding nothing', () => {
    const broken = request(raw('{oops', 'json'));
    const body = bodyOf(ok({ a: 1 }), [broken, ok({ a: 2 })]);
    expect(body?.schema).toStrictEqual({ type: 'object', properties: { a: { type: 'number' } }, required: [] });
    expect(body?.examples).toStrictEqual(['{"a":1}', '{oops', '{"a":2}']);
  });

  it('merge the JSON of every body, each text once; fields in every one of two distinct bodies are required', () => {
    const body = bodyOf(ok({ a: 1, n: { x: 1 } }), [ok({ a: 2, b: 'x', n: { x: 2 } }), ok({ a: 1, n: { x: 1 } })]);
    expect(body).toStrictEqual({
      kind: 'json',
      contentType: 'application/json',
      schema: {
        type: 'object',
        properties: {
          a: { type: 'number' },
          b: { type: 'string' },
          n: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] },
        },
        required: ['a', 'n'],
      },
      examples: ['{"a":1,"n":{"x":1}}', '{"a":2,"b":"x","n":{"x":2}}'],
    });
  });

  it('require nothing from bodies that differ only in blanks', () => {
    const body = bodyOf(request(raw('{"a": 1, "n": {"x": 1}}')), [request(raw('{"a":1,"n":{"x":1}}'))]);
    expect(body?.examples).toHaveLength(2);
    expect(body?.schema).toStrictEqual({
      type: 'object',
      properties: { a: { type: 'number' }, n: { type: 'object', properties: { x: { type: 'number' } }, required: [] } },
      required: [],
    });
  });

  it('require nothing in a PATCH, at the top or nested', () => {
    const body = bodyOf(ok({ a: 1, n: { x: 1 } }), [ok({ a: 2, n: { x: 2 } })], { method: 'PATCH' });
    expect(body?.schema).toStrictEqual({
      type: 'object',
      properties: { a: { type: 'number' }, n: { type: 'object', properties: { x: { type: 'number' } }, required: [] } },
      required: [],
    });
  });

  it('follow the description where it marks a field, whatever the examples show', () => {
    const body = bodyOf(ok({ a: 1, b: 2 }), [ok({ a: 3, b: 4 })], {
      description: '`a` is optional.\n`c` is required.',
    });
    expect(body?.schema).toMatchObject({ required: ['b'] });
    const one = bodyOf(ok({ a: 1, b: 2 }), [], { description: '| b | number | required |' });
    expect(one?.schema).toMatchObject({ required: ['b'] });
  });

  it('list required fields sorted', () => {
    const body = bodyOf(ok({ z: 1, m: 1, a: 1 }), [ok({ z: 2, m: 2, a: 2 })]);
    expect(body?.schema).toMatchObject({ required: ['a', 'm', 'z'] });
  });

  it('type with the options given', () => {
    const options = { ...DEFAULT_INFER_OPTIONS, integerMinDistinct: 2 };
    const body = bodyOf(ok({ a: 1 }), [ok({ a: 2 })], { options });
    expect(body?.schema).toMatchObject({ properties: { a: { type: 'integer' } } });
    expect(bodyOf(ok({ a: 1 }), [ok({ a: 2 })])?.schema).toMatchObject({ properties: { a: { type: 'number' } } });
  });

  it('a JSON body that is only a variable has an unknown type and binds nothing', () => {
    const body = bodyOf(request(raw('{{payload}}')));
    expect(body).toStrictEqual({
      kind: 'json',
      contentType: 'application/json',
      schema: { type: 'unknown' },
      examples: ['{{payload}}'],
    });
  });

  it('a JSON array body binds nothing and requires nothing', () => {
    const body = bodyOf(request(raw('["{{a}}"]')), [request(raw('["{{a}}", "{{a}}"]'))]);
    expect(body?.variableFields).toBeUndefined();
    expect(body?.schema).toStrictEqual({ type: 'array', items: { type: 'string' } });
  });
});

describe('fields bound to variables', () => {
  it('are the top-level fields whose every example is one variable, quoted or not, sorted', () => {
    const body = bodyOf(
      request(
        raw('{"z": "{{zed}}", "id": {{client_id}}, "mix": "a{{b}}", "uuid": "{{$guid}}", "m": "{{m}}", "b": "{{b}}"}'),
      ),
    );
    expect(body?.variableFields).toStrictEqual({ b: 'b', id: 'client_id', m: 'm', z: 'zed' });
    expect(Object.keys(body?.variableFields ?? {})).toStrictEqual(['b', 'id', 'm', 'z']);
  });

  it('drop a field whose examples name different variables or a literal, keep one that agrees', () => {
    const body = bodyOf(request(raw('{"a": "{{x}}", "b": "{{y}}", "c": "{{k}}"}')), [
      request(raw('{"a": "{{x}}", "b": "{{other}}", "c": "lit"}')),
    ]);
    expect(body?.variableFields).toStrictEqual({ a: 'x' });
  });

  it('drop a field bound in a later example but literal in an earlier one', () => {
    const body = bodyOf(request(raw('{"a": "lit"}')), [request(raw('{"a": "{{x}}"}'))]);
    expect(body?.variableFields).toBeUndefined();
  });

  it('come from form fields too', () => {
    const fields = [
      { key: 'client_id', value: '{{clientId}}' },
      { key: 'scope', value: 'read' },
    ];
    expect(bodyOf(request({ mode: 'urlencoded', fields }))?.variableFields).toStrictEqual({ client_id: 'clientId' });
    expect(bodyOf(request({ mode: 'formdata', fields }))?.variableFields).toStrictEqual({ client_id: 'clientId' });
  });
});
