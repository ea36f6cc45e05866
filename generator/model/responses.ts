import type { ResponseRecord } from '../records.js';
import type { Diagnostic, Pagination, Parameter, Response, ResponseSample, Schema } from './types.js';
import { DEFAULT_INFER_OPTIONS, addSample, emptyShape, toSchema, type InferOptions, type Shape } from './infer.js';
import { parseJsonBody } from './json-body.js';
import { readCsvTable, sniffCsv, type CsvTable } from './csv.js';
import { CsvFormatError } from '../../templates/runtime/csv.js';
import { isJsonType, mediaType } from './media.js';
import { ownValue } from '../own.js';

interface ExampleReading {
  name: string;
  /** The body as saved ('' when there is none). */
  body: string;
  status: number;
  headers: Map<string, string>;
  contentType?: string;
  json?: unknown;
  csv?: ReturnType<typeof readCsvTable>;
  text?: string;
}

const REASONS: Record<string, number> = {
  ok: 200,
  created: 201,
  accepted: 202,
  'no content': 204,
  'partial content': 206,
  'moved permanently': 301,
  found: 302,
  'not modified': 304,
  'bad request': 400,
  unauthorized: 401,
  'payment required': 402,
  forbidden: 403,
  'not found': 404,
  'method not allowed': 405,
  conflict: 409,
  gone: 410,
  'unprocessable entity': 422,
  'unprocessable content': 422,
  'too many requests': 429,
  'internal server error': 500,
  'bad gateway': 502,
  'service unavailable': 503,
  'gateway timeout': 504,
};

/** An example saved with a reason phrase ("Not Found") and no code still has a status. */
function statusFromReason(reason: unknown): number {
  const key = typeof reason === 'string' ? reason.trim().toLowerCase() : '';
  return ownValue(REASONS, key) ?? 0;
}

function readExample(response: ResponseRecord, where: string, diagnostics: Diagnostic[]): ExampleReading {
  const headers = new Map<string, string>();
  for (const header of response.headers) {
    if (header.disabled) continue;
    const name = header.key.toLowerCase();
    if (name !== '' && !headers.has(name)) headers.set(name, header.value ?? '');
  }
  const name = response.name || (response.code ? String(response.code) : '');
  const body = response.body;
  const reading: ExampleReading = {
    name,
    body,
    status: response.code || statusFromReason(response.status),
    headers,
  };
  const declared = mediaType(headers.get('content-type'));
  if (body.trim() === '') {
    if (declared) reading.contentType = declared;
    return reading;
  }
  const jsonDeclared = isJsonType(declared);
  const csvDeclared = declared === 'text/csv' || declared === 'application/csv';
  if (!csvDeclared && (jsonDeclared || declared === undefined || declared === 'text/plain')) {
    const json = parseJsonBody(body);
    if (json !== undefined) {
      reading.json = json;
      reading.contentType = jsonDeclared ? declared : 'application/json';
      return reading;
    }
    if (jsonDeclared) {
      diagnostics.push({
        level: 'warning',
        message: `example "${name}" says JSON but its body does not parse; its type is unknown`,
        where,
      });
      reading.contentType = declared;
      return reading;
    }
  }
  const delimiter =
    csvDeclared || declared === undefined || declared === 'text/plain' ? sniffCsv(body, csvDeclared) : undefined;
  const csv = delimiter ? csvOrFailure(body, delimiter) : undefined;
  if (csv && 'table' in csv) {
    reading.csv = csv.table;
    reading.contentType = declared ?? 'text/csv';
    return reading;
  }
  // Text that only looked like CSV is text; a body said to be CSV that is not is worth a word.
  if (csv && csvDeclared)
    diagnostics.push({
      level: 'warning',
      message: `example "${name}" says CSV but its body does not read as CSV (${csv.failure}); it is typed as text`,
      where,
    });
  reading.text = body;
  reading.contentType = declared ?? 'text/plain';
  return reading;
}

/** The body read as CSV with a header row, or why it cannot be (the clients' reader refuses what it cannot read). */
function csvOrFailure(body: string, delimiter: string): { table: CsvTable } | { failure: string } {
  try {
    return { table: readCsvTable(body, delimiter) };
  } catch (error) {
    if (error instanceof CsvFormatError) return { failure: error.message };
    throw error;
  }
}

const NEXT_OR_FIRST = /rel\s*=\s*"?[^";,]*\b(next|first)\b/i;
const ITEM_FIELDS = ['items', 'data', 'results', 'records', 'entries', 'elements', 'values', 'list'];
const PAGE_PARAMS = /^(page|page_?number|pageNo|pageIndex)$/i;

function hasBodyLinks(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const links = (json as Record<string, unknown>).links;
  if (typeof links !== 'object' || links === null) return false;
  return ['next', 'first'].some((rel) => typeof (links as Record<string, unknown>)[rel] === 'string');
}

