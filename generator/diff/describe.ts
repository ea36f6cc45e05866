/** Short, one-line renderings of schemas for change messages (`number`, `string | null`, `{ id, name? }`). */
import type { Schema } from '../model/types.js';

const MAX_LISTED = 6;

function listed(parts: string[]): string {
  return parts.length > MAX_LISTED ? `${parts.slice(0, MAX_LISTED).join(', ')}, …` : parts.join(', ');
}

export function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function describeSchema(schema: Schema, depth = 0): string {
  switch (schema.type) {
    case 'string':
      return schema.format ? `string (${schema.format})` : 'string';
    case 'enum':
      return schema.values.length > MAX_LISTED
        ? `${schema.values.slice(0, MAX_LISTED).map(literal).join(' | ')} | …`
        : schema.values.map(literal).join(' | ') || 'never';
    case 'array': {
      const items = describeSchema(schema.items, depth + 1);
      return /^[\w]+$/.test(items) ? `${items}[]` : `Array<${items}>`;
    }
    case 'map':
      return `Record<string, ${describeSchema(schema.values, depth + 1)}>`;
    case 'union':
      return schema.anyOf.map((option) => describeSchema(option, depth + 1)).join(' | ');
    case 'object': {
      const keys = Object.keys(schema.properties);
      if (keys.length === 0) return 'object';
      if (depth > 0) return '{ … }';
      const required = new Set(schema.required);
      return `{ ${listed(keys.map((key) => (required.has(key) ? key : `${key}?`)))} }`;
    }
    default:
      return schema.type;
  }
}
