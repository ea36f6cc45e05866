/**
 * Benchmark: loading a 2,000-request Postman v3 collection folder (100 folders, two saved examples
 * per request: about 6,100 YAML files) from disk into the model. Target: under 2 s on the 2-core
 * CI machines. Also prints, measured in the same run so that machine speed cancels out, the ratio
 * to loading the same collection from one v2.1 JSON file. The folder is written to a temporary
 * directory first and removed afterwards.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCollection } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/index.js';
import { writeV3 } from '../v3-writer.js';
import { syntheticCollection } from './synthetic.js';

const REQUESTS = 2000;
const TARGET_MS = 2000;

/** Median wall time and median CPU time (all threads of the process, garbage collection included) of `repeat` runs. */
async function median(repeat: number, work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await work();
    const used = process.cpuUsage(cpu);
    walls.push(performance.now() - start);
    cpus.push((used.user + used.system) / 1000);
  }
  const middle = (runs: number[]): number => [...runs].sort((a, b) => a - b)[Math.floor(repeat / 2)] ?? 0;
  return { wall: middle(walls), cpu: middle(cpus) };
}

const folder = await mkdtemp(path.join(tmpdir(), 'pc-bench-v3-'));
try {
  const collection = syntheticCollection(REQUESTS);
  const files = writeV3(collection);
  for (const [name, text] of files) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), text);
  }
  const json = path.join(`${folder}-json`, 'collection.json');
  await mkdir(path.dirname(json), { recursive: true });
  await writeFile(json, JSON.stringify(collection));

  const load = (input: string) => async () => buildModel(await loadCollection(input)).model;
  const model = await load(folder)(); // warm-up, and a check that every request became an operation
  const operations = model.resources.reduce(
    (sum, resource) => sum + resource.operations.length,
    model.operations.length,
  );
  const v3 = await median(5, load(folder));
  const v21 = await median(5, load(json));
  const [v3Ms, jsonMs] = [v3.wall, v21.wall];
  console.log(
    `v3 folder: ${REQUESTS.toLocaleString('en')} requests in ${files.size.toLocaleString('en')} YAML files (${operations} operations)`,
  );
  console.log(
    `v3 load + model build: ${v3Ms.toFixed(0)} ms (target < ${TARGET_MS} ms); ratio to the same collection as one v2.1 JSON file: ${(v3Ms / jsonMs).toFixed(1)}`,
  );
  // On a shared machine the wall time moves with everyone else's work; CPU time much less.
  console.log(
    `CPU time (user + system, all threads): v3 ${v3.cpu.toFixed(0)} ms, v2.1 JSON ${v21.cpu.toFixed(0)} ms; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  );
  if (v3Ms > TARGET_MS || operations !== REQUESTS) process.exitCode = 1;
} finally {
  await rm(folder, { recursive: true, force: true });
  await rm(`${folder}-json`, { recursive: true, force: true });
}
