import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashSigner, sha1Hex, type SigningScheme } from '../templates/runtime/signing.js';
import { findLink, parseLinkHeader } from '../templates/runtime/link.js';
import { CsvFormatError, readCsvRows } from '../templates/runtime/csv.js';
import { readBody } from '../templates/runtime/body.js';
import { retryAfterMs, retryDelayMs } from '../templates/runtime/retry.js';
import { TokenAuth } from '../templates/runtime/auth.js';
import { ApiError, PaginationError, readErrorEntries } from '../templates/runtime/errors.js';
import { DEFAULT_MAX_PAGES, PagedCall, normaliseUrl, type Page } from '../templates/runtime/pagination.js';
import { loadConfig } from '../generator/config.js';
import { root } from './helpers.js';

const encoder = new TextEncoder();

describe('signing with the Accengage scheme of postman-codegen.config.json', async () => {
  const scheme: SigningScheme | undefined = (await loadConfig(path.join(root, 'postman-codegen.config.json')))
    .clients[0]?.signing;
  if (!scheme) throw new Error('the config has no signing scheme');
  const sign = hashSigner(scheme, { apiKey: 'a1b2c3d4e5f6g7h8' }, () => 1507722391_000);
  const request = (body?: string) => ({
    method: 'POST',
    url: 'https://api.accengage.com/v1/access_token',
    headers: {},
    body: body === undefined ? undefined : encoder.encode(body),
  });

  it('reproduces the official worked example with a body', async () => {
    expect(await sign(request('{"email":"mymail@client.com"}'))).toEqual({
      'Accengage-Time': '1507722391',
      'Accengage-Signature': 'f974f730586ce2bf49a276845060a8d38bb43770',
    });
  });

  it('reproduces the official worked example without a body', async () => {
    expect((await sign(request()))['Accengage-Signature']).toBe('ba04fc7206950ce63d78ddbc9e65c48fb96e54d7');
  });

  it('signs the exact UTF-8 bytes, non-ASCII included', async () => {
    const body = '{"name":"Élodie ✓"}';
    const expected = sha1Hex(encoder.encode(`${body}a1b2c3d4e5f6g7h81507722391`));
    expect((await sign(request(body)))['Accengage-Signature']).toBe(expected);
    expect(expected).not.toBe((await sign(request('{"name":"Elodie ?"}')))['Accengage-Signature']);
  });

  it('computes SHA-1 exactly as node:crypto does, for any bytes and length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha1Hex(bytes)).toBe(createHash('sha1').update(bytes).digest('hex'));
      }),
      { numRuns: 500 },
    );
    // Long bodies too, at every padding boundary up to 64 blocks (4 KiB), where the length words move.
    for (let length = 0; length <= 4_096; length += 61) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(sha1Hex(bytes), `${length} bytes`).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
  });

  it('uses whole seconds', async () => {
    const late = hashSigner(scheme, { apiKey: 'k' }, () => 1_000_999);
    expect((await late(request()))['Accengage-Time']).toBe('1000');
  });
});

describe('Link header', () => {
  it('reads several links in any order, quoted or bare rels, several rels in one value', () => {
    const header = '<https://x.io/p?page=3>; rel=next, <https://x.io/p?page=1>; rel="first prev"; title="a, b; c"';
    expect(parseLinkHeader(header)).toEqual([
      { uri: 'https://x.io/p?page=3', rels: ['next'], params: { rel: 'next' } },
      { uri: 'https://x.io/p?page=1', rels: ['first', 'prev'], params: { rel: 'first prev', title: 'a, b; c' } },
    ]);
    expect(findLink(header, 'prev')).toBe('https://x.io/p?page=1');
  });

  it('keeps commas and semicolons inside the URI', () => {
    expect(findLink('<https://x.io/a,b;c?f=1,2>; rel="next"', 'NEXT')).toBe('https://x.io/a,b;c?f=1,2');
  });

  it('ignores garbage between links and a missing header', () => {
    expect(findLink('garbage, <https://x.io/n>; rel=next', 'next')).toBe('https://x.io/n');
    expect(parseLinkHeader(null)).toEqual([]);
    expect(findLink('<https://x.io/n>; rel=first', 'next')).toBeUndefined();
  });

  it('finds every link of a generated header whatever the order', () => {
    const rel = fc.constantFrom('first', 'prev', 'next', 'last');
    const uri = fc.webUrl().map((u) => `${u},x;y`);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(rel, uri), { selector: ([r]) => r, minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (links, quoted) => {
          const header = links.map(([r, u]) => `<${u}>; rel=${quoted ? `"${r}"` : r}`).join(', ');
          for (const [r, u] of links) expect(findLink(header, r)).toBe(u);
        },
      ),
    );
  });
});

