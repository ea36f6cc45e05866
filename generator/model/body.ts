import type { PairRecord, RequestRecord } from '../records.js';
import type { BodyKind, ObjectSchema, RequestBody, Schema } from './types.js';
import { DEFAULT_INFER_OPTIONS, inferSchema, referenceName, type InferOptions } from './infer.js';
import { parseJsonBody } from './json-body.js';
import { scalarSchema } from './scalar.js';
import { isDynamicVariable, wholeVariable } from './variables.js';
import { describedFields } from './described-fields.js';
import { graphqlVariables } from './graphql.js';
import { isJsonType, mediaType } from './media.js';
import { ownValue } from '../own.js';

const RAW_LANGUAGE_TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  javascript: 'application/javascript',
  text: 'text/plain',
};

function headerValue(request: RequestRecord, name: string): string | undefined {
  return request.headers.find((header) => !header.disabled && header.key.toLowerCase() === name)?.value;
}

interface Reading {
  kind: BodyKind;
  contentType: string;
  sample?: unknown;
  example?: string;
  fields?: RequestBody['fields'];
  fieldSchema?: Schema;
  /** The GraphQL document, for `graphql` bodies. */
  query?: string;
}

function activeParams(list: PairRecord[] | undefined): PairRecord[] {
  return (list ?? []).filter((param) => !param.disabled && param.key !== '');
}

