/** The changes between two versions of one operation, as its callers see them. */
import { isDeepStrictEqual } from 'node:util';
import type { Auth, Header, Operation, Pagination, Parameter, RequestBody, Response, Schema } from '../model/types.js';
import { compareSchemas, fieldPath, type Emit } from './schema.js';
import { describeSchema } from './describe.js';
import { pathShape, type Located } from './match.js';

/** Emits `rule` when the two texts differ (absent counts as empty). */
function text(
  emit: Emit,
  rule: 'description-changed' | 'examples-changed' | 'summary-changed',
  field: string,
  before: string | undefined,
  after: string | undefined,
): void {
  if ((before ?? '') !== (after ?? '')) emit(rule, field, before, after);
}

/** Saved examples are compared as sets: reordering them in the collection is no change. */
const sameSet = (a: string[], b: string[]): boolean => isDeepStrictEqual([...a].sort(), [...b].sort());

function compareParams(before: Parameter[], after: Parameter[], prefix: 'path' | 'query', emit: Emit): void {
  const old = new Map(before.map((param) => [param.name, param]));
  const next = new Map(after.map((param) => [param.name, param]));
  for (const name of [...new Set([...old.keys(), ...next.keys()])].sort()) {
    const field = fieldPath(prefix, name);
    const a = old.get(name);
    const b = next.get(name);
    if (!b) {
      emit('param-removed', field, describeSchema((a as Parameter).schema));
      continue;
    }
    if (!a) {
      emit(
        prefix === 'path' ? 'path-param-added' : b.required ? 'param-required' : 'optional-param-added',
        field,
        undefined,
        describeSchema(b.schema),
      );
      continue;
    }
    if (a.identifier !== b.identifier) emit('member-renamed', field, a.identifier, b.identifier);
    // A query parameter is optional unless marked required; a path parameter is optional when a
    // client option (a collection variable) fills it.
    const optional = (param: Parameter): boolean =>
      prefix === 'query' ? !param.required : param.variable !== undefined;
    if (optional(a) && !optional(b)) emit('param-required', field, 'optional', 'required');
    if (!optional(a) && optional(b)) emit('param-widened', field, 'required', 'optional');
    if (a.variable && b.variable && a.variable !== b.variable)
      emit('default-changed', field, `{{${a.variable}}}`, `{{${b.variable}}}`);
    if (Boolean(a.repeated) !== Boolean(b.repeated))
      emit(
        b.repeated ? 'param-widened' : 'param-narrowed',
        field,
        a.repeated ? 'repeated' : 'single',
        b.repeated ? 'repeated' : 'single',
      );
    compareSchemas(a.schema, b.schema, field, 'request', emit);
    text(emit, 'description-changed', `${field}.description`, a.description, b.description);
    text(emit, 'examples-changed', `${field}.example`, a.example, b.example);
  }
}

function compareHeaders(before: Header[], after: Header[], emit: Emit): void {
  const byName = (headers: Header[]): Map<string, Header> =>
    new Map(headers.map((header) => [header.name.toLowerCase(), header]));
  const old = byName(before);
  const next = byName(after);
  for (const name of [...new Set([...old.keys(), ...next.keys()])].sort()) {
    const field = fieldPath('headers', name);
    const a = old.get(name);
    const b = next.get(name);
    if (a?.value !== b?.value) emit('header-changed', field, a ? a.value : '(not sent)', b ? b.value : '(not sent)');
    if (a && b) text(emit, 'description-changed', `${field}.description`, a.description, b.description);
  }
}

/** The type callers pass as the body: text bodies are strings and binary bodies files, whatever the examples held. */
function bodySchema(body: RequestBody): Schema {
  if (body.kind === 'text') return { type: 'string' };
  if (body.kind === 'binary') return { type: 'file' };
  return body.schema;
}

const bodyRequired = (body: RequestBody): boolean =>
  body.kind === 'text' || body.kind === 'binary' || (body.schema.type === 'object' && body.schema.required.length > 0);

const mediaType = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

function compareBodies(before: RequestBody | undefined, after: RequestBody | undefined, emit: Emit): void {
  const a = before && before.kind !== 'none' ? before : undefined;
  const b = after && after.kind !== 'none' ? after : undefined;
  if (!a && !b) return;
  if (!a) {
    emit(
      bodyRequired(b as RequestBody) ? 'param-required' : 'optional-param-added',
      'body',
      undefined,
      describeSchema(bodySchema(b as RequestBody)),
    );
    return;
  }
  if (!b) {
    emit('param-removed', 'body', describeSchema(bodySchema(a)));
    return;
  }
  if (a.kind !== b.kind || mediaType(a.contentType) !== mediaType(b.contentType)) {
    emit(
      'body-encoding-changed',
      'body',
      [a.kind, a.contentType].filter(Boolean).join(' '),
      [b.kind, b.contentType].filter(Boolean).join(' '),
    );
  }
  compareSchemas(bodySchema(a), bodySchema(b), 'body', 'request', emit);
  if (!sameSet(a.examples, b.examples))
    emit('examples-changed', 'bodyExamples', `${a.examples.length} examples`, `${b.examples.length} examples`);
  const fieldDocs = (body: RequestBody): string =>
    (body.fields ?? []).map((field) => `${field.name}: ${field.description ?? ''}`).join('\n');
  text(emit, 'description-changed', 'bodyFields', fieldDocs(a), fieldDocs(b));
}

const isSuccess = (status: number): boolean => status === 0 || (status >= 200 && status < 300);

