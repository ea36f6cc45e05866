/** Shared set-up of the end-to-end suites: the generated Accengage client against a simulator on loopback. */
import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import { AccengageClient, type AccengageClientOptions } from '../generated/accengage/index.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../scripts/simulator/server.js';

const running: Simulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

export async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const started = await startSimulator(options);
  running.push(started);
  return started;
}

/** A client for this simulator, with fast retries unless the test asks otherwise. */
export function clientOf(target: Simulator, options: Partial<AccengageClientOptions> = {}): AccengageClient {
  return new AccengageClient({
    email: target.email,
    apiKey: target.apiKey,
    baseUrl: target.url,
    partnerId: target.partnerId,
    retry: { baseDelayMs: 1, maxDelayMs: 20 },
    ...options,
  });
}

export async function setup(options: SimulatorOptions = {}, client: Partial<AccengageClientOptions> = {}) {
  const started = await simulator(options);
  return { simulator: started, client: clientOf(started, client) };
}

export async function failure(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** A fetch that records the headers of every request it sends (the signatures and tokens a leak would show). */
export function recordingFetch(): { fetch: typeof fetch; sent: Array<Record<string, string>> } {
  const sent: Array<Record<string, string>> = [];
  return {
    sent,
    fetch: (input, init) => {
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
      sent.push(headers);
      return fetch(input, init);
    },
  };
}

/** A request signed by hand, as the official introduction describes it, for probing the simulator itself. */
export function signedFetch(
  target: Simulator,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string>; hexCase?: 'lower' | 'upper' } = {},
): Promise<Response> {
  const time = String(Math.floor(Date.now() / 1000));
  const digest = createHash('sha1')
    .update(`${init.body ?? ''}${target.apiKey}${time}`)
    .digest('hex');
  const signature = init.hexCase === 'upper' ? digest.toUpperCase() : digest;
  return fetch(`${target.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'accengage-time': time, 'accengage-signature': signature, ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
}

/** How long the client waited after each answer of this route before sending the next request, in milliseconds. */
export function waitsOf(target: Simulator, route: string): number[] {
  const entries = target.stats.log.filter((entry) => entry.route === route);
  return entries.slice(1).map((entry, i) => entry.at - (entries[i]?.answeredAt as number));
}