function formFields(
  params: PairRecord[],
  multipart: boolean,
): { fields: NonNullable<RequestBody['fields']>; schema: Schema; example: string } {
  const fields: NonNullable<RequestBody['fields']> = [];
  const properties: Array<[string, Schema]> = [];
  const example: Record<string, string> = {};
  for (const param of params) {
    const name = param.key;
    if (fields.some((field) => field.name === name)) continue;
    const isFile = multipart && param.type === 'file';
    const field: NonNullable<RequestBody['fields']>[number] = { name, kind: isFile ? 'file' : 'text' };
    if (param.contentType) field.contentType = param.contentType;
    if (param.description) field.description = param.description;
    fields.push(field);
    const value = param.value ?? '';
    properties.push([name, isFile ? { type: 'file' } : scalarSchema(value)]);
    example[name] = isFile ? '<file>' : value;
  }
  // Which fields are required is decided over all the request's bodies (see requiredness below).
  const schema: Schema = {
    type: 'object',
    properties: Object.fromEntries([...properties].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    required: [],
  };
  return { fields, schema, example: JSON.stringify(example) };
}

/** Reads one request body (the request's own, or an example's original request). */
function readBody(request: RequestRecord): Reading | undefined {
  const body = request.body;
  if (!body || body.disabled) return undefined;
  const declared = mediaType(headerValue(request, 'content-type'));
  switch (body.mode) {
    case 'raw': {
      const raw = typeof body.raw === 'string' ? body.raw : '';
      if (raw.trim() === '') return undefined;
      const language = body.language;
      const contentType = declared ?? (language ? ownValue(RAW_LANGUAGE_TYPES, language) : undefined);
      const parsed = contentType === undefined || isJsonType(contentType) ? parseJsonBody(raw) : undefined;
      if (parsed !== undefined || isJsonType(contentType)) {
        return { kind: 'json', contentType: contentType ?? 'application/json', sample: parsed, example: raw };
      }
      return { kind: 'text', contentType: contentType ?? 'text/plain', example: raw };
    }
    case 'urlencoded': {
      const params = activeParams(body.fields);
      if (params.length === 0) return undefined;
      const form = formFields(params, false);
      return {
        kind: 'form',
        contentType: 'application/x-www-form-urlencoded',
        fields: form.fields,
        fieldSchema: form.schema,
        example: form.example,
      };
    }
    case 'formdata': {
      const params = activeParams(body.fields);
      if (params.length === 0) return undefined;
      const form = formFields(params, true);
      return {
        kind: 'multipart',
        contentType: 'multipart/form-data',
        fields: form.fields,
        fieldSchema: form.schema,
        example: form.example,
      };
    }
    case 'file':
      return { kind: 'binary', contentType: declared ?? 'application/octet-stream' };
    case 'graphql': {
      const graphql = body.graphql ?? {};
      const variables = typeof graphql.variables === 'string' ? parseJsonBody(graphql.variables) : graphql.variables;
      const query = String(graphql.query ?? '');
      // JSON.stringify leaves out variables that are undefined.
      const example = JSON.stringify({ query, variables });
      // The operation sends its own document: what varies, and what the caller gives, is the variables.
      return { kind: 'graphql', contentType: 'application/json', sample: variables ?? {}, example, query };
    }
    default:
      return undefined;
  }
}

/** The sample's top-level fields, each with its value (form bodies: their fields as text). */
function topLevel(reading: Reading): Map<string, unknown> {
  if (reading.fields) {
    // Form readings always carry their fields' example.
    const example = JSON.parse(reading.example as string) as Record<string, string>;
    return new Map(reading.fields.map((field) => [field.name, example[field.name]]));
  }
  const sample = reading.sample;
  // A whole-body `{{variable}}` is an object too, but its one key is a symbol, which entries() leaves out.
  return typeof sample === 'object' && sample !== null && !Array.isArray(sample)
    ? new Map(Object.entries(sample))
    : new Map();
}

/** The variable a value is exactly (`"{{client_id}}"` or an unquoted `{{client_id}}`); Postman's `$` variables excluded. */
function boundVariable(value: unknown): string | undefined {
  const name = typeof value === 'string' ? wholeVariable(value) : referenceName(value);
  return name !== undefined && !isDynamicVariable(name) ? name : undefined;
}

/**
 * Top-level fields whose every example is one `{{variable}}`: the client fills them from that
 * variable's option, so callers may leave them out.
 */
function variableFields(readings: Reading[]): Record<string, string> {
  const bound = new Map<string, string | undefined>();
  for (const reading of readings) {
    for (const [field, value] of topLevel(reading)) {
      const variable = boundVariable(value);
      bound.set(field, bound.has(field) && bound.get(field) !== variable ? undefined : variable);
    }
  }
  return Object.fromEntries(
    [...bound]
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/**
 * Which top-level fields the body must have. The evidence: presence in every one of at least two
 * distinct bodies (a single example shows what someone sent once, not what the API demands), a
 * description that calls the field required, a GraphQL `$variable: Type!`, or a multipart file
 * part. A description that
 * calls it optional wins over the examples, and a PATCH body is partial whatever they show.
 */
function requiredFields(
  readings: Reading[],
  method: string,
  schema: ObjectSchema,
  description: string | undefined,
  declared: Set<string>,
): string[] {
  if (method === 'PATCH') return [];
  const names = Object.keys(schema.properties);
  const marks = describedFields(description, names);
  const distinct = distinctBodies(readings);
  const fields = readings.map(topLevel);
  const required = names.filter((name) => {
    const mark = marks.get(name) ?? (declared.has(name) ? 'required' : undefined);
    if (mark) return mark === 'required';
    return distinct >= 2 && fields.every((field) => field.has(name));
  });
  // In name order already: every object schema lists its properties sorted.
  return required;
}

/** Distinct bodies by their text, blanks aside (re-serialising could overflow on pathological nesting). */
function distinctBodies(readings: Reading[]): number {
  return new Set(readings.map((reading) => reading.example?.replace(/\s+/g, ''))).size;
}

export interface RequestBodyContext {
  method: string;
  /** The request's description, which may say which fields are required or optional. */
  description?: string;
  options?: InferOptions;
}

/**
 * The request body of an operation, from the request and from every saved example's original
 * request. JSON samples are merged by inference; form fields come from the request itself.
 */
export function readRequestBody(
  request: RequestRecord,
  exampleRequests: RequestRecord[],
  context: RequestBodyContext,
): RequestBody | undefined {
  const own = readBody(request);
  // Old (v1) exports keep a GET's URL parameters as form data too; sent as a body they would be
  // wrong, and the query already carries them.
  const method = context.method;
  if ((method === 'GET' || method === 'HEAD') && own?.fields) {
    const query = new Set(request.url.query.map((param) => param.key));
    if (own.fields.every((field) => query.has(field.name))) return undefined;
  }
  const others = exampleRequests.map(readBody).filter((reading): reading is Reading => reading !== undefined);
  const primary = own ?? others[0];
  if (!primary) return undefined;
  const readings = [primary, ...others.filter((reading) => reading !== primary && reading.kind === primary.kind)];
  const examples = [...new Set(readings.map((reading) => reading.example).filter((e): e is string => e !== undefined))];
  // Nested objects follow the top level's rule: required only from two distinct bodies, never in a PATCH.
  const required = distinctBodies(readings) >= 2 && method !== 'PATCH' ? 'every-sample' : 'never';
  const options: InferOptions = { ...(context.options ?? DEFAULT_INFER_OPTIONS), required };
  let schema: Schema;
  if (primary.kind === 'json' || primary.kind === 'graphql') {
    // A JSON body that does not parse has no sample: inference counts it as unknown, which adds nothing.
    schema = inferSchema(
      readings.map((reading) => reading.sample),
      options,
    );
  } else if (primary.fieldSchema) {
    schema = primary.fieldSchema;
  } else if (primary.kind === 'binary') {
    schema = { type: 'file' };
  } else {
    schema = { type: 'string' };
  }
  let declared = new Set<string>();
  if (primary.query !== undefined) {
    const variables = graphqlVariables(primary.query);
    if (schema.type !== 'object') schema = { type: 'object', properties: {}, required: [] };
    for (const [name, variable] of variables) schema.properties[name] ??= variable.schema;
    schema.properties = Object.fromEntries(Object.entries(schema.properties).sort(([a], [b]) => (a < b ? -1 : 1)));
    declared = new Set([...variables].filter(([, variable]) => variable.required).map(([name]) => name));
  }
  // A multipart body exists to carry its files: a file part is required unless described as optional.
  for (const field of primary.fields ?? []) if (field.kind === 'file') declared.add(field.name);
  if (schema.type === 'object')
    schema.required = requiredFields(readings, method, schema, context.description, declared);
  const result: RequestBody = { kind: primary.kind, contentType: primary.contentType, schema, examples };
  if (primary.fields) result.fields = primary.fields;
  if (primary.query !== undefined) result.graphql = { query: primary.query };
  const bound =
    primary.kind === 'json' || primary.kind === 'form' || primary.kind === 'multipart' ? variableFields(readings) : {};
  if (Object.keys(bound).length > 0) result.variableFields = bound;
  return result;
}
