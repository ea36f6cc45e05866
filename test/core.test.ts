/** The client core against a scripted fetch: the order of renewals, retries and replays. */
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { ClientCore, DEFAULT_TIMEOUT_MS, type OperationSpec } from '../templates/runtime/core.js';
import type { ApiError } from '../templates/runtime/errors.js';
import { RedirectError } from '../templates/runtime/errors.js';
import { TokenAuth, type ClientAuth } from '../templates/runtime/auth.js';
import { paged } from '../templates/runtime/pagination.js';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const tokenError = (status: number) => json(status, { errors: [{ label: 'API_ERR_TOKEN', message: 'token' }] });

const spec: OperationSpec = {
  method: 'GET',
  path: '/v1/me',
  pathParams: [],
  query: [],
  headers: [],
  response: { kind: 'json' },
  auth: 'default',
};

function scripted(answers: Array<(request: { url: string; authorization: string | undefined }) => Response>) {
  const seen: Array<{ url: string; authorization: string | undefined }> = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    const request = { url: String(url), authorization: (init?.headers as Record<string, string>)?.authorization };
    seen.push(request);
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    return answer(request);
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('token renewal inside retries', () => {
  it('renews a token that expires again during a retry sequence, and each refused token only once', async () => {
    let issued = 0;
    const auth = new TokenAuth(
      async () => ({ tokenType: 'Bearer', accessToken: `t${++issued}` }),
      (error) => error.label === 'API_ERR_TOKEN',
    );
    const { fetch, seen } = scripted([
      () => tokenError(401),
      () => json(500, {}),
      () => tokenError(401),
      () => json(200, { ok: true }),
    ]);
    const core = new ClientCore({
      baseUrl: 'https://x.io',
      variables: {},
      auths: { default: auth },
      fetch,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    const { data } = await core.call<{ ok: boolean }>(spec);
    expect(data).toEqual({ ok: true });
    expect(seen.map((request) => request.authorization)).toEqual(['Bearer t1', 'Bearer t2', 'Bearer t2', 'Bearer t3']);
  });

  it('gives up when the renewed token is refused too', async () => {
    let issued = 0;
    const auth = new TokenAuth(
      async () => ({ tokenType: 'Bearer', accessToken: `t${++issued}` }),
      (error) => error.label === 'API_ERR_TOKEN',
    );
    const { fetch, seen } = scripted([
      () => tokenError(401),
      () => tokenError(401),
      () => tokenError(401),
      () => tokenError(401),
      () => json(200, {}),
    ]);
    const core = new ClientCore({
      baseUrl: 'https://x.io',
      variables: {},
      auths: { default: auth },
      fetch,
      retry: { baseDelayMs: 1, maxRetries: 0 },
    });
    await expect(core.call(spec)).rejects.toMatchObject({ status: 401, label: 'API_ERR_TOKEN' });
    // t1, t2, t3, t4 each refused once: at most three renewals for one call, never a loop.
    expect(seen).toHaveLength(4);
  });

  it('replays a call once for a credential its auth renews to the same stamp, and never for one that stamped nothing', async () => {
    const refusals = () => [
      () => tokenError(401),
      () => tokenError(401),
      () => tokenError(401),
      () => tokenError(401),
      () => json(200, {}),
    ];
    const callWith = async (stamp: unknown) => {
      const auth: ClientAuth = {
        apply: (target) => {
          target.headers.authorization = 'Bearer fixed-credential';
          return stamp;
        },
        refresh: () => true,
      };
      const { fetch, seen } = scripted(refusals());
      const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, auths: { default: auth }, fetch });
      await expect(core.call(spec)).rejects.toMatchObject({ status: 401 });
      return seen.length;
    };
    // A custom auth whose renewal gives back the same credential: refused again, it is not renewed again.
    expect(await callWith('fixed-credential')).toBe(2);
    // An auth that reports no credential used has nothing to renew.
    expect(await callWith(undefined)).toBe(1);
  });

  it('does not follow a next link to another origin', async () => {
    const { fetch } = scripted([
      () =>
        new Response('[]', {
          status: 200,
          headers: { link: '<https://evil.example/steal?page=2>; rel="next"', 'content-type': 'application/json' },
        }),
    ]);
    const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, fetch });
    const pages = paged(core, { ...spec, pagination: { itemsAt: '' } }).pages();
    await pages.next();
    await expect(pages.next()).rejects.toThrow(/another origin/);
  });
});

describe('caller mistakes', () => {
  it('reports a header fetch would refuse as a usage error, without sending or retrying', async () => {
    const { fetch, seen } = scripted([() => json(200, {})]);
    const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, fetch });
    await expect(
      core.call({ ...spec, auth: undefined }, {}, { headers: { 'x-note': 'a\r\nInjected: 1' } }),
    ).rejects.toThrow(/the header "x-note" cannot be sent/);
    expect(seen).toHaveLength(0);
  });
});

describe('per-call headers', () => {
  it('win over the credentials', async () => {
    const { fetch, seen } = scripted([() => json(200, {})]);
    const auth = new TokenAuth(
      async () => ({ tokenType: 'Bearer', accessToken: 'issued' }),
      () => false,
    );
    const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, auths: { default: auth }, fetch });
    await core.call(spec, {}, { headers: { Authorization: 'Bearer mine' } });
    expect(seen[0]?.authorization).toBe('Bearer mine');
  });
});

