/**
 * The client core against a recording fetch: how a request is built (URL, headers, body in every
 * encoding), how each kind of answer is read, which answers are retried or followed, and what an
 * error says. Each expectation pins one decision of `templates/runtime/core.ts`.
 */
import { describe, expect, it } from 'vitest';
import { ClientCore, type CoreConfig, type OperationSpec } from '../templates/runtime/core.js';
import { ApiError, InvalidResponseError, RedirectError, UsageError } from '../templates/runtime/errors.js';
import { apiKeyAuth, bearerAuth } from '../templates/runtime/auth.js';
import { paged } from '../templates/runtime/pagination.js';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  text: string;
}

const base: OperationSpec = {
  method: 'GET',
  path: '/v1/items',
  pathParams: [],
  query: [],
  headers: [],
  response: { kind: 'json' },
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A core whose fetch records each request and answers from the list (the last answer repeats). */
function recorded(answers: Array<(sent: Sent) => Response> = [() => json(200, {})], config: Partial<CoreConfig> = {}) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    const body = init?.body as Uint8Array | undefined;
    const request: Sent = {
      method: init?.method ?? 'GET',
      url: String(url),
      headers: { ...(init?.headers as Record<string, string>) },
      body,
      text: body ? new TextDecoder().decode(body) : '',
    };
    sent.push(request);
    const answer = answers[Math.min(sent.length, answers.length) - 1] as (sent: Sent) => Response;
    return answer(request);
  }) as typeof globalThis.fetch;
  const core = new ClientCore({
    baseUrl: 'https://api.test',
    variables: {},
    fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...config,
  });
  return { core, sent };
}

