import type { Request, RequestBody as SdkBody } from '../sdk.js';
import type { BodyKind, RequestBody, Schema } from './types.js';
import { inferSchema } from './infer.js';
import { parseJsonBody } from './json-body.js';
import { scalarSchema } from './scalar.js';
import { descriptionText } from './description.js';
import { isJsonType, mediaType } from './media.js';

const RAW_LANGUAGE_TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  javascript: 'application/javascript',
  text: 'text/plain',
};

interface FormParam {
  key?: string;
  value?: unknown;
  type?: string;
  src?: unknown;
  disabled?: boolean;
  contentType?: string;
  description?: unknown;
}

function headerValue(request: Request, name: string): string | undefined {
  const header = request.headers.all().find((h: { key?: unknown; value?: unknown; disabled?: boolean }) => !h.disabled && String(h.key ?? '').toLowerCase() === name);
  return header?.value === undefined || header.value === null ? undefined : String(header.value);
}


interface Reading {
  kind: BodyKind;
  contentType?: string;
  sample?: unknown;
  example?: string;
  fields?: RequestBody['fields'];
  fieldSchema?: Schema;
}

function activeParams(list: unknown): FormParam[] {
  const items = list && typeof (list as { all?: unknown }).all === 'function' ? (list as { all(): unknown[] }).all() : Array.isArray(list) ? list : [];
  return (items as FormParam[]).filter((param) => !param.disabled && String(param.key ?? '') !== '');
}

function formFields(params: FormParam[], multipart: boolean): { fields: NonNullable<RequestBody['fields']>; schema: Schema; example: string } {
  const fields: NonNullable<RequestBody['fields']> = [];
  const properties: Array<[string, Schema]> = [];
  const required: string[] = [];
  const example: Record<string, string> = {};
  for (const param of params) {
    const name = String(param.key);
    if (fields.some((field) => field.name === name)) continue;
    const isFile = multipart && param.type === 'file';
    const field: NonNullable<RequestBody['fields']>[number] = { name, kind: isFile ? 'file' : 'text' };
    if (param.contentType) field.contentType = String(param.contentType);
    const description = descriptionText(param.description);
    if (description) field.description = description;
    fields.push(field);
    const value = param.value === undefined || param.value === null ? '' : String(param.value);
    properties.push([name, isFile ? { type: 'file' } : scalarSchema(value)]);
    // The fields a request sends are what the API expects, unless their description says otherwise.
    if (!/\boptional\b/i.test(description ?? '')) required.push(name);
    example[name] = isFile ? '<file>' : value;
  }
  const schema: Schema = {
    type: 'object',
    properties: Object.fromEntries([...properties].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    required: required.sort(),
  };
  return { fields, schema, example: JSON.stringify(example) };
}

/** Reads one request body (the request's own, or an example's original request). */
function readBody(request: Request): Reading | undefined {
  const body = request.body as (SdkBody & { graphql?: { query?: string; variables?: string }; options?: { raw?: { language?: string } } }) | undefined;
  if (!body || body.disabled || !body.mode) return undefined;
  const declared = mediaType(headerValue(request, 'content-type'));
  switch (body.mode) {
    case 'raw': {
      const raw = typeof body.raw === 'string' ? body.raw : '';
      if (raw.trim() === '') return undefined;
      const language = body.options?.raw?.language;
      const contentType = declared ?? (language && Object.hasOwn(RAW_LANGUAGE_TYPES, language) ? RAW_LANGUAGE_TYPES[language] : undefined);
      const parsed = contentType === undefined || isJsonType(contentType) ? parseJsonBody(raw) : undefined;
      if (parsed !== undefined || isJsonType(contentType)) {
        return { kind: 'json', contentType: contentType ?? 'application/json', sample: parsed, example: raw };
      }
      return { kind: 'text', contentType: contentType ?? 'text/plain', example: raw };
    }
    case 'urlencoded': {
      const params = activeParams(body.urlencoded);
      if (params.length === 0) return undefined;
      const form = formFields(params, false);
      return { kind: 'form', contentType: 'application/x-www-form-urlencoded', fields: form.fields, fieldSchema: form.schema, example: form.example };
    }
    case 'formdata': {
      const params = activeParams(body.formdata);
      if (params.length === 0) return undefined;
      const form = formFields(params, true);
      return { kind: 'multipart', contentType: 'multipart/form-data', fields: form.fields, fieldSchema: form.schema, example: form.example };
    }
    case 'file':
      return { kind: 'binary', contentType: declared ?? 'application/octet-stream' };
    case 'graphql': {
      const graphql = body.graphql ?? {};
      const variables = typeof graphql.variables === 'string' ? parseJsonBody(graphql.variables) : graphql.variables;
      const sample = { query: String(graphql.query ?? ''), ...(variables !== undefined ? { variables } : {}) };
      return { kind: 'graphql', contentType: 'application/json', sample, example: JSON.stringify(sample) };
    }
    default:
      return undefined;
  }
}

/**
 * The request body of an operation, from the request and from every saved example's original
 * request. JSON samples are merged by inference; form fields come from the request itself.
 */
export function readRequestBody(request: Request, exampleRequests: Request[]): RequestBody | undefined {
  const own = readBody(request);
  // Old (v1) exports keep a GET's URL parameters as form data too; sent as a body they would be
  // wrong, and the query already carries them.
  const method = String(request.method ?? 'GET').toUpperCase();
  if ((method === 'GET' || method === 'HEAD') && own?.fields) {
    const query = new Set((request.url.query.all() as Array<{ key?: unknown }>).map((param) => String(param.key ?? '')));
    if (own.fields.every((field) => query.has(field.name))) return undefined;
  }
  const others = exampleRequests.map(readBody).filter((reading): reading is Reading => reading !== undefined);
  const primary = own ?? others[0];
  if (!primary) return undefined;
  const readings = [primary, ...others.filter((reading) => reading !== primary && reading.kind === primary.kind)];
  const examples = [...new Set(readings.map((reading) => reading.example).filter((e): e is string => e !== undefined))];
  let schema: Schema;
  if (primary.kind === 'json' || primary.kind === 'graphql') {
    const samples = readings.map((reading) => reading.sample).filter((sample) => sample !== undefined);
    schema = samples.length > 0 ? inferSchema(samples) : { type: 'unknown' };
  } else if (primary.fieldSchema) {
    schema = primary.fieldSchema;
  } else if (primary.kind === 'binary') {
    schema = { type: 'file' };
  } else {
    schema = { type: 'string' };
  }
  const result: RequestBody = { kind: primary.kind, schema, examples };
  if (primary.contentType) result.contentType = primary.contentType;
  if (primary.fields) result.fields = primary.fields;
  return result;
}
