/**
 * Malformed and odd collections of every shape: the generator builds and emits a client, or
 * refuses with a CodegenError (a clear, item-naming message). Any other exception is a crash.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CodegenError } from '../generator/errors.js';
import { parseCollection } from '../generator/load/index.js';
import { buildModel } from '../generator/model/index.js';
import { emitClient } from '../generator/emit/index.js';
import { collection } from './fuzz-collections.js';

describe('malformed collections', () => {
  it('either build and emit, or fail with a CodegenError: never anything else', async () => {
    const outcomes = { emitted: 0, refused: new Map<string, number>() };
    await fc.assert(
      fc.asyncProperty(collection, async (json) => {
        try {
          const { model } = buildModel(parseCollection(JSON.stringify(json), 'fuzz.json'));
          await emitClient(model);
          outcomes.emitted++;
        } catch (error) {
          if (!(error instanceof CodegenError)) throw error;
          const reason = error.message.slice(0, 40);
          outcomes.refused.set(reason, (outcomes.refused.get(reason) ?? 0) + 1);
        }
      }),
      { numRuns: 400 },
    );
    // The input generator is only useful if many inputs get through the whole pipeline.
    expect(outcomes.emitted, JSON.stringify([...outcomes.refused])).toBeGreaterThan(100);
  }, 240_000);
});
