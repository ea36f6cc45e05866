/**
 * The generated Accengage client, end to end against the local simulator: every operation,
 * signing, tokens, pagination, errors, retries, timeouts. Nothing is mocked but the network's
 * far end, which is a real HTTP server on loopback.
 */
import { describe, expect, it } from 'vitest';
import { AccengageClient, AccengageError, ConnectionError, TimeoutError } from '../generated/accengage/index.js';
import { failure, setup } from './e2e-support.js';

describe('signing and tokens', () => {
  it('signs every request so the simulator accepts it, and fetches one token for concurrent calls', async () => {
    const { simulator, client } = await setup();
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.me.get()));
    expect(answers.every((answer) => answer.message === `Welcome ${simulator.email}`)).toBe(true);
    expect(simulator.stats.tokensIssued).toBe(1);
    expect(simulator.stats.rejectedSignatures).toBe(0);
  });

  it('is refused with API_ERR_SIGNATURE when the key is wrong', async () => {
    const { client } = await setup({}, { apiKey: 'wrong-key' });
    const error = await failure(client.me.get());
    expect(error).toBeInstanceOf(AccengageError);
    expect(error).toMatchObject({ status: 400, label: 'API_ERR_SIGNATURE', method: 'POST', path: '/v1/access_token' });
  });

  it('is refused when its clock is too far from the server clock', async () => {
    const { client } = await setup({}, { now: () => Date.now() - 3_600_000 });
    expect(await failure(client.me.get())).toMatchObject({ label: 'API_ERR_SIGNATURE' });
  });

  it('signs the exact bytes of non-ASCII JSON bodies', async () => {
    const { simulator, client } = await setup();
    const created = await client.staticLists.create({ body: { name: 'Clients fidèles ✓', externalId: 'fidèles' } });
    expect(created).toMatchObject({ name: 'Clients fidèles ✓', status: 'empty' });
    expect(simulator.stats.lastBody).toBe('{"name":"Clients fidèles ✓","externalId":"fidèles"}');
    expect(simulator.stats.rejectedSignatures).toBe(0);
  });

  it('uses a token given in the options as it is', async () => {
    const { simulator, client } = await setup({}, { accessToken: 'not-issued' });
    expect(await failure(client.me.get())).toMatchObject({ status: 400, label: 'API_ERR_TOKEN' });
    expect(simulator.stats.tokensIssued).toBe(0);
  });

  it('gets a new token and replays the call, re-signed, when the token expires', async () => {
    const { simulator, client } = await setup();
    await client.me.get();
    simulator.expireTokens();
    const answer = await client.me.get();
    expect(answer.message).toContain('Welcome');
    expect(simulator.stats.tokensIssued).toBe(2);
    expect(simulator.stats.byRoute['GET /v1/me']).toBe(3);
  });
});

describe('pagination', () => {
  const allDevices = async (client: AccengageClient) => {
    const ids: string[] = [];
    for await (const device of client.devices.list({ lastOpen: '2000-01-01' })) ids.push(device.deviceId);
    return ids;
  };

  it('lists 10,000 devices over 100 pages, none lost or repeated, through 5% server errors and a token expiry', async () => {
    const { simulator, client } = await setup(
      { devices: 10_000, pageSize: 100, faults: { serverErrorRate: 0.05 }, seed: 7 },
      { maxRetries: 6 },
    );
    const ids: string[] = [];
    let pages = 0;
    for await (const page of client.devices.list({ lastOpen: '2000-01-01' }).pages()) {
      pages++;
      if (pages === 50) simulator.expireTokens();
      for (const device of page.items) ids.push(device.deviceId);
    }
    expect(pages).toBe(100);
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect(ids).toEqual(simulator.devices.map((device) => device.deviceId));
    expect(simulator.stats.serverErrors).toBeGreaterThan(0);
    expect(simulator.stats.tokensIssued).toBe(2);
  });

  it('parses CSV rows into typed values', async () => {
    const { simulator, client } = await setup({ devices: 5 });
    const page = await client.devices.list({ lastOpen: '2000-01-01' });
    const expected = simulator.devices[0];
    expect(page.items[0]).toMatchObject({
      deviceId: expected?.deviceId,
      bounce: expected?.bounce,
      pushEnabled: expected?.pushEnabled,
      nbOpen: expected?.nbOpen,
    });
    expect(typeof page.items[0]?.bounce).toBe('number');
    expect(page.response.headers.get('content-type')).toContain('text/csv');
  });

  it('goes on past empty pages while a next link is present', async () => {
    const { client } = await setup({ devices: 50, pageSize: 10, faults: { emptyDevicePages: [2, 3] } });
    expect(await allDevices(client)).toHaveLength(30);
  });

  it('answers an out-of-range page with no items and no next link', async () => {
    const { client } = await setup({ devices: 20, pageSize: 10 });
    const page = await client.devices.list({ lastOpen: '2000-01-01', page: 99 });
    expect(page.items).toEqual([]);
    expect(page.links.next).toBeUndefined();
    expect(page.links.first).toContain('page=1');
  });

  it('follows JSON lists through their links field and Link header', async () => {
    const { client } = await setup({ pageSize: 2 });
    const segments = await client.segments.list().all();
    expect(segments.map((segment) => segment.id)).toEqual([101, 102, 103, 104, 105]);
    const first = await client.segments.list();
    expect(first.links.next).toContain('page=2');
  });
});