describe('redirects a fetch reports', () => {
  const redirect = (status: number, location: string) => () => new Response(null, { status, headers: { location } });

  it('refuses one from https to http on the same host, naming where it led', async () => {
    const { fetch, seen } = scripted([redirect(301, 'http://x.io/v1/me'), () => json(200, {})]);
    const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, fetch });
    const error = await core.call(spec).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ locationOrigin: 'http://x.io', status: 301 });
    expect((error as Error).message).toMatch(/downgrades https to http/);
    expect(seen).toHaveLength(1);
  });

  it("refuses a browser's opaque redirect, and an answer a fetch fetched from elsewhere on its own", async () => {
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      ok: false,
      redirected: false,
      url: '',
      headers: new Headers(),
      body: null,
    } as unknown as Response;
    const followed = Object.defineProperties(json(200, { stolen: true }), {
      redirected: { value: true },
      url: { value: 'https://evil.example/v1/me' },
    });
    const messages: string[] = [];
    for (const answer of [opaque, followed]) {
      const { fetch } = scripted([() => answer]);
      const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, fetch });
      const error = await core.call(spec).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(RedirectError);
      messages.push((error as Error).message);
    }
    expect(messages).toEqual([
      'GET /v1/me answered with a redirect that was not followed: the browser hides where it leads, so it cannot be checked',
      'GET /v1/me answered with a redirect (200) that was not followed: the fetch implementation followed it to another origin; that answer is not accepted',
    ]);
  });

  it('accepts an answer marked redirected that names no URL (a Response a fetch wrapper built itself)', async () => {
    const rebuilt = Object.defineProperties(json(200, { ok: true }), { redirected: { value: true } });
    const { fetch } = scripted([() => rebuilt]);
    const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, fetch });
    expect((await core.call(spec)).data).toEqual({ ok: true });
  });

  it('asks fetch not to follow redirects itself', async () => {
    let init: RequestInit | undefined;
    const core = new ClientCore({
      baseUrl: 'https://x.io',
      variables: {},
      fetch: (async (_url: string, given?: RequestInit) => ((init = given), json(200, {}))) as typeof fetch,
    });
    await core.call(spec);
    expect(init?.redirect).toBe('manual');
  });
});

describe('default limits', () => {
  it('times out an attempt after 30 s when no timeoutMs is given', async () => {
    vi.useFakeTimers();
    try {
      const hanging = ((_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        )) as typeof fetch;
      const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, fetch: hanging, retry: { maxRetries: 0 } });
      const call = core.call(spec).catch((failure: unknown) => failure);
      await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
      let settled = false;
      void call.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await call).toMatchObject({ name: 'TimeoutError', timeoutMs: 30_000, deadline: false });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('nothing left behind', () => {
  it('leaves no timer once a call has its answer, so a script that made it can exit at once', async () => {
    vi.useFakeTimers();
    try {
      const core = new ClientCore({
        baseUrl: 'https://x.io',
        variables: {},
        fetch: (async () => json(200, { ok: true })) as typeof fetch,
      });
      expect((await core.call(spec)).data).toEqual({ ok: true });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a fetch that ignores the abort signal', () => {
  it('still ends the attempt at its time limit, as a TimeoutError, and retries it like one', async () => {
    let attempts = 0;
    // Some fetch implementations (old polyfills, test doubles) never look at the signal.
    const deaf = (() => {
      attempts++;
      return new Promise<Response>(() => undefined);
    }) as typeof fetch;
    const core = new ClientCore({
      baseUrl: 'https://x.io',
      variables: {},
      fetch: deaf,
      timeoutMs: 40,
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const started = Date.now();
    expect(await core.call(spec).catch((failure: unknown) => failure)).toMatchObject({
      name: 'TimeoutError',
      timeoutMs: 40,
      deadline: false,
    });
    expect(attempts).toBe(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('signing', () => {
  it("replaces a caller's header of the signer's name in any case, never merging with it", async () => {
    let sent: Record<string, string> = {};
    const fetch = (async (_url: string, init?: RequestInit) => (
      (sent = init?.headers as Record<string, string>),
      json(200, {})
    )) as typeof globalThis.fetch;
    const core = new ClientCore({
      baseUrl: 'https://x.io',
      variables: {},
      fetch,
      signer: () => ({ 'X-Signature': 'real', 'X-Time': '1' }),
    });
    await core.call(spec, {}, { headers: { 'x-signature': 'forged', 'X-TIME': '0' } });
    expect(sent).toMatchObject({ 'X-Signature': 'real', 'X-Time': '1' });
    expect(Object.keys(sent).filter((name) => /^x-(signature|time)$/i.test(name))).toEqual(['X-Signature', 'X-Time']);
  });
});

describe('error bodies', () => {
  it('keep the body on the error, out of its message and of what inspection shows', async () => {
    const { fetch } = scripted([
      () => new Response('<html>upstream said: Bearer s3cr3t-token</html>', { status: 502 }),
    ]);
    const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, fetch, retry: { maxRetries: 0 } });
    const error = (await core.call(spec).catch((failure: unknown) => failure)) as ApiError;
    expect(error.message).toBe('GET /v1/me failed with 502 (no error entries; the body is on error.body)');
    expect(error.body).toBe('<html>upstream said: Bearer s3cr3t-token</html>');
    expect(inspect(error)).not.toContain('s3cr3t');
    expect(JSON.stringify(error)).not.toContain('s3cr3t');
  });
});
