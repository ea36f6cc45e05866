/**
 * Example values that are not values but type hints: the `<string>`, `<long>`, `<dateTime>` tokens
 * Postman's OpenAPI importer writes into examples, and Postman's dynamic variables
 * (`{{$randomInt}}`, `{{$isoTimestamp}}`, `{{$guid}}`). Inference reads them as the type they
 * announce (with its format), never as a literal and never as an enum member.
 */
import type { StringFormat } from './types.js';
import { wholeVariable } from './variables.js';
import { ownValue } from '../own.js';

export interface TypeHint {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  format?: StringFormat;
}

/** The importer's tokens, by the OpenAPI type or format between the angle brackets (lower-cased). */
const IMPORTER_TOKENS: Record<string, TypeHint> = {
  string: { type: 'string' },
  password: { type: 'string' },
  byte: { type: 'string' },
  binary: { type: 'string' },
  boolean: { type: 'boolean' },
  number: { type: 'number' },
  float: { type: 'number' },
  double: { type: 'number' },
  integer: { type: 'integer' },
  int32: { type: 'integer' },
  int64: { type: 'integer' },
  long: { type: 'integer' },
  datetime: { type: 'string', format: 'date-time' },
  'date-time': { type: 'string', format: 'date-time' },
  date: { type: 'string', format: 'date' },
  uuid: { type: 'string', format: 'uuid' },
  email: { type: 'string', format: 'email' },
  uri: { type: 'string', format: 'uri' },
  url: { type: 'string', format: 'uri' },
  object: { type: 'object' },
  array: { type: 'array' },
};

/**
 * Postman's dynamic variables, by the type of what they produce. Unquoted in a JSON body they are
 * that type; quoted, Postman sends the text, so only the string formats survive.
 */
const DYNAMIC_VARIABLES: Record<string, TypeHint> = {
  $guid: { type: 'string', format: 'uuid' },
  $randomUUID: { type: 'string', format: 'uuid' },
  $timestamp: { type: 'integer' },
  $isoTimestamp: { type: 'string', format: 'date-time' },
  $randomDateFuture: { type: 'string' },
  $randomDatePast: { type: 'string' },
  $randomDateRecent: { type: 'string' },
  $randomInt: { type: 'integer' },
  $randomBoolean: { type: 'boolean' },
  $randomPrice: { type: 'number' },
  $randomEmail: { type: 'string', format: 'email' },
  $randomExampleEmail: { type: 'string', format: 'email' },
  $randomUrl: { type: 'string', format: 'uri' },
  $randomImageUrl: { type: 'string', format: 'uri' },
  $randomAvatarImage: { type: 'string', format: 'uri' },
};

const IMPORTER_TOKEN = /^<([A-Za-z][A-Za-z0-9-]*)>$/;

/** The hint an unquoted `{{name}}` gives (a dynamic variable's own type), if any. */
export function referenceHint(name: string): TypeHint | undefined {
  if (!name.startsWith('$')) return undefined;
  return ownValue(DYNAMIC_VARIABLES, name) ?? { type: 'string' };
}

/**
 * The hint a string example gives: an importer token, or a quoted reference to a variable
 * (`"{{$guid}}"`, `"{{client_id}}"`), which is text on the wire whatever the variable holds.
 */
export function stringHint(value: string): TypeHint | undefined {
  if (value.length > 40) return undefined;
  const token = IMPORTER_TOKEN.exec(value)?.[1]?.toLowerCase();
  if (token !== undefined) return ownValue(IMPORTER_TOKENS, token);
  const name = wholeVariable(value);
  if (name === undefined) return undefined;
  const format = referenceHint(name)?.format;
  return format ? { type: 'string', format } : { type: 'string' };
}
