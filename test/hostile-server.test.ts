/**
 * The generated Accengage client against servers that misbehave: loopback node:http servers on
 * 127.0.0.1 that redirect elsewhere, stream without end, answer another shape, loop their `next`
 * links, hang, or echo the request's credentials back. Each test names the defect it guards.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getEventListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AccengageClient,
  AccengageError,
  ConnectionError,
  InvalidResponseError,
  PaginationError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError,
  type AccengageClientOptions,
} from '../generated/accengage/index.js';
import { planClient } from '../generator/emit/plan.js';
import { buildReference } from '../generator/docs/reference.js';
import { constructorSnippet } from '../generator/docs/snippets.js';
import { collectionOf, modelOfJson } from './helpers.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
}

interface Server {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: (request: IncomingMessage, response: ServerResponse, url: URL) => void): Promise<Server> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    seen.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      rawHeaders: request.rawHeaders,
    });
    request.resume();
    request.on('end', () => handler(request, response, new URL(request.url ?? '/', 'http://127.0.0.1')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handle: Server = {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(handle);
  return handle;
}

/** Settles when the connection that carried `request` is closed, by either side. */
function socketClosed(request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => request.socket.once('close', () => resolve()));
}

/** 'closed' once every connection is closed, 'still open' if one is not within `ms`. */
function allClosedWithin(closed: Array<Promise<void>>, ms: number): Promise<string> {
  const open = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), ms));
  return Promise.race([Promise.all(closed).then(() => 'closed'), open]);
}

const apiKey = 'key-5f2b9c0d1e7a';
const token = 'tok-a1b2c3d4e5f6a7b8';

