#!/usr/bin/env node
// The published entry point runs the compiled CLI (`npm run build` produces dist/).
import { main } from '../dist/generator/cli.js';

const controller = new AbortController();
// --watch runs until interrupted: there the first Ctrl-C stops it cleanly. Elsewhere Ctrl-C keeps
// its usual effect (a write in progress is staged and swapped, so it leaves the old output intact).
if (process.argv.includes('--watch') || process.argv.includes('-w')) process.once('SIGINT', () => controller.abort());
process.exitCode = await main(process.argv, undefined, controller.signal);