describe('CSV rows', () => {
  it('types known columns, keeps unknown ones as text, empty cells as null', () => {
    const rows = readCsvRows('deviceId;bounce;pushEnabled;extra\nd1;3;true;x\n"d;2";;false;\n', {
      delimiter: ';',
      columns: [
        ['deviceId', 'string'],
        ['bounce', 'integer'],
        ['pushEnabled', 'boolean'],
      ],
    });
    expect(rows).toEqual([
      { deviceId: 'd1', bounce: 3, pushEnabled: true, extra: 'x' },
      { deviceId: 'd;2', bounce: null, pushEnabled: false, extra: null },
    ]);
  });

  it('gives no rows for an empty body or a lone header', () => {
    expect(readCsvRows('', { delimiter: ';', columns: [] })).toEqual([]);
    expect(readCsvRows('a;b\n', { delimiter: ';', columns: [] })).toEqual([]);
  });
});

describe('retry timing', () => {
  const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 };
  it('grows exponentially with full jitter, capped', () => {
    expect(retryDelayMs(0, policy, undefined, () => 0.999)).toBe(99);
    expect(retryDelayMs(3, policy, undefined, () => 0.999)).toBe(799);
    expect(retryDelayMs(10, policy, undefined, () => 0.999)).toBe(999);
    expect(retryDelayMs(2, policy, undefined, () => 0)).toBe(0);
  });

  it('honours Retry-After, and gives up when it is longer than allowed', () => {
    expect(retryAfterMs('2', 0)).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryDelayMs(0, policy, 500)).toBe(500);
    expect(retryDelayMs(0, policy, 5000)).toBeUndefined();
  });
});

describe('token auth', () => {
  const tokenError = (status: number, label: string) =>
    new ApiError(status, [{ label, message: '' }], 'GET', '/x', undefined, new Headers());

  it('shares one token request among concurrent callers', async () => {
    let issued = 0;
    const auth = new TokenAuth(
      async () => {
        issued++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { tokenType: 'Bearer', accessToken: `t${issued}` };
      },
      (error) => error.label === 'API_ERR_TOKEN',
    );
    const targets = Array.from({ length: 10 }, () => ({
      headers: {} as Record<string, string>,
      url: new URL('https://x.io'),
    }));
    await Promise.all(targets.map((target) => auth.apply(target)));
    expect(issued).toBe(1);
    expect(new Set(targets.map((t) => t.headers.authorization))).toEqual(new Set(['Bearer t1']));
  });

  it('drops a rejected token once, even when several calls report it', async () => {
    let issued = 0;
    const auth = new TokenAuth(
      async () => ({ tokenType: 'Bearer', accessToken: `t${++issued}` }),
      (error) => error.label === 'API_ERR_TOKEN',
    );
    const target = () => ({ headers: {} as Record<string, string>, url: new URL('https://x.io') });
    const stamps = await Promise.all([auth.apply(target()), auth.apply(target())]);
    expect(auth.refresh(tokenError(401, 'API_ERR_TOKEN'), stamps[0])).toBe(true);
    const after = target();
    const newStamp = await auth.apply(after);
    expect(auth.refresh(tokenError(401, 'API_ERR_TOKEN'), stamps[1])).toBe(true);
    const again = target();
    expect(await auth.apply(again)).toBe(newStamp);
    expect(issued).toBe(2);
    expect(again.headers.authorization).toBe('Bearer t2');
    expect(auth.refresh(tokenError(403, 'API_ERR_FORBIDDEN'), newStamp)).toBe(false);
  });

  it('tries again after a failed token request', async () => {
    let calls = 0;
    const auth = new TokenAuth(
      async () => {
        calls++;
        if (calls === 1) throw new Error('down');
        return { tokenType: 'Bearer', accessToken: 'ok' };
      },
      () => false,
    );
    await expect(auth.apply({ headers: {}, url: new URL('https://x.io') })).rejects.toThrow('down');
    const target = { headers: {} as Record<string, string>, url: new URL('https://x.io') };
    await auth.apply(target);
    expect(target.headers.authorization).toBe('Bearer ok');
  });
});

describe('errors', () => {
  it('reads the errors array and other common shapes', () => {
    expect(
      readErrorEntries({
        errors: [
          { label: 'API_ERR_FORMAT', message: 'Missing `x`' },
          { label: 'API_ERR_FORMAT', message: 'Bad `y`' },
        ],
      }),
    ).toHaveLength(2);
    expect(readErrorEntries({ error: 'invalid_grant', error_description: 'expired' })).toEqual([
      { label: 'invalid_grant', message: 'expired' },
    ]);
    expect(readErrorEntries('oops')).toEqual([]);
  });

  it('says method, path, status and label, and nothing else', () => {
    const error = new ApiError(
      403,
      [{ label: 'API_ERR_FORBIDDEN', message: 'no rights' }],
      'GET',
      '/v1/me/apps/1',
      {},
      new Headers(),
    );
    expect(error.message).toBe('GET /v1/me/apps/1 failed with 403 (API_ERR_FORBIDDEN: no rights)');
    expect(error.label).toBe('API_ERR_FORBIDDEN');
    expect(error.hasLabel('API_ERR_FORBIDDEN')).toBe(true);
  });
});

