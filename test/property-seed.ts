/**
 * One fast-check seed for every property of a test file, so that any failure replays: the seed
 * comes from `FC_SEED` when set, and is printed with every failing test.
 */
import fc from 'fast-check';
import { beforeEach } from 'vitest';

function seedOf(text: string | undefined): number {
  if (text === undefined || text === '') return Math.floor(Math.random() * 2 ** 31);
  if (!/^-?\d+$/.test(text)) throw new Error(`FC_SEED must be an integer, not ${JSON.stringify(text)}`);
  return Number(text);
}

const seed = seedOf(process.env.FC_SEED);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });

beforeEach(({ onTestFailed, task }) => {
  onTestFailed(() => console.error(`"${task.name}" failed: replay its properties with FC_SEED=${seed}`));
});
