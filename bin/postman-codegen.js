#!/usr/bin/env node
// The published entry point runs the compiled CLI (dist/, built by `npm run build`, which npm runs
// as `prepare` after installing a clone and before packing).
import { fileURLToPath } from 'node:url';

/** A module of the compiled CLI (dist/), or a message saying how to build it. */
async function load(name) {
  const file = new URL(`../dist/generator/${name}`, import.meta.url);
  return import(file.href).catch((error) => {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(fileURLToPath(file))) throw error;
    process.stderr.write(
      `postman-codegen is not built (${file.pathname} is missing): run \`npm ci\` (or \`npm run build\`) in ${new URL('..', import.meta.url).pathname}\n`,
    );
    process.exit(2);
  });
}

const { main } = await load('cli.js');
// Before any of it runs hot: a run of the command line stops short of V8's top tier.
(await load('v8-tiers.js')).limitTiersForOneRun(process.argv);

const controller = new AbortController();
// --watch runs until interrupted: there the first Ctrl-C stops it cleanly. Elsewhere Ctrl-C keeps
// its usual effect (a write in progress is staged and swapped, so it leaves the old output intact).
if (process.argv.includes('--watch') || process.argv.includes('-w')) process.once('SIGINT', () => controller.abort());
process.exitCode = await main(process.argv, undefined, controller.signal);