/**
 * A list is paged by Link headers when a successful example carries a `Link` header with a
 * `next` or `first` relation, or a JSON `links` field with such URLs (the body form of the same links).
 */
function detectPagination(
  readings: ExampleReading[],
  responses: Response[],
  query: Parameter[],
): Pagination | undefined {
  const success = readings.filter((reading) => reading.status >= 200 && reading.status < 300);
  const header = success.some((reading) => NEXT_OR_FIRST.test(reading.headers.get('link') ?? ''));
  const bodyLinks = success.some((reading) => hasBodyLinks(reading.json));
  if (!header && !bodyLinks) return undefined;
  const ok = responses.find((response) => response.status >= 200 && response.status < 300);
  let itemsAt = '';
  if (ok?.csv) {
    itemsAt = 'csv';
  } else if (ok?.schema.type === 'object') {
    const arrays = Object.entries(ok.schema.properties)
      .filter(([, schema]) => schema.type === 'array')
      .map(([name]) => name);
    itemsAt = arrays.find((name) => ITEM_FIELDS.includes(name.toLowerCase())) ?? arrays[0] ?? '';
  }
  const pagination: Pagination = { style: 'link-header', itemsAt };
  if (bodyLinks) pagination.bodyLinks = 'links';
  const pageParam = query.find((param) => PAGE_PARAMS.test(param.name));
  if (pageParam) pagination.pageParam = pageParam.name;
  return pagination;
}

/** A saved body longer than this is cut in the model: docs show examples, they do not archive them. */
export const MAX_SAMPLE_CHARS = 16_000;
/** Examples kept per status: enough to show the variants a collection documents. */
const MAX_SAMPLES = 5;

function samplesOf(bucket: ExampleReading[]): ResponseSample[] {
  return bucket
    .filter((reading) => reading.body.trim() !== '')
    .slice(0, MAX_SAMPLES)
    .map((reading) =>
      reading.body.length > MAX_SAMPLE_CHARS
        ? { name: reading.name, body: reading.body.slice(0, MAX_SAMPLE_CHARS), truncated: true }
        : { name: reading.name, body: reading.body },
    );
}

/** A response's body as folded from its examples, kept so that pooling can type it again. */
export interface ResponseShape {
  response: Response;
  shape: Shape;
  /** Some examples were plain text: the type also admits a string. */
  sawText: boolean;
}

/** The schema of a folded response body. */
export function responseSchema(shape: Shape, sawText: boolean, options: InferOptions): Schema {
  const schema: Schema =
    shape.count > 0 ? toSchema(shape, options) : sawText ? { type: 'string' } : { type: 'unknown' };
  return sawText && shape.count > 0 ? { type: 'union', anyOf: [schema, { type: 'string' }] } : schema;
}

/** Saved examples → one response per status code, each with an inferred schema. */
export function readResponses(
  examples: ResponseRecord[],
  query: Parameter[],
  where: string,
  diagnostics: Diagnostic[],
  options: InferOptions = DEFAULT_INFER_OPTIONS,
): { responses: Response[]; pagination?: Pagination; shapes: ResponseShape[] } {
  const shapes: ResponseShape[] = [];
  const readings = examples.map((example) => readExample(example, where, diagnostics));
  const statuses = [...new Set(readings.map((reading) => reading.status))].sort((a, b) => a - b);
  const responses: Response[] = statuses.map((status) => {
    const bucket = readings.filter((reading) => reading.status === status);
    const shape = emptyShape();
    let csv: Response['csv'];
    let sawText = false;
    for (const reading of bucket) {
      if (reading.json !== undefined) addSample(shape, reading.json, options);
      if (reading.csv) {
        csv ??= { delimiter: reading.csv.delimiter, columns: reading.csv.columns };
        // One sample for the list, so that an empty page still says "array".
        addSample(shape, reading.csv.rows, options);
      }
      if (reading.text !== undefined) sawText = true;
    }
    const schema = responseSchema(shape, sawText, options);
    const headers: Record<string, string> = {};
    for (const name of [...new Set(bucket.flatMap((reading) => [...reading.headers.keys()]))].sort()) {
      const value = bucket.find((reading) => reading.headers.has(name))?.headers.get(name) ?? '';
      headers[name] = value.length > 300 ? `${value.slice(0, 300)}…` : value;
    }
    const contentTypes = [
      ...new Set(bucket.map((reading) => reading.contentType).filter((type): type is string => !!type)),
    ].sort();
    const response: Response = {
      status,
      schema,
      examples: bucket.map((reading) => reading.name),
      headers,
      schemaSource: shape.count > 0 || sawText ? 'inferred' : 'none',
    };
    if (contentTypes[0]) response.contentType = contentTypes[0];
    if (csv) response.csv = csv;
    const samples = samplesOf(bucket);
    if (samples.length > 0) response.samples = samples;
    shapes.push({ response, shape, sawText });
    return response;
  });
  const pagination = detectPagination(readings, responses, query);
  return pagination ? { responses, pagination, shapes } : { responses, shapes };
}