async function failure(promise: PromiseLike<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('the URL', () => {
  it('fills path parameters from the call, else from the client variable, and strips trailing slashes of the base', async () => {
    const { core, sent } = recorded([() => json(200, {})], {
      baseUrl: 'https://api.test/root//',
      variables: { partner: 'p 1' },
    });
    const spec = {
      ...base,
      path: '/v1/{partner}/items/{id}',
      pathParams: [
        ['partnerId', 'partner', 'partner'],
        ['id', 'id'],
      ],
    } as OperationSpec;
    await core.call(spec, { id: 'a/b' });
    await core.call(spec, { id: 7, partnerId: 'own' });
    expect(sent.map((request) => request.url)).toEqual([
      'https://api.test/root/v1/p%201/items/a%2Fb',
      'https://api.test/root/v1/own/items/7',
    ]);
  });

  it('names a missing path parameter and the client option that could fill it, before sending anything', async () => {
    const { core, sent } = recorded();
    const spec = {
      ...base,
      path: '/v1/{partner}/{id}',
      pathParams: [
        ['partnerId', 'partner', 'partner'],
        ['id', 'id'],
      ],
    } as OperationSpec;
    const withVariable = await failure(core.call(spec, { id: '1' }));
    expect(withVariable).toBeInstanceOf(UsageError);
    expect(withVariable.message).toBe(
      'GET /v1/{partner}/{id}: the path parameter "partnerId" has no value: pass it in the call, or set the client option that fills {{partner}}',
    );
    const empty = await failure(core.call(spec, { partnerId: 'p', id: '' }));
    expect(empty.message).toBe('GET /v1/{partner}/{id}: the path parameter "id" has no value: pass it in the call');
    expect((await failure(core.call(spec, { partnerId: 'p', id: null }))).message).toMatch(/"id" has no value/);
    expect((await failure(core.call(spec, { partnerId: 'p', id: '\ud800' }))).message).toMatch(
      /"id" is not well-formed Unicode/,
    );
    expect(sent).toHaveLength(0);
  });

  it('sends ids holding dots unless the dots make a whole segment', async () => {
    const { core, sent } = recorded();
    const spec = { ...base, path: '/v1/./x/{id}', pathParams: [['id', 'id']] } as OperationSpec;
    await core.call(spec, { id: 'a.b' });
    await core.call(spec, { id: '...' });
    expect(sent.map((request) => new URL(request.url).pathname)).toEqual(['/v1/x/a.b', '/v1/x/...']);
    for (const id of ['.', '..'])
      expect((await failure(core.call(spec, { id }))).message).toBe(
        `GET /v1/./x/{id}: a path parameter makes segment 4 "${id}", which URL parsers resolve as a relative path; such an id cannot be sent`,
      );
  });

  it('refuses a dot segment the value makes with the text around it, though the value holds no dot', async () => {
    const { core, sent } = recorded();
    // A collection path with a stray "%" before its variable: "2e" completes "%2e", which URL parsers read as ".".
    const spec = { ...base, path: '/v1/items/%{id}/tags', pathParams: [['id', 'id']] } as OperationSpec;
    const error = await failure(core.call(spec, { id: '2e' }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      'GET /v1/items/%{id}/tags: a path parameter makes segment 3 "%2e", which URL parsers resolve as a relative path; such an id cannot be sent',
    );
    await core.call(spec, { id: '41' });
    expect(sent.map((request) => new URL(request.url).pathname)).toEqual(['/v1/items/%41/tags']);
  });

  it('appends query parameters (each item of an array, dates as ISO text), skips absent ones, falls back to variables', async () => {
    const { core, sent } = recorded([() => json(200, {})], { variables: { lang: 'fr' } });
    const spec = {
      ...base,
      query: [
        ['tags', 'tag'],
        ['since', 'since'],
        ['gone', 'gone'],
        ['nothing', 'nothing'],
        ['language', 'lang', 'lang'],
      ],
    } as OperationSpec;
    await core.call(spec, { tags: ['a', 'b c'], since: new Date(Date.UTC(2020, 0, 2)), gone: null });
    expect(sent[0]?.url).toBe('https://api.test/v1/items?tag=a&tag=b+c&since=2020-01-02T00%3A00%3A00.000Z&lang=fr');
  });

  it('treats a client option given as null like one left out: a path parameter has no value, a query parameter is not sent', async () => {
    // Options typed as strings still receive null from JavaScript callers (`process.env.X ?? null`).
    const { core, sent } = recorded([() => json(200, {})], {
      variables: { partner: null, lang: null } as unknown as Record<string, string>,
    });
    const spec = {
      ...base,
      path: '/v1/{partner}/items',
      pathParams: [['partnerId', 'partner', 'partner']],
      query: [['language', 'lang', 'lang']],
    } as OperationSpec;
    const error = await failure(core.call(spec));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      'GET /v1/{partner}/items: the path parameter "partnerId" has no value: pass it in the call, or set the client option that fills {{partner}}',
    );
    await core.call(spec, { partnerId: 'p' });
    expect(sent.map((request) => request.url)).toEqual(['https://api.test/v1/p/items']);
  });

  it("uses an operation's own base URL with its variables filled, and refuses one without a value", async () => {
    const { core, sent } = recorded([() => json(200, {})], { variables: { region: 'eu' } });
    await core.call({ ...base, baseUrl: 'https://{{region}}.api.test/' });
    expect(sent[0]?.url).toBe('https://eu.api.test/v1/items');
    const missing = await failure(core.call({ ...base, baseUrl: 'https://{{zone}}.api.test' }));
    expect(missing).toBeInstanceOf(UsageError);
    expect(missing.message).toBe(
      "GET /v1/items: no base URL (https://{{zone}}.api.test has no value): pass it in the client's options",
    );
    const none = await failure(recorded([], { baseUrl: '' }).core.call(base));
    expect(none.message).toBe("GET /v1/items: no base URL (baseUrl has no value): pass it in the client's options");
  });
});

describe('the headers', () => {
  it('merges client, collection and call headers by lower-cased name, fills variables, drops unfilled ones and Expect', async () => {
    const { core, sent } = recorded([() => json(200, {})], {
      headers: { 'X-Client': 'c', 'X-Both': 'client' },
      variables: { app: 'demo', empty: '' },
    });
    const spec = {
      ...base,
      headers: [
        ['X-App', '{{ app }}'],
        ['X-Both', 'collection'],
        ['X-Missing', '{{nowhere}}'],
        ['X-Empty', '{{empty}}'],
        ['X-Proto', '{{constructor}}'],
        ['Expect', '100-continue'],
      ],
    } as OperationSpec;
    await core.call(spec, {}, { headers: { 'X-CALL': 'call' } });
    expect(sent[0]?.headers).toEqual({ 'x-client': 'c', 'x-both': 'collection', 'x-app': 'demo', 'x-call': 'call' });
  });

  it("fills Postman's dynamic variables with fresh values", async () => {
    const { core, sent } = recorded();
    const spec = {
      ...base,
      headers: [
        ['X-Guid', '{{$guid}}'],
        ['X-Uuid', '{{$randomUUID}}'],
        ['X-Time', '{{$timestamp}}'],
        ['X-Iso', '{{$isoTimestamp}}'],
        ['X-Int', '{{$randomInt}}'],
      ],
    } as OperationSpec;
    const before = Date.now();
    await core.call(spec);
    await core.call(spec);
    const [first, second] = sent.map((request) => request.headers) as [Record<string, string>, Record<string, string>];
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(first['x-guid']).toMatch(uuid);
    expect(first['x-uuid']).toMatch(uuid);
    expect(first['x-guid']).not.toBe(second['x-guid']);
    expect(Math.abs(Number(first['x-time']) - Math.floor(before / 1000))).toBeLessThanOrEqual(1);
    expect(Math.abs(Date.parse(first['x-iso'] as string) - before)).toBeLessThan(5000);
    expect(first['x-iso']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Number(first['x-int'])).toSatisfy((n: number) => Number.isInteger(n) && n >= 0 && n <= 1000);
  });

  it('draws $randomInt across 0–1000, not one value', async () => {
    const { core, sent } = recorded();
    const spec = { ...base, headers: [['X-Int', '{{$randomInt}}']] } as OperationSpec;
    for (let i = 0; i < 20; i++) await core.call(spec);
    const values = sent.map((request) => Number(request.headers['x-int']));
    expect(values.every((n) => Number.isInteger(n) && n >= 0 && n <= 1000)).toBe(true);
    // Twenty draws of one value out of 1001 would happen once in 10^57 runs.
    expect(new Set(values).size).toBeGreaterThan(1);
  });

  it('sends credentials in a query parameter once, however often the call is retried', async () => {
    const { core, sent } = recorded([() => json(503, {}), () => json(200, {})], {
      auths: { default: apiKeyAuth('api_key', 'k-123456', 'query') },
    });
    await core.call({ ...base, auth: 'default' });
    expect(sent.map((request) => request.url)).toEqual([
      'https://api.test/v1/items?api_key=k-123456',
      'https://api.test/v1/items?api_key=k-123456',
    ]);
  });
});

describe('the body', () => {
  const post = (body: NonNullable<OperationSpec['body']>): OperationSpec => ({ ...base, method: 'POST', body });

  it('sends JSON with the declared content type, or application/json', async () => {
    const { core, sent } = recorded();
    await core.call(post({ kind: 'json' }), { body: { a: [1, 'é'] } });
    await core.call(post({ kind: 'json', contentType: 'application/vnd.api+json' }), { body: { a: 1 } });
    expect(sent.map((request) => [request.headers['content-type'], request.text])).toEqual([
      ['application/json', '{"a":[1,"é"]}'],
      ['application/vnd.api+json', '{"a":1}'],
    ]);
  });

  it('sends no body and no content type when the caller gives none', async () => {
    const { core, sent } = recorded();
    await core.call(post({ kind: 'json' }), {});
    expect(sent[0]?.body).toBeUndefined();
    expect(sent[0]?.headers).toEqual({});
  });

  it('sends a form: every item of an array, dates as ISO text, nothing for null and undefined', async () => {
    const { core, sent } = recorded();
    await core.call(post({ kind: 'form' }), {
      body: { a: ['1', 2, null], b: undefined, c: null, d: new Date(Date.UTC(2021, 5, 1)), e: 'x y&z' },
    });
    expect(sent[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent[0]?.text).toBe('a=1&a=2&d=2021-06-01T00%3A00%3A00.000Z&e=x+y%26z');
  });

  it('sends multipart parts: text, dates, files with their names and types, nothing for null or undefined', async () => {
    const { core, sent } = recorded();
    await core.call(post({ kind: 'multipart' }), {
      body: {
        note: ['one', 2],
        when: new Date(Date.UTC(2022, 0, 1)),
        none: null,
        gone: undefined,
        raw: new Uint8Array([104, 105]),
        blob: new Blob(['bl'], { type: 'text/x-b' }),
        file: new File(['fi'], 'named.txt', { type: 'text/plain' }),
        part: { data: 'pa', filename: 'p.csv', contentType: 'text/csv' },
        bytes: { data: new Uint8Array([1, 2]) },
      },
    });
    const request = sent[0] as Sent;
    const boundary = /boundary=(.+)$/.exec(request.headers['content-type'] ?? '')?.[1] as string;
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(request.body as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    }).formData();
    expect(form.getAll('note')).toEqual(['one', '2']);
    expect(form.get('when')).toBe('2022-01-01T00:00:00.000Z');
    expect(form.has('none')).toBe(false);
    expect(form.has('gone')).toBe(false);
    const file = async (name: string) => {
      const value = form.get(name) as File;
      return [value.name, value.type, await value.text()];
    };
    expect(await file('raw')).toEqual(['blob', 'application/octet-stream', 'hi']);
    expect(await file('blob')).toEqual(['blob', 'text/x-b', 'bl']);
    expect(await file('file')).toEqual(['named.txt', 'text/plain', 'fi']);
    expect(await file('part')).toEqual(['p.csv', 'text/csv', 'pa']);
    expect((await file('bytes')).slice(0, 2)).toEqual(['blob', 'application/octet-stream']);
    expect(new Uint8Array(await (form.get('bytes') as File).arrayBuffer())).toEqual(new Uint8Array([1, 2]));
  });

  it('sends text and binary bodies with the declared type or a default one', async () => {
    const { core, sent } = recorded();
    await core.call(post({ kind: 'text' }), { body: 42 });
    await core.call(post({ kind: 'text', contentType: 'text/csv' }), { body: 'a;b' });
    await core.call(post({ kind: 'binary' }), { body: new Uint8Array([1, 2, 3]) });
    await core.call(post({ kind: 'binary', contentType: 'image/png' }), { body: new Uint8Array([4]) });
    await core.call(post({ kind: 'binary' }), { body: new Uint8Array([5, 6]).buffer });
    await core.call(post({ kind: 'binary', contentType: 'image/gif' }), { body: new Uint8Array([5]).buffer });
    await core.call(post({ kind: 'binary', contentType: 'image/jpeg' }), {
      body: new Blob(['b'], { type: 'image/webp' }),
    });
    await core.call(post({ kind: 'binary', contentType: 'image/jpeg' }), { body: new Blob(['c']) });
    await core.call(post({ kind: 'binary' }), { body: new Blob(['d']) });
    await core.call(post({ kind: 'binary' }), { body: 'text' });
    await core.call(post({ kind: 'binary', contentType: 'x/y' }), { body: 'more' });
    expect(sent.map((request) => [request.headers['content-type'], [...(request.body ?? [])].join(',')])).toEqual([
      ['text/plain; charset=utf-8', '52,50'],
      ['text/csv', '97,59,98'],
      ['application/octet-stream', '1,2,3'],
      ['image/png', '4'],
      ['application/octet-stream', '5,6'],
      ['image/gif', '5'],
      ['image/webp', '98'],
      ['image/jpeg', '99'],
      ['application/octet-stream', '100'],
      ['application/octet-stream', '116,101,120,116'],
      ['x/y', '109,111,114,101'],
    ]);
  });

  it("sends a GraphQL document with the caller's variables, or without variables when there are none", async () => {
    const { core, sent } = recorded();
    const spec = post({ kind: 'graphql', query: '{ me { id } }' });
    await core.call(spec, { variables: { id: 1 } });
    await core.call(spec, {});
    expect(sent.map((request) => request.text)).toEqual([
      '{"query":"{ me { id } }","variables":{"id":1}}',
      '{"query":"{ me { id } }"}',
    ]);
    expect(sent[0]?.headers['content-type']).toBe('application/json');
  });

  it('fills body fields bound to client variables when the caller leaves them out', async () => {
    const { core, sent } = recorded([() => json(200, {})], { variables: { partner: 'p9', unset: undefined } });
    const spec = post({
      kind: 'json',
      variables: [
        ['partnerId', 'partner'],
        ['other', 'unset'],
      ],
    });
    await core.call(spec, { body: { name: 'n' } });
    await core.call(spec, { body: { name: 'n', partnerId: 'mine' } });
    await core.call(spec, {});
    await core.call(spec, { body: 'as is' });
    await core.call(spec, { body: null });
    await core.call(post({ kind: 'json', variables: [['other', 'unset']] }), {});
    await core.call(post({ kind: 'json', variables: [['other', 'unset']] }), { body: {} });
    expect(sent.map((request) => request.text)).toEqual([
      '{"name":"n","partnerId":"p9"}',
      '{"name":"n","partnerId":"mine"}',
      '{"partnerId":"p9"}',
      '"as is"',
      'null',
      '',
      // An empty object the caller gave is sent, even when no bound variable has a value to add.
      '{}',
    ]);
  });

  it('sends no body on a page after the first, and none after a 303', async () => {
    const { core, sent } = recorded([
      () => json(200, [1], { link: '<https://api.test/v1/items?page=2>; rel="next"' }),
      () => json(200, [2]),
    ]);
    const items = await paged(core, { ...base, method: 'POST', body: { kind: 'json' } }, { body: { q: 1 } }).all();
    expect(items).toEqual([1, 2]);
    expect(sent.map((request) => [request.method, request.text])).toEqual([
      ['POST', '{"q":1}'],
      ['POST', ''],
    ]);
  });
});

describe('redirects', () => {
  const to = (status: number, location: string | undefined) => (): Response =>
    new Response(null, { status, headers: location === undefined ? {} : { location } });
  const post: OperationSpec = { ...base, method: 'POST', body: { kind: 'json' } };

  it('turns a POST into a body-less GET after 301, 302 and 303; keeps method and body after 307 and 308', async () => {
    for (const [status, method, text] of [
      [301, 'GET', ''],
      [302, 'GET', ''],
      [303, 'GET', ''],
      [307, 'POST', '{"a":1}'],
      [308, 'POST', '{"a":1}'],
    ] as const) {
      const { core, sent } = recorded([to(status, '/v1/moved'), () => json(200, { ok: 1 })]);
      const { data } = await core.call(post, { body: { a: 1 } });
      expect(data).toEqual({ ok: 1 });
      expect(
        sent.map((request) => [request.method, request.url, request.text, request.headers['content-type']]),
      ).toEqual([
        ['POST', 'https://api.test/v1/items', '{"a":1}', 'application/json'],
        [method, 'https://api.test/v1/moved', text, text === '' ? undefined : 'application/json'],
      ]);
    }
  });

  it('keeps a PUT a PUT after 301 and 302, and a DELETE a DELETE after 303 turns into GET', async () => {
    const put = { ...post, method: 'PUT' };
    const { core, sent } = recorded([to(302, '/v1/moved'), () => json(200, {})]);
    await core.call(put, { body: { a: 1 } });
    expect(sent.map((request) => [request.method, request.text])).toEqual([
      ['PUT', '{"a":1}'],
      ['PUT', '{"a":1}'],
    ]);
    const deleted = recorded([to(303, '/v1/moved'), () => json(200, {})]);
    await deleted.core.call({ ...base, method: 'DELETE' });
    expect(deleted.sent.map((request) => request.method)).toEqual(['DELETE', 'GET']);
  });

  it('reports a redirect without a Location as the error answer it is, and refuses one whose Location is not a URL', async () => {
    const { core } = recorded([to(302, undefined)], { retry: { maxRetries: 0 } });
    expect(await failure(core.call(base))).toMatchObject({ name: 'ApiError', status: 302 });
    const bad = await failure(recorded([to(301, 'http://[bad')]).core.call(base));
    expect(bad).toBeInstanceOf(RedirectError);
    expect(bad.message).toBe(
      'GET /v1/items answered with a redirect (301) that was not followed: its location is not a URL',
    );
  });

  it('follows exactly maxRedirects same-origin redirects, and names another origin', async () => {
    const { core, sent } = recorded([to(307, '/a'), to(307, '/b'), () => json(200, 'done')], { maxRedirects: 2 });
    expect((await core.call(base)).data).toBe('done');
    expect(sent.map((request) => new URL(request.url).pathname)).toEqual(['/v1/items', '/a', '/b']);
    const over = await failure(
      recorded([to(307, '/a'), to(307, '/b'), to(307, '/c')], { maxRedirects: 2 }).core.call(base),
    );
    expect(over.message).toBe(
      'GET /b answered with a redirect (307) that was not followed: more than 2 redirects (maxRedirects)',
    );
    expect(over).toMatchObject({ locationOrigin: 'https://api.test', status: 307 });
    const none = await failure(recorded([to(307, '/a')], { maxRedirects: 0 }).core.call(base));
    expect(none.message).toMatch(/more than 0 redirects/);
    const elsewhere = await failure(recorded([to(302, 'https://other.test/x')]).core.call(base));
    expect(elsewhere.message).toBe(
      'GET /v1/items answered with a redirect (302) that was not followed: it leads to another origin, which would receive the credentials (https://other.test)',
    );
    const plain = await failure(
      recorded([to(302, 'http://other.test/x')], { baseUrl: 'http://api.test' }).core.call(base),
    );
    expect(plain.message).toMatch(/it leads to another origin/);
  });

  it('accepts an answer a fetch followed on its own within the origin', async () => {
    const followed = Object.defineProperties(json(200, { ok: true }), {
      redirected: { value: true },
      url: { value: 'https://api.test/v1/elsewhere' },
    });
    const { core } = recorded([() => followed]);
    expect((await core.call(base)).data).toEqual({ ok: true });
  });
});

describe('answers', () => {
  it('reads each response format', async () => {
    const answer = () => new Response('{"a":1}', { status: 200 });
    const { core } = recorded([answer]);
    expect((await core.call({ ...base, response: { kind: 'none' } })).data).toBeUndefined();
    expect((await core.call({ ...base, response: { kind: 'text' } })).data).toBe('{"a":1}');
    expect((await core.call({ ...base, response: { kind: 'binary' } })).data).toEqual(
      new TextEncoder().encode('{"a":1}'),
    );
    expect((await core.call(base)).data).toEqual({ a: 1 });
    const blank = recorded([() => new Response(' \n', { status: 200 })]);
    expect((await blank.core.call(base)).data).toBeUndefined();
  });

  it('says what came instead of JSON: the size and a well-formed content type, never the text', async () => {
    const bad = (type: string) => () => new Response('<p>oops</p>', { status: 200, headers: { 'content-type': type } });
    const html = await failure(recorded([bad('text/html; charset=utf-8')]).core.call(base));
    expect(html).toBeInstanceOf(InvalidResponseError);
    expect(html.message).toBe(
      'GET /v1/items (GET /v1/items, status 200): expected JSON, received a body that is not valid JSON (11 bytes, content type text/html)',
    );
    expect((html as InvalidResponseError).body).toBe('<p>oops</p>');
    const odd = await failure(recorded([bad('weird <b>')]).core.call(base));
    expect(odd.message).toMatch(/\(11 bytes\)$/);
    const spaced = await failure(recorded([bad('text/html ; charset=utf-8')]).core.call(base));
    expect(spaced.message).toMatch(/\(11 bytes, content type text\/html\)$/);
    // A type is named only when the whole of it is one: no text of the server's around it.
    for (const type of ['see text/html', 'text/html see'])
      expect((await failure(recorded([bad(type)]).core.call(base))).message).toMatch(/\(11 bytes\)$/);
  });

  describe('CSV', () => {
    const csv: OperationSpec = {
      ...base,
      response: { kind: 'csv', csv: { delimiter: ';', columns: [['id', 'integer']] } },
    };
    const readCsv = (text: string) =>
      text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => ({ id: Number(line) }));
    const answer = (body: string, type?: string) => () =>
      new Response(body, { status: 200, headers: type ? { 'content-type': type } : {} });
    const received = async (body: string, type?: string) =>
      ((await failure(recorded([answer(body, type)], { readCsv }).core.call(csv))) as InvalidResponseError).received;

    it('reads CSV text with the reader, and an empty body as no rows', async () => {
      expect((await recorded([answer('id\n1\n2\n', 'text/csv')], { readCsv }).core.call(csv)).data).toEqual([
        { id: 1 },
        { id: 2 },
      ]);
      expect((await recorded([answer('id\n3', undefined)], { readCsv }).core.call(csv)).data).toEqual([{ id: 3 }]);
      expect((await recorded([answer(' \n ', 'text/csv')], { readCsv }).core.call(csv)).data).toEqual([]);
    });

    it('refuses HTML and JSON where CSV was expected, by content type or by the text', async () => {
      expect(await received('id\n1', 'text/HTML')).toBe('HTML');
      expect(await received('  <!doctype html>', 'text/csv')).toBe('HTML');
      expect(await received('{"errors":[]}', 'application/json')).toBe('JSON (an object with 1 field(s))');
      expect(await received('[1,2]', 'Application/JSON')).toBe('JSON (an array of 2)');
      expect(await received(' {"a":1}')).toBe('JSON (an object with 1 field(s))');
      expect(await received('id\n1', 'application/json')).toBe(
        'a JSON content type with a body that is not valid JSON',
      );
      expect(await received('"x"', 'application/json')).toBe('JSON (a string)');
      expect(await received('null', 'application/json')).toBe('JSON (null)');
      // A CSV content type wins over a first cell that looks like JSON.
      const { data } = await recorded([answer('[id]\n4', 'text/csv')], { readCsv }).core.call(csv);
      expect(data).toEqual([{ id: 4 }]);
      // Without one, only text that starts like JSON is taken for JSON, not brackets further in.
      const lines = (text: string) => text.split('\n');
      const braces = await recorded([answer('id;note\n1;{x}', 'text/plain')], { readCsv: lines }).core.call(csv);
      expect(braces.data).toEqual(['id;note', '1;{x}']);
    });

    it('reports a reader failure as an invalid answer, and a missing reader as a programming error', async () => {
      const throwing = () => {
        throw new Error('a quoted cell never closes');
      };
      const error = await failure(recorded([answer('id\n"1', 'text/csv')], { readCsv: throwing }).core.call(csv));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).received).toBe('malformed CSV: a quoted cell never closes');
      const text = await failure(
        recorded([answer('id\n1', 'text/csv')], {
          readCsv: () => {
            throw 'plain';
          },
        }).core.call(csv),
      );
      expect((text as InvalidResponseError).received).toBe('malformed CSV: plain');
      const none = await failure(recorded([answer('id\n1', 'text/csv')]).core.call(csv));
      expect(none).toBeInstanceOf(TypeError);
      expect(none.message).toBe('this client has no CSV reader (readCsv) for a CSV answer');
    });
  });
});

