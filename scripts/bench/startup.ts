/**
 * Benchmark: start-up of the CLI. `--version` and `--help` must stay within 3× a bare `node -e 0`
 * (the heavy modules load only in the commands that use them). Runs are interleaved so that a
 * busy machine slows every command alike; the ratio of medians is printed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../../generator/paths.js';

const RUNS = Number(process.env.STARTUP_RUNS ?? 15);
const TARGET = 3;
const cli = path.join(packageRoot, 'bin', 'postman-codegen.js');
const commands: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  '--version': [cli, '--version'],
  '--help': [cli, '--help'],
};

function wallMs(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const samples = new Map<string, number[]>(Object.keys(commands).map((name) => [name, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, args] of Object.entries(commands)) samples.get(name)?.push(wallMs(args));
}

const baseline = median(samples.get('node -e 0') ?? []);
console.log(`start-up, median of ${RUNS} interleaved runs:`);
for (const [name, values] of samples) {
  const ms = median(values);
  const ratio = ms / baseline;
  console.log(
    `  ${name.padEnd(10)} ${ms.toFixed(0).padStart(5)} ms  ${name === 'node -e 0' ? '(baseline)' : `ratio ${ratio.toFixed(2)} (target ≤ ${TARGET}${ratio > TARGET ? ': missed' : ''})`}`,
  );
}
