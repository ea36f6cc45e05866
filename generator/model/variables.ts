/**
 * Postman's `{{name}}` variable references: the one place that knows their syntax. Names starting
 * with `$` are Postman's dynamic variables (`{{$guid}}`), which no collection declares.
 */

const WHOLE_VARIABLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;
const ANY_VARIABLE = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Whether a referenced name is one of Postman's dynamic variables (`$guid`, `$timestamp`). */
export const isDynamicVariable = (name: string): boolean => name.startsWith('$');

/** `{{name}}` → "name" when the whole value is one variable reference. */
export function wholeVariable(value: string | null | undefined): string | undefined {
  const match = value ? WHOLE_VARIABLE.exec(value) : null;
  return match ? match[1] : undefined;
}

/** A text cut into its literal runs and its variable references, in order. */
export type TemplatePart = { literal: string } | { variable: string; written: string };

export function templateParts(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let at = 0;
  for (const match of text.matchAll(ANY_VARIABLE)) {
    const index = match.index ?? 0;
    if (index > at) parts.push({ literal: text.slice(at, index) });
    parts.push({ variable: match[1] as string, written: match[0] });
    at = index + match[0].length;
  }
  if (at < text.length) parts.push({ literal: text.slice(at) });
  return parts;
}

/** Every variable a text references, in order, without duplicates; dynamic variables excluded. */
export function referencedVariables(text: string | null | undefined): string[] {
  // Most texts (saved bodies above all) hold no reference: no need to run the pattern over them.
  if (!text || !text.includes('{{')) return [];
  const names: string[] = [];
  for (const match of text.matchAll(ANY_VARIABLE)) {
    const name = match[1] as string;
    if (!isDynamicVariable(name) && !names.includes(name)) names.push(name);
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
