/**
 * `npm run bench:limits`: the figures of the README's Limits table. Each case writes its input
 * collection to a temporary folder, then builds the client in a fresh Node process (so that peak
 * memory is that build's alone), and prints the wall time and the peak resident memory.
 *
 *   node dist/scripts/bench/limits.js              every case
 *   node dist/scripts/bench/limits.js <case>       one case
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateClient, MAX_OPERATIONS } from '../../generator/pipeline.js';
import { syntheticCollection } from './synthetic.js';

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

interface Case {
  what: string;
  input: () => unknown;
}

const CASES: Record<string, Case> = {
  'large-file': { what: '3,000 requests with 15 kB examples', input: () => syntheticCollection(3000, 20, 7_500) },
  'max-operations': {
    what: `${MAX_OPERATIONS.toLocaleString('en')} operations`,
    input: () => syntheticCollection(MAX_OPERATIONS),
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

/** In the child: build the client from the file, print time, peak memory and the outcome as one JSON line. */
async function measure(file: string): Promise<void> {
  const start = performance.now();
  let outcome: string;
  try {
    const generated = await generateClient({ collection: file, out: 'unused' });
    outcome = `${generated.operations} operations, ${generated.files.size} files`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message.split('\n')[0]?.slice(0, 100)}`;
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, outcome }));
}

async function run(name: string, spec: Case): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-bench-limits-'));
  try {
    const file = path.join(folder, 'collection.json');
    await writeFile(file, JSON.stringify(spec.input()));
    const size = (await stat(file)).size;
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{')) throw new Error(`${name} failed: ${child.stderr}`);
    const result = JSON.parse(line) as { ms: number; maxRssMb: number; outcome: string };
    console.log(
      `${name}: ${spec.what}, ${(size / 1e6).toFixed(1)} MB file: ${(result.ms / 1000).toFixed(1)} s, peak ${result.maxRssMb.toFixed(0)} MB (${result.outcome})`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const [mode, argument] = process.argv.slice(2);
if (mode === '--measure' && argument) {
  await measure(argument);
} else {
  const chosen = mode ? [mode] : Object.keys(CASES);
  for (const name of chosen) {
    const spec = CASES[name];
    if (!spec) throw new Error(`unknown case ${name}; cases: ${Object.keys(CASES).join(', ')}`);
    await run(name, spec);
  }
}