describe('every operation', () => {
  it('works against the simulator', async () => {
    const { simulator, client } = await setup({ devices: 3 });
    const deviceId = simulator.devices[0]?.deviceId as string;
    expect((await client.accessToken.create({ body: { email: simulator.email } })).token_type).toBe('Bearer');
    expect((await client.me.get()).message).toContain('Welcome');
    expect((await client.apps.list()).items.map((app) => app.partnerId)).toEqual(['12345678', '12345679']);
    expect(await client.apps.get({ partnerId: '12345679' })).toMatchObject({
      partnerId: '12345679',
      platform: 'android',
    });
    expect((await client.devices.list({ lastOpen: '2000-01-01' })).items).toHaveLength(3);
    expect(await client.devices.get({ deviceId })).toMatchObject({ deviceId });
    expect(
      await client.devices.update({
        deviceId,
        body: {
          fields: [
            { action: 'set', key: 'favourite_team', value: 'PSG' },
            { action: 'increment', key: 'loyalty_points', value: 10 },
          ],
        },
      }),
    ).toEqual({ deviceId, updated: 2 });
    expect(simulator.devices[0]?.fields.favourite_team).toBe('PSG');
    expect(
      await client.deviceTags.set({
        deviceId,
        body: { category: 'interests', identifier: 'football', items: { team: 'PSG' } },
      }),
    ).toMatchObject({ category: 'interests' });
    await expect(
      client.deviceTags.delete({ deviceId, category: 'interests', identifier: 'football' }),
    ).resolves.toBeUndefined();
    expect((await client.fields.list()).fields.map((field) => field.name)).toContain('loyalty_points');
    expect((await client.segments.list()).items).toHaveLength(5);
    const list = await client.staticLists.create({ body: { name: 'Beta', externalId: 'beta' } });
    expect((await client.staticLists.list().all()).map((l) => l.externalId)).toEqual(['crm-vip', 'beta']);
    const csv = new Blob(['member_id;city\nm1;Paris\nm2;Lyon\n'], { type: 'text/csv' });
    expect(
      await client.staticLists.importMembers({
        listId: list.id,
        body: { file: { data: csv, filename: 'members.csv' }, mode: 'append' },
      }),
    ).toMatchObject({ rows: 2, rejected: 0 });
    await expect(client.staticLists.delete({ listId: list.id })).resolves.toBeUndefined();
    const message = await client.messages.create({
      body: { name: 'Hello', message: { subject: 'Hi', text: 'Hello', sound: 'default' } },
    });
    expect(await client.messages.get({ messageId: message.id })).toMatchObject({ name: 'Hello', status: 'draft' });
    expect((await client.messages.list({ type: 'push' }).all()).length).toBe(2);
    expect(await client.messages.send({ messageId: message.id, body: { targets: [{ deviceId }] } })).toMatchObject({
      parentMessageId: message.id,
      targets: 1,
    });
    expect((await client.statistics.get({ messageId: 30001 })).platforms.ios?.sent).toBe(100);
    expect((await client.bounces.list()).items).toHaveLength(3);
    const upload = await client.images.upload({
      body: { image: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), name: 'banner' },
    });
    expect(upload).toMatchObject({ name: 'banner', size: 4 });
    expect(simulator.stats.rejectedSignatures).toBe(0);
  });
});

