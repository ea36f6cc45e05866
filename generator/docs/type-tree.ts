/**
 * A schema as a readable tree (name, type, required, children), the shape both the HTML page and
 * the Markdown files draw. Text only: each renderer escapes it for where it lands.
 */
import type { Schema } from '../model/types.js';
import { oncePer } from './once.js';

export interface TypeNode {
  name: string;
  type: string;
  required: boolean;
  children: TypeNode[];
}

/** Nesting beyond this is summarised: a reference page is not the place for a 40-level tree. */
const MAX_DEPTH = 8;

function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A one-line label for a schema: `string (uuid)`, `array of object`, `"android" | "ios"`, `string | null`. */
export function typeLabel(schema: Schema): string {
  switch (schema.type) {
    case 'string':
      return schema.format ? `string (${schema.format})` : 'string';
    case 'enum':
      return schema.values.length === 0
        ? 'never'
        : `${schema.values.map(literal).join(' | ')}${schema.values.every((value) => typeof value === 'string') ? ' (values seen; others possible)' : ''}`;
    case 'array':
      return `array of ${typeLabel(schema.items)}`;
    case 'map':
      return `map of ${typeLabel(schema.values)}`;
    case 'union':
      return [...new Set(schema.anyOf.map(typeLabel))].join(' | ');
    case 'file':
      return 'file';
    default:
      return schema.type;
  }
}

/** The object whose properties are a schema's children: itself, an array's items, a map's values, a nullable's object. */
function childObject(schema: Schema): Extract<Schema, { type: 'object' }> | undefined {
  if (schema.type === 'object') return schema;
  if (schema.type === 'array') return childObject(schema.items);
  if (schema.type === 'map') return childObject(schema.values);
  if (schema.type === 'union') {
    const objects = schema.anyOf.map(childObject).filter((object) => object !== undefined);
    return objects.length === 1 ? objects[0] : undefined;
  }
  return undefined;
}

function childrenOf(schema: Schema, depth: number): TypeNode[] {
  const object = childObject(schema);
  if (!object || depth >= MAX_DEPTH) return [];
  const required = new Set(object.required);
  return Object.entries(object.properties).map(([name, property]) => ({
    name,
    type: typeLabel(property),
    required: required.has(name),
    children: childrenOf(property, depth + 1),
  }));
}

/**
 * The tree under a top-level schema: its label and its fields. Made once per schema: the page and
 * the Markdown draw the same trees, and entity schemas are shared by many operations.
 */
export const typeTree = oncePer((schema: Schema): { type: string; fields: TypeNode[] } => ({
  type: typeLabel(schema),
  fields: childrenOf(schema, 0),
}));

/** Every property name in a schema, for search. */
export function fieldNames(schema: Schema, into: Set<string> = new Set(), depth = 0): Set<string> {
  const object = childObject(schema);
  if (!object || depth >= MAX_DEPTH) return into;
  const { properties } = object;
  for (const name of Object.keys(properties)) {
    into.add(name);
    fieldNames(properties[name] as Schema, into, depth + 1);
  }
  return into;
}
