/**
 * `npm run bench:limits`: the figures of the README's Limits table. Each case writes its input
 * collection to a temporary folder, then runs `postman-codegen generate` on it in a fresh Node
 * process (so that start-up, every module load and the written output count, and peak memory is
 * that run's alone), and prints its CPU time (user + system), its wall time and its peak resident
 * memory. CPU time is the figure to compare: on a shared machine wall time mostly says how busy
 * the other processes were.
 *
 *   node dist/scripts/bench/limits.js              every case
 *   node dist/scripts/bench/limits.js <case>...    some cases
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { MAX_OPERATIONS } from '../../generator/pipeline.js';
import { syntheticCollection } from './synthetic.js';

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

interface Case {
  what: string;
  input: () => unknown;
  /** Operations in the input, for the CPU time per request (growth across sizes). */
  requests?: number;
}

const CASES: Record<string, Case> = {
  'requests-2000': {
    what: '2,000 requests with saved examples',
    input: () => syntheticCollection(2000),
    requests: 2000,
  },
  'requests-5000': {
    what: '5,000 requests with saved examples',
    input: () => syntheticCollection(5000),
    requests: 5000,
  },
  'large-file': {
    what: '3,000 requests with 15 kB examples',
    input: () => syntheticCollection(3000, 20, 7_500),
    requests: 3000,
  },
  'max-operations': {
    what: `${MAX_OPERATIONS.toLocaleString('en')} operations`,
    input: () => syntheticCollection(MAX_OPERATIONS),
    requests: MAX_OPERATIONS,
  },
  'same-names': {
    what: '10,000 requests all called "New Request" in one folder',
    input: () => ({
      info: { name: 'Namesakes', schema: V21 },
      item: [
        {
          name: 'Things',
          item: Array.from({ length: MAX_OPERATIONS }, (_, i) => ({
            id: `r${i}`,
            name: 'New Request',
            request: { method: 'GET', url: `https://x.io/items/${i}` },
          })),
        },
      ],
    }),
    requests: MAX_OPERATIONS,
  },
  'huge-folder': {
    what: 'a 100,000-item folder (refused)',
    input: () => ({
      info: { name: 'Flat', schema: V21 },
      item: [
        {
          name: 'Huge',
          item: Array.from({ length: 100_000 }, (_, i) => ({
            id: `r${i}`,
            name: `Get ${i}`,
            request: `https://x.io/items/${i}`,
          })),
        },
      ],
    }),
  },
  'long-description': {
    what: 'a 1 MB description',
    input: () => ({
      info: { name: 'Desc', schema: V21 },
      item: [
        { name: 'R', request: { method: 'GET', url: 'https://x.io/a', description: 'line */ ${x}\n'.repeat(80_000) } },
      ],
    }),
  },
};

interface Measured {
  cpuMs: number;
  wallMs: number;
  maxRssMb: number;
  code: number;
  outcome: string;
}

/** In the child: `generate` the file into `out`, then print CPU, wall time, peak memory and the outcome as one JSON line. */
async function measure(file: string, out: string): Promise<void> {
  // Imported here, not at the top, so that loading the generator is part of what is measured;
  // V8's tiers limited as bin/postman-codegen.js limits them for a run of the command.
  (await import('../../generator/v8-tiers.js')).limitTiersForOneRun(['generate']);
  const { main } = await import('../../generator/cli.js');
  const said: string[] = [];
  const keep = (text: string): void => void said.push(text);
  const code = await main(['node', 'postman-codegen', 'generate', file, '--out', out], {
    stdout: keep,
    stderr: keep,
  });
  const cpu = process.cpuUsage();
  const result: Measured = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    // performance.now() counts from the process's start.
    wallMs: performance.now(),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    code,
    outcome: said.join('').trim().split('\n').at(-1)?.slice(0, 160) ?? '',
  };
  console.log(JSON.stringify(result));
}

async function run(name: string, spec: Case): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-bench-limits-'));
  try {
    const file = path.join(folder, 'collection.json');
    await writeFile(file, JSON.stringify(spec.input()));
    const size = (await stat(file)).size;
    const child = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--measure', file, path.join(folder, 'client')],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{')) throw new Error(`${name} failed: ${child.stderr}`);
    const result = JSON.parse(line) as Measured;
    const perRequest =
      spec.requests && result.code === 0 ? `, ${(result.cpuMs / spec.requests).toFixed(2)} ms CPU a request` : '';
    const outcome = result.code === 0 ? result.outcome.replace(/^.*?: /, '') : `exit ${result.code}: ${result.outcome}`;
    console.log(
      `${name}: ${spec.what}, ${(size / 1e6).toFixed(1)} MB file: ${(result.cpuMs / 1000).toFixed(1)} s CPU (${(result.wallMs / 1000).toFixed(1)} s wall), peak ${result.maxRssMb.toFixed(0)} MB${perRequest}\n  ${outcome}`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === '--measure' && rest[0] && rest[1]) {
  await measure(rest[0], rest[1]);
} else {
  const chosen = mode ? [mode, ...rest] : Object.keys(CASES);
  const unknown = chosen.filter((name) => !CASES[name]);
  if (unknown.length > 0)
    throw new Error(`unknown case ${unknown.join(', ')}; cases: ${Object.keys(CASES).join(', ')}`);
  const load = (): string =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(', ');
  console.log(`limits: \`postman-codegen generate\` in a fresh process per case; load average ${load()} at the start`);
  for (const name of chosen) await run(name, CASES[name] as Case);
  console.log(`load average ${load()} at the end`);
}