/** How the runtime reads an answer: this decides the call's result type as much as the schema does. */
function responseKind(response: Response): string {
  if (response.csv) return 'csv';
  if (response.schemaSource === 'none') return 'no body';
  const type = mediaType(response.contentType);
  if (type.includes('json') || response.schema.type !== 'string') return 'json';
  if (type.startsWith('text/') || type.includes('xml') || type.includes('javascript')) return 'text';
  return 'binary';
}

function compareResponses(before: Response[], after: Response[], emit: Emit): void {
  const old = new Map(before.map((response) => [response.status, response]));
  const next = new Map(after.map((response) => [response.status, response]));
  for (const status of [...new Set([...old.keys(), ...next.keys()])].sort((x, y) => x - y)) {
    const field = `responses.${status}`;
    const a = old.get(status);
    const b = next.get(status);
    if (!b) {
      emit(
        isSuccess(status) ? 'response-status-removed' : 'error-status-removed',
        field,
        describeSchema((a as Response).schema),
      );
      continue;
    }
    if (!a) {
      emit('response-status-added', field, undefined, describeSchema(b.schema));
      continue;
    }
    const kinds = [responseKind(a), responseKind(b)];
    // An answer that gains a body gives callers more (void becomes data); any other switch changes the result type.
    if (kinds[0] !== kinds[1])
      emit(kinds[0] === 'no body' ? 'response-narrowed' : 'response-body-changed', `${field}.body`, kinds[0], kinds[1]);
    else compareSchemas(a.schema, b.schema, `${field}.body`, 'response', emit, true);
    if (a.csv && b.csv && a.csv.delimiter !== b.csv.delimiter)
      emit('body-encoding-changed', `${field}.csv`, a.csv.delimiter, b.csv.delimiter);
    if (mediaType(a.contentType) !== mediaType(b.contentType) && kinds[0] === kinds[1])
      emit('examples-changed', `${field}.contentType`, a.contentType, b.contentType);
    if (!sameSet(a.examples, b.examples))
      emit('examples-changed', `${field}.examples`, a.examples.join(', '), b.examples.join(', '));
    // Header names only: the model keeps one sample value per header, the first example's, so the value says nothing an example order would not.
    if (!sameSet(Object.keys(a.headers), Object.keys(b.headers)))
      emit(
        'examples-changed',
        `${field}.headers`,
        Object.keys(a.headers).join(', '),
        Object.keys(b.headers).join(', '),
      );
  }
}

export function describePagination(pagination: Pagination | undefined): string {
  if (!pagination) return 'none';
  const items = pagination.itemsAt === '' ? 'the body' : pagination.itemsAt === 'csv' ? 'CSV rows' : pagination.itemsAt;
  return [
    `Link pages of ${items}`,
    pagination.bodyLinks ? `links in ${pagination.bodyLinks}` : '',
    pagination.pageParam ? `page parameter ${pagination.pageParam}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export function describeAuth(auth: Auth): string {
  const params = Object.keys(auth.params)
    .sort()
    .map((key) => `${key}=${auth.params[key]}`);
  return params.length > 0 ? `${auth.type} (${params.join(', ')})` : auth.type;
}

const sameAuth = (a: Auth, b: Auth): boolean => a.type === b.type && isDeepStrictEqual(a.params, b.params);

const describeScripts = (scripts: Operation['scripts']): string =>
  `pre-request: ${scripts.prerequest.join(', ') || 'none'}; test: ${scripts.test.join(', ') || 'none'}`;

export function compareOperations(before: Located, after: Located, emit: Emit): void {
  const a = before.operation;
  const b = after.operation;
  if (before.member !== after.member) emit('member-renamed', undefined, before.member, after.member);
  else text(emit, 'summary-changed', 'name', before.label, after.label);
  if (a.method !== b.method) emit('method-changed', 'method', a.method, b.method);
  if (pathShape(a.pathTemplate) !== pathShape(b.pathTemplate))
    emit('path-changed', 'path', a.pathTemplate, b.pathTemplate);
  if ((a.baseUrl ?? '') !== (b.baseUrl ?? ''))
    emit('path-changed', 'baseUrl', a.baseUrl ?? '(the client’s)', b.baseUrl ?? '(the client’s)');
  compareParams(a.pathParams, b.pathParams, 'path', emit);
  compareParams(a.query, b.query, 'query', emit);
  compareHeaders(a.headers, b.headers, emit);
  compareBodies(a.body, b.body, emit);
  compareResponses(a.responses, b.responses, emit);
  if (!isDeepStrictEqual(a.pagination, b.pagination))
    emit('pagination-changed', 'pagination', describePagination(a.pagination), describePagination(b.pagination));
  // Auth inherited from the collection on both sides is reported once, for the collection.
  const inherited = a.auth.inheritedFrom === 'collection' && b.auth.inheritedFrom === 'collection';
  if (!inherited && !sameAuth(a.auth, b.auth)) emit('auth-changed', 'auth', describeAuth(a.auth), describeAuth(b.auth));
  if (!isDeepStrictEqual(a.scripts, b.scripts))
    emit('scripts-changed', 'scripts', describeScripts(a.scripts), describeScripts(b.scripts));
  text(emit, 'description-changed', 'description', a.description, b.description);
  if (a.status !== b.status) emit('status-mark-changed', 'status', a.status ?? 'unmarked', b.status ?? 'unmarked');
  if (Boolean(a.deprecated) !== Boolean(b.deprecated))
    emit('deprecation-changed', 'deprecated', String(Boolean(a.deprecated)), String(Boolean(b.deprecated)));
}
