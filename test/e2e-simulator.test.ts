/**
 * The simulator is as strict as the official introduction says the API is, so that a client
 * mistake fails here as it would against the real service. Probed with requests signed by hand.
 */
import { describe, expect, it } from 'vitest';
import { setup, signedFetch, simulator as startSimulator } from './e2e-support.js';

const errorsOf = async (response: Response): Promise<unknown> =>
  ((await response.json()) as { errors: unknown }).errors;

describe('signatures', () => {
  it.each(['lower', 'upper'] as const)(
    'accepts the SHA-1 in %s-case hex (the official article prints both)',
    async (hexCase) => {
      const simulator = await startSimulator();
      const response = await signedFetch(simulator, '/v1/me', { hexCase });
      // Past the signature check: the route wants a token.
      expect(response.status).toBe(403);
      expect(await errorsOf(response)).toEqual([
        { label: 'API_ERR_TOKEN', message: 'This route requires an access token' },
      ]);
    },
  );

  it('refuses a signature over other bytes than the body sent', async () => {
    const simulator = await startSimulator();
    const time = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${simulator.url}/v1/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accengage-time': time, 'accengage-signature': 'f'.repeat(40) },
      body: JSON.stringify({ email: simulator.email }),
    });
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([
      { label: 'API_ERR_SIGNATURE', message: 'The given Accengage-Signature header is missing, empty or invalid' },
    ]);
    expect(simulator.stats.rejectedSignatures).toBe(1);
  });

  it('checks the signature on unknown routes too, before saying the route is unknown', async () => {
    const simulator = await startSimulator();
    const unsigned = await fetch(`${simulator.url}/v1/acess_token`, { method: 'POST' });
    expect(unsigned.status).toBe(400);
    expect(await errorsOf(unsigned)).toMatchObject([{ label: 'API_ERR_SIGNATURE' }]);
    const signed = await signedFetch(simulator, '/v1/acess_token', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(signed.status).toBe(404);
    expect(await errorsOf(signed)).toEqual([
      { label: 'API_ERR_UNKNOW_ROUTE', message: 'Unsupported POST request : /v1/acess_token' },
    ]);
  });
});

describe('JSON bodies', () => {
  it('answers 400 API_ERR_FORMAT to malformed JSON', async () => {
    const simulator = await startSimulator();
    const response = await signedFetch(simulator, '/v1/access_token', {
      method: 'POST',
      body: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([{ label: 'API_ERR_FORMAT', message: 'Malformed JSON body' }]);
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], [undefined]])(
    'refuses a JSON body sent as %s',
    async (type) => {
      const simulator = await startSimulator();
      const body = JSON.stringify({ email: simulator.email });
      const response = await signedFetch(simulator, '/v1/access_token', {
        method: 'POST',
        body,
        headers: type ? { 'content-type': type } : {},
      });
      expect(response.status).toBe(400);
      expect(await errorsOf(response)).toMatchObject([{ label: 'API_ERR_FORMAT' }]);
      expect(simulator.stats.tokensIssued).toBe(0);
    },
  );

  it('accepts application/json with a charset parameter', async () => {
    const simulator = await startSimulator();
    const response = await signedFetch(simulator, '/v1/access_token', {
      method: 'POST',
      body: JSON.stringify({ email: simulator.email }),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(response.status).toBe(200);
    expect(simulator.stats.tokensIssued).toBe(1);
  });
});

describe('page numbers', () => {
  const segmentsPage = async (page: string) => {
    const { simulator, client } = await setup({ pageSize: 2 });
    const token = (await client.accessToken.create({ body: { email: simulator.email } })).access_token;
    return signedFetch(simulator, `/v1/me/apps/${simulator.partnerId}/segments?page=${page}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  };

  it.each(['abc', '2abc', '1.5', '', '0x2'])('refuses page=%s with 400 API_ERR_FORMAT', async (page) => {
    const response = await segmentsPage(page);
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toMatchObject([{ label: 'API_ERR_FORMAT' }]);
  });

  it.each(['0', '-1', '4', '99'])(
    'answers page=%s, out of range, with an empty set, a first link and no next',
    async (page) => {
      const response = await segmentsPage(page);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { segments: unknown[]; links: Record<string, string> };
      expect(body.segments).toEqual([]);
      expect(Object.keys(body.links)).toEqual(['first']);
      expect(response.headers.get('link')).toMatch(/^<[^>]+page=1>; rel="first"$/);
    },
  );
});

describe('path parameters', () => {
  it('decodes them once: tags whose names hold %, / and %-escapes are set and deleted through the client', async () => {
    const { simulator, client } = await setup({ devices: 1 });
    const device = simulator.devices[0];
    const deviceId = device?.deviceId as string;
    const categories = ['a/b', '100%', 'x%41', 'sp ace', 'é'];
    for (const category of categories)
      await client.deviceTags.set({ deviceId, body: { category, identifier: `${category}!` } });
    expect(Object.keys(device?.tags ?? {})).toEqual(categories.map((category) => `${category}/${category}!`));
    for (const category of categories)
      await client.deviceTags.delete({ deviceId, category, identifier: `${category}!` });
    expect(device?.tags).toEqual({});
  });
});
