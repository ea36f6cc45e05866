/**
 * `npm run bench`: every benchmark in turn, each in a process of its own, so that a missed target
 * in one (its non-zero exit) does not keep the others from running. Exits 1 at the end, naming
 * the benchmarks that missed a target.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHMARKS: Array<[script: string, nodeFlags: string[]]> = [
  ['startup.js', []],
  ['model-build.js', []],
  ['v3-load.js', []],
  ['client.js', ['--expose-gc']],
  ['diff.js', []],
  ['docs.js', []],
];

const missed: string[] = [];
for (const [script, flags] of BENCHMARKS) {
  const { status, error } = spawnSync(process.execPath, [...flags, path.join(here, script)], { stdio: 'inherit' });
  if (error || status !== 0) missed.push(script);
}
if (missed.length > 0) {
  console.log(`\nmissed a target (or failed): ${missed.join(', ')}`);
  process.exitCode = 1;
}
