/**
 * The responses of the route model, read from saved examples: status buckets, content types,
 * schemas, headers, samples, and the Link-header paging they show.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, PairRecord, ResponseRecord } from '../generator/records.js';
import type { Parameter } from '../generator/model/types.js';
import { MAX_SAMPLE_CHARS, readResponses } from '../generator/model/responses.js';
import { DEFAULT_INFER_OPTIONS } from '../generator/model/infer.js';

function example(body: string, extra: Partial<ResponseRecord> = {}): ResponseRecord {
  return { name: 'ok', code: 200, headers: [], body, ...extra };
}

const typed = (type: string): PairRecord[] => [{ key: 'Content-Type', value: type }];

function read(examples: ResponseRecord[], query: string[] = []) {
  const diagnostics: Diagnostic[] = [];
  const parameters: Parameter[] = query.map((name) => ({
    name,
    identifier: name,
    schema: { type: 'string' },
    required: false,
  }));
  const result = readResponses(examples, parameters, 'Folder / Get', diagnostics);
  return { ...result, diagnostics };
}

const only = (examples: ResponseRecord[]) => {
  const { responses } = read(examples);
  expect(responses).toHaveLength(1);
  return responses[0];
};

describe('statuses', () => {
  it.each([
    ['OK', 200],
    ['Created', 201],
    ['Accepted', 202],
    ['No Content', 204],
    ['Partial Content', 206],
    ['Moved Permanently', 301],
    ['Found', 302],
    ['Not Modified', 304],
    ['Bad Request', 400],
    ['Unauthorized', 401],
    ['Payment Required', 402],
    ['Forbidden', 403],
    ['Not Found', 404],
    ['Method Not Allowed', 405],
    ['Conflict', 409],
    ['Gone', 410],
    ['Unprocessable Entity', 422],
    ['Unprocessable Content', 422],
    ['Too Many Requests', 429],
    ['Internal Server Error', 500],
    ['Bad Gateway', 502],
    ['Service Unavailable', 503],
    ['Gateway Timeout', 504],
  ])('an example with no code and the reason "%s" has the status %i', (reason, status) => {
    expect(only([example('', { code: 0, status: ` ${reason.toUpperCase()} ` })])?.status).toBe(status);
  });

  it('an unknown reason or none gives 0, and a code wins over its reason', () => {
    const { responses } = read([
      example('', { name: 'a', code: 0, status: 'Teapot' }),
      example('', { name: 'b', code: 0 }),
      example('', { name: 'c', code: 201, status: 'Not Found' }),
    ]);
    expect(responses.map((r) => [r.status, r.examples])).toStrictEqual([
      [0, ['a', 'b']],
      [201, ['c']],
    ]);
  });

  it('are sorted by number, and an example with no name is named by its code', () => {
    const { responses } = read([
      example('', { name: '', code: 404 }),
      example('', { name: '', code: 42 }),
      example('', { name: 'x', code: 200 }),
      example('', { name: '', code: 0 }),
    ]);
    expect(responses.map((r) => [r.status, r.examples])).toStrictEqual([
      [0, ['']],
      [42, ['42']],
      [200, ['x']],
      [404, ['404']],
    ]);
  });
});

describe('bodies', () => {
  it('JSON under a JSON type keeps that type; undeclared or text/plain JSON is application/json', () => {
    for (const [type, expected] of [
      ['application/hal+json; charset=utf-8', 'application/hal+json'],
      ['text/plain', 'application/json'],
      [undefined, 'application/json'],
    ] as const) {
      const response = only([example('{"id": 1}', type ? { headers: typed(type) } : {})]);
      expect(response).toMatchObject({
        contentType: expected,
        schema: { type: 'object', properties: { id: { type: 'number' } }, required: ['id'] },
        schemaSource: 'inferred',
      });
    }
  });

  it('a body declared JSON that does not parse has an unknown type and a warning naming the example', () => {
    const { responses, diagnostics } = read([example('{oops', { name: 'Broken', headers: typed('application/json') })]);
    expect(responses[0]).toMatchObject({
      contentType: 'application/json',
      schema: { type: 'unknown' },
      schemaSource: 'none',
    });
    expect(responses[0]?.csv).toBeUndefined();
    expect(diagnostics).toStrictEqual([
      {
        level: 'warning',
        message: 'example "Broken" says JSON but its body does not parse; its type is unknown',
        where: 'Folder / Get',
      },
    ]);
  });

  it('a body declared CSV that the CSV reader refuses is text, with a warning naming the example', () => {
    const { responses, diagnostics } = read([example('id;name\n1;"open', { name: 'Cut', headers: typed('text/csv') })]);
    expect(responses[0]).toMatchObject({ contentType: 'text/csv', schema: { type: 'string' } });
    expect(responses[0]?.csv).toBeUndefined();
    expect(diagnostics).toStrictEqual([
      {
        level: 'warning',
        message:
          'example "Cut" says CSV but its body does not read as CSV (a quoted cell opened on line 2 never closes); it is typed as text',
        where: 'Folder / Get',
      },
    ]);
  });

  it('text that only looks like CSV but does not read as CSV is text, without a warning', () => {
    const { responses, diagnostics } = read([example('a,b\nc,"d', { name: 'Plain' })]);
    expect(responses[0]).toMatchObject({ contentType: 'text/plain', schema: { type: 'string' } });
    expect(responses[0]?.csv).toBeUndefined();
    expect(diagnostics).toStrictEqual([]);
  });

  it('a body of another declared type is text, never parsed as JSON or CSV', () => {
    const response = only([example('{"a": 1}', { headers: typed('text/html') })]);
    expect(response).toMatchObject({ contentType: 'text/html', schema: { type: 'string' }, schemaSource: 'inferred' });
    const csvLike = only([example('a,b\n1,2', { headers: typed('text/html') })]);
    expect(csvLike).toMatchObject({ contentType: 'text/html', schema: { type: 'string' } });
    expect(csvLike?.csv).toBeUndefined();
  });

  it('undeclared text that is neither JSON nor CSV is text/plain', () => {
    const { responses, diagnostics } = read([example('just words')]);
    expect(responses[0]).toMatchObject({ contentType: 'text/plain', schema: { type: 'string' } });
    expect(diagnostics).toStrictEqual([]);
  });

  it('JSON and text examples of one status give a union with string', () => {
    const response = only([example('{"id": 1}', { name: 'a' }), example('plain words', { name: 'b' })]);
    expect(response?.schema).toStrictEqual({
      type: 'union',
      anyOf: [{ type: 'object', properties: { id: { type: 'number' } }, required: ['id'] }, { type: 'string' }],
    });
    expect(response?.contentType).toBe('application/json');
  });

  it('an empty body keeps its declared type and says nothing of the schema', () => {
    expect(only([example(' \n', { headers: typed('Application/JSON') })])).toStrictEqual({
      status: 200,
      contentType: 'application/json',
      schema: { type: 'unknown' },
      examples: ['ok'],
      headers: { 'content-type': 'Application/JSON' },
      schemaSource: 'none',
    });
    expect(only([example('')])).toStrictEqual({
      status: 200,
      schema: { type: 'unknown' },
      examples: ['ok'],
      headers: {},
      schemaSource: 'none',
    });
  });

  it('are typed with the options given', () => {
    const examples = [example('{"a": 1}', { name: 'a' }), example('{"a": 2}', { name: 'b' })];
    const options = { ...DEFAULT_INFER_OPTIONS, integerMinDistinct: 2 };
    expect(readResponses(examples, [], 'x', [], options).responses[0]?.schema).toMatchObject({
      properties: { a: { type: 'integer' } },
    });
    expect(readResponses(examples, [], 'x', []).responses[0]?.schema).toMatchObject({
      properties: { a: { type: 'number' } },
    });
  });
});

describe('CSV bodies', () => {
  it('declared CSV is read as rows, the first delimiter kept, and the type as declared', () => {
    for (const type of ['text/csv', 'application/csv']) {
      const response = only([
        example('id;name\n1;ann', { name: 'a', headers: typed(type) }),
        example('id,name,x\n2,bob,3', { name: 'b', headers: typed(type) }),
      ]);
      expect(response?.csv).toStrictEqual({ delimiter: ';', columns: ['id', 'name'] });
      expect(response?.contentType).toBe(type);
      expect(response?.schema).toMatchObject({ type: 'array', items: { type: 'object' } });
    }
  });

  it('declared CSV that parses as JSON is still CSV', () => {
    const response = only([example('1', { headers: typed('text/csv') })]);
    expect(response?.csv).toStrictEqual({ delimiter: ',', columns: ['1'] });
    expect(response?.schema).toStrictEqual({ type: 'array', items: { type: 'unknown' } });
  });

  it('undeclared or text/plain CSV is sniffed, keeping a declared text/plain', () => {
    expect(only([example('id;name\n1;ann')])).toMatchObject({
      contentType: 'text/csv',
      csv: { delimiter: ';', columns: ['id', 'name'] },
    });
    expect(only([example('id;name\n1;ann', { headers: typed('text/plain') })])).toMatchObject({
      contentType: 'text/plain',
      csv: { delimiter: ';', columns: ['id', 'name'] },
    });
  });

  it('an empty page still says array', () => {
    expect(only([example('id;name', { headers: typed('text/csv') })])?.schema).toStrictEqual({
      type: 'array',
      items: { type: 'unknown' },
    });
  });
});

describe('headers, content types and samples', () => {
  it('headers: active ones, named in lower case, sorted, the first value seen, long values cut', () => {
    const long = 'v'.repeat(301);
    const exact = 'w'.repeat(300);
    const response = only([
      example('', {
        name: 'a',
        headers: [
          { key: 'X-B', value: 'first' },
          { key: 'x-b', value: 'second' },
          { key: 'X-Off', value: 'no', disabled: true },
          { key: '', value: 'nameless' },
          { key: 'X-Empty' },
          { key: 'X-Long', value: long },
          { key: 'X-Exact', value: exact },
        ],
      }),
      example('', {
        name: 'b',
        headers: [
          { key: 'X-A', value: 'a' },
          { key: 'X-B', value: 'later' },
        ],
      }),
    ]);
    expect(response?.headers).toStrictEqual({
      'x-a': 'a',
      'x-b': 'first',
      'x-empty': '',
      'x-exact': exact,
      'x-long': `${'v'.repeat(300)}…`,
    });
    expect(Object.keys(response?.headers ?? {})).toStrictEqual(['x-a', 'x-b', 'x-empty', 'x-exact', 'x-long']);
  });

  it('the content type is the first in order of those the examples have', () => {
    const response = only([
      example('{}', { name: 'a', headers: typed('application/problem+json') }),
      example('', { name: 'b' }),
      example('{}', { name: 'c', headers: typed('application/json') }),
    ]);
    expect(response?.contentType).toBe('application/json');
  });

  it('samples: non-blank bodies, at most five, each cut at the limit', () => {
    const over = 'x'.repeat(MAX_SAMPLE_CHARS + 1);
    const exact = 'y'.repeat(MAX_SAMPLE_CHARS);
    const response = only([
      example('', { name: 'empty' }),
      example(over, { name: 'over' }),
      example(exact, { name: 'exact' }),
      ...['3', '4', '5', '6'].map((n) => example(`{"n": ${n}}`, { name: n })),
    ]);
    expect(response?.samples).toStrictEqual([
      { name: 'over', body: 'x'.repeat(MAX_SAMPLE_CHARS), truncated: true },
      { name: 'exact', body: exact },
      { name: '3', body: '{"n": 3}' },
      { name: '4', body: '{"n": 4}' },
      { name: '5', body: '{"n": 5}' },
    ]);
    expect(MAX_SAMPLE_CHARS).toBe(16_000);
  });
});

describe('pagination', () => {
  const link = (value: string): PairRecord[] => [{ key: 'Link', value }];
  const page = (body: unknown, extra: Partial<ResponseRecord> = {}) => example(JSON.stringify(body), extra);

  it.each([
    '<https://x.io/a?page=2>; rel="next"',
    '<https://x.io/a?page=1>; REL = first',
    '<https://x.io/a?page=2>; rel="prev next"',
    '<https://x.io/a?page=2>; rel= "next"',
  ])('a Link header %s in a successful example pages the list', (value) => {
    expect(read([page([1], { headers: link(value) })]).pagination).toStrictEqual({ style: 'link-header', itemsAt: '' });
  });

  it.each(['<https://x.io/a?page=1>; rel="prev"', '<https://x.io/a?page=2>; rel="nextpage"', ''])(
    'a Link header %j with no next or first relation does not',
    (value) => {
      const result = readResponses([page([1], { headers: link(value) })], [], 'x', []);
      expect(Object.keys(result)).toStrictEqual(['responses', 'shapes']);
    },
  );

  it.each([199, 300, 404, 0])('links in an example with the status %i do not', (code) => {
    const { pagination } = read([
      page(
        { links: { next: 'https://x.io/a?page=2' } },
        { code, headers: link('<https://x.io/a?page=2>; rel="next"') },
      ),
    ]);
    expect(pagination).toBeUndefined();
  });

  it.each([200, 299])('the status %i is a success', (code) => {
    const { pagination } = read([page([1], { code, headers: link('<https://x.io/a?page=2>; rel="next"') })]);
    expect(pagination).toStrictEqual({ style: 'link-header', itemsAt: '' });
  });

  it.each([
    [{ links: { next: 'https://x.io/a?page=2' } }],
    [{ links: { first: 'https://x.io/a?page=1', next: null } }],
  ])('body links %j page the list and are named', (body) => {
    expect(read([page(body)]).pagination).toStrictEqual({ style: 'link-header', itemsAt: '', bodyLinks: 'links' });
  });

  it.each([
    [{ links: { prev: 'https://x.io/a?page=1' } }],
    [{ links: { next: 2 } }],
    [{ links: null }],
    [{ links: 'https://x.io/a?page=2' }],
    [[{ links: { next: 'https://x.io/a?page=2' } }]],
  ])('body links %j do not', (body) => {
    expect(read([page(body)]).pagination).toBeUndefined();
  });

  it('body links in a text or null example do not', () => {
    expect(read([example('links next first')]).pagination).toBeUndefined();
    expect(read([example('null')]).pagination).toBeUndefined();
  });

  it('the items are the array field with a list name, else the first array, of the first successful response', () => {
    const headers = link('<https://x.io/a?page=2>; rel="next"');
    const itemsAt = (body: unknown) => read([page(body, { headers })]).pagination?.itemsAt;
    expect(itemsAt({ count: 1, Data: [1], other: [2] })).toBe('Data');
    expect(itemsAt({ a: [1], b: [2] })).toBe('a');
    expect(itemsAt({ count: 1, next: 'x' })).toBe('');
    expect(itemsAt([1, 2])).toBe('');
    const ordered = read([
      page({ zs: [1] }, { code: 500, name: 'error' }),
      page({ errors: [1] }, { code: 201, name: 'created', headers }),
      page({ results: [1] }, { code: 202, name: 'accepted' }),
    ]);
    expect(ordered.pagination?.itemsAt).toBe('errors');
  });

  it.each(['items', 'DATA', 'results', 'records', 'entries', 'elements', 'values', 'list'])(
    'the array field %s is the items, before any other array',
    (name) => {
      const headers = link('<https://x.io/a?page=2>; rel="next"');
      expect(read([page({ AAA: [1], [name]: [2], zzz: [3] }, { headers })]).pagination?.itemsAt).toBe(name);
    },
  );

  it('the items are read from a successful response, never from one with no status', () => {
    const headers = link('<https://x.io/a?page=2>; rel="next"');
    const { pagination } = read([
      page({ errors: [1] }, { code: 0, name: 'none' }),
      page({ entries: [1] }, { code: 200, headers }),
    ]);
    expect(pagination?.itemsAt).toBe('entries');
  });

  it('CSV items are the rows', () => {
    const headers = [...typed('text/csv'), ...link('<https://x.io/a?page=2>; rel="next"')];
    expect(read([example('id;name\n1;ann', { headers })]).pagination).toStrictEqual({
      style: 'link-header',
      itemsAt: 'csv',
    });
  });

  it.each(['page', 'Page', 'page_number', 'pageNumber', 'PAGENO', 'pageIndex'])(
    'the query parameter %s selects the page',
    (name) => {
      const { pagination } = read(
        [page([1], { headers: link('<https://x.io/a?page=2>; rel="next"') })],
        ['limit', name],
      );
      expect(pagination?.pageParam).toBe(name);
    },
  );

  it.each(['pages', 'my_page', 'page__number', 'pageSize'])('the query parameter %s does not', (name) => {
    const { pagination } = read([page([1], { headers: link('<https://x.io/a?page=2>; rel="next"') })], [name]);
    expect(pagination).toStrictEqual({ style: 'link-header', itemsAt: '' });
  });
});

describe('what pooling reads back', () => {
  it('a shape per response, in order, with whether text was seen', () => {
    const { responses, shapes } = read([example('text', { code: 404 }), example('{"a": 1}', { code: 200 })]);
    expect(shapes.map((s) => [s.response, s.shape.count, s.sawText])).toStrictEqual([
      [responses[0], 1, false],
      [responses[1], 0, true],
    ]);
  });
});
