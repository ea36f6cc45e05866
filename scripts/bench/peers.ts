/**
 * The peer benchmark (`npm run bench:peers`): our `generate` side by side, in one run, with the
 * pipeline users build today (`@scalar/postman-to-openapi` then `@hey-api/openapi-ts`) and with
 * `quicktype --src-lang postman` (types only), on the Accengage collection and on synthetic
 * collections of growing size. Each step runs in a child process of its own (`peer-step.ts`),
 * which reports its CPU time (user + system) and peak RSS; wall time is measured here. Writes
 * bench/results.md. A peer that fails is recorded as failing, and the run goes on.
 *
 * Environment: BENCH_SIZES (default 100,1000,2000,5000), BENCH_PROFILE_SIZE (default 2000: the
 * size at which a CPU profile of our generator names where its time goes; 0 for none),
 * BENCH_RUNS (default 3: rounds of every tool on a collection, the tools taking turns in each
 * round; the run of median CPU time stands for the tool, so one slow moment of the machine does
 * not decide a ratio).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../../generator/paths.js';
import type { Step } from './peer-step.js';
import { summarizeProfile, type ProfileSummary } from './profile-summary.js';
import { syntheticCollection } from './synthetic.js';

const STEP_SCRIPT = path.join(packageRoot, 'dist', 'scripts', 'bench', 'peer-step.js');
const STEP_TIMEOUT_MS = 20 * 60_000;
const sizes = (process.env.BENCH_SIZES ?? '100,1000,2000,5000').split(',').map(Number);
const profileSize = Number(process.env.BENCH_PROFILE_SIZE ?? 2000);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

interface Input {
  name: string;
  file: string;
  requests: number;
  synthetic: boolean;
}

interface Measure {
  cpuMs: number;
  wallMs: number;
  maxRssMb: number;
  bytes: number;
  lines: number;
  /** Files over the generator's formatting limit, which it writes as laid out, without prettier. */
  failure?: string;
}

/** A tool is a chain of steps; each step's output folder feeds the next. */
interface Tool {
  name: string;
  steps: Array<{ step: Step; input: (previousOut: string, collection: string) => string }>;
}

const TOOLS: Tool[] = [
  { name: 'postman-codegen', steps: [{ step: 'ours', input: (_out, collection) => collection }] },
  {
    name: 'scalar + hey-api',
    steps: [
      { step: 'scalar', input: (_out, collection) => collection },
      { step: 'hey-api', input: (previousOut) => path.join(previousOut, 'openapi.json') },
    ],
  },
  { name: 'quicktype (types only)', steps: [{ step: 'quicktype', input: (_out, collection) => collection }] },
];

async function runStep(
  step: Step,
  input: string,
  out: string,
  work: string,
  nodeArgs: string[] = [],
): Promise<{ cpuMs: number; maxRssKb: number; wallMs: number }> {
  const usageFile = path.join(work, `usage-${step}.json`);
  await rm(usageFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, STEP_SCRIPT, step, input, out], {
    env: { ...process.env, BENCH_USAGE_FILE: usageFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (status) => resolve(status)));
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  if (code !== 0) {
    const reason = code === null ? `killed after ${STEP_TIMEOUT_MS / 60_000} min` : `exit ${code}`;
    const message = stderr.split('\n').find((line) => /error/i.test(line)) ?? stderr.trim().split('\n').at(-1) ?? '';
    throw new Error(`${step}: ${reason}${message ? `: ${message.trim().slice(0, 200)}` : ''}`);
  }
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { cpuMs: number; maxRssKb: number };
  return { ...usage, wallMs };
}

/** Bytes and lines of the TypeScript a tool wrote (the code a user reads and ships). */
async function outputSize(folder: string): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  }
  return { bytes, lines };
}

async function measure(tool: Tool, input: Input, work: string): Promise<Measure> {
  const total: Measure = { cpuMs: 0, wallMs: 0, maxRssMb: 0, bytes: 0, lines: 0 };
  let out = '';
  try {
    for (const [index, { step, input: from }] of tool.steps.entries()) {
      const next = path.join(work, `${tool.steps.map((s) => s.step).join('-')}-${input.requests}-${index}`);
      await rm(next, { recursive: true, force: true });
      const usage = await runStep(step, from(out, input.file), next, work);
      total.cpuMs += usage.cpuMs;
      total.wallMs += usage.wallMs;
      total.maxRssMb = Math.max(total.maxRssMb, usage.maxRssKb / 1024);
      out = next;
    }
    Object.assign(total, await outputSize(out));
  } catch (error) {
    total.failure = error instanceof Error ? error.message : String(error);
  }
  return total;
}

/** The run of median CPU time (a failed run, if any, stands: a tool that fails once is reported failing). */
function medianRun(measures: Measure[]): Measure {
  const failed = measures.find((measure) => measure.failure);
  if (failed) return failed;
  const sorted = [...measures].sort((a, b) => a.cpuMs - b.cpuMs);
  return sorted[Math.floor((sorted.length - 1) / 2)] as Measure;
}

