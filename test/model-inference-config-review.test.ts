/**
 * The `inference` block's checks, the cases the mutation review of generator/model/inference-config.ts
 * found untested: misspelt thresholds and lists where a map belongs (both were taken without a word),
 * and values that only a type check refuses.
 */
import { describe, expect, it } from 'vitest';
import { validateInference } from '../generator/model/inference-config.js';
import { CodegenError } from '../generator/errors.js';

/** The place and message of the error validateInference gives, or undefined when it accepts. */
function failureOf(config: unknown): string | undefined {
  try {
    validateInference(config, 'codegen.json', 'inference');
  } catch (error) {
    if (!(error instanceof CodegenError)) throw error;
    return `${error.where ?? ''}: ${error.message}`;
  }
  return undefined;
}

describe('validateInference', () => {
  it('refuses a misspelt enum threshold, which would leave the default in place', () => {
    expect(failureOf({ enums: { maxValue: 3 } })).toBe('inference.enums.maxValue: has an unknown key "maxValue".');
    expect(failureOf({ enums: { maxValues: 3, exclude: ['id'] } })).toBe(
      'inference.enums.exclude: has an unknown key "exclude".',
    );
  });

  it('refuses a list where a map belongs', () => {
    for (const enums of [[], [3]])
      expect(failureOf({ enums })).toBe('inference.enums: "enums" must be false or an object.');
    for (const requiredFields of [[], [['name']]])
      expect(failureOf({ requiredFields })).toBe(
        'inference.requiredFields: "requiredFields" must map operations to arrays of field names.',
      );
    for (const entities of [[], ['Device']])
      expect(failureOf({ entities })).toBe(
        'inference.entities: "entities" must map entity names to a PascalCase name or false.',
      );
  });

  it('refuses entities that are a number, and a name given inside a list', () => {
    for (const entities of [7, { Account: ['Ledger'] }])
      expect(failureOf({ entities })).toBe(
        'inference.entities: "entities" must map entity names to a PascalCase name or false.',
      );
  });
});
