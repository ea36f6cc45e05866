/** Model schemas as JSON Schema 2020-12, the dialect of OpenAPI 3.1. */
import type { ObjectSchema, Schema } from '../model/types.js';
import { oncePer } from '../docs/once.js';

export type JsonSchema = Record<string, unknown>;

/**
 * Levels of JSON nesting a schema may take. Tools read a document only so deep (Redocly stops at
 * 100 levels), and a schema sits up to about 12 levels down in it: below this, a schema is `{}`
 * with a description. An object level takes two (`properties`, the name), a list one.
 */
export const SCHEMA_ROOM = 80;

const TOO_DEEP: JsonSchema = { description: 'Nested deeper than this document describes; model.json has the rest.' };

/**
 * Where shared entities become references: `declared` names the entities the client declares
 * (the only ones given a component), `found` collects those referred to, for the caller to declare.
 */
export interface EntityRefs {
  declared: ReadonlySet<string>;
  found: ObjectSchema[];
}

/** An object's own schema: its properties, entities among them by reference when `entities` is given. */
function objectSchema(schema: ObjectSchema, room: number, entities?: EntityRefs): JsonSchema {
  // No prototype: a property named "__proto__" stays a property (there is no setter to find).
  const properties = Object.create(null) as Record<string, JsonSchema>;
  const source = schema.properties;
  for (const key of Object.keys(source)) properties[key] = jsonSchema(source[key] as Schema, room - 2, entities);
  const object: JsonSchema = { type: 'object', properties };
  if (schema.required.length > 0) object.required = schema.required;
  return object;
}

/** Names OpenAPI tools accept for a schema in components (and in a `$ref` to it). */
export const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

/**
 * A model schema as JSON Schema. With `entities`, a shared entity the client declares (an object
 * the model names, `Device`) is a `$ref` to its component, as the client declares it once and
 * refers to it by name. An entity the client does not declare (one inside a GraphQL answer's
 * `errors` or `extensions`, which the client leaves untyped) stays inline.
 */
export function jsonSchema(schema: Schema, room = SCHEMA_ROOM, entities?: EntityRefs): JsonSchema {
  if (room < 2) return { ...TOO_DEEP };
  switch (schema.type) {
    case 'object': {
      if (
        entities &&
        schema.name !== undefined &&
        entities.declared.has(schema.name) &&
        COMPONENT_NAME.test(schema.name)
      ) {
        entities.found.push(schema);
        return { $ref: `#/components/schemas/${schema.name}` };
      }
      return objectSchema(schema, room, entities);
    }
    case 'map':
      return { type: 'object', additionalProperties: jsonSchema(schema.values, room - 1, entities) };
    case 'array':
      return { type: 'array', items: jsonSchema(schema.items, room - 1, entities) };
    case 'string':
      return schema.format ? { type: 'string', format: schema.format } : { type: 'string' };
    case 'enum': {
      // Inferred from a few examples, the values are the ones seen, not a closed set (as in the
      // client's types): listed, with the base type still accepted.
      const kinds = [
        ...new Set(
          schema.values.map((value) =>
            typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value,
          ),
        ),
      ];
      if (schema.values.length === 0) return { not: {} };
      return {
        anyOf: [{ enum: schema.values }, kinds.length === 1 ? { type: kinds[0] } : { type: kinds }],
        'x-values-seen': schema.values,
      };
    }
    case 'union': {
      const options = schema.anyOf.map((option) => jsonSchema(option, room - 2, entities));
      const simple = options.every((option) => Object.keys(option).length === 1 && typeof option.type === 'string');
      if (simple) return { type: [...new Set(options.map((option) => option.type as string))] };
      return { anyOf: options };
    }
    case 'file':
      return { type: 'string', contentMediaType: 'application/octet-stream' };
    case 'unknown':
      return {};
    default:
      return { type: schema.type };
  }
}

/** A converted schema and the entities it refers to (to be declared in components). */
export interface Converted {
  schema: JsonSchema;
  entities: ObjectSchema[];
}

/**
 * The converters of one reference, whose client declares `declared`: a body's or response's
 * schema, and an entity's own schema for its component, each made once per model schema. The
 * schemas the model shares are converted once, and the document prints the one object wherever
 * it appears. Nothing changes a schema once made.
 */
export const convertersFor = oncePer((declared: ReadonlySet<string>) => ({
  shared: oncePer((schema: Schema): Converted => {
    const found: ObjectSchema[] = [];
    return { schema: jsonSchema(schema, SCHEMA_ROOM, { declared, found }), entities: found };
  }),
  entity: oncePer((entity: ObjectSchema): Converted => {
    const found: ObjectSchema[] = [];
    return { schema: objectSchema(entity, SCHEMA_ROOM, { declared, found }), entities: found };
  }),
}));

/** A parameter's example as a value of its schema's type, or undefined when it is not one. */
export function typedExample(example: string | undefined, schema: Schema): unknown {
  if (example === undefined) return undefined;
  switch (schema.type) {
    case 'integer':
      return /^-?\d{1,15}$/.test(example) ? Number(example) : undefined;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(example) && Number.isFinite(Number(example)) ? Number(example) : undefined;
    case 'boolean':
      return example === 'true' ? true : example === 'false' ? false : undefined;
    case 'string':
      return example;
    case 'enum':
      return schema.values.find((value) => String(value) === example);
    default:
      return undefined;
  }
}
