/**
 * The identifier tables the name rules use are TypeScript's own answers: a TypeScript upgrade
 * that accepts other letters fails here until `scripts/tables/identifier-tables.ts` is run again.
 */
import { describe, expect, it } from 'vitest';
import { IDENTIFIER_PART, IDENTIFIER_START } from '../generator/model/identifier-tables.js';
import { memberName } from '../generator/model/names.js';
import { acceptedRanges, typeScriptPart, typeScriptStart } from '../scripts/tables/identifier-tables.js';

describe('identifier tables', () => {
  it('match what the installed TypeScript accepts, for every code point', () => {
    expect(IDENTIFIER_START).toEqual(acceptedRanges(typeScriptStart));
    expect(IDENTIFIER_PART).toEqual(acceptedRanges(typeScriptPart));
  });

  it('decide names at the edges of the tables', () => {
    // U+A7D2 is a letter for V8 but not for TypeScript 5.9: it becomes a separator.
    expect(memberName('caf\u00e9\ua7d2bar')).toBe('caf\u00e9Bar');
    // A letter TypeScript accepts is kept; a combining mark may continue a name but not start one.
    expect(memberName('\u00e9t\u00e9')).toBe('\u00e9t\u00e9');
    expect(memberName('\u0301abc')).toBe('_\u0301abc');
  });
});
