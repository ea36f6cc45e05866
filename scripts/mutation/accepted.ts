/**
 * Surviving mutants accepted after reading them: each is equivalent (no behaviour can tell it from
 * the original) or changes only something no contract promises. Matched by `report.ts` on the
 * file, the mutator and the code replaced (whitespace collapsed), so line moves keep them.
 */
export interface Accepted {
  /** The file's path, or its end (`runtime/core.ts`). */
  file: string;
  mutator: string;
  /** The code the mutant replaces. */
  original: string;
  /** The mutant's code, when only this replacement of `original` is accepted. */
  replacement?: string;
  reason: string;
}

export const ACCEPTED: Accepted[] = [];