describe('list pages', () => {
  const list = (itemsAt: string, bodyLinks?: string): OperationSpec => ({
    ...base,
    pagination: { itemsAt, ...(bodyLinks ? { bodyLinks } : {}) },
  });

  it('reads items at a nested field, and names the field and what came when it is missing', async () => {
    const { core } = recorded([() => json(200, { data: { items: [1, 2] } })]);
    expect((await paged(core, list('data.items'))).items).toEqual([1, 2]);
    const cases: Array<[unknown, string]> = [
      [{ data: {} }, 'an object with 0 field(s) at "data" without a "items" field'],
      [{ other: 1 }, 'an object with 1 field(s) without a "data" field'],
      [{ data: [1] }, 'an array of 1 at "data" without a "items" field'],
      [{ data: { items: 'x' } }, '"data.items" holding a string'],
      [{ data: { items: { a: 1, b: 2 } } }, '"data.items" holding an object with 2 field(s)'],
      [{ data: { items: null } }, '"data.items" holding null'],
      [{ data: 5 }, 'a number at "data" without a "items" field'],
    ];
    const deeper = await failure(
      paged(recorded([() => json(200, { data: { page: {} } })]).core, list('data.page.items')),
    );
    expect(deeper).toMatchObject({ received: 'an object with 0 field(s) at "data.page" without a "items" field' });
    for (const [body, received] of cases) {
      const error = await failure(paged(recorded([() => json(200, body)]).core, list('data.items')));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ expected: 'an array of items in the "data.items" field', received });
    }
    const top = await failure(paged(recorded([() => json(200, { items: [] })]).core, list('')));
    expect(top).toMatchObject({ expected: 'a JSON array of items', received: 'an object with 1 field(s)' });
    const empty = await failure(paged(recorded([() => new Response('', { status: 200 })]).core, list('')));
    expect(empty).toMatchObject({ received: 'an empty body' });
    const inherited = await failure(paged(recorded([() => json(200, {})]).core, list('constructor')));
    expect(inherited).toMatchObject({ received: 'an object with 0 field(s) without a "constructor" field' });
  });

  it('reads links from the Link header first, then from the body, resolved against the page URL', async () => {
    const { core } = recorded([
      () =>
        json(
          200,
          { items: [], links: { next: '/ignored', prev: 'page=0', first: '', last: '/v1/items?page=9' } },
          { link: '<?page=2>; rel="next", <https://api.test/v1/items?page=1>; rel="first", <x>; rel="last"' },
        ),
    ]);
    const page = await paged(core, list('items', 'links'));
    expect(page.links).toEqual({
      next: 'https://api.test/v1/items?page=2',
      first: 'https://api.test/v1/items?page=1',
      prev: 'https://api.test/v1/page=0',
    });
    const bodyOnly = await paged(
      recorded([() => json(200, { items: [], links: { next: 'https://api.test/n', first: 7, prev: '' } })]).core,
      list('items', 'links'),
    );
    expect(bodyOnly.links).toEqual({ next: 'https://api.test/n' });
    const noField = await paged(recorded([() => json(200, { items: [], links: 'next' })]).core, list('items', 'links'));
    expect(noField.links).toEqual({});
    // A server that sends `"links": null` beside a Link header: the header's links, no failure.
    const nullField = await paged(
      recorded([() => json(200, { items: [1], links: null }, { link: '</n>; rel="next"' })]).core,
      list('items', 'links'),
    );
    expect(nullField.items).toEqual([1]);
    expect(nullField.links).toEqual({ next: 'https://api.test/n' });
    const notConfigured = await paged(
      recorded([() => json(200, { items: [], links: { next: '/n' } })]).core,
      list('items'),
    );
    expect(notConfigured.links).toEqual({});
    const first = await paged(
      recorded([() => json(200, [], { link: '</a>; rel="next", </b>; rel="next prev"' })]).core,
      list(''),
    );
    expect(first.links).toEqual({ next: 'https://api.test/a', prev: 'https://api.test/b' });
  });

  it('passes maxPages and the page parameter to the listing', async () => {
    const endless = recorded([(sent) => json(200, [sent.url], { link: `<${sent.url}x>; rel="next"` })], {
      maxPages: 3,
    });
    const error = await failure(paged(endless.core, list('')).all());
    expect(error.message).toMatch(/more than 3 pages/);
    expect(endless.sent).toHaveLength(3);
    const perCall = recorded([(sent) => json(200, [1], { link: `<${sent.url}x>; rel="next"` })], { maxPages: 3 });
    expect((await failure(paged(perCall.core, list(''), {}, { maxPages: 2 }).all())).message).toMatch(
      /more than 2 pages/,
    );
    // The first page asked without its page parameter is page 1: a next link back to page=1 ends the listing.
    const numbered = recorded([() => json(200, [1], { link: '<https://api.test/v1/items?page=1>; rel="next"' })]);
    const spec = { ...list(''), pagination: { itemsAt: '', pageParam: 'page' } };
    expect(await paged(numbered.core, spec).all()).toEqual([1]);
    expect(numbered.sent).toHaveLength(1);
  });

  it('refuses a next link to another origin than the operation base URL', async () => {
    const { core, sent } = recorded(
      [() => json(200, [1], { link: '<https://other.test/v1/items?page=2>; rel="next"' })],
      {
        variables: { host: 'https://api.test' },
      },
    );
    const error = await failure(paged(core, { ...list(''), baseUrl: '{{host}}' }).all());
    expect(error.message).toBe('the next page is on another origin (https://other.test); it was not followed');
    expect(sent).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries 408, 429 and 5xx of idempotent calls, never other 4xx', async () => {
    for (const [status, attempts] of [
      [408, 3],
      [429, 3],
      [500, 3],
      [599, 3],
      [400, 1],
      [404, 1],
      [409, 1],
      [499, 1],
    ] as const) {
      const { core, sent } = recorded([() => json(status, {})], {
        retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 },
      });
      expect(await failure(core.call(base))).toMatchObject({ status });
      expect(sent).toHaveLength(attempts);
    }
  });

  it('retries HEAD, OPTIONS, PUT, DELETE and TRACE in any case, not POST or PATCH unless marked safe', async () => {
    const attempts = async (method: string, retrySafe?: boolean) => {
      const { core, sent } = recorded([() => json(503, {})], {
        retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 },
      });
      await failure(core.call({ ...base, method, ...(retrySafe === undefined ? {} : { retrySafe }) }));
      return sent.length;
    };
    for (const method of ['HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE', 'get', 'delete'])
      expect(await attempts(method)).toBe(2);
    for (const method of ['POST', 'PATCH', 'CONNECT']) expect(await attempts(method)).toBe(1);
    expect(await attempts('POST', true)).toBe(2);
    expect(await attempts('POST', false)).toBe(1);
  });

  it('retries a dropped connection of an idempotent call, and reports a ConnectionError with its cause at the end', async () => {
    let attempts = 0;
    const core = new ClientCore({
      baseUrl: 'https://api.test',
      variables: {},
      retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 },
      fetch: (async () => {
        attempts++;
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    const error = await failure(core.call(base));
    expect(error).toMatchObject({
      name: 'ConnectionError',
      message: 'GET /v1/items failed: no answer from the server (fetch failed)',
    });
    expect((error.cause as Error).message).toBe('fetch failed');
    expect(attempts).toBe(3);
  });

  it('waits its backoff before each reconnection: the drawn share of a ceiling that doubles', async () => {
    const attempts: number[] = [];
    const core = new ClientCore({
      baseUrl: 'https://api.test',
      variables: {},
      retry: { maxRetries: 2, baseDelayMs: 60, maxDelayMs: 1000 },
      random: () => 0.5,
      fetch: (async () => {
        attempts.push(performance.now());
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    expect(await failure(core.call(base))).toMatchObject({ name: 'ConnectionError' });
    expect(attempts).toHaveLength(3);
    const [first, second, third] = attempts as [number, number, number];
    // Half of 60 ms, then half of 120 ms (a timer may fire a millisecond early on a coarse clock).
    expect(second - first).toBeGreaterThanOrEqual(29);
    expect(third - second).toBeGreaterThanOrEqual(59);
  });

  it('uses the jitter source of the client: each wait is a random share of its ceiling', async () => {
    const draws: number[] = [];
    const { core, sent } = recorded([() => json(503, {}), () => json(503, {}), () => json(200, 'ok')], {
      retry: { maxRetries: 3, baseDelayMs: 40, maxDelayMs: 1000 },
      random: () => (draws.push(0), 0),
    });
    const started = Date.now();
    expect((await core.call(base)).data).toBe('ok');
    expect(draws).toHaveLength(2);
    expect(sent).toHaveLength(3);
    // random() = 0 means no wait at all, where the ceilings alone would be 40 + 80 ms.
    expect(Date.now() - started).toBeLessThan(100);
  });
});

describe('the deadline', () => {
  it('counts the time hooks take: a call whose deadline passed before sending sends nothing', async () => {
    const { core, sent } = recorded([() => json(200, {})], {
      deadlineMs: 50,
      hooks: { beforeRequest: () => new Promise<void>((resolve) => setTimeout(resolve, 120)) },
    });
    const error = await failure(core.call(base));
    expect(error).toMatchObject({ name: 'TimeoutError', deadline: true, timeoutMs: 50 });
    expect(error.message).toBe('GET /v1/items did not complete within its deadline of 50 ms (retries included)');
    expect(sent).toHaveLength(0);
  });

  it('starts no wait for a reconnection that would outlast the deadline: the connection error is the answer, at once', async () => {
    let attempts = 0;
    const core = new ClientCore({
      baseUrl: 'https://api.test',
      variables: {},
      deadlineMs: 300,
      // Half of a 2 s ceiling: a 1 s wait, past the 300 ms the call has.
      retry: { maxRetries: 3, baseDelayMs: 2000, maxDelayMs: 2000 },
      random: () => 0.5,
      fetch: (async () => {
        attempts++;
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    const started = Date.now();
    const error = await failure(core.call(base));
    expect(error).toMatchObject({ name: 'ConnectionError' });
    expect(attempts).toBe(1);
    expect(Date.now() - started).toBeLessThan(250);
  });
});

describe('errors', () => {
  it('scrub credentials echoed in error entries: header, query and signer values of six characters or more', async () => {
    const echo = (sent: Sent) =>
      json(400, {
        errors: [
          {
            label: `L-${sent.headers['X-Signature']}`,
            message: [
              sent.headers.authorization,
              sent.headers['x-api-key'],
              sent.headers['X-Signature'],
              new URL(sent.url).searchParams.get('token'),
              sent.headers['x-short-key'],
              sent.headers['x-note'],
            ].join(' | '),
          },
        ],
      });
    const { core } = recorded([echo], {
      auths: { default: bearerAuth('abc123') },
      signer: () => ({ 'X-Signature': 'sig-99' }),
      headers: { 'x-api-key': 'k'.repeat(12), 'x-short-key': 'k5', 'x-note': 'public-note' },
    });
    const spec = { ...base, auth: 'default', query: [['token', 'token']] } as OperationSpec;
    const error = (await failure(core.call(spec, { token: 'qtoken' }))) as ApiError;
    expect(error.errors).toEqual([
      {
        label: 'L-[redacted]',
        message: '[redacted] | [redacted] | [redacted] | [redacted] | k5 | public-note',
      },
    ]);
    expect(error.message).toBe(
      'GET /v1/items failed with 400 (L-[redacted]: [redacted] | [redacted] | [redacted] | [redacted] | k5 | public-note)',
    );
  });

  it("scrub exactly the credentials: a signer's header of any name, a bearer token alone, the longest first; not the scheme or a plain query value", async () => {
    const echo = (sent: Sent) =>
      json(400, {
        errors: [
          {
            label: 'ECHO',
            message: `the Bearer scheme with ${sent.headers.authorization?.split(' ')[1]}; mac ${sent.headers['X-Mac']}; query ${new URL(sent.url).searchParams.get('q')}`,
          },
        ],
      });
    const { core } = recorded([echo], {
      auths: { default: bearerAuth('tok-abcdef') },
      // The key comes first and is part of the signer's value: replaced first, it would leave "[redacted]-mac-99".
      headers: { 'x-api-key': 'abcdef' },
      signer: () => ({ 'X-Mac': 'abcdef-mac-99' }),
    });
    const spec = { ...base, auth: 'default', query: [['q', 'q']] } as OperationSpec;
    const error = (await failure(core.call(spec, { q: 'public-query-text' }))) as ApiError;
    expect(error.errors).toEqual([
      { label: 'ECHO', message: 'the Bearer scheme with [redacted]; mac [redacted]; query public-query-text' },
    ]);
  });

  it("are built with the client's own error class", async () => {
    class OwnError extends ApiError {
      override readonly name = 'OwnError';
    }
    const { core } = recorded([() => json(404, { errors: [{ label: 'NOT_FOUND', message: 'none' }] })], {
      errorClass: OwnError,
    });
    const error = await failure(core.call(base));
    expect(error).toBeInstanceOf(OwnError);
    expect(error).toMatchObject({ status: 404, label: 'NOT_FOUND', method: 'GET', path: '/v1/items' });
    expect((error as ApiError).headers.get('content-type')).toBe('application/json');
    const empty = await failure(recorded([() => new Response('  ', { status: 404 })]).core.call(base));
    expect(empty.message).toBe('GET /v1/items failed with 404 (no error detail)');
    expect((empty as ApiError).body).toBeUndefined();
  });
});
