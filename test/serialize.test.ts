import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serializeModel } from '../generator/model/serialize.js';
import type { ApiModel } from '../generator/model/types.js';

/** The same value with every object's keys inserted in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reversed(item)]),
    );
  return value;
}

/** The value JSON keeps: undefined object members dropped, undefined array items null. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? 'null');
}

describe('model.json', () => {
  const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('0', '2', '10', '200', 'b', 'a', 'B', '__proto__'));
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(key, tie('node'), { maxKeys: 5 }),
    ),
  })).node;
  const model = fc.dictionary(key, value, { maxKeys: 6 });

  it('holds the model as JSON, two-space indented, with a final newline', () => {
    fc.assert(
      fc.property(model, (generated) => {
        const text = serializeModel(generated as unknown as ApiModel);
        expect(text.endsWith('}\n')).toBe(true);
        expect(JSON.parse(text)).toEqual(asJson(generated));
        expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('is the same bytes whatever order the model was built in', () => {
    fc.assert(
      fc.property(model, (generated) => {
        expect(serializeModel(reversed(generated) as ApiModel)).toBe(serializeModel(generated as unknown as ApiModel));
      }),
      { numRuns: 300 },
    );
  });
});
