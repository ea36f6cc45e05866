/**
 * One measured step of the peer benchmark, run in a child process of its own: our generator, or one
 * of the peers installed in bench/node_modules. When the process exits it writes its own CPU time
 * and peak resident memory (`process.resourceUsage()`) to the file named by BENCH_USAGE_FILE, so
 * module loading counts as it does for a user running the tool.
 *
 *   node dist/scripts/bench/peer-step.js <ours|scalar|hey-api|quicktype> <input> <output folder>
 */
import { writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../generator/paths.js';

export const STEPS = ['ours', 'scalar', 'hey-api', 'quicktype'] as const;
export type Step = (typeof STEPS)[number];

const peers = path.join(packageRoot, 'bench', 'node_modules');

/** Runs a command-line tool's entry module in this process, as its own bin would. */
async function runBin(file: string, args: string[]): Promise<void> {
  process.argv = [process.execPath, file, ...args];
  await import(pathToFileURL(file).href);
}

async function runStep(step: Step, input: string, out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  switch (step) {
    case 'ours':
      return runBin(path.join(packageRoot, 'bin', 'postman-codegen.js'), ['generate', input, '--out', out, '--quiet']);
    case 'scalar': {
      const { convert } = (await import(
        pathToFileURL(path.join(peers, '@scalar/postman-to-openapi/dist/index.js')).href
      )) as { convert: (collection: unknown) => unknown };
      const document = await convert(JSON.parse(await readFile(input, 'utf8')));
      return writeFile(path.join(out, 'openapi.json'), JSON.stringify(document, null, 2));
    }
    case 'hey-api':
      // The input is the OpenAPI document the scalar step wrote; the default plugins: types, SDK, fetch client.
      // (dist/run.mjs is what its bin starts, in a second process that would escape the measurement.)
      return runBin(path.join(peers, '@hey-api/openapi-ts/dist/run.mjs'), ['--input', input, '--output', out]);
    case 'quicktype': {
      // Its bin runs `main` only when it is the main module.
      const { main } = (await import(pathToFileURL(path.join(peers, 'quicktype/dist/index.js')).href)) as {
        main: (args: string[]) => Promise<void>;
      };
      return main([
        '--src-lang',
        'postman',
        '--lang',
        'ts',
        '--just-types',
        '--out',
        path.join(out, 'types.ts'),
        input,
      ]);
    }
  }
}

const [step, input, out] = process.argv.slice(2);
const usageFile = process.env.BENCH_USAGE_FILE;
if (!STEPS.includes(step as Step) || !input || !out || !usageFile) {
  console.error('usage: BENCH_USAGE_FILE=<file> peer-step.js <ours|scalar|hey-api|quicktype> <input> <output folder>');
  process.exit(2);
}
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(
    usageFile,
    JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS }),
  );
});
await runStep(step as Step, path.resolve(input), path.resolve(out));
