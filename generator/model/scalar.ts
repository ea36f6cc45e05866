import type { Schema } from './types.js';
import { stringFormat } from './infer.js';
import { referenceHint, stringHint } from './placeholders.js';

/**
 * The type a single literal value suggests (query strings and form fields are text on the wire).
 * A placeholder (`<long>`, `{{$isoTimestamp}}`) gives the type it announces; a lone whole number
 * is `number`, since one sample is no evidence of `integer`.
 */
export function scalarSchema(value: string | null | undefined): Schema {
  if (value === null || value === undefined || value === '') return { type: 'string' };
  const hint =
    stringHint(value) ??
    (/^\{\{\s*\$\w+\s*\}\}$/.test(value) ? referenceHint(value.replace(/[{}\s]/g, '')) : undefined);
  if (hint)
    return hint.type === 'object' || hint.type === 'array'
      ? { type: 'string' }
      : hint.format
        ? { type: 'string', format: hint.format }
        : { type: hint.type };
  if (/^-?(0|[1-9]\d{0,14})$/.test(value)) return { type: 'number' };
  if (/^-?(0|[1-9]\d{0,14})\.\d+$/.test(value)) return { type: 'number' };
  if (value === 'true' || value === 'false') return { type: 'boolean' };
  const format = stringFormat(value);
  return format ? { type: 'string', format } : { type: 'string' };
}

const WHOLE_VARIABLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;
const ANY_VARIABLE = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** `{{name}}` → "name" when the whole value is one variable reference. */
export function wholeVariable(value: string | null | undefined): string | undefined {
  const match = value ? WHOLE_VARIABLE.exec(value) : null;
  return match ? match[1] : undefined;
}

/** Every variable a text references, in order, without duplicates; Postman's dynamic `$` variables excluded. */
export function referencedVariables(text: string | null | undefined): string[] {
  if (!text) return [];
  const names: string[] = [];
  for (const match of text.matchAll(ANY_VARIABLE)) {
    const name = match[1] as string;
    if (!name.startsWith('$') && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Replaces `{{name}}` by the value `lookup` gives (left as it is when lookup has none). Values may
 * reference other variables; a few rounds resolve those, and a cycle simply stays unresolved.
 */
export function substituteVariables(text: string, lookup: (name: string) => string | undefined): string {
  let current = text;
  for (let round = 0; round < 8; round++) {
    const next = current.replace(ANY_VARIABLE, (whole, name: string) => lookup(name) ?? whole);
    if (next === current) break;
    current = next;
  }
  return current;
}
