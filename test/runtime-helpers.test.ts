/**
 * The runtime's pure helpers, edge by edge: Link parsing, retry timing, CSV reading, bounded body
 * reading, error classes and their messages, credentials, page URLs and listings, signing.
 */
import { createHash } from 'node:crypto';
import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { findLink, parseLinkHeader } from '../templates/runtime/link.js';
import {
  DEFAULT_RETRY,
  isIdempotent,
  isRetryableStatus,
  retryAfterMs,
  retryDelayMs,
  sleep,
} from '../templates/runtime/retry.js';
import { CsvFormatError, parseCsvRecords, readCsvRows } from '../templates/runtime/csv.js';
import { readBody } from '../templates/runtime/body.js';
import {
  ApiError,
  ConnectionError,
  InvalidResponseError,
  PaginationError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError,
  readErrorEntries,
} from '../templates/runtime/errors.js';
import { TokenAuth, apiKeyAuth, basicAuth, bearerAuth, noAuth } from '../templates/runtime/auth.js';
import { PagedCall, normaliseUrl, type Page } from '../templates/runtime/pagination.js';
import { hashSigner, type SigningScheme } from '../templates/runtime/signing.js';

describe('Link header edges', () => {
  it('skips tabs and stray commas, and trims the URI', () => {
    expect(parseLinkHeader(',\t< https://x.io/a >\t;\trel=next ,, <b>;rel=prev')).toEqual([
      { uri: 'https://x.io/a', rels: ['next'], params: { rel: 'next' } },
      { uri: 'b', rels: ['prev'], params: { rel: 'prev' } },
    ]);
  });

  it('skips a value that is not a link up to the next comma outside quotes', () => {
    expect(parseLinkHeader('junk; t="a, <x>; rel=next", <y>; rel=last')).toEqual([
      { uri: 'y', rels: ['last'], params: { rel: 'last' } },
    ]);
  });

  it('gives a link without rel no relations, and reads a value-less parameter at the very end', () => {
    expect(parseLinkHeader('<a>; title=x')).toEqual([{ uri: 'a', rels: [], params: { title: 'x' } }]);
    expect(parseLinkHeader('<a>; rel=next; crossorigin')[0]?.params).toEqual({ rel: 'next', crossorigin: '' });
  });

  it('ends at a trailing value that is not a link, quoted or not, keeping the links before it', () => {
    const first = { uri: 'a', rels: ['next'], params: { rel: 'next' } };
    expect(parseLinkHeader('<a>; rel=next, junk')).toEqual([first]);
    expect(parseLinkHeader('<a>; rel=next, junk "never closed')).toEqual([first]);
  });

  it('stops at a URI that never closes, keeping the links before it', () => {
    expect(parseLinkHeader('<a>; rel=next, <b; rel=prev')).toEqual([
      { uri: 'a', rels: ['next'], params: { rel: 'next' } },
    ]);
  });

  it('reads spaces around "=", escapes in quoted values, value-less and repeated parameters', () => {
    const [link] = parseLinkHeader('<a> ; REL = "Next  Last" ; title="say \\"hi\\"" ; crossorigin ; rel=prev; =x');
    expect(link).toEqual({
      uri: 'a',
      rels: ['next', 'last'],
      params: { rel: 'Next  Last', title: 'say "hi"', crossorigin: '' },
    });
    expect(parseLinkHeader('<a>; t="unterminated\\')[0]?.params).toEqual({ t: 'unterminated\\' });
    expect(parseLinkHeader('<a>; t=bare;rel=next')[0]).toEqual({
      uri: 'a',
      rels: ['next'],
      params: { t: 'bare', rel: 'next' },
    });
    expect(parseLinkHeader('<a>; rel')[0]?.rels).toEqual([]);
    expect(findLink(undefined, 'next')).toBeUndefined();
    expect(findLink('<a>; rel=next, <b>; rel=next', 'Next')).toBe('a');
  });
});