function clientFor(server: Server, options: Partial<AccengageClientOptions> = {}): AccengageClient {
  return new AccengageClient({
    email: 'a@b.co',
    apiKey,
    accessToken: token,
    partnerId: '42',
    baseUrl: server.url,
    retry: { baseDelayMs: 1, maxDelayMs: 50 },
    ...options,
  });
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

async function failure(promise: PromiseLike<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

const CSV_HEADER =
  'deviceId;token;lastOpen;firstOpen;bounce;platform;language;country;timezone;appVersion;sdkVersion;model;nbOpen;pushEnabled';
const csvRow = (id: string): string =>
  `${id};t;2017-10-01 00:00:00;2017-01-01 00:00:00;0;ios;fr;FR;Europe/Paris;1.0;6.0;iPhone;3;1`;

describe('path parameters stay one segment', () => {
  it('refuses "." and ".." ids before sending anything (they would climb to another route)', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const client = clientFor(server);
    expect(await failure(client.staticLists.delete({ listId: '..' }))).toBeInstanceOf(UsageError);
    expect(await failure(client.deviceTags.delete({ deviceId: '..', category: '..', identifier: '.' }))).toBeInstanceOf(
      UsageError,
    );
    expect(server.seen).toHaveLength(0);
  });

  it('for any parameter text, the request path has exactly the template segments, each decoding to its value', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const client = clientFor(server, { maxRetries: 0 });
    const text = fc.oneof(
      fc.string({ minLength: 1, unit: 'binary' }),
      fc.constantFrom('.', '..', '...', '%2e', './..', '../', '?a=1', '#x', '\\..', '%'),
    );
    await fc.assert(
      fc.asyncProperty(text, text, text, async (deviceId, category, identifier) => {
        const before = server.seen.length;
        try {
          await client.deviceTags.delete({ deviceId, category, identifier });
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          expect(server.seen.length).toBe(before);
          return;
        }
        const sent = server.seen.at(-1)?.url ?? '';
        const segments = new URL(sent, server.url).pathname.split('/');
        // /v1/me/apps/{partnerId}/devices/{deviceId}/tags/{category}/{identifier}
        expect(segments).toHaveLength(10);
        expect(segments.slice(0, 5)).toEqual(['', 'v1', 'me', 'apps', '42']);
        expect([segments[5], segments[7]]).toEqual(['devices', 'tags']);
        expect([segments[6], segments[8], segments[9]].map((segment) => decodeURIComponent(segment ?? ''))).toEqual([
          deviceId,
          category,
          identifier,
        ]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('redirects', () => {
  it('follows none to another origin: a RedirectError naming it, and nothing sent there', async () => {
    const elsewhere = await serve((_request, response) => json(response, 200, { message: 'stolen' }));
    const server = await serve((_request, response) => {
      response.writeHead(302, { location: `${elsewhere.url}/v1/me` });
      response.end();
    });
    const error = await failure(clientFor(server).me.get());
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 302, locationOrigin: elsewhere.url, method: 'GET', path: '/v1/me' });
    expect(error.message).toContain(elsewhere.url);
    expect(elsewhere.seen).toHaveLength(0);
    expect(server.seen).toHaveLength(1);
  });

  it('follows a same-origin redirect as a new request, signed again for what it sends', async () => {
    const server = await serve((request, response, url) => {
      if (url.pathname === '/v1/me') {
        response.writeHead(307, { location: '/v1/me/' });
        response.end();
        return;
      }
      const time = String(request.headers['accengage-time']);
      const valid =
        request.headers['accengage-signature'] === createHash('sha1').update(`${apiKey}${time}`).digest('hex');
      json(
        response,
        valid ? 200 : 400,
        valid ? { message: 'Welcome' } : { errors: [{ label: 'API_ERR_SIGNATURE', message: 'bad' }] },
      );
    });
    expect(await clientFor(server).me.get()).toEqual({ message: 'Welcome' });
    expect(server.seen.map((request) => request.url)).toEqual(['/v1/me', '/v1/me/']);
    expect(server.seen[1]?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it("drops a redirect's own body without reading it: a body that never ends does not hold its connection", async () => {
    const closed: Array<Promise<void>> = [];
    const server = await serve((request, response, url) => {
      if (url.pathname !== '/v1/me') return json(response, 200, { message: 'Welcome' });
      closed.push(socketClosed(request));
      response.writeHead(302, { location: '/v1/me/', 'content-type': 'text/html' });
      response.write('<p>Moved</p>'.repeat(1000)); // and never ends
    });
    expect(await clientFor(server).me.get()).toEqual({ message: 'Welcome' });
    expect(closed).toHaveLength(1);
    expect(await allClosedWithin(closed, 3000)).toBe('closed');
  });

  it('takes a 201 Created with a Location as the answer: a Location outside a redirect is not followed', async () => {
    const created = { id: 7, name: 'vip', status: 'ready', expirationDate: null, externalId: null };
    const server = await serve((_request, response) => json(response, 201, created, { location: '/v1/me' }));
    expect(await clientFor(server).staticLists.create({ body: { name: 'vip' } })).toEqual(created);
    expect(server.seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /v1/me/apps/42/static-lists',
    ]);
  });

  it('accepts the answer of a fetch that sends the requests elsewhere itself (a proxy, a test server)', async () => {
    const server = await serve((_request, response) => json(response, 200, { message: 'Welcome' }));
    const unused = await serve((_request, response) => json(response, 500, {}));
    const client = clientFor(unused, {
      fetch: (input, init) => fetch(String(input).replace(unused.url, server.url), init),
    });
    expect(await client.me.get()).toEqual({ message: 'Welcome' });
    expect(server.seen.map((request) => request.url)).toEqual(['/v1/me']);
    expect(unused.seen).toHaveLength(0);
  });

  it('counts same-origin redirects: an endless chain ends with a RedirectError after maxRedirects', async () => {
    const server = await serve((_request, response, url) => {
      response.writeHead(302, { location: `/v1/me?hop=${Number(url.searchParams.get('hop') ?? 0) + 1}` });
      response.end();
    });
    const error = await failure(clientFor(server, { maxRedirects: 3 }).me.get());
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toMatch(/more than 3 redirects/);
    expect(server.seen).toHaveLength(4);
  });
});

describe('list pages hold their items, or the call fails', () => {
  it('reports a JSON page without its items field, naming the operation, the field and what came', async () => {
    const server = await serve((_request, response) => json(response, 200, { data: [{ partnerId: '1' }], links: {} }));
    const error = await failure(clientFor(server).apps.list());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      operation: 'GET /v1/me/apps',
      expected: 'an array of items in the "apps" field',
      status: 200,
    });
    expect((error as InvalidResponseError).received).toMatch(/without a "apps" field/);
    expect(error.message).toMatch(/GET \/v1\/me\/apps.*"apps"/);
  });

  it('reports an items field that is not an array, and reads an empty array as an empty page', async () => {
    let answer: unknown = { apps: { partnerId: '1' } };
    const server = await serve((_request, response) => json(response, 200, answer));
    expect(await failure(clientFor(server).apps.list())).toMatchObject({
      received: '"apps" holding an object with 1 field(s)',
    });
    answer = { apps: [], links: {} };
    expect(await clientFor(server).apps.list().all()).toEqual([]);
  });

  it.each([
    ['HTML', 'text/html', '<!doctype html><title>Login</title>', /received HTML/],
    ['JSON', 'application/json', '{"devices":[]}', /received JSON/],
    ['JSON that does not parse', 'application/json', '{"devices": [', /not valid JSON/],
    ['an unclosed quote', 'text/csv', `${CSV_HEADER}\n"d1;t;x\n${csvRow('d2')}\n`, /never closes/],
    ['a CSV of other columns', 'text/csv', 'a;b\n1;2\n', /none of the expected columns/],
  ])('reports a CSV list answered with %s as an InvalidResponseError', async (_what, type, body, message) => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': type });
      response.end(body);
    });
    const error = await failure(clientFor(server).devices.list({ lastOpen: '2017-10-01' }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ operation: 'GET /v1/me/apps/{partnerId}/devices', expected: 'CSV' });
    expect(error.message).toMatch(message);
  });

  it('reads a header-only CSV and an empty or blank CSV body as empty pages', async () => {
    let body = `${CSV_HEADER}\n`;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(body);
    });
    expect(await clientFor(server).devices.list({ lastOpen: '2017-10-01' }).all()).toEqual([]);
    body = '';
    expect(await clientFor(server).devices.list({ lastOpen: '2017-10-01' }).all()).toEqual([]);
    // Blank lines are no header row of other columns: still an empty page.
    body = '  \r\n \n';
    expect(await clientFor(server).devices.list({ lastOpen: '2017-10-01' }).all()).toEqual([]);
  });

  it('reports a JSON answer that does not parse as an InvalidResponseError, not a SyntaxError', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"message": "Welc');
    });
    const error = await failure(clientFor(server).me.get());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe(
      'GET /v1/me (GET /v1/me, status 200): expected JSON, received a body that is not valid JSON (17 bytes, content type application/json)',
    );
  });
});

