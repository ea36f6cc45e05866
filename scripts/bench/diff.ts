/**
 * Benchmark: `postman-codegen diff` of two 2,000-request collections, end to end (read, load and
 * model both sides, compare, format as JSON). Targets: under 2 s and 400 MB of peak resident
 * memory (this process's, Node itself included) on the 2-core CI machines. Time is printed as
 * wall time and as CPU time (all threads, garbage collection included): on a busy machine the
 * wall time counts other processes' work too, so the target holds when either is under 2 s. The new side is the
 * old one edited the way real releases are: requests removed and added, response fields re-typed,
 * descriptions reworded, folders reordered.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Reporter } from '../../generator/reporter.js';
import { syntheticCollection } from './synthetic.js';

type Json = Record<string, any>;

function edited(collection: Json): Json {
  const copy: Json = structuredClone(collection);
  const folders = copy.item as Json[];
  folders.reverse();
  folders.forEach((folder, f) => {
    const items = folder.item as Json[];
    if (f % 10 === 0) items.splice(0, 1);
    if (f % 10 === 1) items.push({ ...structuredClone(items[0]), id: `added-${f}`, name: `Count things ${f}` });
    if (f % 10 === 2) (items[1] as Json).request.description = 'Reworded.';
    if (f % 10 === 3) {
      for (const example of (items[1] as Json).response) example.body = example.body.replace(/"id":(\d+)/, '"id":"$1"');
    }
    items.reverse();
  });
  return copy;
}

const folder = await mkdtemp(path.join(tmpdir(), 'pc-bench-diff-'));
const before = syntheticCollection(2000);
const oldFile = path.join(folder, 'old.json');
const newFile = path.join(folder, 'new.json');
await writeFile(oldFile, JSON.stringify(before));
await writeFile(newFile, JSON.stringify(edited(before)));

let output = '';
const io = { stdout: (text: string) => void (output += text), stderr: (text: string) => void (output += text) };
const started = performance.now();
const cpuStarted = process.cpuUsage();
// Loading the command's modules is part of what a user waits for: imported inside the timing.
const { runDiff } = await import('../../generator/commands/diff.js');
const code = await runDiff(oldFile, newFile, { format: 'json' }, new Reporter(io));
const elapsed = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;

// The same run's load + model build of one side, for a ratio that machine speed cancels out of.
const { parseCollection } = await import('../../generator/load/index.js');
const { buildModel } = await import('../../generator/model/index.js');
const text = JSON.stringify(before);
const builds: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  buildModel(parseCollection(text, 'old.json'));
  builds.push(performance.now() - start);
}
const buildMs = builds.sort((a, b) => a - b)[1] as number;
await rm(folder, { recursive: true, force: true });

if (code !== 1) throw new Error(`diff exited ${code} (breaking changes expected): ${output.slice(0, 500)}`);
const report = JSON.parse(output) as { counts: Record<string, number> };
console.log(
  `diff of two 2,000-request collections: ${report.counts.breaking} breaking, ${report.counts.minor} minor, ${report.counts.patch} patch changes`,
);
// On a shared machine the wall time also counts other people's work; CPU time is this diff's own.
console.log(
  `diff time (its modules, read + load + model both + compare + JSON): ${elapsed.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (target < 2000 ms)`,
);
console.log(
  `ratio diff / one side's load + model build (${buildMs.toFixed(0)} ms in this run): ${(elapsed / buildMs).toFixed(1)}`,
);
console.log(`diff peak resident memory (whole process): ${peakMb.toFixed(0)} MB (target < 400 MB)`);
if (Math.min(elapsed, cpuMs) > 2000 || peakMb > 400) process.exitCode = 1;
