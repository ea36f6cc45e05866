/**
 * A fast reader for the plain block YAML that Postman (and YAML libraries) write for v3 files. It
 * answers only for texts inside the subset below and returns undefined for anything else, so that
 * the full parser reads those (and reports every error): this reader never judges a file invalid.
 * For the files it answers, the value is the one the full parser gives (test/v3-plain-yaml.test.ts
 * compares the two on generated and on hostile YAML). Plain scalars are resolved by the caller,
 * with the full parser's own schema.
 *
 * The subset, line by line (one line is one construct; anything else is "not plain"):
 * - the text ends with a line break and holds no tab, carriage return, BOM, control character,
 *   blank line (except inside a literal block), comment, directive, document marker, anchor,
 *   alias, tag, complex key, flow collection (except empty `[]` and `{}`) or trailing space;
 * - the top level is a block mapping at column 0; entries are `key: value` or `key:` followed by a
 *   more indented block, or by a sequence at the same indent, or by nothing (null);
 * - keys are plain words (a letter, `$` or `_`, then letters, digits, `$_./-` and single inner
 *   spaces, under 1,000 characters) that resolve to strings, never repeated in one mapping;
 * - sequence items are `- value` or `- key: value` (a mapping whose next keys are indented by 2);
 * - values are a plain one-line scalar (not starting with an indicator, holding no ": " or " #",
 *   not ending in ":"), a single-quoted scalar (on one line, or folded over non-empty lines
 *   indented deeper than their mapping), a double-quoted scalar on one line written as a JSON
 *   string literal, a `|` or `|-` literal block, `[]` or `{}`.
 */

/** Resolves a plain scalar as the full parser would (null, boolean, number or string); throws if it cannot. */
export type PlainResolver = (plain: string) => unknown;

class NotPlain extends Error {}

/** Says that a text is outside the subset (the resolver calls it for a scalar it cannot resolve). */
export const notPlain = (): never => {
  throw new NotPlain();
};

const OUTSIDE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]| \n/;
const KEY_LINE = /^([A-Za-z$_][\w$./-]*(?: [\w$./-]+)*):(?: (.*))?$/;
const PLAIN_START = /^(?:[^-?:,[\]{}#&*!|>'"%@`\s]|[-?:][^\s,[\]{}])/;
const PLAIN_BREAKS = /: |:$| #/;
const JSON_STRING = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"$/;
const SINGLE_QUOTED_PART = /^(?:[^']|'')*$/;

const indentOf = (line: string): number => {
  let indent = 0;
  while (line.charCodeAt(indent) === 32) indent++;
  return indent;
};

/** Sets a key as the full parser does: keys that objects inherit (`__proto__`, `constructor`) become own keys. */
function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.hasOwn(map, key)) notPlain(); // a repeated key is an error the full parser reports
  if (key in map) Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}

/** The value of a text inside the subset, or undefined when the text is outside it. */
export function readPlainYaml(text: string, resolve: PlainResolver): Record<string, unknown> | undefined {
  if (!text.endsWith('\n') || OUTSIDE.test(text)) return undefined;
  const lines = text.split('\n');
  lines.pop();
  // The line being read. Each reader below starts on its first line and leaves `at` on the first line after it.
  let at = 0;

  const keyOf = (plain: string): string => {
    if (plain.length >= 1000 || typeof resolve(plain) !== 'string') notPlain();
    return plain;
  };

  /** A single-quoted scalar that starts `rest`, folded over the lines below while unclosed. */
  const singleQuoted = (rest: string, parent: number): string => {
    const parts: string[] = [];
    for (let part = rest.slice(1); ;) {
      const close = /^((?:[^']|'')*)'$/.exec(part);
      if (close) {
        parts.push(close[1] as string);
        break;
      }
      if (part === '' || !SINGLE_QUOTED_PART.test(part)) notPlain();
      parts.push(part);
      const next = lines[++at];
      if (next === undefined || next === '' || indentOf(next) <= parent) return notPlain();
      part = next.trimStart();
    }
    at++;
    if (parts.length > 1 && parts.includes('')) notPlain();
    return parts.join(' ').replace(/''/g, "'");
  };

  /** A `|` or `|-` literal block: the lines below, indented deeper than `parent`. */
  const literal = (header: string, parent: number): string => {
    if (header !== '|' && header !== '|-') notPlain();
    const first = lines[++at];
    if (first === undefined || first === '') return notPlain();
    const indent = indentOf(first);
    if (indent <= parent) notPlain();
    const content: string[] = [];
    for (let line: string | undefined = first; line !== undefined; line = lines[++at]) {
      if (line !== '' && indentOf(line) < indent) break;
      content.push(line.slice(indent));
    }
    while (content.at(-1) === '') content.pop();
    return content.join('\n') + (header === '|' ? '\n' : '');
  };

  /** The value written after "key: " or "- " on the current line. */
  const inline = (rest: string, parent: number): unknown => {
    const first = rest[0];
    if (first === "'") return singleQuoted(rest, parent);
    if (first === '|') return literal(rest, parent);
    at++;
    if (rest === '[]') return [];
    if (rest === '{}') return {};
    if (first === '"') return JSON_STRING.test(rest) ? JSON.parse(rest) : notPlain();
    if (!PLAIN_START.test(rest) || PLAIN_BREAKS.test(rest)) notPlain();
    return resolve(rest);
  };

  /** What follows "key:" with nothing after it: a deeper block, a sequence at the same indent, or null. */
  const nested = (indent: number): unknown => {
    const next = lines[at];
    if (next === undefined) return null;
    const nextIndent = indentOf(next);
    const dash = next.startsWith('- ', nextIndent);
    if (nextIndent > indent || (nextIndent === indent && dash))
      return dash ? sequence(nextIndent) : mapping(nextIndent);
    return null;
  };

  /** Whether the block at `indent` goes on at the current line (and the line is not deeper than it). */
  const goesOn = (indent: number): boolean => {
    const next = lines[at];
    if (next === undefined) return false;
    const nextIndent = indentOf(next);
    if (nextIndent > indent) notPlain();
    return nextIndent === indent;
  };

  function mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    do {
      const entry = KEY_LINE.exec((lines[at] as string).slice(indent));
      if (!entry) return notPlain();
      const key = keyOf(entry[1] as string);
      const rest = entry[2];
      if (rest === undefined) {
        at++;
        setKey(map, key, nested(indent));
      } else if (rest === '' || rest.startsWith(' ')) notPlain();
      else setKey(map, key, inline(rest, indent));
    } while (goesOn(indent));
    return map;
  }

  function sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    do {
      const rest = (lines[at] as string).slice(indent + 2);
      if (KEY_LINE.test(rest)) {
        // "- key: value": a mapping whose keys start two columns to the right of the dash.
        lines[at] = ' '.repeat(indent + 2) + rest;
        items.push(mapping(indent + 2));
      } else if (rest === '' || rest.startsWith(' ')) notPlain();
      else items.push(inline(rest, indent));
    } while (goesOn(indent) && (lines[at] as string).startsWith('- ', indent));
    return items;
  }

  try {
    if (lines.length === 0 || indentOf(lines[0] as string) !== 0) return undefined;
    const value = mapping(0);
    return at === lines.length ? value : undefined;
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}
