/**
 * Saved response bodies in the docs: the head of a JSON body is exactly the first lines of its
 * pretty-printed form (printed without the rest), and a body is said to be cut exactly when
 * something is left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonHead, parseExample } from '../generator/docs/json-example.js';
import { shownSample } from '../generator/docs/notes.js';

const CUT = '\n… (cut here; the collection holds the whole example)';

/** What the head must be: the whole pretty-printed text, cut by lines then by characters. */
function expectedHead(value: unknown, maxLines: number, maxChars: number): { text: string; whole: boolean } {
  const full = JSON.stringify(value, null, 2);
  const text = full.split('\n').slice(0, maxLines).join('\n').slice(0, maxChars);
  return { text, whole: text.length === full.length };
}

describe('jsonHead', () => {
  it('is the first lines of JSON.stringify(value, null, 2), for any JSON value and bounds', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 3_000 }),
        (value, maxLines, maxChars) => {
          const expected = expectedHead(value, maxLines, maxChars);
          expect(jsonHead(value, maxLines, maxChars)).toEqual(expected);
          // Told the length of the text the value came from, it may print the whole value at once.
          expect(jsonHead(value, maxLines, maxChars, JSON.stringify(value).length)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is whole exactly at the bounds, and cut one line or one character past them', () => {
    const value = { a: [1, 2], b: 'x' };
    const full = JSON.stringify(value, null, 2);
    const lines = full.split('\n').length;
    expect(jsonHead(value, lines, full.length)).toEqual({ text: full, whole: true });
    expect(jsonHead(value, lines - 1, full.length).whole).toBe(false);
    expect(jsonHead(value, lines, full.length - 1)).toEqual({ text: full.slice(0, -1), whole: false });
  });

  it('prints empty containers, escaped keys and numbers as JSON.stringify does', () => {
    const value = JSON.parse('{"":{},"a\\"b":[],"n":-0,"e":1e21,"u":"\\u2028","__proto__":[{}]}') as unknown;
    expect(jsonHead(value, 100, 10_000)).toEqual({ text: JSON.stringify(value, null, 2), whole: true });
  });
});

describe('shownSample', () => {
  const rows = Array.from({ length: 100 }, (_, id) => ({ id, name: `row ${id}` }));

  it('shows a long JSON body as its first 40 pretty-printed lines, and says it is cut', () => {
    const { text, language } = shownSample({ name: 'ok', body: JSON.stringify({ rows }) });
    expect(language).toBe('json');
    const head = JSON.stringify({ rows }, null, 2).split('\n').slice(0, 40).join('\n');
    expect(text).toBe(`${head}${CUT}`);
  });

  it('shows a short JSON body whole, pretty-printed', () => {
    const body = JSON.stringify({ rows: rows.slice(0, 2) });
    expect(shownSample({ name: 'ok', body })).toEqual({
      text: JSON.stringify(JSON.parse(body), null, 2),
      language: 'json',
    });
  });

  it('shows text as it is, cut at 40 lines', () => {
    const short = 'a\nb';
    expect(shownSample({ name: 't', body: short })).toEqual({ text: short, language: 'text' });
    const long = Array.from({ length: 41 }, (_, n) => `line ${n}`).join('\n');
    expect(shownSample({ name: 't', body: long }).text).toBe(`${long.split('\n').slice(0, 40).join('\n')}${CUT}`);
  });

  it('shows a body the model cut as text, however valid its head looks', () => {
    expect(shownSample({ name: 'cut', body: '{"a": 1}', truncated: true })).toEqual({
      text: `{"a": 1}${CUT}`,
      language: 'text',
    });
  });
});

describe('parseExample', () => {
  const nested = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it('takes JSON nested up to 64 arrays and objects deep, and leaves deeper or broken text as text', () => {
    expect(parseExample(nested(64))?.value).toEqual(JSON.parse(nested(64)));
    expect(parseExample(`{"a":${nested(63)}}`)?.value).toEqual({ a: JSON.parse(nested(63)) });
    expect(parseExample(nested(65))).toBeUndefined();
    expect(parseExample(`{"a":${nested(64)}}`)).toBeUndefined();
    expect(parseExample(`[1,{"b":[2]},${nested(5_000)}]`)).toBeUndefined();
    expect(parseExample('{"a": 1')).toBeUndefined();
    expect(parseExample('"text"')).toEqual({ value: 'text', holdsReference: false });
  });

  it('says whether an object anywhere in the example has a $ref member', () => {
    expect(parseExample('{"a":[{"b":{"$ref":"#/x"}}]}')?.holdsReference).toBe(true);
    expect(parseExample('[[{"$ref":1}]]')?.holdsReference).toBe(true);
    expect(parseExample('{"a":"$ref","b":["$ref"],"c":{"ref":1}}')?.holdsReference).toBe(false);
    expect(parseExample('{"__proto__":{"$ref":"x"}}')?.holdsReference).toBe(true);
  });

  it('lets a 5,000-level saved body show as text in the docs', () => {
    const body = nested(5_000);
    expect(shownSample({ name: 'deep', body })).toEqual({ text: body.slice(0, 2_000) + CUT, language: 'text' });
  });
});
