/**
 * Every string from a collection that lands in generated code goes through one of these,
 * chosen for the place it lands. Identifiers never come from here: they come from names.ts.
 */

const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/;

const LINE_SEPARATORS = /[\u2028\u2029]/;

/** JSON text with U+2028/U+2029 escaped: JSON.stringify leaves them raw. Most texts hold neither: a test, no replace. */
function withSeparatorsEscaped(json: string): string {
  return LINE_SEPARATORS.test(json) ? json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : json;
}

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