describe('PagedCall', () => {
  const page = (n: number, next?: number): Page<number> => ({
    items: n === 2 ? [] : [n * 10, n * 10 + 1],
    links: next ? { next: `https://x.io/p?page=${next}` } : {},
    response: new Response(null),
    url: n === 1 ? 'https://x.io/p' : `https://x.io/p?page=${n}`,
  });

  it('is awaitable for the first page and iterates every item past empty pages', async () => {
    const fetched: Array<string | undefined> = [];
    const call = new PagedCall<number>(async (url) => {
      fetched.push(url);
      const n = url ? Number(new URL(url).searchParams.get('page')) : 1;
      return page(n, n < 3 ? n + 1 : undefined);
    });
    expect((await call).items).toEqual([10, 11]);
    expect(await call.all()).toEqual([10, 11, 30, 31]);
    expect(fetched).toEqual([undefined, 'https://x.io/p?page=2', 'https://x.io/p?page=3']);
  });

  it('stops on a next link it has already followed', async () => {
    let calls = 0;
    const call = new PagedCall<number>(async () => {
      calls++;
      return page(1, 2);
    });
    expect(await call.all()).toEqual([10, 11, 10, 11]);
    expect(calls).toBe(2);
  });
});

describe('normalised page URLs', () => {
  it('makes variants of one address equal', () => {
    const same = [
      'http://X.io:80/p/%7euser/a%2fb?b=2&a=1#top',
      'http://x.io/p/~user/a%2Fb?a=1&b=2',
      '/p/%7Euser/a%2fb?a=%31&b=2',
    ];
    expect(new Set(same.map((url) => normaliseUrl(url, 'http://x.io/q')))).toEqual(
      new Set(['http://x.io/p/~user/a%2Fb?a=1&b=2']),
    );
    expect(normaliseUrl('https://x.io/p?a=1&a=2')).not.toBe(normaliseUrl('https://x.io/p?a=2&a=1'));
    expect(normaliseUrl('https://x.io:8443/p')).not.toBe(normaliseUrl('https://x.io/p'));
  });
});

describe('PagedCall limits', () => {
  const endless = (visits: string[]) =>
    new PagedCall<number>(async (url) => {
      const n = url ? Number(new URL(url).searchParams.get('page')) : 1;
      visits.push(url ?? 'first');
      return {
        items: [n],
        links: { next: `https://x.io/p?page=${n + 1}` },
        response: new Response(null),
        url: url ?? 'https://x.io/p',
      };
    });

  it('stops an endless listing at 10,000 pages by default, with an error', async () => {
    const visits: string[] = [];
    await expect(endless(visits).all()).rejects.toThrow(
      new PaginationError('the listing has more than 10000 pages (maxPages: 10000); it was stopped before page 10001'),
    );
    expect(visits).toHaveLength(DEFAULT_MAX_PAGES);
  });

  it("counts a first page's own first link as read when it has no prev link", async () => {
    const fetched: Array<string | undefined> = [];
    const call = new PagedCall<number>(async (url) => {
      fetched.push(url);
      const first = url === undefined;
      return {
        items: [first ? 1 : 2],
        links: first
          ? { first: 'https://x.io/p?page=1', next: 'https://x.io/p?page=2' }
          : { next: 'https://x.io/p?page=1' },
        response: new Response(null),
        url: url ?? 'https://x.io/p',
      };
    });
    expect(await call.all()).toEqual([1, 2]);
    expect(fetched).toEqual([undefined, 'https://x.io/p?page=2']);
  });
});

describe('CSV errors', () => {
  it('refuses a quoted cell that never closes instead of swallowing the rest of the page', () => {
    expect(() => readCsvRows('a;b\n1;"2\n3;4\n', { delimiter: ';', columns: [] })).toThrow(
      new CsvFormatError('a quoted cell opened on line 2 never closes'),
    );
  });

  it('refuses a header row with none of the known columns', () => {
    expect(() => readCsvRows('<html>;x\n', { delimiter: ';', columns: [['deviceId', 'string']] })).toThrow(
      CsvFormatError,
    );
  });
});

describe('bounded body reading', () => {
  const stream = (chunks: number, size: number) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(size).fill(65));
          controller.close();
        },
      }),
    );

  it('reads a stream whole under the limit and cuts it at the limit above', async () => {
    expect(await readBody(stream(3, 10), 30)).toMatchObject({ overLimit: false, bytes: new Uint8Array(30).fill(65) });
    const cut = await readBody(stream(5, 10), 25);
    expect(cut.overLimit).toBe(true);
    expect(cut.bytes.byteLength).toBe(25);
  });

  it('refuses a declared length past the limit without reading', async () => {
    const response = new Response('x'.repeat(100), { headers: { 'content-length': '100' } });
    expect(await readBody(response, 50)).toEqual({ bytes: new Uint8Array(0), overLimit: true });
  });
});
