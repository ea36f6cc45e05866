import type { Schema } from './types.js';
import { stringFormat } from './infer.js';
import { stringHint } from './placeholders.js';

/**
 * The type a single literal value suggests (query strings and form fields are text on the wire).
 * A placeholder (`<long>`, `{{$isoTimestamp}}`) gives the type it announces; a lone whole number
 * is `number`, since one sample is no evidence of `integer`.
 */
export function scalarSchema(value: string | null | undefined): Schema {
  if (!value) return { type: 'string' };
  const hint = stringHint(value);
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
