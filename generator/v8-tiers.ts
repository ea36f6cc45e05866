/**
 * How far V8 optimises a run of the command line. A run is short and its code is broad: V8's top
 * tier (TurboFan) compiles hundreds of functions on other threads and spends more CPU doing so
 * than the optimised code saves before the run ends (a 2,000-request `generate`: 4.0 s CPU and
 * 2.8 s wall with it, 2.5 s and 2.2 s without). The lower tiers stay on. A watching process lives
 * on and keeps them all.
 */
import v8 from 'node:v8';

export function limitTiersForOneRun(argv: readonly string[]): void {
  if (argv.includes('--watch') || argv.includes('-w')) return;
  v8.setFlagsFromString('--max-opt=2');
}