/** Least-squares slope of log(y) on log(x): 1 is linear growth. */
function growthExponent(points: Array<[number, number]>): number | undefined {
  const usable = points.filter(([x, y]) => x > 0 && y > 0);
  if (usable.length < 2) return undefined;
  const logs = usable.map(([x, y]) => [Math.log(x), Math.log(y)] as const);
  const meanX = logs.reduce((sum, [x]) => sum + x, 0) / logs.length;
  const meanY = logs.reduce((sum, [, y]) => sum + y, 0) / logs.length;
  const covariance = logs.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = logs.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return covariance / variance;
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const ratio = (
  ours: Measure | undefined,
  peer: Measure | undefined,
  key: 'cpuMs' | 'wallMs' | 'maxRssMb' | 'lines',
): string => (ours && peer && !ours.failure && !peer.failure && peer[key] > 0 ? fixed(ours[key] / peer[key], 2) : '–');

function report(
  inputs: Input[],
  results: Map<string, Map<string, Measure>>,
  profile: ProfileSummary | undefined,
  started: Date,
  loads: number[][],
): string {
  const lines: string[] = [];
  const push = (...text: string[]): void => void lines.push(...text);
  push(
    '# Peer benchmark',
    '',
    `Written by \`npm run bench:peers\` (scripts/bench/peers.ts) on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC: Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${runs === 1 ? 'one run of each tool' : `${runs} rounds of every tool taking turns, the run of median CPU time shown for each`}, each step in a process of its own.`,
    `Load average at start ${loads[0]?.map((value) => fixed(value, 1)).join(' / ')}, at end ${loads[1]?.map((value) => fixed(value, 1)).join(' / ')}${(loads[0]?.[0] ?? 0) > os.cpus().length ? ': **the machine was loaded** (other work was running), so wall times are inflated and CPU times somewhat too; the ratios, measured in the same run, are the figures to read' : ''}.`,
    '',
    "CPU = user + system time of the tool's own processes (module loading included); RSS = peak resident memory; output = the TypeScript written (our model.json and manifest are not counted). The peer pipeline adds its two steps (CPU and wall) and takes the larger peak.",
    '',
  );
  push(
    '| collection | tool | CPU s | wall s | peak RSS MB | output KB | lines | lines / request |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const input of inputs) {
    for (const tool of TOOLS) {
      const result = results.get(input.name)?.get(tool.name);
      if (!result) continue;
      if (result.failure)
        push(`| ${input.name} | ${tool.name} | **failed**: ${result.failure.replace(/\|/g, '\\|')} | | | | | |`);
      else {
        push(
          `| ${input.name} | ${tool.name} | ${fixed(result.cpuMs / 1000, 2)} | ${fixed(result.wallMs / 1000, 2)} | ${fixed(result.maxRssMb, 0)} | ${fixed(result.bytes / 1024, 0)} | ${result.lines} | ${fixed(result.lines / input.requests, 1)} |`,
        );
      }
    }
  }
  const [, pipeline, quicktype] = TOOLS.map((tool) => tool.name);
  push(
    '',
    '## Ratios (ours / peer; target for CPU against the pipeline: ≤ 0.5)',
    '',
    '| collection | CPU vs pipeline | wall vs pipeline | RSS vs pipeline | lines vs pipeline | CPU vs quicktype |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const input of inputs) {
    const row = results.get(input.name);
    const ours = row?.get(TOOLS[0]?.name ?? '');
    push(
      `| ${input.name} | ${ratio(ours, row?.get(pipeline ?? ''), 'cpuMs')} | ${ratio(ours, row?.get(pipeline ?? ''), 'wallMs')} | ${ratio(ours, row?.get(pipeline ?? ''), 'maxRssMb')} | ${ratio(ours, row?.get(pipeline ?? ''), 'lines')} | ${ratio(ours, row?.get(quicktype ?? ''), 'cpuMs')} |`,
    );
  }
  push(
    '',
    '## Growth (fitted exponent of CPU and of peak RSS over the synthetic sizes; 1 = linear)',
    '',
    '| tool | CPU exponent | RSS exponent |',
    '| --- | ---: | ---: |',
  );
  const synthetic = inputs.filter((input) => input.synthetic);
  for (const tool of TOOLS) {
    const points = (key: 'cpuMs' | 'maxRssMb'): Array<[number, number]> =>
      synthetic.flatMap((input) => {
        const result = results.get(input.name)?.get(tool.name);
        return result && !result.failure ? [[input.requests, result[key]] as [number, number]] : [];
      });
    const show = (value: number | undefined): string => (value === undefined ? '–' : fixed(value, 2));
    push(`| ${tool.name} | ${show(growthExponent(points('cpuMs')))} | ${show(growthExponent(points('maxRssMb')))} |`);
  }
  push('', '## Our targets', '');
  const target = (requests: number, cpuS: number, rssMb: number): void => {
    const result = synthetic.find((input) => input.requests === requests);
    const measured = result ? results.get(result.name)?.get(TOOLS[0]?.name ?? '') : undefined;
    if (!measured || measured.failure) return void push(`- ${requests} requests: not measured.`);
    const met = measured.cpuMs / 1000 < cpuS && measured.maxRssMb < rssMb;
    push(
      `- ${requests} requests in under ${cpuS} s CPU and ${rssMb} MB: ${fixed(measured.cpuMs / 1000, 2)} s, ${fixed(measured.maxRssMb, 0)} MB: **${met ? 'met' : 'missed'}**.`,
    );
  };
  target(2000, 4, 400);
  target(5000, 10, 500);
  const cpuRatios = inputs.map((input) =>
    ratio(results.get(input.name)?.get(TOOLS[0]?.name ?? ''), results.get(input.name)?.get(pipeline ?? ''), 'cpuMs'),
  );
  const missed = cpuRatios.filter((value) => value !== '–' && Number(value) > 0.5).length;
  push(
    `- At most 0.5× the pipeline's CPU at every size: ${missed === 0 ? '**met**' : `**missed** on ${missed} of ${cpuRatios.length} collections`}.`,
  );
  if (profile) {
    push(
      '',
      `## Where our time goes (CPU profile of one \`generate\` of ${profileSize} requests, self time)`,
      '',
      `${fixed(profile.totalMs / 1000, 2)} s sampled. V8 samples on a wall-clock timer, so on a loaded machine the seconds are inflated: read the shares.`,
      '',
      '| by package or source folder | s | share |',
      '| --- | ---: | ---: |',
    );
    for (const entry of profile.byOwner.slice(0, 10))
      push(`| ${entry.name} | ${fixed(entry.ms / 1000, 2)} | ${fixed((100 * entry.ms) / profile.totalMs, 0)}% |`);
    push('', '| by function | s | share |', '| --- | ---: | ---: |');
    for (const entry of profile.byFunction.slice(0, 12))
      push(`| \`${entry.name}\` | ${fixed(entry.ms / 1000, 2)} | ${fixed((100 * entry.ms) / profile.totalMs, 0)}% |`);
  }
  return `${lines.join('\n')}\n`;
}

async function profileOurs(input: Input, work: string): Promise<ProfileSummary | undefined> {
  const folder = path.join(work, 'profile');
  try {
    await runStep('ours', input.file, path.join(work, 'profiled-out'), work, [
      '--cpu-prof',
      `--cpu-prof-dir=${folder}`,
    ]);
    const [file] = (await readdir(folder)).filter((name) => name.endsWith('.cpuprofile'));
    return file
      ? summarizeProfile(JSON.parse(await readFile(path.join(folder, file), 'utf8')), packageRoot)
      : undefined;
  } catch (error) {
    console.error(`profile: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  await stat(path.join(packageRoot, 'bench', 'node_modules')).catch(() => {
    throw new Error('the peers are not installed: run `npm ci --prefix bench` (npm run bench:peers does)');
  });
  const started = new Date();
  const loadAtStart = os.loadavg();
  const work = await mkdtemp(path.join(os.tmpdir(), 'pc-peers-'));
  const accengage = path.join(packageRoot, 'collection', 'accengage.postman_collection.json');
  const inputs: Input[] = [{ name: 'Accengage (22 requests)', file: accengage, requests: 22, synthetic: false }];
  for (const size of sizes) {
    const file = path.join(work, `synthetic-${size}.json`);
    await writeFile(file, JSON.stringify(syntheticCollection(size)));
    inputs.push({ name: `synthetic ${size}`, file, requests: size, synthetic: true });
  }
  const results = new Map<string, Map<string, Measure>>();
  for (const input of inputs) {
    const row = new Map<string, Measure>();
    results.set(input.name, row);
    const rounds = new Map<string, Measure[]>(TOOLS.map((tool) => [tool.name, []]));
    for (let round = 0; round < runs; round++) {
      for (const tool of TOOLS) {
        const result = await measure(tool, input, work);
        rounds.get(tool.name)?.push(result);
        console.log(
          `${input.name.padEnd(24)} ${tool.name.padEnd(24)} ${result.failure ? `FAILED ${result.failure}` : `cpu ${fixed(result.cpuMs / 1000, 2)} s, wall ${fixed(result.wallMs / 1000, 2)} s, rss ${fixed(result.maxRssMb, 0)} MB, ${result.lines} lines`}`,
        );
      }
    }
    for (const [name, measures] of rounds) row.set(name, medianRun(measures));
  }
  const profiled = inputs.find((input) => input.synthetic && input.requests === profileSize);
  const profile = profiled ? await profileOurs(profiled, work) : undefined;
  const markdown = report(inputs, results, profile, started, [loadAtStart, os.loadavg()]);
  await writeFile(path.join(packageRoot, 'bench', 'results.md'), markdown);
  await rm(work, { recursive: true, force: true });
  console.log(`\nwrote bench/results.md\n\n${markdown}`);
}

await main();