describe('listings end, and never read a page twice', () => {
  it('treats the first page under another spelling (page=1, parameters reordered) as read', async () => {
    const server = await serve((_request, response, url) => {
      const page = Number(url.searchParams.get('page') ?? 1);
      // Page 2's next link leads back to page 1, spelt differently from the first request.
      const next =
        page === 1
          ? '/v1/me/apps/42/devices?page=2&lastOpen=2017-10-01'
          : '/v1/me/apps/42/devices?page=1&lastOpen=2017-10-01';
      response.writeHead(200, { 'content-type': 'text/csv', link: `<${next}>; rel="next"` });
      response.end(`${CSV_HEADER}\n${csvRow(`d${page}`)}\n`);
    });
    const ids = (await clientFor(server).devices.list({ lastOpen: '2017-10-01' }).all()).map(
      (device) => device.deviceId,
    );
    expect(ids).toEqual(['d1', 'd2']);
    expect(server.seen).toHaveLength(2);
  });

  it('treats percent-encoding variants and the page URL with a fragment as the same page', async () => {
    const server = await serve((_request, response, url) => {
      const page = Number(url.searchParams.get('page') ?? 1);
      const next = page === 1 ? '/v1/me/apps/42/segments?page=2' : '/v1/me/apps/%34%32/segments?%70age=2#again';
      json(response, 200, { segments: [{ id: page }], links: { next } });
    });
    expect((await clientFor(server).segments.list().all()).map((segment) => (segment as { id: number }).id)).toEqual([
      1, 2,
    ]);
    expect(server.seen).toHaveLength(2);
  });

  it('ends an endless chain with a PaginationError at maxPages, after yielding what it read', async () => {
    const server = await serve((_request, response, url) => {
      const page = Number(url.searchParams.get('page') ?? 1);
      json(response, 200, { apps: [{ partnerId: String(page) }], links: { next: `/v1/me/apps?page=${page + 1}` } });
    });
    const read: string[] = [];
    const error = await failure(
      (async () => {
        for await (const app of clientFor(server).apps.list({}, { maxPages: 5 })) read.push(String(app.partnerId));
      })(),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toMatch(/more than 5 pages/);
    expect(read).toEqual(['1', '2', '3', '4', '5']);
    expect(server.seen).toHaveLength(5);
  });
});

describe('size and time limits', () => {
  it('stops reading an endless answer at maxResponseBytes (64 MiB by default) with a ResponseTooLargeError', async () => {
    let written = 0;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      const pump = (): void => {
        while (written < 600 * (1 << 20) && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('close', () => undefined);
      pump();
    });
    const error = await failure(clientFor(server).me.get());
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: 64 * 1024 * 1024, status: 200 });
    // The server was cut off long before its 600 MB.
    expect(written).toBeLessThan(200 * (1 << 20));
  });

  it('refuses a declared length past a per-call limit without reading it, and caps error bodies', async () => {
    const server = await serve((_request, response, url) => {
      if (url.searchParams.has('page')) {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('x'.repeat(1_000_000));
        return;
      }
      json(response, 200, { message: 'y'.repeat(5000) });
    });
    const client = clientFor(server, { maxRetries: 0 });
    expect(await failure(client.me.get({}, { maxResponseBytes: 1000 }))).toMatchObject({
      name: 'ResponseTooLargeError',
      limitBytes: 1000,
    });
    const error = (await failure(client.apps.list({ page: 2 }))) as AccengageError;
    expect(error).toBeInstanceOf(AccengageError);
    expect((error.body as string).length).toBe(64 * 1024);
    expect(error.message).toBe('GET /v1/me/apps failed with 500 (no error entries; the body is on error.body)');
  });

  it('bounds a whole call, retries included, by deadlineMs', async () => {
    const server = await serve(() => undefined); // never answers
    const started = Date.now();
    const error = await failure(clientFor(server, { timeoutMs: 100, deadlineMs: 350, maxRetries: 10 }).me.get());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.seen.length).toBeLessThanOrEqual(4);
  });

  it('closes the connection of an attempt it gives up on: no answer, or a body that stalls', async () => {
    const closed: Array<Promise<void>> = [];
    const server = await serve((request, response, url) => {
      closed.push(socketClosed(request));
      if (url.pathname === '/v1/me/apps') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"apps": [');
      } // any other path: no answer at all
    });
    const client = clientFor(server, { timeoutMs: 300, maxRetries: 0 });
    expect(await failure(client.me.get())).toBeInstanceOf(TimeoutError);
    expect(await failure(client.apps.list({ page: 1 }))).toBeInstanceOf(TimeoutError);
    expect(closed).toHaveLength(2);
    // A client that stopped waiting without aborting the exchange would leave both sockets open
    // until the server gave up (never, here): one per timed-out call, under a hostile server.
    expect(await allClosedWithin(closed, 3000)).toBe('closed');
  });

  it('ends an attempt that would outlast the call at the deadline, as a deadline error', async () => {
    const server = await serve(() => undefined); // never answers
    const started = Date.now();
    // The deadline leaves a loaded machine time to deliver the request before it ends the attempt.
    const error = await failure(clientFor(server, { timeoutMs: 20_000, deadlineMs: 1000 }).me.get());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ deadline: true, timeoutMs: 1000 });
    expect(error.message).toBe('GET /v1/me did not complete within its deadline of 1000 ms (retries included)');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.seen).toHaveLength(1);
  });

  it('sets no time limit when timeoutMs and deadlineMs are 0, and the caller can still abort', async () => {
    const server = await serve((_request, response, url) => {
      // /v1/me answers after 100 ms; /v1/me/apps after 1 s, long after the caller gave up.
      setTimeout(() => json(response, 200, { message: 'late' }), url.pathname === '/v1/me' ? 100 : 1000);
    });
    const client = clientFor(server, { timeoutMs: 0, deadlineMs: 0 });
    expect(await client.me.get()).toEqual({ message: 'late' });
    expect(await clientFor(server, { deadlineMs: 0 }).me.get()).toEqual({ message: 'late' });
    expect(await clientFor(server, { timeoutMs: 0 }).me.get()).toEqual({ message: 'late' });
    const controller = new AbortController();
    const reason = new Error('the caller gave up');
    setTimeout(() => controller.abort(reason), 50);
    const started = Date.now();
    expect(await failure(client.apps.list({}, { signal: controller.signal }))).toBe(reason);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("leaves no listener on the caller's signal once a call is over", async () => {
    const server = await serve((_request, response) => json(response, 200, { message: 'ok' }));
    const controller = new AbortController();
    const client = clientFor(server);
    for (let i = 0; i < 3; i++) await client.me.get({}, { signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('gives up with the last error, at once, when Retry-After asks for longer than the deadline leaves', async () => {
    const server = await serve((_request, response) =>
      json(response, 503, { errors: [{ label: 'API_ERR_SERVICE', message: 'busy' }] }, { 'retry-after': '10' }),
    );
    const started = Date.now();
    const error = await failure(clientFor(server, { deadlineMs: 2000, retry: { maxDelayMs: 60_000 } }).me.get());
    expect(error).toMatchObject({ status: 503, label: 'API_ERR_SERVICE' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.seen).toHaveLength(1);
  });
});

describe('headers', () => {
  it.each([
    ['a non-Latin-1 character', 'price in €'],
    ['a control character', 'a\u0001b'],
    ['a line break', 'a\r\nInjected: 1'],
  ])('refuses a header value with %s as a UsageError, without sending or retrying', async (_what, value) => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const error = await failure(clientFor(server).me.get({}, { headers: { 'x-note': value } }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/the header "x-note" cannot be sent/);
    expect(server.seen).toHaveLength(0);
  });

  it.each([
    ['a space inside', 'x note'],
    ['a colon at the end', 'x-note:'],
    ['a space in front', ' x-note'],
  ])('refuses a header name with %s as a UsageError that does not echo it, without sending', async (_what, name) => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const error = await failure(clientFor(server).me.get({}, { headers: { [name]: '1' } }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      'GET /v1/me: the header "(invalid name)" cannot be sent (a name must be an HTTP token; a value must be Latin-1 text without line breaks or control characters)',
    );
    expect(server.seen).toHaveLength(0);
  });

  it("replaces a caller's signature and time headers, whatever their case, with the signer's", async () => {
    const server = await serve((_request, response) => json(response, 200, { message: 'ok' }));
    await clientFor(server).me.get({}, { headers: { 'accengage-signature': 'forged', 'ACCENGAGE-TIME': '1' } });
    const names = (server.seen[0]?.rawHeaders ?? []).filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase());
    expect(names.filter((name) => name === 'accengage-signature')).toHaveLength(1);
    expect(server.seen[0]?.headers['accengage-signature']).toMatch(/^[0-9a-f]{40}$/);
    expect(server.seen[0]?.headers['accengage-time']).toMatch(/^\d{10}$/);
  });
});

describe('no error carries a credential', () => {
  /** A server that writes the request's headers back everywhere it can: body, entries, headers. */
  const echo = (request: IncomingMessage): string => JSON.stringify(request.headers);

  it('in the message, inspection, String, JSON or cause of any error class', async () => {
    let signature = '';
    const server = await serve((request, response, url) => {
      signature = String(request.headers['accengage-signature']);
      const headers = { 'x-echo': `${request.headers.authorization} ${signature}` };
      switch (url.pathname) {
        case '/v1/me':
          return json(
            response,
            500,
            { errors: [{ label: 'API_ERR_DB', message: echo(request) }], echoed: echo(request) },
            headers,
          );
        case '/v1/me/apps':
          response.writeHead(502, { 'content-type': 'text/plain', ...headers });
          return void response.end(`proxy error; you sent ${echo(request)}`);
        case '/v1/me/apps/42':
          response.writeHead(200, { 'content-type': 'application/json', ...headers });
          return void response.end(`not json ${echo(request)}`);
        case '/v1/me/apps/42/segments':
          return json(response, 200, { data: echo(request) }, headers);
        case '/v1/me/apps/42/fields':
          response.writeHead(302, { location: `http://127.0.0.1:1/?${echo(request)}`, ...headers });
          return void response.end();
        case '/v1/me/apps/42/bounces':
          return json(
            response,
            200,
            { bounces: [], links: { next: `http://127.0.0.1:1/?${encodeURIComponent(echo(request))}` } },
            headers,
          );
        case '/v1/me/apps/42/messages':
          return void request.socket.destroy();
        default:
          return undefined; // hangs: a timeout
      }
    });
    const client = clientFor(server, { maxRetries: 0, timeoutMs: 200 });
    const errors: Error[] = [
      await failure(client.me.get()),
      await failure(client.apps.list()),
      await failure(client.apps.get()),
      await failure(client.segments.list()),
      await failure(client.fields.list()),
      await failure(client.bounces.list().all()),
      await failure(client.messages.list()),
      await failure(client.staticLists.list()),
      await failure(client.segments.list({}, { maxResponseBytes: 10 })),
      await failure(client.me.get({}, { headers: { authorization: `Bearer ${token}\n` } })),
    ];
    expect(errors.map((error) => error.constructor)).toEqual([
      AccengageError,
      AccengageError,
      InvalidResponseError,
      InvalidResponseError,
      RedirectError,
      PaginationError,
      ConnectionError,
      TimeoutError,
      ResponseTooLargeError,
      UsageError,
    ]);
    expect(signature).toMatch(/^[0-9a-f]{40}$/);
    for (const error of errors) {
      const views = [
        error.message,
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: 10 }),
        error.stack ?? '',
        inspect(error.cause, { depth: 10 }),
      ];
      for (const view of views) {
        expect(view).not.toContain(apiKey);
        expect(view).not.toContain(token);
        expect(view).not.toContain(signature);
      }
    }
    // What the server said stays available to whoever asks for it.
    expect(JSON.stringify((errors[0] as AccengageError).body)).toContain(token);
    expect((errors[0] as AccengageError).errors[0]?.message).toContain('[redacted]');
  });
});

describe('example ids are not defaults', () => {
  it("never calls the collection's example partner when the partnerId option is missing", async () => {
    const server = await serve((_request, response) => json(response, 200, { partnerId: '12345678' }));
    const client = new AccengageClient({ email: 'a@b.co', apiKey, accessToken: token, baseUrl: server.url });
    const error = await failure(client.apps.get());
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/"partnerId" has no value/);
    expect(server.seen).toHaveLength(0);
    await client.apps.get({ partnerId: '7' });
    expect(server.seen.map((request) => request.url)).toEqual(['/v1/me/apps/7']);
  });
});

describe('which collection values become defaults', () => {
  it('drops the value of a variable that only fills a path id, and keeps one used elsewhere', () => {
    const request = (url: string) => ({ method: 'GET', url, header: [{ key: 'X-Region', value: '{{region}}' }] });
    const { model } = modelOfJson(
      collectionOf(
        [{ name: 'Get account', request: request('https://api.example.com/accounts/{{accountId}}?lang={{lang}}') }],
        {
          variable: [
            { key: 'accountId', value: '12345678' },
            { key: 'lang', value: 'fr' },
            { key: 'region', value: 'eu' },
          ],
        },
      ),
    );
    const options = planClient(model).options;
    expect(Object.fromEntries(options.map((option) => [option.variable, option.defaultValue]))).toEqual({
      accountId: undefined,
      lang: 'fr',
      region: 'eu',
    });
    expect(options.find((option) => option.variable === 'accountId')).toMatchObject({
      exampleValue: '12345678',
      required: false,
    });
    // The docs build the client with it, since it has no default.
    expect(constructorSnippet(buildReference(model))).toContain('accountId: process.env.ACCOUNT_ID');
  });
});
