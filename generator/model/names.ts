/**
 * Safe, stable, readable identifiers from collection names.
 *
 * Every name a collection supplies (folder, request, parameter) passes through here before it
 * becomes code. The rules: split into words on anything that cannot be part of an identifier
 * (punctuation, emoji, spaces, line separators), case the words, repair a leading character that
 * cannot start an identifier, and move reserved words aside with a trailing underscore.
 * Collisions are resolved by `uniqueNames`, which does not depend on the order of its input,
 * so reordering a collection never renames anything.
 */

import { IDENTIFIER_PART, IDENTIFIER_START } from './identifier-tables.js';

const WORD_SEPARATOR = /[^\p{ID_Continue}]+|_+/u;
const ASCII = /^[\x00-\x7f]*$/;

/** Whether a code point falls in one of the [first, last] pairs of a sorted range table. */
function inRanges(table: readonly number[], codePoint: number): boolean {
  let low = 0;
  let high = table.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (codePoint < (table[2 * middle] as number)) high = middle - 1;
    else if (codePoint > (table[2 * middle + 1] as number)) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * Letters TypeScript itself accepts in identifiers. Its Unicode tables are older than the
 * engine's: a letter added recently (U+A7D2, say) is \p{ID_Start} for V8 but a syntax error for
 * tsc and prettier, so TypeScript's own scanner decides, through tables taken from it. `_` and `$`
 * are never asked: the word splitter takes them for separators.
 */
function acceptedByTypeScript(codePoint: number, start: boolean): boolean {
  if (codePoint < 128)
    return /[A-Za-z]/.test(String.fromCharCode(codePoint)) || (!start && codePoint >= 48 && codePoint <= 57);
  return inRanges(start ? IDENTIFIER_START : IDENTIFIER_PART, codePoint);
}

/** Whether TypeScript's scanner reads the whole text as one identifier name (its own Unicode tables, not the engine's). */
export function isTypeScriptIdentifierName(text: string): boolean {
  let first = true;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!(char === '_' || char === '$' || acceptedByTypeScript(codePoint, first))) return false;
    first = false;
  }
  return !first;
}

/** Characters TypeScript would reject become separators. */
function keepIdentifierCharacters(text: string): string {
  // ASCII needs no table: the word splitter already treats punctuation as a separator.
  if (ASCII.test(text)) return text;
  let out = '';
  for (const char of text) out += acceptedByTypeScript(char.codePointAt(0) ?? 0, false) ? char : ' ';
  return out;
}

/**
 * JavaScript and TypeScript words that cannot name a binding (function, const, parameter). The
 * globals `NaN` and `Infinity` need no place: no binding name starts with a capital letter.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'arguments',
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'eval',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'implements',
  'import',
  'in',
  'instanceof',
  'interface',
  'let',
  'new',
  'null',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'static',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'undefined',
  'var',
  'void',
  'while',
  'with',
  'yield',
]);

/**
 * Property names that would break an object or class carrying them, or be found on every object
 * without being set: Object.prototype's own names (`constructor`, `isPrototypeOf`, `__proto__`…),
 * `prototype`, `then` (it would make the object awaitable) and `toJSON`.
 */
export const RESERVED_MEMBERS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
  'then',
  'toJSON',
]);

/**
 * Members every generated resource class has before its own: the client core its operations call
 * through. A sub-resource or operation of that name would hide it and break the class.
 */
export const RESOURCE_CLASS_MEMBERS: ReadonlySet<string> = new Set(['core']);

/** Global type and value names that a generated PascalCase name must not shadow. */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  'Array',
  'ArrayBuffer',
  'Blob',
  'Boolean',
  'Date',
  'Error',
  'File',
  'FormData',
  'Function',
  'Headers',
  'Iterable',
  'JSON',
  'Map',
  'Math',
  'Number',
  'Object',
  'Omit',
  'Partial',
  'Pick',
  'Promise',
  'Readonly',
  'Record',
  'Request',
  'RequestInit',
  'Required',
  'Response',
  'Set',
  'String',
  'Symbol',
  'URL',
  'URLSearchParams',
  'Uint8Array',
]);

/**
 * Names are asked for again and again (the same field names in every example of a large
 * collection): the pure functions below remember their answers for the run.
 */
