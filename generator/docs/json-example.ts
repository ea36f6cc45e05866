import type { RequestBody, ResponseSample } from '../model/types.js';
import { oncePer } from './once.js';

/** Examples are used only when shallow enough to print: a 5,000-level body would overflow JSON.stringify's stack. */
const MAX_DEPTH = 64;

/** A parsed example; `holdsReference` when an object anywhere in it has a `$ref` member (see the OpenAPI export). */
export interface ParsedExample {
  value: unknown;
  holdsReference: boolean;
}

/**
 * Whether a parsed JSON value nests at most `limit` arrays and objects deep (the walk stops past
 * it); on the way, notes in `found` whether an object has a `$ref` member.
 */
function depthWithin(value: unknown, limit: number, found: { holdsReference: boolean }): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (limit === 0) return false;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (item !== null && typeof item === 'object' && !depthWithin(item, limit - 1, found)) return false;
    }
    return true;
  }
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, '$ref')) found.holdsReference = true;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item !== null && typeof item === 'object' && !depthWithin(item, limit - 1, found)) return false;
  }
  return true;
}

/** The example as a JSON value, or undefined when it is not JSON or nests deeper than can be shown. */
export function parseExample(text: string): ParsedExample | undefined {
  let value: unknown;
  try {
    // V8 parses without recursion: only printing needs the depth bound.
    value = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  const found = { holdsReference: false };
  return depthWithin(value, MAX_DEPTH, found) ? { value, holdsReference: found.holdsReference } : undefined;
}

/** A saved response body parsed once, for the docs and the OpenAPI export alike (neither changes the value). */
export const parsedSample = oncePer((sample: ResponseSample) => parseExample(sample.body));

/** A request body's examples parsed once, in order, for the docs, the snippets and the OpenAPI export alike. */
export const parsedBodyExamples = oncePer((body: RequestBody) => body.examples.map(parseExample));

/** The first `maxLines` lines of a text, then its first `maxChars` characters; `whole` when nothing was left out. */
function headOf(text: string, maxLines: number, maxChars: number): { text: string; whole: boolean } {
  let end = -1;
  for (let line = 0; line < maxLines && end < text.length; line++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) end = text.length;
  }
  const head = text.slice(0, Math.min(end, maxChars));
  return { text: head, whole: head.length === text.length };
}

/**
 * The first lines of `JSON.stringify(value, null, 2)`, at most `maxLines` of them and `maxChars`
 * characters, without printing the rest: docs show the head of examples of up to 16,000
 * characters, thousands of them on one page. `whole` says whether nothing was left out.
 * `value` is a parsed JSON value (no undefined, functions or cycles), as parseExample gives;
 * `sourceLength`, when known, the length of the text it was parsed from.
 */
export function jsonHead(
  value: unknown,
  maxLines: number,
  maxChars: number,
  sourceLength = Infinity,
): { text: string; whole: boolean } {
  // From a short text, printing the whole value natively is faster than printing its head here.
  if (sourceLength <= maxChars) return headOf(JSON.stringify(value, null, 2), maxLines, maxChars);
  const lines: string[] = [];
  let chars = -1;
  // Past either bound the head is known to be cut: printing stops there.
  const full = (): boolean => lines.length > maxLines || chars > maxChars;
  const push = (line: string): void => {
    lines.push(line);
    chars += line.length + 1;
  };
  const print = (item: unknown, indent: string, prefix: string, suffix: string): void => {
    if (item === null || typeof item !== 'object') return push(`${indent}${prefix}${JSON.stringify(item)}${suffix}`);
    const array = Array.isArray(item);
    const keys = array ? undefined : Object.keys(item);
    const length = keys ? keys.length : (item as unknown[]).length;
    if (length === 0) return push(`${indent}${prefix}${array ? '[]' : '{}'}${suffix}`);
    push(`${indent}${prefix}${array ? '[' : '{'}`);
    const inner = `${indent}  `;
    for (let index = 0; index < length && !full(); index++) {
      const key = keys?.[index];
      const element = key === undefined ? (item as unknown[])[index] : (item as Record<string, unknown>)[key];
      print(element, inner, key === undefined ? '' : `${JSON.stringify(key)}: `, index < length - 1 ? ',' : '');
    }
    push(`${indent}${array ? ']' : '}'}${suffix}`);
  };
  print(value, '', '', '');
  return { text: lines.slice(0, maxLines).join('\n').slice(0, maxChars), whole: !full() };
}
