/**
 * Every string from a collection that lands in generated code goes through one of these,
 * chosen for the place it lands. Identifiers never come from here: they come from names.ts.
 */

const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/;

/**
 * A global replace that tests for a match first and returns the text itself when there is none:
 * most texts hold nothing to replace, and a test costs a fraction of a replace that finds nothing
 * (about 40 ns against 160 on a short name, thousands of times on a large collection).
 */
export function replacing(
  pattern: RegExp,
  by: (match: string, ...groups: Array<string | undefined>) => string,
): (text: string) => string {
  const found = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  return (text) => (found.test(text) ? text.replace(pattern, by) : text);
}

/** JSON text with U+2028/U+2029 escaped: JSON.stringify leaves them raw. */
const withSeparatorsEscaped = replacing(/[\u2028\u2029]/g, (char) => (char === '\u2028' ? '\\u2028' : '\\u2029'));

/** A JavaScript string literal; JSON.stringify leaves U+2028/U+2029 raw, so they are escaped too. */
export function stringLiteral(value: string): string {
  return withSeparatorsEscaped(JSON.stringify(value));
}

/** Any JSON-able value as a literal, with the same care for line separators. */
export function jsonLiteral(value: unknown): string {
  return withSeparatorsEscaped(JSON.stringify(value) ?? 'undefined');
}

/** Lines for a /** … *\/ comment: nothing inside can close the comment early. */
export function commentLines(text: string): string[] {
  return text.split(LINE_BREAKS).map((line) =>
    line
      .replace(/\*\//g, '*\\/')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .trimEnd(),
  );
}

/** Generated docs keep at most this many lines of a description (model.json keeps it whole). */
export const MAX_DOC_LINES = 200;
/** …and at most this many characters a line. */
export const MAX_DOC_LINE_LENGTH = 1000;

/** The lines of a doc comment for a description: escaped, and cut to a size a reader (and prettier) can take. */
export function docLines(text: string): string[] {
  const lines = commentLines(text.trim()).map((line) =>
    line.length > MAX_DOC_LINE_LENGTH ? `${line.slice(0, MAX_DOC_LINE_LENGTH)}…` : line,
  );
  return lines.length > MAX_DOC_LINES
    ? [...lines.slice(0, MAX_DOC_LINES), '', `… (${lines.length - MAX_DOC_LINES} more lines in model.json)`]
    : lines;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name in a type or object literal: bare when it can be, quoted otherwise. */
export function propertyKey(name: string): string {
  return PLAIN_KEY.test(name) && name !== '__proto__' ? name : stringLiteral(name);
}