function remembered<T>(compute: (text: string, fallback: string) => T): (text: string, fallback: string) => T {
  const answers = new Map<string, T>();
  return (text, fallback) => {
    const key = `${fallback}\u0000${text}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(text, fallback);
      // A long-lived process (watch mode) starts over rather than growing without end.
      if (answers.size >= 100_000) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}

const rememberedWords = remembered((text) => Object.freeze(wordsOf(text)));

/** Splits free text into identifier words, also at camelCase boundaries ("getHTTPStatus" → get, HTTP, Status). */
export function splitWords(text: string): readonly string[] {
  return rememberedWords(text, '');
}

function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const chunk of keepIdentifierCharacters(text.normalize('NFC')).split(WORD_SEPARATOR)) {
    const parts = chunk
      .replace(/(\p{Ll}|\p{Nd})(\p{Lu})/gu, '$1\u0000$2')
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1\u0000$2')
      .split('\u0000');
    for (const part of parts) if (part !== '') words.push(part);
  }
  return words;
}

function capitalise(word: string): string {
  const lower = word.toLowerCase();
  const first = String.fromCodePoint(lower.codePointAt(0) ?? 0);
  return first.toUpperCase() + lower.slice(first.length);
}

function repairStart(cased: string, fallback: string): string {
  // Casing can map an accepted letter to one TypeScript does not know: filter once more.
  const name = ASCII.test(cased)
    ? cased
    : [...cased].filter((char) => acceptedByTypeScript(char.codePointAt(0) ?? 0, false)).join('');
  if (name === '') return fallback;
  return acceptedByTypeScript(name.codePointAt(0) ?? 0, true) ? name : `_${name}`;
}

export function camelCase(words: readonly string[], fallback: string): string {
  const joined = words.map((word, i) => (i === 0 ? word.toLowerCase() : capitalise(word))).join('');
  return repairStart(joined, fallback);
}

export function pascalCase(words: readonly string[], fallback: string): string {
  return repairStart(words.map(capitalise).join(''), fallback);
}

const rememberedMember = remembered((text, fallback) => {
  const name = camelCase(splitWords(text), fallback);
  return RESERVED_MEMBERS.has(name) ? `${name}_` : name;
});

/** A camelCase name safe as an object or class member. */
export function memberName(text: string, fallback = 'value'): string {
  return rememberedMember(text, fallback);
}

const rememberedBinding = remembered((text, fallback) => {
  const name = camelCase(splitWords(text), fallback);
  return RESERVED_WORDS.has(name) || RESERVED_MEMBERS.has(name) ? `${name}_` : name;
});

/** A camelCase name safe as a binding (parameter, variable, function). */
export function bindingName(text: string, fallback = 'value'): string {
  return rememberedBinding(text, fallback);
}

/** A PascalCase name safe as a type or class name. */
export function typeName(text: string | readonly string[], fallback = 'Value'): string {
  const words = typeof text === 'string' ? splitWords(text) : text.flatMap((part) => splitWords(part));
  const name = pascalCase(words, fallback);
  return RESERVED_TYPE_NAMES.has(name) ? `${name}_` : name;
}

/** A crude English stem, enough to match "device" with "devices" and "entry" with "entries". */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (lower.length > 3 && /(s|x|z|ch|sh)es$/.test(lower)) return lower.slice(0, -2);
  if (lower.length > 2 && lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}

/**
 * Candidate member names for an operation inside a resource, best first. The resource's noun is
 * dropped when it is redundant: "List devices" in "Devices" → `list`; "Import static list members"
 * in "Static lists" → `importMembers`. The first candidate also drops the words between the verb
 * and the noun ("List profile fields" in "Fields" → `list`); the second keeps them (`listProfile`)
 * and serves when the short form would collide with a sibling.
 */
export function operationNameCandidates(operationName: string, resourceName: string | undefined): string[] {
  const words = splitWords(operationName);
  const full = memberName(operationName, 'operation');
  if (!resourceName || words.length < 2) return [full];
  const resourceStems = splitWords(resourceName).map(stem);
  const head = resourceStems[resourceStems.length - 1];
  let nounAt = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (stem(words[i] ?? '') === head) {
      nounAt = i;
      break;
    }
  }
  if (nounAt < 0) return [full];
  let phraseStart = nounAt;
  while (phraseStart > 0 && resourceStems.includes(stem(words[phraseStart - 1] ?? ''))) phraseStart--;
  const after = words.slice(nounAt + 1);
  const short = nounAt === 0 ? after : [words[0] ?? '', ...after];
  const keepModifiers = [...words.slice(0, phraseStart), ...after];
  // Always three levels (repeats allowed): contenders move one level at a time, so a name whose
  // longer form is the same as its short one keeps it while its rival moves on.
  return [short, keepModifiers, words].map((candidate) => {
    if (candidate.length === 0) return full;
    const name = camelCase(candidate, 'operation');
    return RESERVED_MEMBERS.has(name) ? `${name}_` : name;
  });
}

export interface NameRequest {
  /** A stable key (the Postman item id): it decides who keeps a contested name. */
  key: string;
  /** Acceptable names, best first; the last one gets a number when everything else is taken. */
  candidates: string[];
}

/**
 * Gives each request a distinct name. Contested names make every contender move to its next
 * candidate; what still collides after that is numbered (`list`, `list2`) in order of key, so the
 * result depends only on the set of requests, never on their order.
 */
export function uniqueNames(
  requests: readonly NameRequest[],
  taken: ReadonlySet<string> = new Set(),
): Map<string, string> {
  // Each request's candidate index; a request not in it is at its first.
  const choice = new Map<string, number>();
  const current = (request: NameRequest): string =>
    request.candidates[choice.get(request.key) ?? 0] ?? request.candidates[0] ?? 'value';
  for (let round = 0; round < 8; round++) {
    const counts = new Map<string, number>();
    for (const request of requests) counts.set(current(request), (counts.get(current(request)) ?? 0) + 1);
    let moved = false;
    for (const request of requests) {
      const name = current(request);
      const index = choice.get(request.key) ?? 0;
      if (((counts.get(name) ?? 0) > 1 || taken.has(name)) && index + 1 < request.candidates.length) {
        choice.set(request.key, index + 1);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const result = new Map<string, string>();
  const used = new Set(taken);
  // The number each base name tries next: every lower one is taken already (used only grows), so
  // 10,000 requests called "New Request" are numbered in one pass, not in 10,000 scans from 2.
  const nextNumber = new Map<string, number>();
  const ordered = [...requests].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const request of ordered) {
    const base = current(request);
    let name = base;
    const joiner = /\d$/.test(base) ? '_' : '';
    let n = nextNumber.get(base) ?? 2;
    if (used.has(name)) {
      for (name = `${base}${joiner}${n}`; used.has(name);) name = `${base}${joiner}${++n}`;
      nextNumber.set(base, n + 1);
    }
    used.add(name);
    result.set(request.key, name);
  }
  return result;
}
