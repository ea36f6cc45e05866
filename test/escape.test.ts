/**
 * String literals in generated code: JSON.stringify leaves U+2028 and U+2029 raw, which older
 * parsers (and some tools reading the code) take for line ends; the literal escapes them and still
 * reads back as the same text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLiteral, stringLiteral } from '../generator/emit/escape.js';

const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u2028', '\u2029', 'é', '😀', '\u0000') });

describe('string and JSON literals', () => {
  it('escape the line separators and read back as the same value', () => {
    fc.assert(
      fc.property(text, (value) => {
        const literal = stringLiteral(value);
        expect(literal).not.toMatch(/[\u2028\u2029]/);
        expect(JSON.parse(literal)).toBe(value);
        const json = jsonLiteral({ value, list: [value] });
        expect(json).not.toMatch(/[\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual({ value, list: [value] });
      }),
    );
    expect(stringLiteral('a\u2028b\u2029')).toBe('"a\\u2028b\\u2029"');
    expect(jsonLiteral(undefined)).toBe('undefined');
  });
});
