import type { Schema } from '../generator/model/types.js';

/** Whether a JSON value is one the schema admits (enums as closed sets, objects by required and known properties). */
export function conforms(schema: Schema, value: unknown): boolean {
  switch (schema.type) {
    case 'unknown':
      return true;
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'enum':
      return schema.values.includes(value as string);
    case 'array':
      return Array.isArray(value) && value.every((item) => conforms(schema.items, item));
    case 'map':
      return (
        typeof value === 'object' &&
        value !== null &&
        Object.values(value).every((item) => conforms(schema.values, item))
      );
    case 'object':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        schema.required.every((key) => Object.hasOwn(value, key)) &&
        Object.entries(value).every(
          ([key, item]) => !Object.hasOwn(schema.properties, key) || conforms(schema.properties[key] as Schema, item),
        )
      );
    case 'union':
      return schema.anyOf.some((option) => conforms(option, value));
    default:
      return false;
  }
}