describe('retry rules', () => {
  it('knows which methods are idempotent', () => {
    for (const method of ['GET', 'head', 'OPTIONS', 'put', 'DELETE', 'TRACE']) expect(isIdempotent(method)).toBe(true);
    for (const method of ['POST', 'PATCH', 'CONNECT', '']) expect(isIdempotent(method)).toBe(false);
  });

  it('retries 408, 429 and 500 and above only', () => {
    expect([399, 400, 407, 408, 409, 428, 429, 430, 499, 500, 503].map(isRetryableStatus)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      true,
      false,
      false,
      true,
      true,
    ]);
  });

  it('defaults to 3 retries from 300 ms, no wait over 20 s', () => {
    expect(DEFAULT_RETRY).toEqual({ maxRetries: 3, baseDelayMs: 300, maxDelayMs: 20_000 });
  });

  it('reads Retry-After with spaces, as a past date, or not at all', () => {
    expect(retryAfterMs(' 3 ', 0)).toBe(3000);
    expect(retryAfterMs('0', 0)).toBe(0);
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs('', 0)).toBeUndefined();
    expect(retryAfterMs('in a while', 0)).toBeUndefined();
    // Digits with something before or after are neither delta-seconds nor a date.
    expect(retryAfterMs('x5', 0)).toBeUndefined();
    expect(retryAfterMs('5x', 0)).toBeUndefined();
    expect(retryAfterMs(new Date(1_000).toUTCString(), 50_000)).toBe(0);
  });

  it('accepts a Retry-After of exactly maxDelayMs, and draws from Math.random by default', () => {
    const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelayMs(0, policy, 1000)).toBe(1000);
    expect(retryDelayMs(0, policy, 1001)).toBeUndefined();
    expect(retryDelayMs(0, policy, 0)).toBe(0);
    const draws = Array.from({ length: 200 }, () => retryDelayMs(1, policy, undefined) as number);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(200);
    expect(new Set(draws).size).toBeGreaterThan(20);
    expect(draws.every(Number.isInteger)).toBe(true);
  });

  it('sleeps the time asked, and stops with the reason of an abort, before or during the wait', async () => {
    const started = performance.now();
    await sleep(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    const aborted = AbortSignal.abort(new Error('before'));
    await expect(sleep(10_000, aborted)).rejects.toThrow('before');
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error('during')), 5);
    const t0 = performance.now();
    await expect(waiting).rejects.toThrow('during');
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('a wait leaves nothing behind', () => {
  it("takes its listener off the caller's signal when it ends, and its timer away when aborted", async () => {
    const controller = new AbortController();
    await sleep(1, controller.signal);
    // A listener left on a long-lived signal per retry would pile up for the life of the signal.
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    vi.useFakeTimers();
    try {
      const stopper = new AbortController();
      const waiting = sleep(60_000, stopper.signal).catch((reason: unknown) => reason);
      expect(vi.getTimerCount()).toBe(1);
      stopper.abort(new Error('stop'));
      expect(await waiting).toMatchObject({ message: 'stop' });
      // An aborted wait whose timer stayed would keep a script alive for the rest of the minute.
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('CSV edges', () => {
  const format = (columns: Array<[string, 'string' | 'integer' | 'number' | 'boolean']> = []) => ({
    delimiter: ';',
    columns,
  });

  it('reads doubled quotes, delimiters and line breaks inside quotes, CRLF and CR line ends', () => {
    expect(parseCsvRecords('a;"b ""q"" ;c"\r\n"x\ny";z\rlast;a"b', ';')).toEqual([
      ['a', 'b "q" ;c'],
      ['x\ny', 'z'],
      ['last', 'a"b'],
    ]);
    expect(parseCsvRecords('a,b\n\n\nc,d\n', ',')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsvRecords('a,b\n  \n\t\nc,d\n \t', ',')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsvRecords('a;\n', ';')).toEqual([['a', '']]);
    expect(parseCsvRecords('"a"', ';')).toEqual([['a']]);
  });

  it('names the line where a quoted cell opened and never closed', () => {
    expect(() => parseCsvRecords('h\r\n"a\nb"\n\n"open\nmore', ';')).toThrow(
      new CsvFormatError('a quoted cell opened on line 5 never closes'),
    );
    // A CRLF line end is one line break, and so is each of two bare ones in a row.
    expect(() => parseCsvRecords('h\r\nx\r\n"open', ';')).toThrow(
      new CsvFormatError('a quoted cell opened on line 3 never closes'),
    );
    const error = (() => {
      try {
        parseCsvRecords('"', ';');
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(CsvFormatError);
    expect(error?.name).toBe('CsvFormatError');
  });

  it('converts numbers, booleans in both spellings, and keeps what does not convert as text', () => {
    const rows = readCsvRows(' n ;i;b;s\n1.5;7;1;x\nabc;;0;\n;x;true;\n2e3;-1;false;\n;;yes;\n', {
      ...format([
        ['n', 'number'],
        ['i', 'integer'],
        ['b', 'boolean'],
      ]),
    });
    expect(rows).toEqual([
      { n: 1.5, i: 7, b: true, s: 'x' },
      { n: 'abc', i: null, b: false, s: null },
      { n: null, i: 'x', b: true, s: null },
      { n: 2000, i: -1, b: false, s: null },
      { n: null, i: null, b: 'yes', s: null },
    ]);
  });

  it('reads no row from a line of blanks, where an integer column would become 0', () => {
    expect(readCsvRows('id;name\n1;a\n   \n2;b\n', format([['id', 'integer']]))).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
  });

  it('keeps a __proto__ column an own key, and fills missing cells with null', () => {
    const [row] = readCsvRows('__proto__;b\n{};', format()) as Array<Record<string, unknown>>;
    expect(Object.keys(row ?? {})).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')).toEqual({
      value: '{}',
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(readCsvRows('a;b;c\n1', format())).toEqual([{ a: '1', b: null, c: null }]);
  });

  it('lists the expected columns when none of them is in the header row', () => {
    expect(() =>
      readCsvRows(
        'x;y\n1;2',
        format([
          ['a', 'string'],
          ['b', 'integer'],
        ]),
      ),
    ).toThrow(new CsvFormatError('a header row with none of the expected columns (a, b)'));
    expect(
      readCsvRows(
        'x;b\n1;2',
        format([
          ['a', 'string'],
          ['b', 'integer'],
        ]),
      ),
    ).toEqual([{ x: '1', b: 2 }]);
  });
});

describe('bounded body reading edges', () => {
  const chunks = (...parts: number[][]) => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(new Uint8Array(part));
      },
      cancel() {
        cancelled = true;
      },
    });
    return { stream, cancelled: () => cancelled };
  };

  it('joins chunks in order, and reads exactly the limit as within it', async () => {
    const ended = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of [[1, 2], [3], [4, 5, 6]]) controller.enqueue(new Uint8Array(part));
        controller.close();
      },
    });
    expect(await readBody(new Response(ended), 6)).toEqual({
      bytes: new Uint8Array([1, 2, 3, 4, 5, 6]),
      overLimit: false,
    });
  });

  it('cuts at the limit, keeping the first bytes, and cancels the rest of the stream', async () => {
    const source = chunks([1, 2, 3], [4, 5, 6], [7]);
    const read = await readBody(new Response(source.stream), 4);
    expect(read).toEqual({ bytes: new Uint8Array([1, 2, 3, 4]), overLimit: true });
    expect(source.cancelled()).toBe(true);
  });

  it('trusts a declared length only for identity encoding, and accepts one equal to the limit', async () => {
    const body = () => new Uint8Array(20).fill(7);
    const identity = new Response(body(), { headers: { 'content-length': '5' } });
    expect((await readBody(identity, 10)).bytes.byteLength).toBe(20);
    const gzip = new Response(body(), { headers: { 'content-length': '5', 'content-encoding': 'gzip' } });
    expect(await readBody(gzip, 10)).toEqual({ bytes: new Uint8Array(10).fill(7), overLimit: true });
    const exact = new Response(new Uint8Array(10), { headers: { 'content-length': '10' } });
    expect((await readBody(exact, 10)).overLimit).toBe(false);
    const plain = new Response(new Uint8Array(10), {
      headers: { 'content-length': '10', 'content-encoding': 'identity' },
    });
    expect((await readBody(plain, 10)).bytes.byteLength).toBe(10);
    expect(await readBody(new Response(null), 10)).toEqual({ bytes: new Uint8Array(0), overLimit: false });
  });

  it('cancels a body whose declared length is over the limit', async () => {
    const source = chunks([1]);
    const response = new Response(source.stream, { headers: { 'content-length': '100' } });
    await readBody(response, 50);
    expect(source.cancelled()).toBe(true);
  });
});

describe('error classes', () => {
  const headers = new Headers({ 'x-a': '1' });

  it('ApiError: the first entry in the message, cut after 300 characters, or what the body held', () => {
    const long = 'm'.repeat(301);
    expect(new ApiError(500, [{ label: 'L', message: long }], 'GET', '/p', {}, headers).message).toBe(
      `GET /p failed with 500 (L: ${'m'.repeat(300)}…)`,
    );
    expect(new ApiError(500, [{ label: 'L', message: 'm'.repeat(300) }], 'GET', '/p', {}, headers).message).toBe(
      `GET /p failed with 500 (L: ${'m'.repeat(300)})`,
    );
    expect(new ApiError(502, [], 'PUT', '/q', '', headers).message).toBe('PUT /q failed with 502 (no error detail)');
    expect(new ApiError(502, [], 'PUT', '/q', undefined, headers).message).toBe(
      'PUT /q failed with 502 (no error detail)',
    );
    expect(new ApiError(502, [], 'PUT', '/q', 'x', headers).message).toBe(
      'PUT /q failed with 502 (no error entries; the body is on error.body)',
    );
    const error = new ApiError<string>(
      400,
      [
        { label: 'A', message: '' },
        { label: 'B', message: '' },
      ],
      'GET',
      '/p',
      { secret: 1 },
      headers,
    );
    expect(error.name).toBe('ApiError');
    expect(error.label).toBe('A');
    expect(error.hasLabel('B')).toBe(true);
    expect(error.hasLabel('C')).toBe(false);
    expect(new ApiError(400, [], 'GET', '/p', {}, headers).label).toBeUndefined();
    expect(Object.keys(error)).not.toContain('body');
    expect(Object.getOwnPropertyDescriptor(error, 'body')).toEqual({
      value: { secret: 1 },
      enumerable: false,
      writable: false,
      configurable: true,
    });
    expect(error.headers).toBe(headers);
  });

  it('ConnectionError and TimeoutError: what failed, the cause only when it says something', () => {
    expect(new ConnectionError('GET', '/p', new Error('refused'))).toMatchObject({
      name: 'ConnectionError',
      message: 'GET /p failed: no answer from the server (refused)',
    });
    expect(new ConnectionError('GET', '/p', new Error('')).message).toBe('GET /p failed: no answer from the server');
    const plain = new ConnectionError('GET', '/p', 'text cause');
    expect(plain.message).toBe('GET /p failed: no answer from the server');
    expect(plain.cause).toBe('text cause');
    const attempt = new TimeoutError('GET', '/p', 50);
    expect(attempt).toMatchObject({
      name: 'TimeoutError',
      timeoutMs: 50,
      deadline: false,
      message: 'GET /p timed out after 50 ms',
    });
    expect(attempt).toBeInstanceOf(ConnectionError);
    expect(new TimeoutError('GET', '/p', 90, true).message).toBe(
      'GET /p did not complete within its deadline of 90 ms (retries included)',
    );
  });

  it('UsageError and PaginationError carry their own names, which String() and loggers show', () => {
    const usage = new UsageError('no value for {appId}');
    expect(usage.name).toBe('UsageError');
    expect(String(usage)).toBe('UsageError: no value for {appId}');
    expect(usage).toBeInstanceOf(TypeError);
    const pages = new PaginationError('more than 3 pages');
    expect(pages.name).toBe('PaginationError');
    expect(String(pages)).toBe('PaginationError: more than 3 pages');
  });

  it('RedirectError, InvalidResponseError and ResponseTooLargeError say what and where', () => {
    expect(new RedirectError('GET', '/p', 0, undefined, 'why')).toMatchObject({
      name: 'RedirectError',
      message: 'GET /p answered with a redirect that was not followed: why',
    });
    const invalid = new InvalidResponseError('GET', '/p', 'GET /{x}', 200, 'JSON', 'text', 'the body');
    expect(invalid).toMatchObject({
      name: 'InvalidResponseError',
      message: 'GET /{x} (GET /p, status 200): expected JSON, received text',
    });
    expect(Object.keys(invalid)).not.toContain('body');
    expect(invalid.body).toBe('the body');
    expect(new ResponseTooLargeError('GET', '/p', 200, 10)).toMatchObject({
      name: 'ResponseTooLargeError',
      message: 'GET /p: the answer (status 200) is larger than 10 bytes (maxResponseBytes); reading was stopped',
    });
  });

  it('reads error entries under their other common names', () => {
    expect(
      readErrorEntries({
        errors: [
          { code: 'C', detail: 'd' },
          { type: 'T', title: 't' },
          {},
          'not an entry',
          null,
          { label: 'L', message: 'm', code: 'ignored' },
        ],
      }),
    ).toEqual([
      { label: 'C', message: 'd' },
      { label: 'T', message: 't' },
      { label: 'UNKNOWN', message: '' },
      { label: 'L', message: 'm' },
    ]);
    expect(readErrorEntries({ errors: [], error: { code: 'E', message: 'inner' } })).toEqual([
      { label: 'E', message: 'inner' },
    ]);
    expect(readErrorEntries({ errors: 'x', error: 'invalid_grant' })).toEqual([
      { label: 'invalid_grant', message: 'invalid_grant' },
    ]);
    expect(readErrorEntries({ message: 'only a message' })).toEqual([{ label: 'ERROR', message: 'only a message' }]);
    expect(readErrorEntries({ code: 42, message: 'm' })).toEqual([{ label: '42', message: 'm' }]);
    expect(readErrorEntries({ error: null, message: 5 })).toEqual([]);
    // A null `error` is no entry of its own: the message beside it still is one.
    expect(readErrorEntries({ error: null, code: 'NOT_FOUND', message: 'no such app' })).toEqual([
      { label: 'NOT_FOUND', message: 'no such app' },
    ]);
    expect(readErrorEntries(null)).toEqual([]);
    expect(readErrorEntries([{ label: 'L' }])).toEqual([]);
  });
});

describe('credentials', () => {
  const target = () => ({ headers: {} as Record<string, string>, url: new URL('https://x.io/p?a=1') });

  it('bearer: the prefix and the token, none for an empty token, synchronous or not', async () => {
    const sync = target();
    expect(bearerAuth('t1').apply(sync)).toBeUndefined();
    expect(sync.headers).toEqual({ authorization: 'Bearer t1' });
    const prefixed = target();
    await bearerAuth(async () => 't2', 'Token').apply(prefixed);
    expect(prefixed.headers).toEqual({ authorization: 'Token t2' });
    const empty = target();
    bearerAuth(() => '').apply(empty);
    expect(empty.headers).toEqual({});
  });

  it('basic: UTF-8 user and password in base64', async () => {
    const sent = target();
    expect(await basicAuth('é', async () => 'p:w').apply(sent)).toBeUndefined();
    expect(sent.headers.authorization).toBe(`Basic ${Buffer.from('é:p:w').toString('base64')}`);
  });

  it('API key: a lower-cased header, or a query parameter that replaces any earlier one', async () => {
    const header = target();
    await apiKeyAuth('X-Key', 'k1', 'header').apply(header);
    expect(header.headers).toEqual({ 'x-key': 'k1' });
    expect(header.url.search).toBe('?a=1');
    const query = target();
    await apiKeyAuth('a', async () => 'k2', 'query').apply(query);
    expect(query.url.search).toBe('?a=k2');
    expect(query.headers).toEqual({});
    expect(noAuth.apply(target())).toBeUndefined();
  });

  it('token: Bearer when the token type is empty; a refusal of a token error only', async () => {
    const auth = new TokenAuth(
      async () => ({ tokenType: '', accessToken: 'a1' }),
      (error) => error.status === 401,
    );
    const sent = target();
    const stamp = await auth.apply(sent);
    expect(sent.headers.authorization).toBe('Bearer a1');
    const refused = new ApiError(401, [], 'GET', '/p', undefined, new Headers());
    expect(auth.refresh(refused, { other: true })).toBe(true);
    // Another stamp than the current token: the current one stays.
    expect(await auth.token()).toBe(stamp);
    expect(auth.refresh(refused, undefined)).toBe(true);
    expect(await auth.token()).toBe(stamp);
    expect(auth.refresh(new ApiError(500, [], 'GET', '/p', undefined, new Headers()), stamp)).toBe(false);
    expect(await auth.token()).toBe(stamp);
    expect(auth.refresh(refused, stamp)).toBe(true);
    expect(await auth.token()).not.toBe(stamp);
  });

  it('token: a request that fails after a newer one started does not clear the newer one', async () => {
    let issued = 0;
    const releases: Array<() => void> = [];
    const auth = new TokenAuth(
      () =>
        new Promise((resolve, reject) => {
          const n = ++issued;
          releases.push(() =>
            n === 1 ? reject(new Error('late failure')) : resolve({ tokenType: 'Bearer', accessToken: `t${n}` }),
          );
        }),
      () => true,
    );
    const first = auth.token();
    first.catch(() => undefined);
    auth.refresh(new ApiError(401, [], 'GET', '/p', undefined, new Headers()), undefined);
    // The current token is unknown while the first request is pending: a refusal clears nothing.
    expect(auth.token()).toBe(first);
  });
});

describe('page URLs and listings', () => {
  it('normalises scheme, host, default port, fragment, query order and escapes', () => {
    expect(normaliseUrl('HTTPS://X.IO:443/a%7e%2f%41?b=2&a=1&a=0#frag')).toBe('https://x.io/a~%2FA?a=1&a=0&b=2');
    expect(normaliseUrl('/p?x=a%20b&y', 'http://x.io:8080/q')).toBe('http://x.io:8080/p?x=a%20b&y=');
    expect(normaliseUrl('https://x.io/p?')).toBe('https://x.io/p');
    expect(normaliseUrl('https://x.io/p?%C3%A9=1')).toBe('https://x.io/p?%C3%A9=1');
    // Enough parameters for the sort to merge runs: names in order, a repeated name's values in theirs.
    const names = Array.from({ length: 60 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const shuffled = names.map((name, i) => names[(i * 37) % 60] ?? name);
    const query = [...shuffled, 'p07', 'p07'].map((name, i) => `${name}=${i}`).join('&');
    const sorted = normaliseUrl(`https://x.io/p?${query}`);
    const pairs = new URL(sorted).search.slice(1).split('&');
    expect(pairs.map((pair) => pair.split('=')[0])).toEqual([...names.slice(0, 8), 'p07', 'p07', ...names.slice(8)]);
    expect(pairs.filter((pair) => pair.startsWith('p07='))).toEqual(['p07=31', 'p07=60', 'p07=61']);
  });

  it('ends a listing whose next link leads back to the first page', async () => {
    const fetched: Array<string | undefined> = [];
    const call = new PagedCall<number>(async (next) => {
      fetched.push(next);
      return next === undefined
        ? page('https://x.io/p?page=1', 'https://x.io/p?page=2')
        : page(next, 'https://x.io/p?page=1');
    });
    expect(await call.all()).toEqual([1, 2]);
    expect(fetched).toEqual([undefined, 'https://x.io/p?page=2']);
  });

  const page = (url: string, next?: string, extra: Partial<Page<number>['links']> = {}): Page<number> => ({
    items: [Number(new URL(url).searchParams.get('page') ?? 1)],
    links: { ...(next ? { next } : {}), ...extra },
    response: new Response(),
    url,
  });

  it('does not take the first link for the first page when the page has a prev link', async () => {
    const fetched: Array<string | undefined> = [];
    const call = new PagedCall<number>(async (next) => {
      fetched.push(next);
      if (next === undefined)
        return page('https://x.io/p?page=2', 'https://x.io/p?page=1', {
          first: 'https://x.io/p?page=1',
          prev: 'https://x.io/p?page=1',
        });
      return page(next);
    });
    expect(await call.all()).toEqual([2, 1]);
    expect(fetched).toEqual([undefined, 'https://x.io/p?page=1']);
  });

  it('numbers the first page with the page parameter only when it was asked without one', async () => {
    const fetched: Array<string | undefined> = [];
    const call = new PagedCall<number>(
      async (next) => {
        fetched.push(next);
        if (next === undefined) return page('https://x.io/p?page=3', 'https://x.io/p?page=1');
        return page(next);
      },
      { pageParam: 'page' },
    );
    expect(await call.all()).toEqual([3, 1]);
    expect(fetched).toHaveLength(2);
  });

  it('ends on an empty next link, and counts a page redirected to as read', async () => {
    const fetched: Array<string | undefined> = [];
    const call = new PagedCall<number>(async (next) => {
      fetched.push(next);
      if (next === undefined) return page('https://x.io/p', 'https://x.io/p?page=2');
      if (next.endsWith('page=2')) return page('https://x.io/p?page=3', 'https://x.io/p?page=3');
      return page(next, '');
    });
    expect(await call.all()).toEqual([1, 3]);
    expect(fetched).toEqual([undefined, 'https://x.io/p?page=2']);
  });

  it('reads exactly maxPages pages, and one more page is an error', async () => {
    const chain = (last: number) =>
      new PagedCall<number>(
        async (next) => {
          const n = next === undefined ? 1 : Number(new URL(next).searchParams.get('page'));
          return page(`https://x.io/p?page=${n}`, n < last ? `https://x.io/p?page=${n + 1}` : undefined);
        },
        { maxPages: 3 },
      );
    expect(await chain(3).all()).toEqual([1, 2, 3]);
    await expect(chain(4).all()).rejects.toThrow(
      'the listing has more than 3 pages (maxPages: 3); it was stopped before page 4',
    );
  });

  it('reads a listing afresh each time it is iterated again, its first page included', async () => {
    let version = 0;
    const fetched: Array<string | undefined> = [];
    const call = new PagedCall<number>(async (next) => {
      fetched.push(next);
      // The data changes between two readings: a second reading must not mix old and new pages.
      if (next === undefined) return page(`https://x.io/p?page=${10 * ++version + 1}`, 'https://x.io/p?page=2');
      return page(`https://x.io/p?page=${10 * version + 2}`);
    });
    expect(await call.all()).toEqual([11, 12]);
    expect(await call.all()).toEqual([21, 22]);
    expect(fetched).toEqual([undefined, 'https://x.io/p?page=2', undefined, 'https://x.io/p?page=2']);
  });

  it('passes a failed first page to the rejection handler', async () => {
    const call = new PagedCall<number>(async () => {
      throw new Error('down');
    });
    expect(await call.then(undefined, (reason) => (reason as Error).message)).toBe('down');
    const pages: number[] = [];
    for await (const one of new PagedCall<number>(async () => page('https://x.io/p')).pages()) pages.push(...one.items);
    expect(pages).toEqual([1]);
  });
});

describe('signing schemes', () => {
  const request = { method: 'PUT', url: 'https://x.io/p?q=1', headers: {}, body: new TextEncoder().encode('{"a":1}') };
  const scheme = (overrides: Partial<SigningScheme>): SigningScheme => ({
    algorithm: 'sha1',
    parts: ['method', 'url', 'body', 'time', { variable: 'key' }],
    signatureHeader: 'X-Sig',
    timeHeader: 'X-Time',
    timeUnit: 'seconds',
    hexCase: 'lower',
    ...overrides,
  });
  const digest = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');

  it('hashes the parts in order, with the time in seconds or milliseconds', async () => {
    const seconds = await hashSigner(scheme({}), { key: 'K' }, () => 12_345)(request);
    expect(seconds).toEqual({ 'X-Time': '12', 'X-Sig': digest('sha1', 'PUThttps://x.io/p?q=1{"a":1}12K') });
    const millis = await hashSigner(scheme({ timeUnit: 'milliseconds' }), { key: 'K' }, () => 12_345.7)(request);
    expect(millis).toEqual({ 'X-Time': '12345', 'X-Sig': digest('sha1', 'PUThttps://x.io/p?q=1{"a":1}12345K') });
  });

  it('uses SHA-256 through WebCrypto, upper-case hex when asked, and no time header when none is named', async () => {
    const signed = await hashSigner(
      scheme({ algorithm: 'sha256', hexCase: 'upper', timeHeader: undefined, parts: ['body', { variable: 'key' }] }),
      { key: 'K' },
    )({ ...request, body: undefined });
    expect(signed).toEqual({ 'X-Sig': digest('sha256', 'K').toUpperCase() });
    const sha1Upper = await hashSigner(scheme({ hexCase: 'upper', parts: ['body'] }), {}, () => 0)(request);
    expect(sha1Upper['X-Sig']).toBe(digest('sha1', '{"a":1}').toUpperCase());
    const sha256 = await hashSigner(scheme({ algorithm: 'sha256', parts: ['body'] }), {}, () => 0)(request);
    expect(sha256['X-Sig']).toBe(digest('sha256', '{"a":1}'));
  });

  it('refuses to sign without the client option a part needs', () => {
    expect(() => hashSigner(scheme({}), {})(request)).toThrow(
      new TypeError('signing needs the client option for "key"'),
    );
  });

  it('gives the last signature again for the same texts only: a new second or a changed option signs anew', async () => {
    const options: Record<string, string> = {};
    let millis = 0;
    const bodiless = { ...request, body: undefined };
    for (const algorithm of ['sha1', 'sha256'] as const) {
      for (const parts of [
        [{ variable: 'key' }, 'time'],
        ['body', { variable: 'key' }, 'time'],
      ] as const) {
        const sign = hashSigner(scheme({ algorithm, parts }), options, () => millis);
        options.key = 'first';
        millis = 1_000_000_000_000;
        expect(await sign(bodiless)).toEqual({ 'X-Time': '1000000000', 'X-Sig': digest(algorithm, 'first1000000000') });
        millis += 999;
        expect(await sign(bodiless)).toEqual({ 'X-Time': '1000000000', 'X-Sig': digest(algorithm, 'first1000000000') });
        options.key = 'second';
        expect(await sign(bodiless)).toEqual({
          'X-Time': '1000000000',
          'X-Sig': digest(algorithm, 'second1000000000'),
        });
        millis += 1;
        expect(await sign(bodiless)).toEqual({
          'X-Time': '1000000001',
          'X-Sig': digest(algorithm, 'second1000000001'),
        });
      }
    }
  });

  it('signs every request with a body anew, and tells texts apart however they split into parts', async () => {
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    for (const parts of [
      ['time', 'body'],
      [{ variable: 'key' }, 'body'],
    ] as const) {
      const sign = hashSigner(scheme({ parts }), { key: '5' }, () => 5_000);
      for (const body of ['{"n":1}', '{"n":2}', '', '{"n":1}', '{"n":2}'])
        expect((await sign({ ...request, body: body === '' ? undefined : encode(body) }))['X-Sig']).toBe(
          digest('sha1', `5${body}`),
        );
    }
    for (const part of ['method', 'url'] as const) {
      const sign = hashSigner(scheme({ parts: ['time', part] }), {}, () => 5_000);
      for (const [method, url] of [
        ['GET', 'https://x.io/1'],
        ['DELETE', 'https://x.io/2'],
      ] as const)
        expect((await sign({ ...request, method, url, body: undefined }))['X-Sig']).toBe(
          digest('sha1', `5${part === 'method' ? method : url}`),
        );
    }
    // Each part is encoded on its own: a lone surrogate at the end of one does not pair with the next.
    const options: Record<string, string> = {};
    const sign = hashSigner(scheme({ parts: [{ variable: 'a' }, { variable: 'b' }] }), options, () => 0);
    const bytesDigest = (...texts: string[]): string => {
      const hash = createHash('sha1');
      for (const text of texts) hash.update(encode(text));
      return hash.digest('hex');
    };
    for (const [a, b] of [
      ['\uD83D', '\uDE00'],
      ['\uD83D\uDE00', ''],
    ] as const) {
      Object.assign(options, { a, b });
      expect((await sign({ ...request, body: undefined }))['X-Sig']).toBe(bytesDigest(a, b));
    }
  });
});
