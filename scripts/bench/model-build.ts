/**
 * Benchmark: loading and modelling large collections. Reports the time for a 2,000-request
 * collection (target: under 1 s on the 2-core CI machines), and two ratios measured in the same
 * run, so that machine speed cancels out:
 *   - scaling: time(2,000) / (10 × time(200)); about 1 means the build is linear in size;
 *   - overhead: load + model build / JSON.parse of the same text: the cost of our stages over reading JSON.
 */
import { performance } from 'node:perf_hooks';
import { parseCollection } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/index.js';
import { syntheticCollection } from './synthetic.js';

function median(runs: number[]): number {
  const sorted = [...runs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const ranges: string[] = [];

/** The median time of `repeat` runs; the range is kept for the report. */
function time(label: string, repeat: number, work: () => void): number {
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    work();
    runs.push(performance.now() - start);
  }
  ranges.push(
    `${label}: ${Math.min(...runs).toFixed(0)}–${Math.max(...runs).toFixed(0)} ms, median ${median(runs).toFixed(0)} over ${repeat} runs`,
  );
  return median(runs);
}

const small = JSON.stringify(syntheticCollection(200));
const large = JSON.stringify(syntheticCollection(2000));
const build = (text: string) => () => buildModel(parseCollection(text, 'synthetic.json'));

build(large)(); // warm-up
const smallMs = time('load + model, 200 requests', 7, build(small));
const largeMs = time('load + model, 2,000 requests', 5, build(large));
const baselineMs = time('JSON.parse, 2,000 requests', 5, () => JSON.parse(large));

console.log(`collection: 2,000 requests, ${(large.length / 1e6).toFixed(1)} MB`);
for (const range of ranges) console.log(range);
console.log(`load + model build, median: ${largeMs.toFixed(0)} ms (target < 1000 ms)`);
console.log(`scaling ratio time(2000)/(10 x time(200)): ${(largeMs / (10 * smallMs)).toFixed(2)}`);
console.log(`overhead ratio build / JSON.parse: ${(largeMs / baselineMs).toFixed(2)}`);
if (largeMs > 1000) process.exitCode = 1;
