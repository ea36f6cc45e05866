import type { ObjectSchema, Schema } from '../model/types.js';
import { propertyKey, stringLiteral } from './escape.js';

export interface TypeContext {
  /** The name the output imports the runtime's FilePart type under. */
  filePart: string;
  /** Request types accept what the runtime sends (files as FilePart); response types say what comes back. */
  direction: 'request' | 'response';
  /**
   * Where named objects (pooled entities) are collected: given, such an object is written as its
   * name and recorded here for the caller to declare once; absent, it is written inline.
   */
  entities?: Map<string, ObjectSchema>;
}

/** The declaration body of a named object: its own properties, nested entities still by name. */
export function entityProperties(
  schema: ObjectSchema,
  context: TypeContext,
): Array<{ key: string; optional: boolean; type: string }> {
  const required = new Set(schema.required);
  return Object.keys(schema.properties).map((key) => ({
    key,
    optional: !required.has(key),
    type: schemaType(schema.properties[key] as Schema, context),
  }));
}

function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

/** A TypeScript type expression for a schema. Objects are written inline, one property a line. */
export function schemaType(schema: Schema, context: TypeContext, indent = ''): string {
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'unknown':
      return 'unknown';
    case 'file':
      return context.direction === 'request' ? context.filePart : 'Uint8Array';
    case 'enum': {
      // Inferred from a handful of examples, an enum is a hint, not a contract: the literals help
      // completion, and `string & {}` keeps other values of the same kind legal.
      if (schema.values.length === 0) return 'never';
      const open = schema.values.every((value) => typeof value === 'string') ? ' | (string & {})' : '';
      return `${schema.values.map(literal).join(' | ')}${open}`;
    }
    case 'array': {
      const items = schemaType(schema.items, context, indent);
      return /^[\w.]+$/.test(items) ? `${items}[]` : `Array<${items}>`;
    }
    case 'map':
      return `Record<string, ${schemaType(schema.values, context, indent)}>`;
    case 'union': {
      const parts = [...new Set(schema.anyOf.map((option) => schemaType(option, context, indent)))];
      return parts.length === 1
        ? (parts[0] as string)
        : parts.map((part) => (part.includes('=>') ? `(${part})` : part)).join(' | ');
    }
    case 'object': {
      if (schema.name !== undefined && context.entities) {
        if (!context.entities.has(schema.name)) context.entities.set(schema.name, schema);
        return schema.name;
      }
      const keys = Object.keys(schema.properties);
      if (keys.length === 0) return 'Record<string, unknown>';
      const inner = `${indent}  `;
      const required = new Set(schema.required);
      const lines = keys.map((key) => {
        const type = schemaType(schema.properties[key] as Schema, context, inner);
        return `${inner}${propertyKey(key)}${required.has(key) ? '' : '?'}: ${type};`;
      });
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
  }
}
