#!/usr/bin/env node
// The published entry point runs the compiled CLI (dist/, built by `npm run build`, which npm runs
// as `prepare` after installing a clone and before packing).
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

const watching = process.argv.includes('--watch') || process.argv.includes('-w');
// A run is short and its code is broad: V8's top tier (TurboFan) compiles hundreds of functions on
// other threads and spends more CPU doing so than the optimised code saves before the run ends
// (about a third of the CPU of a 1,000-request run, timed with and without this line). The lower
// tiers stay on. A watching process lives on and keeps them all.
if (!watching) v8.setFlagsFromString('--max-opt=2');

const cli = new URL('../dist/generator/cli.js', import.meta.url);
const { main } = await import(cli.href).catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(fileURLToPath(cli))) throw error;
  process.stderr.write(
    `postman-codegen is not built (${cli.pathname} is missing): run \`npm ci\` (or \`npm run build\`) in ${new URL('..', import.meta.url).pathname}\n`,
  );
  process.exit(2);
});

const controller = new AbortController();
// --watch runs until interrupted: there the first Ctrl-C stops it cleanly. Elsewhere Ctrl-C keeps
// its usual effect (a write in progress is staged and swapped, so it leaves the old output intact).
if (watching) process.once('SIGINT', () => controller.abort());
process.exitCode = await main(process.argv, undefined, controller.signal);
