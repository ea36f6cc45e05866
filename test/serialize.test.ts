import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serializeModel } from '../generator/model/serialize.js';
import type { ApiModel } from '../generator/model/types.js';

/** The reading of the model.json format: JSON.stringify of a copy with every object's keys sorted. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortedCopy(item);
    }
    return sorted;
  }
  return value;
}

describe('model.json', () => {
  it('is JSON.stringify of the model with sorted keys, two-space indented, with a final newline', () => {
    // Keys that are array indexes come first in a JavaScript object, whatever the insertion order.
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('0', '2', '10', '200', '01', '-1', '4294967295'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 5 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (model) => {
        expect(serializeModel(model as unknown as ApiModel)).toBe(`${JSON.stringify(sortedCopy(model), null, 2)}\n`);
      }),
      { numRuns: 500 },
    );
  });
});
