/**
 * Signing and tokens end to end: the signature covers the bytes actually sent (after any hook),
 * one token request serves many concurrent calls (the first token and every renewal), a refused
 * token is renewed once per refusal, and no error of any class ever carries a secret, however it
 * is printed.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AccengageError,
  ConnectionError,
  InvalidResponseError,
  PaginationError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
} from '../generated/accengage/index.js';
import { clientOf, failure, recordingFetch, setup, simulator as startSimulator } from './e2e-support.js';

const ME = 'GET /v1/me';
const TOKEN = 'POST /v1/access_token';
const encoder = new TextEncoder();

describe('signing runs last', () => {
  it('signs the body a beforeRequest hook rewrote, byte for byte', async () => {
    const { simulator } = await setup();
    const client = clientOf(simulator, {
      hooks: {
        beforeRequest: (request) =>
          request.method === 'POST' && request.url.endsWith('/static-lists')
            ? { ...request, body: encoder.encode('{"name":"Réécrit","externalId":"hook"}') }
            : undefined,
      },
    });
    const created = await client.staticLists.create({ body: { name: 'Original' } });
    expect(created).toMatchObject({ name: 'Réécrit', externalId: 'hook' });
    expect(simulator.stats.lastBody).toBe('{"name":"Réécrit","externalId":"hook"}');
    expect(simulator.stats.rejectedSignatures).toBe(0);
  });

  it('runs the hook again on every retry and signs what it returned each time', async () => {
    const { simulator } = await setup({ devices: 1 });
    const device = simulator.devices[0];
    let attempts = 0;
    const client = clientOf(simulator, {
      hooks: {
        beforeRequest: (request) => {
          if (request.method !== 'PUT') return undefined;
          attempts++;
          const body = JSON.stringify({
            fields: [{ action: 'set', key: 'favourite_team', value: `attempt ${attempts}` }],
          });
          return {
            ...request,
            body: encoder.encode(body),
            headers: { ...request.headers, 'x-attempt': String(attempts) },
          };
        },
      },
    });
    simulator.script({ route: 'PUT /v1/me/apps/:partnerId/devices/:deviceId', status: 503 });
    await client.devices.update({ deviceId: device?.deviceId as string, body: { fields: [] } });
    expect(attempts).toBe(2);
    expect(device?.fields.favourite_team).toBe('attempt 2');
    expect(simulator.stats.rejectedSignatures).toBe(0);
  });

  it('would be caught: the simulator refuses a body changed after signing', async () => {
    const { simulator } = await setup();
    // The simulator checks the signature against the bytes it receives: sign one body, send another.
    const client = clientOf(simulator, {
      fetch: (input, init) =>
        fetch(input, { ...init, body: init?.body ? encoder.encode('{"name":"tampered"}') : null }),
    });
    expect(await failure(client.staticLists.create({ body: { name: 'Original' } }))).toMatchObject({
      status: 400,
      label: 'API_ERR_SIGNATURE',
    });
  });
});

describe('one token for many calls', () => {
  it('fetches one token for 50 concurrent first calls', async () => {
    const { simulator, client } = await setup();
    const answers = await Promise.all(Array.from({ length: 50 }, () => client.me.get()));
    expect(answers.map((answer) => answer.message)).toEqual(
      Array.from({ length: 50 }, () => `Welcome ${simulator.email}`),
    );
    expect(simulator.stats.byRoute[TOKEN]).toBe(1);
  });

  it('renews an expired token once for 50 concurrent calls, and replays each of them re-signed', async () => {
    const { simulator, client } = await setup();
    await client.me.get();
    simulator.expireTokens();
    const answers = await Promise.all(Array.from({ length: 50 }, () => client.me.get()));
    expect(answers.every((answer) => answer.message === `Welcome ${simulator.email}`)).toBe(true);
    expect(simulator.stats.byRoute[TOKEN]).toBe(2);
    expect(simulator.stats.tokensIssued).toBe(2);
    // The first call, then 50 refused with the old token, then 50 replays.
    expect(simulator.stats.byRoute[ME]).toBe(1 + 50 + 50);
    expect(simulator.stats.rejectedSignatures).toBe(0);
  });

  it('renews a token refused again later in the same call, each refusal at most once', async () => {
    const { simulator, client } = await setup();
    await client.me.get();
    simulator.script(
      { route: ME, status: 401, label: 'API_ERR_TOKEN' },
      { route: ME, status: 503 },
      { route: ME, status: 401, label: 'API_ERR_TOKEN' },
    );
    expect((await client.me.get()).message).toContain('Welcome');
    expect(simulator.stats.tokensIssued).toBe(3);
    expect(simulator.stats.log.filter((entry) => entry.route === ME).map((entry) => entry.outcome)).toEqual([
      200, 401, 503, 401, 200,
    ]);
  });

  it('does not loop on a token the API keeps refusing', async () => {
    const { simulator, client } = await setup({}, { maxRetries: 3 });
    await client.me.get();
    simulator.script(...Array.from({ length: 20 }, () => ({ route: ME, status: 401, label: 'API_ERR_TOKEN' })));
    expect(await failure(client.me.get())).toMatchObject({ status: 401, label: 'API_ERR_TOKEN' });
    const renewals = simulator.stats.tokensIssued - 1;
    expect(renewals).toBeGreaterThanOrEqual(1);
    expect(renewals).toBeLessThanOrEqual(3);
    expect(simulator.stats.byRoute[ME]).toBe(1 + renewals + 1);
  });
});

describe('no secret in any error', () => {
  /** Every way an error is commonly printed or logged, its causes included. */
  function renderings(error: unknown, depth = 0): string[] {
    if (depth > 5 || error === undefined || error === null) return [];
    const texts = [
      String(error),
      inspect(error, { depth: 20, showHidden: true, getters: true }),
      JSON.stringify(error) ?? '',
    ];
    if (error instanceof Error) texts.push(error.message, error.stack ?? '', ...renderings(error.cause, depth + 1));
    return texts;
  }

  it('keeps the API key, signatures and tokens out of every error class the client raises', async () => {
    const recorder = recordingFetch();
    const { simulator } = await setup({ pageSize: 2 });
    const other = await startSimulator();
    simulator.faults.links.origin = other.url;
    const client = clientOf(simulator, { fetch: recorder.fetch, maxRetries: 1, timeoutMs: 400 });
    const errors: Array<[string, unknown]> = [];
    simulator.script({ route: ME, status: 500, label: 'API_ERR_DB' }, { route: ME, status: 500, label: 'API_ERR_DB' });
    errors.push(['ApiError', await failure(client.me.get())]);
    simulator.script({ route: ME, drop: 'before-handler' }, { route: ME, drop: 'after-handler' });
    errors.push(['ConnectionError', await failure(client.me.get())]);
    simulator.script({ route: ME, delayMs: 1_500 }, { route: ME, delayMs: 1_500 });
    errors.push(['TimeoutError', await failure(client.me.get())]);
    errors.push(['PaginationError', await failure(client.segments.list().all())]);
    errors.push([
      'invalid JSON',
      await failure(
        clientOf(simulator, {
          fetch: () => Promise.resolve(new Response('{"message": "Welcome', { status: 200 })),
        }).me.get(),
      ),
    ]);
    const refused = clientOf(simulator, { apiKey: 'wrong-key-0123456789', fetch: recorder.fetch });
    errors.push(['token request refused', await failure(refused.me.get())]);
    simulator.script({ route: ME, status: 302, headers: { location: `${other.url}/v1/me` } });
    errors.push(['RedirectError', await failure(client.me.get())]);
    const capped = clientOf(simulator, { fetch: recorder.fetch, maxResponseBytes: 16 });
    errors.push(['ResponseTooLargeError', await failure(capped.me.get())]);

    expect(errors.map(([, error]) => (error as Error).constructor.name)).toEqual([
      'AccengageError',
      'ConnectionError',
      'TimeoutError',
      'PaginationError',
      'InvalidResponseError',
      'AccengageError',
      'RedirectError',
      'ResponseTooLargeError',
    ]);
    expect(errors[0]?.[1]).toBeInstanceOf(AccengageError);
    expect(errors[1]?.[1]).toBeInstanceOf(ConnectionError);
    expect(errors[2]?.[1]).toBeInstanceOf(TimeoutError);
    expect(errors[3]?.[1]).toBeInstanceOf(PaginationError);
    expect(errors[4]?.[1]).toBeInstanceOf(InvalidResponseError);
    expect(errors[6]?.[1]).toBeInstanceOf(RedirectError);
    expect(errors[7]?.[1]).toBeInstanceOf(ResponseTooLargeError);

    const secrets = new Set<string>([simulator.apiKey, 'wrong-key-0123456789']);
    for (const headers of recorder.sent) {
      if (headers['accengage-signature']) secrets.add(headers['accengage-signature']);
      if (headers.authorization) secrets.add(headers.authorization.replace(/^Bearer /, ''));
    }
    // Every request the simulator saw went through the recorder (signatures repeat within a second for the same body).
    expect(recorder.sent).toHaveLength(simulator.stats.requests);
    expect([...secrets].filter((secret) => /^[0-9a-f]{40}$/.test(secret)).length).toBeGreaterThanOrEqual(2);
    expect([...secrets].filter((secret) => /^[0-9a-f]{24}$/.test(secret))).toHaveLength(1);
    for (const [kind, error] of errors) {
      const text = renderings(error).join('\n');
      for (const secret of secrets) expect(text.includes(secret), `${kind} shows ${secret}`).toBe(false);
    }
    expect(other.stats.requests).toBe(0);
  });
});