describe('errors', () => {
  const generic: Array<[number, string]> = [
    [400, 'API_ERR_TOKEN'],
    [401, 'API_ERR_TOKEN'],
    [403, 'API_ERR_TOKEN'],
    [403, 'API_ERR_FORBIDDEN'],
    [500, 'API_ERR_DB'],
    [500, 'API_ERR_CACHE'],
    [500, 'API_ERR_SERVICE'],
    [500, 'API_ERR_UTIL'],
    [500, 'API_ERR_SUPPORT'],
    [500, 'API_ERR_UNKNOWN'],
  ];

  it.each(generic)('%i %s comes back as a typed error', async (status, label) => {
    const { client } = await setup({}, { maxRetries: 0 });
    await client.me.get();
    const error = await failure(client.me.get({}, { headers: { 'Simulator-Fault': `${status} ${label}` } }));
    expect(error).toBeInstanceOf(AccengageError);
    expect(error).toMatchObject({ status, label, method: 'GET', path: '/v1/me' });
    expect((error as AccengageError).errors[0]?.message).toBe('Injected by the Simulator-Fault header');
  });

  it('reports format errors, unknown routes and forbidden apps with their labels', async () => {
    const { client } = await setup();
    expect(await failure(client.devices.list({ lastOpen: '01/10/2017' }))).toMatchObject({
      status: 400,
      label: 'API_ERR_FORMAT',
    });
    expect(await failure(client.apps.get({ partnerId: '99999999' }))).toMatchObject({
      status: 403,
      label: 'API_ERR_FORBIDDEN',
    });
    expect(await failure(client.messages.get({ messageId: 1 }))).toMatchObject({
      status: 404,
      label: 'API_ERR_UNKNOW_ROUTE',
    });
    // A deliberately invalid body: the server reports every problem it finds.
    const format = (await failure(
      // @ts-expect-error subject is missing on purpose
      client.messages.create({ body: { name: '', message: { sound: 'x' } } }),
    )) as AccengageError;
    expect(format.errors.map((entry) => entry.label)).toEqual(['API_ERR_FORMAT', 'API_ERR_FORMAT']);
  });

  it('never carries the API key or the signature', async () => {
    const { simulator } = await setup({}, { maxRetries: 0 });
    let signature = '';
    const hooked = new AccengageClient({
      email: simulator.email,
      apiKey: simulator.apiKey,
      baseUrl: simulator.url,
      maxRetries: 0,
      hooks: {
        afterResponse: (_response, request) => void (signature = request.headers['Accengage-Signature'] ?? signature),
      },
    });
    const error = await failure(hooked.me.get({}, { headers: { 'Simulator-Fault': '500 API_ERR_DB' } }));
    const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
    expect(signature).toMatch(/^[0-9a-f]{40}$/);
    expect(text).not.toContain(simulator.apiKey);
    expect(text).not.toContain(signature);
  });
});

describe('retries, timeouts and abort', () => {
  it('retries idempotent calls on 5xx up to the limit, then fails', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 3 });
    await client.me.get();
    simulator.faults.serverErrorRate = 1;
    const before = simulator.stats.byRoute['GET /v1/me'] ?? 0;
    expect(await failure(client.me.get())).toMatchObject({ status: 500, label: 'API_ERR_SERVICE' });
    expect((simulator.stats.byRoute['GET /v1/me'] ?? 0) - before).toBe(4);
  });

  it('does not retry a POST that failed', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 3 });
    await client.me.get();
    simulator.faults.serverErrorRate = 1;
    expect(await failure(client.staticLists.create({ body: { name: 'x' } }))).toMatchObject({ status: 500 });
    expect(simulator.stats.byRoute['POST /v1/me/apps/:partnerId/static-lists']).toBe(1);
  });

  it('retries dropped connections and reports them as connection errors in the end', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 2 });
    await client.me.get();
    simulator.faults.dropRate = 1;
    const error = await failure(client.me.get());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(simulator.stats.dropped).toBe(3);
  });

  it('times out slow answers with a TimeoutError', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 0, timeoutMs: 500 });
    await client.me.get();
    simulator.faults.slowRate = 1;
    simulator.faults.slowMs = 5_000;
    const error = await failure(client.me.get());
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe('GET /v1/me timed out after 500 ms');
  });

  it('stops at once when the caller aborts, without retrying', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 3 });
    await client.me.get();
    simulator.faults.slowRate = 1;
    simulator.faults.slowMs = 5_000;
    const before = simulator.stats.requests;
    const controller = new AbortController();
    const started = Date.now();
    const call = client.me.get({}, { signal: controller.signal });
    // Aborted once the server holds the request (a fixed delay could abort it before it is sent
    // on a loaded machine, and then no request would be seen at all).
    while (simulator.stats.requests === before) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await failure(call);
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(4_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(simulator.stats.requests - before).toBe(1);
  });

  it('reports a server that is not there as a connection error', async () => {
    const client = new AccengageClient({
      email: 'a@b.co',
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:9',
      maxRetries: 1,
      retry: { baseDelayMs: 1 },
    });
    expect(await failure(client.me.get())).toBeInstanceOf(ConnectionError);
  });
});

describe('hooks', () => {
  it('lets beforeRequest change a request, and the signature still covers what is sent', async () => {
    const { simulator } = await setup();
    const seen: number[] = [];
    const client = new AccengageClient({
      email: simulator.email,
      apiKey: simulator.apiKey,
      baseUrl: simulator.url,
      partnerId: simulator.partnerId,
      hooks: {
        beforeRequest: (request) => ({ ...request, headers: { ...request.headers, 'x-trace': 'abc' } }),
        afterResponse: (response) => void seen.push(response.status),
      },
    });
    await client.staticLists.create({ body: { name: 'Hooked' } });
    expect(seen).toEqual([200, 201]);
    expect(simulator.stats.rejectedSignatures).toBe(0);
  });
});
