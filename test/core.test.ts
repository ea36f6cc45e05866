/** The client core against a scripted fetch: the order of renewals, retries and replays. */
import { describe, expect, it } from 'vitest';
import { ClientCore, type OperationSpec } from '../templates/runtime/core.js';
import { TokenAuth } from '../templates/runtime/auth.js';

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const tokenError = (status: number) => json(status, { errors: [{ label: 'API_ERR_TOKEN', message: 'token' }] });

const spec: OperationSpec = { method: 'GET', path: '/v1/me', pathParams: [], query: [], headers: [], response: { kind: 'json' }, auth: 'default' };

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
    const auth = new TokenAuth(async () => ({ tokenType: 'Bearer', accessToken: `t${++issued}` }), (error) => error.label === 'API_ERR_TOKEN');
    const { fetch, seen } = scripted([() => tokenError(401), () => json(500, {}), () => tokenError(401), () => json(200, { ok: true })]);
    const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, auths: { default: auth }, fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    const { data } = await core.call<{ ok: boolean }>(spec);
    expect(data).toEqual({ ok: true });
    expect(seen.map((request) => request.authorization)).toEqual(['Bearer t1', 'Bearer t2', 'Bearer t2', 'Bearer t3']);
  });

  it('gives up when the renewed token is refused too', async () => {
    let issued = 0;
    const auth = new TokenAuth(async () => ({ tokenType: 'Bearer', accessToken: `t${++issued}` }), (error) => error.label === 'API_ERR_TOKEN');
    const { fetch, seen } = scripted([() => tokenError(401), () => tokenError(401), () => tokenError(401), () => tokenError(401), () => json(200, {})]);
    const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, auths: { default: auth }, fetch, retry: { baseDelayMs: 1, maxRetries: 0 } });
    await expect(core.call(spec)).rejects.toMatchObject({ status: 401, label: 'API_ERR_TOKEN' });
    // t1, t2, t3, t4 each refused once: at most three renewals for one call, never a loop.
    expect(seen).toHaveLength(4);
  });

  it('does not follow a next link to another origin', async () => {
    const { fetch } = scripted([() => new Response('[]', { status: 200, headers: { link: '<https://evil.example/steal?page=2>; rel="next"', 'content-type': 'application/json' } })]);
    const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, fetch });
    const pages = core.paged({ ...spec, pagination: { itemsAt: '' } }).pages();
    await pages.next();
    await expect(pages.next()).rejects.toThrow(/another origin/);
  });
});

describe('caller mistakes', () => {
  it('reports a header fetch would refuse as a usage error, without sending or retrying', async () => {
    const { fetch, seen } = scripted([() => json(200, {})]);
    const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, fetch });
    await expect(core.call({ ...spec, auth: undefined }, {}, { headers: { 'x-note': 'a\r\nInjected: 1' } })).rejects.toThrow(/the header "x-note" cannot be sent/);
    expect(seen).toHaveLength(0);
  });
});

describe('per-call headers', () => {
  it('win over the credentials', async () => {
    const { fetch, seen } = scripted([() => json(200, {})]);
    const auth = new TokenAuth(async () => ({ tokenType: 'Bearer', accessToken: 'issued' }), () => false);
    const core = new ClientCore({ baseUrl: 'https://x.io', variables: {}, auths: { default: auth }, fetch });
    await core.call(spec, {}, { headers: { Authorization: 'Bearer mine' } });
    expect(seen[0]?.authorization).toBe('Bearer mine');
  });
});
