/**
 * What a request's description says about its body fields: "`externalId` and `expirationDate`
 * are optional", "`name` is required", or a Markdown table row `| name | string | required |`.
 * Only fields the body has are looked for, and only by their exact name.
 */
export type FieldMark = 'required' | 'optional';

const OPTIONAL = /\b(optional|not required|may be omitted)\b/i;
const REQUIRED = /\b(required|mandatory|must be given)\b/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Field name → what the description says of it. */
export function describedFields(description: string | undefined, fields: string[]): Map<string, FieldMark> {
  const marks = new Map<string, FieldMark>();
  if (!description) return marks;
  // Sentences and lines: a mark applies to the fields named in the same sentence or table row.
  const parts = description.split(/\n|(?<=[.;])\s+/);
  for (const part of parts) {
    const mark: FieldMark | undefined = OPTIONAL.test(part) ? 'optional' : REQUIRED.test(part) ? 'required' : undefined;
    if (!mark) continue;
    // A name in backticks is found anywhere in the part, table cells included.
    const row = part.trim().startsWith('|') ? part.split('|').map((cell) => cell.trim()) : [];
    for (const field of fields) {
      const named = new RegExp(`\`${escapeRegExp(field)}\``).test(part) || row.includes(field);
      if (named && !marks.has(field)) marks.set(field, mark);
    }
  }
  return marks;
}
