/**
 * The paging note on the page: its shared head is rendered once and the call added by hand, which
 * must give exactly what rendering the whole note would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReferenceOperation } from '../generator/docs/reference.js';
import { pagingNote, pagingNoteHtml } from '../generator/docs/notes.js';
import { renderDescription } from '../generator/docs/render-markdown.js';

const identifier = fc.stringMatching(/^[A-Za-z_$\u00e9\u65e5][A-Za-z0-9_$\u00e9\u65e5]{0,12}$/);
const memberPath = fc.array(identifier, { minLength: 1, maxLength: 3 }).map((parts) => ['client', ...parts].join('.'));
const text = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '0',
    ' ',
    '`',
    '<',
    '>',
    '&',
    '"',
    '|',
    '*',
    '_',
    '[',
    ']',
    '\n',
    '\u00e9',
    '\u2026',
    '\ud83d\ude00',
  ),
  maxLength: 12,
});

function entryOf(path: string, pagination: Record<string, string> | undefined): ReferenceOperation {
  return { memberPath: path, operation: { pagination } } as unknown as ReferenceOperation;
}

describe('pagingNoteHtml', () => {
  it('is the paging note rendered whole, for any member path and items place', () => {
    fc.assert(
      fc.property(
        memberPath,
        fc.oneof(fc.constantFrom('', 'csv'), text),
        fc.option(text, { nil: undefined }),
        fc.option(text, { nil: undefined }),
        (path, itemsAt, bodyLinks, pageParam) => {
          const pagination = {
            itemsAt,
            ...(bodyLinks ? { bodyLinks } : {}),
            ...(pageParam ? { pageParam } : {}),
          };
          const entry = entryOf(path, pagination);
          expect(pagingNoteHtml(entry)).toBe(renderDescription(pagingNote(entry) as string));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is nothing for a list that does not page', () => {
    expect(pagingNoteHtml(entryOf('client.devices.get', undefined))).toBeUndefined();
    expect(pagingNote(entryOf('client.devices.get', undefined))).toBeUndefined();
  });
});
