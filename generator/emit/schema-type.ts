import type { ObjectSchema, Schema } from '../model/types.js';
import {
  arrayType,
  generic,
  intersection,
  objectType,
  stringType,
  typeRef,
  typeText,
  union,
  type Member,
  type TypeNode,
} from './code/ts.js';

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
  /** Set once a type refers to FilePart: the types file then imports it. */
  usesFilePart?: boolean;
  /** Named types the caller declares for inline objects (a paged `…Item`): written by name. */
  named?: Map<Schema, string>;
}

/** The declaration body of a named object: its own properties, nested entities still by name. */
export function entityProperties(schema: ObjectSchema, context: TypeContext): Member[] {
  const required = new Set(schema.required);
  return Object.keys(schema.properties).map((name) => ({
    name,
    optional: !required.has(name),
    type: schemaType(schema.properties[name] as Schema, context),
  }));
}

const OPEN_STRING = intersection([typeRef('string'), typeText('{}')]);

/** A TypeScript type for a schema. Objects are written inline, on one line when they fit. */
export function schemaType(schema: Schema, context: TypeContext): TypeNode {
  const named = context.named?.get(schema);
  if (named !== undefined) return typeRef(named);
  switch (schema.type) {
    case 'string':
      return typeRef('string');
    case 'integer':
    case 'number':
      return typeRef('number');
    case 'boolean':
      return typeRef('boolean');
    case 'null':
      return typeRef('null');
    case 'unknown':
      return typeRef('unknown');
    case 'file':
      if (context.direction !== 'request') return typeRef('Uint8Array');
      context.usesFilePart = true;
      return typeRef(context.filePart);
    case 'enum': {
      // Inferred from a handful of examples, an enum is a hint, not a contract: the literals help
      // completion, and `string & {}` keeps other values of the same kind legal.
      if (schema.values.length === 0) return typeRef('never');
      const literals = schema.values.map((value) =>
        typeof value === 'string' ? stringType(value) : typeText(String(value)),
      );
      return union(schema.values.every((value) => typeof value === 'string') ? [...literals, OPEN_STRING] : literals);
    }
    case 'array': {
      const items = schemaType(schema.items, context);
      return /^[\w.$]+$/.test(items.text) ? arrayType(items) : generic('Array', [items]);
    }
    case 'map':
      return generic('Record', [typeRef('string'), schemaType(schema.values, context)]);
    case 'union':
      return union(schema.anyOf.map((option) => schemaType(option, context)));
    case 'object': {
      if (schema.name !== undefined && context.entities) {
        if (!context.entities.has(schema.name)) context.entities.set(schema.name, schema);
        return typeRef(schema.name);
      }
      if (Object.keys(schema.properties).length === 0)
        return generic('Record', [typeRef('string'), typeRef('unknown')]);
      return objectType(entityProperties(schema, context));
    }
  }
}
