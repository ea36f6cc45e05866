/**
 * The mutation report's bookkeeping: which accepted reason a survivor gets, and which reasons no
 * survivor uses. Run on a small Stryker report written for the test (the real ones are git-ignored).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReports } from '../scripts/mutation/report.js';

/** A Stryker JSON report of one core.ts-like file: each mutant replaces [line, from, to) of the source. */
function report(
  source: string,
  mutants: Array<[line: number, from: number, to: number, mutator: string, replacement: string]>,
) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'mutation-report-')), 'report.json');
  const entries = mutants.map(([line, from, to, mutatorName, replacement]) => ({
    mutatorName,
    replacement,
    status: 'Survived',
    location: { start: { line, column: from }, end: { line, column: to } },
  }));
  writeFileSync(file, JSON.stringify({ files: { 'templates/runtime/core.ts': { source, mutants: entries } } }));
  return file;
}

describe('the mutation report', () => {
  it('matches an entry that names its line only on that line, and an entry without one on the code alone', () => {
    const source = [
      "const a = value ?? '';",
      "const b = other ?? '';",
      "const type = (response.headers.get('content-type') ?? '').toLowerCase();",
      'if (remaining <= 0) stop();',
    ].join('\n');
    const { survivors } = readReports([
      report(source, [
        [1, 20, 22, 'StringLiteral', '"Stryker was here!"'],
        [2, 20, 22, 'StringLiteral', '"Stryker was here!"'],
        [3, 55, 57, 'StringLiteral', '"Stryker was here!"'],
        [4, 5, 19, 'EqualityOperator', 'remaining < 0'],
      ]),
    ]);
    expect(survivors.map((survivor) => [survivor.line, survivor.original, survivor.reason?.slice(0, 30)])).toEqual([
      // Neither line 1 nor line 2 is the line `return value ?? ''` that the fillVariables entry names.
      [1, "''", undefined],
      [2, "''", undefined],
      [3, "''", 'A CSV answer without a Content'],
      [4, 'remaining <= 0', 'Differs only when a wait or an'],
    ]);
  });

  it('lists the accepted reasons of the files read that match no survivor, and none of other files', () => {
    const { unused } = readReports([
      report('if (remaining <= 0) stop();', [[1, 5, 19, 'EqualityOperator', 'remaining < 0']]),
    ]);
    const originals = unused.map((entry) => entry.original);
    expect(originals).toContain('Date.now() + delay < deadline');
    expect(originals).not.toContain('remaining <= 0');
    expect(unused.every((entry) => entry.file === 'runtime/core.ts')).toBe(true);
  });
});
