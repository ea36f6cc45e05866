/**
 * Benchmarks of the generated Accengage client, as ratios measured in one run:
 *   - overhead: time per request of the generated client / a hand-written fetch that sends the
 *     same signed request to the same loopback server (target: at most 1.10), over several rounds:
 *     the range and the median are printed;
 *   - own work: time per call of the generated client over an in-process fetch (no network), per round;
 *   - memory: heap after iterating 100,000 devices / heap after the first 10,000 (target: flat, ~1);
 *   - generation: time to generate the Accengage client from the collection (target: < 1 s).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { AccengageClient } from '../../generated/accengage/index.js';
import { startSimulator } from '../simulator/server.js';
import { generateClient } from '../../generator/pipeline.js';
import { loadConfig } from '../../generator/config.js';
import { packageRoot } from '../../generator/paths.js';

const gc = (globalThis as { gc?: () => void }).gc;
const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** `min–max, median m` of a series, with `digits` decimals. */
function spread(values: number[], digits: number): string {
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}, median ${median(values).toFixed(digits)} over ${values.length} runs`;
}

const ownBody = JSON.stringify({ message: 'Welcome mymail@client.com' });
const inProcess: typeof fetch = async () =>
  new Response(ownBody, { status: 200, headers: { 'content-type': 'application/json' } });

/** Microseconds per call of the in-process fetch alone, its answer read: what `ownWork` includes beyond the client. */
async function inProcessFetchAlone(): Promise<number> {
  const n = 20_000;
  for (let i = 0; i < 2_000; i++) await (await inProcess('http://127.0.0.1:9')).arrayBuffer();
  const start = performance.now();
  for (let i = 0; i < n; i++) await (await inProcess('http://127.0.0.1:9')).arrayBuffer();
  return ((performance.now() - start) / n) * 1000;
}

/** Microseconds per call of the generated client when fetch answers in-process: the client's own work. */
async function ownWork(): Promise<number> {
  const client = new AccengageClient({
    email: 'mymail@client.com',
    apiKey: 'a1b2c3d4e5f6g7h8',
    accessToken: 'token',
    baseUrl: 'http://127.0.0.1:9',
    fetch: inProcess,
  });
  for (let i = 0; i < 2_000; i++) await client.me.get();
  const n = 20_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) await client.me.get();
  return ((performance.now() - start) / n) * 1000;
}

async function overhead(): Promise<number> {
  const body = JSON.stringify({ message: 'Welcome mymail@client.com' });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const apiKey = 'a1b2c3d4e5f6g7h8';
  const client = new AccengageClient({ email: 'mymail@client.com', apiKey, accessToken: 'token', baseUrl: base });
  const plain = async (): Promise<unknown> => {
    const time = String(Math.floor(Date.now() / 1000));
    const signature = createHash('sha1').update(`${apiKey}${time}`).digest('hex');
    const response = await fetch(`${base}/v1/me`, {
      headers: { authorization: 'Bearer token', 'accengage-time': time, 'accengage-signature': signature },
    });
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  };
  const generated = (): Promise<unknown> => client.me.get();
  // Requests alternate one by one (plain, generated, generated, plain, …), so that any drift in
  // the machine's speed or the server's hits both sides alike.
  const time = async (call: () => Promise<unknown>): Promise<number> => {
    const start = performance.now();
    await call();
    return performance.now() - start;
  };
  for (let i = 0; i < 500; i++) {
    await plain();
    await generated();
  }
  let plainMs = 0;
  let generatedMs = 0;
  const n = 4000;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      plainMs += await time(plain);
      generatedMs += await time(generated);
    } else {
      generatedMs += await time(generated);
      plainMs += await time(plain);
    }
  }
  server.close();
  console.log(
    `per request: plain fetch ${((plainMs / n) * 1000).toFixed(0)} µs, generated client ${((generatedMs / n) * 1000).toFixed(0)} µs`,
  );
  return generatedMs / plainMs;
}

async function memory(): Promise<number> {
  const simulator = await startSimulator({ devices: 100_000, pageSize: 1_000 });
  const client = new AccengageClient({
    email: simulator.email,
    apiKey: simulator.apiKey,
    partnerId: simulator.partnerId,
    baseUrl: simulator.url,
  });
  let count = 0;
  let early = 0;
  let late = 0;
  for await (const device of client.devices.list({ lastOpen: '2000-01-01' })) {
    if (device.deviceId === '') throw new Error('empty id');
    count++;
    if (count === 10_000 || count === 100_000) {
      gc?.();
      const heap = process.memoryUsage().heapUsed;
      if (count === 10_000) early = heap;
      else late = heap;
    }
  }
  await simulator.close();
  console.log(
    `iterated ${count} devices; heap ${(early / 1e6).toFixed(1)} MB after 10,000, ${(late / 1e6).toFixed(1)} MB after 100,000${gc ? '' : ' (run with --expose-gc for stable figures)'}`,
  );
  return late / early;
}

async function generation(): Promise<number> {
  const config = await loadConfig(path.join(packageRoot, 'postman-codegen.config.json'));
  const client = config.clients[0];
  if (!client) throw new Error('no client in the config');
  await generateClient(client, config.file);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await generateClient(client, config.file);
    runs.push(performance.now() - start);
  }
  console.log(`generation of the Accengage client: ${spread(runs, 0)} ms`);
  return median(runs);
}

const ratios: number[] = [];
const ownMicros: number[] = [];
const fetchMicros: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  ratios.push(await overhead());
  ownMicros.push(await ownWork());
  fetchMicros.push(await inProcessFetchAlone());
}
const overheadRatio = median(ratios);
console.log(`overhead ratio generated / plain fetch: ${spread(ratios, 2)} (target <= 1.10)`);
console.log(`client's own work per call, in-process fetch: ${spread(ownMicros, 1)} µs`);
console.log(
  `of which the in-process fetch itself (building and reading a Response): ${spread(fetchMicros, 1)} µs; the client beyond it: median ${(median(ownMicros) - median(fetchMicros)).toFixed(1)} µs`,
);
const memoryRatio = await memory();
console.log(`memory ratio heap(100,000) / heap(10,000): ${memoryRatio.toFixed(2)} (target ~1: flat)`);
const generationMs = await generation();
console.log(`generation of the Accengage client, median: ${generationMs.toFixed(0)} ms (target < 1000 ms)`);
if (overheadRatio > 1.1 || memoryRatio > 1.5 || generationMs > 1000) process.exitCode = 1;
