/**
 * Retries end to end, against faults the simulator scripts request by request: which answers are
 * retried and how often, how long the client waits (backoff with jitter, Retry-After in both
 * forms), and that nothing is ever sent twice that the server may already have done.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccengageError, ConnectionError, TimeoutError } from '../generated/accengage/index.js';
import { failure, setup, waitsOf } from './e2e-support.js';

const ME = 'GET /v1/me';
const CREATE_LIST = 'POST /v1/me/apps/:partnerId/static-lists';
const UPDATE_DEVICE = 'PUT /v1/me/apps/:partnerId/devices/:deviceId';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('which answers are retried', () => {
  it('retries an idempotent call 3 times by default, then reports the last answer', async () => {
    const { simulator, client } = await setup({}, { retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    await client.me.get();
    simulator.script(...Array.from({ length: 4 }, () => ({ route: ME, status: 503 })));
    const error = await failure(client.me.get());
    expect(error).toBeInstanceOf(AccengageError);
    expect(error).toMatchObject({ status: 503, method: 'GET', path: '/v1/me' });
    expect(simulator.stats.byRoute[ME]).toBe(1 + 4);
    expect(simulator.pending()).toEqual([]);
  });

  it('succeeds on the last of its default 3 retries', async () => {
    const { simulator, client } = await setup({}, { retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    simulator.script(...Array.from({ length: 3 }, () => ({ route: ME, status: 500, label: 'API_ERR_DB' })));
    expect((await client.me.get()).message).toBe(`Welcome ${simulator.email}`);
    expect(simulator.stats.byRoute[ME]).toBe(4);
  });

  it('honours a per-call maxRetries over the client one', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 5 });
    simulator.script(...Array.from({ length: 3 }, () => ({ route: ME, status: 502 })));
    expect(await failure(client.me.get({}, { maxRetries: 1 }))).toMatchObject({ status: 502 });
    expect(simulator.stats.byRoute[ME]).toBe(2);
  });

  it.each([408, 429, 500, 502, 503, 504, 599])('retries a GET answered %i', async (status) => {
    const { simulator, client } = await setup();
    simulator.script({ route: ME, status });
    expect((await client.me.get()).message).toContain('Welcome');
    expect(simulator.stats.byRoute[ME]).toBe(2);
    expect(simulator.stats.log.filter((entry) => entry.route === ME).map((entry) => entry.outcome)).toEqual([
      status,
      200,
    ]);
  });

  it('never retries any other 4xx: the same request would fail the same way', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 3 });
    await client.me.get();
    // 407 and 421 never reach the client: fetch itself sends the request again on a new connection.
    const statuses = Array.from({ length: 100 }, (_, i) => 400 + i).filter(
      (status) => ![407, 408, 421, 429].includes(status),
    );
    for (const status of statuses) {
      // One fault only: a retry would succeed, so a call that does not fail was retried.
      simulator.script({ route: ME, status, label: 'API_ERR_FORMAT' });
      const before = simulator.stats.byRoute[ME] ?? 0;
      const error = await failure(client.me.get());
      expect(error, `status ${status}`).toMatchObject({ status, label: 'API_ERR_FORMAT' });
      expect((simulator.stats.byRoute[ME] ?? 0) - before, `status ${status}`).toBe(1);
    }
  });

  it('does not retry a 4xx of an idempotent PUT either', async () => {
    const { simulator, client } = await setup({ devices: 1 });
    const deviceId = simulator.devices[0]?.deviceId as string;
    simulator.script({ route: UPDATE_DEVICE, status: 409, label: 'API_ERR_FORMAT' });
    expect(
      await failure(
        client.devices.update({
          deviceId,
          body: { fields: [{ action: 'increment', key: 'loyalty_points', value: 1 }] },
        }),
      ),
    ).toMatchObject({ status: 409 });
    expect(simulator.stats.byRoute[UPDATE_DEVICE]).toBe(1);
  });

  it('retries the token request, which is safe to repeat although it is a POST', async () => {
    const { simulator, client } = await setup();
    simulator.script({ route: 'POST /v1/access_token', status: 503 });
    expect((await client.me.get()).message).toContain('Welcome');
    expect(simulator.stats.byRoute['POST /v1/access_token']).toBe(2);
    expect(simulator.stats.tokensIssued).toBe(1);
  });
});

describe('what is never sent twice', () => {
  it('does not retry a POST whose answer was lost after the server did the work: no duplicate', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 3 });
    await client.me.get();
    const lists = simulator.data.staticLists.length;
    simulator.script({ route: CREATE_LIST, drop: 'after-handler' });
    const error = await failure(client.staticLists.create({ body: { name: 'Once', externalId: 'once' } }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ method: 'POST', path: `/v1/me/apps/${simulator.partnerId}/static-lists` });
    expect(simulator.stats.byRoute[CREATE_LIST]).toBe(1);
    expect(simulator.data.staticLists.filter((list) => list.externalId === 'once')).toHaveLength(1);
    expect(simulator.data.staticLists).toHaveLength(lists + 1);
  });

  it('does not retry a POST whose connection dropped before the handler ran (the client cannot tell the two apart)', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 3 });
    await client.me.get();
    const lists = simulator.data.staticLists.length;
    simulator.script({ route: CREATE_LIST, drop: 'before-handler' });
    expect(await failure(client.staticLists.create({ body: { name: 'Never' } }))).toBeInstanceOf(ConnectionError);
    expect(simulator.stats.byRoute[CREATE_LIST]).toBe(1);
    expect(simulator.data.staticLists).toHaveLength(lists);
  });

  it('does not retry a POST that timed out, though the server finishes it', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 3, timeoutMs: 300 });
    await client.me.get();
    simulator.script({ route: CREATE_LIST, delayMs: 800 });
    const error = await failure(client.staticLists.create({ body: { name: 'Slow', externalId: 'slow' } }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe(
      `POST /v1/me/apps/${simulator.partnerId}/static-lists timed out after 300 ms`,
    );
    await vi.waitFor(
      () => expect(simulator.data.staticLists.filter((list) => list.externalId === 'slow')).toHaveLength(1),
      { timeout: 3_000 },
    );
    expect(simulator.stats.byRoute[CREATE_LIST]).toBe(1);
  });

  it('retries an idempotent PUT whose answer was lost, and the result is the same as doing it once', async () => {
    const { simulator, client } = await setup({ devices: 1 });
    const device = simulator.devices[0];
    const deviceId = device?.deviceId as string;
    simulator.script({ route: UPDATE_DEVICE, drop: 'after-handler' });
    expect(
      await client.devices.update({
        deviceId,
        body: { fields: [{ action: 'set', key: 'favourite_team', value: 'OL' }] },
      }),
    ).toEqual({ deviceId, updated: 1 });
    expect(simulator.stats.byRoute[UPDATE_DEVICE]).toBe(2);
    expect(device?.fields.favourite_team).toBe('OL');
  });

  it('retries a GET that timed out, each attempt within its own timeout', async () => {
    const { simulator, client } = await setup({}, { timeoutMs: 300 });
    await client.me.get();
    simulator.script({ route: ME, delayMs: 8_000 }, { route: ME, delayMs: 8_000 });
    const started = performance.now();
    expect((await client.me.get()).message).toContain('Welcome');
    expect(performance.now() - started).toBeLessThan(7_000);
    expect(simulator.stats.byRoute[ME]).toBe(1 + 3);
  });
});

describe('how long the client waits', () => {
  it('backs off exponentially, with full jitter under the ceiling of each attempt, capped by maxDelayMs', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 3, retry: { baseDelayMs: 400, maxDelayMs: 500 } });
    await client.me.get();
    vi.spyOn(Math, 'random').mockReturnValue(0.99);
    simulator.script(...Array.from({ length: 3 }, () => ({ route: ME, status: 503 })));
    await client.me.get();
    // Ceilings 400, 800, 1600, capped to 500; 0.99 of each. Timers never fire early, so the lower
    // bounds are exact; they may fire very late on a busy machine, so the upper bound is only what
    // tells a capped wait from an uncapped one (at least 0.99 × 1600).
    const waits = waitsOf(simulator, ME).slice(1);
    expect(waits).toHaveLength(3);
    [396, 495, 495].forEach((expected, i) => {
      expect(waits[i], `wait ${i + 1}: ${waits.join(', ')}`).toBeGreaterThanOrEqual(expected - 2);
    });
    expect(waits[2], `wait 3: ${waits.join(', ')}`).toBeLessThan(1_584);
  });

  it('draws each wait from the random source (no jitter would wait the full ceiling)', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 3, retry: { baseDelayMs: 200, maxDelayMs: 1000 } });
    await client.me.get();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    simulator.script(...Array.from({ length: 3 }, () => ({ route: ME, status: 503 })));
    const started = performance.now();
    await client.me.get();
    // The full ceilings would be at least 200 + 400 + 800 ms.
    expect(performance.now() - started).toBeLessThan(1_400);
  });

  it('waits as long as Retry-After says in seconds', async () => {
    const { simulator, client } = await setup({}, { retry: { baseDelayMs: 1, maxDelayMs: 5_000 } });
    await client.me.get();
    simulator.script({ route: ME, status: 429, headers: { 'retry-after': '1' } });
    await client.me.get();
    const [wait] = waitsOf(simulator, ME).slice(1);
    expect(wait).toBeGreaterThanOrEqual(990);
    expect(wait).toBeLessThan(5_000);
  });

  it('waits until the HTTP date of Retry-After', async () => {
    const { simulator, client } = await setup({}, { retry: { baseDelayMs: 1, maxDelayMs: 5_000 } });
    await client.me.get();
    // HTTP dates have whole seconds: two seconds from now is 1 to 2 seconds away.
    simulator.script({
      route: ME,
      status: 503,
      headers: { 'retry-after': new Date(Date.now() + 2_000).toUTCString() },
    });
    await client.me.get();
    const [wait] = waitsOf(simulator, ME).slice(1);
    expect(wait).toBeGreaterThanOrEqual(900);
    expect(wait).toBeLessThan(5_000);
  });

  it('gives up at once when Retry-After asks for longer than maxDelayMs', async () => {
    const { simulator, client } = await setup({}, { retry: { baseDelayMs: 1, maxDelayMs: 2_000 } });
    await client.me.get();
    simulator.script({ route: ME, status: 429, label: 'API_ERR_RATE', headers: { 'retry-after': '60' } });
    const started = performance.now();
    const error = await failure(client.me.get());
    expect(error).toMatchObject({ status: 429, label: 'API_ERR_RATE' });
    expect((error as AccengageError).headers.get('retry-after')).toBe('60');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(simulator.stats.byRoute[ME]).toBe(2);
  });

  it('stops waiting when the caller aborts during a backoff', async () => {
    const { simulator, client } = await setup({}, { retry: { baseDelayMs: 1, maxDelayMs: 10_000 } });
    await client.me.get();
    simulator.script({ route: ME, status: 503, headers: { 'retry-after': '5' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 100);
    const started = performance.now();
    expect(await failure(client.me.get({}, { signal: controller.signal }))).toMatchObject({ message: 'stop' });
    expect(performance.now() - started).toBeLessThan(4_500);
    expect(simulator.stats.byRoute[ME]).toBe(2);
  });
});
