/**
 * A validated v2.1 collection (plain JSON) → plain records (generator/records.ts): the model stage
 * reads only what this returns.
 *
 * It reads the JSON as Postman's SDK (postman-collection) reads it — the loose forms included:
 * headers and query strings written as text, auth parameters as an object, bodies in an unknown
 * mode, variables with a type — without building the SDK's object model, which cost more CPU
 * than the rest of loading and brought its dependencies into every run. `test/load-records.test.ts`
 * holds this reader to the SDK's reading on every fixture and on generated collections.
 */
import type {
  AuthRecord,
  BodyRecord,
  CollectionRecord,
  ItemRecord,
  PairRecord,
  RequestRecord,
  ResponseRecord,
  ScriptRecord,
  UrlRecord,
} from '../records.js';
import { parseQueryString, parseUrl, queryPair } from './url.js';
import { ownValue } from '../own.js';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const has = (value: unknown, key: string): boolean => isRecord(value) && Object.hasOwn(value, key);

/** A Postman description (a string, or `{content, type}`) as text; undefined when empty. */
export function descriptionText(description: unknown): string | undefined {
  if (description === undefined || description === null) return undefined;
  const text =
    typeof description === 'string' ? description : String((description as { content?: unknown }).content ?? '');
  return text.trim() === '' ? undefined : text;
}

/** A value as text: objects as their JSON, nothing as undefined. */
function valueText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A name as Postman keeps it: only a truthy one. */
const nameText = (value: unknown): string => (value ? String(value) : '');

/**
 * The entries of a list field: an array as it is, text through the list's own parser when it
 * has one, any other single value as a list of one; null entries dropped.
 */
function listOf(value: unknown, parseText?: (text: string) => unknown[]): unknown[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : typeof value === 'string' && parseText ? parseText(value) : [value];
  return list.filter((entry) => entry !== undefined && entry !== null);
}

function withDescription(pair: PairRecord, entry: unknown): PairRecord {
  const description = has(entry, 'description') ? descriptionText((entry as Json).description) : undefined;
  if (description) pair.description = description;
  return pair;
}

function withValue(pair: PairRecord, value: unknown): PairRecord {
  const text = valueText(value);
  if (text !== undefined) pair.value = text;
  return pair;
}

/**
 * `Name: value` lines, one header each, continuation lines folded in. As in Postman, the first
 * header is found before folding and the rest after it.
 */
function parseHeaderText(text: string): Array<{ key: string; value: string }> {
  const headers: Array<{ key: string; value: string }> = [];
  const pattern = /^(\S+):(.*)$/gm;
  let match = pattern.exec(text);
  const folded = text.replace(/\r\n([ \t])/g, '$1');
  for (; match; match = pattern.exec(folded)) {
    headers.push({ key: match[1] ?? '', value: (match[2] ?? '').replace(/^\s*(.*\S)?\s*$/, '$1') });
  }
  return headers;
}

/** One header given as text: `Name: value`, or a name alone. */
function headerFromText(text: string): { key: string; value: string } {
  const colon = text.indexOf(':');
  const end = colon < 0 ? text.length : colon;
  return { key: text.slice(0, end).trim(), value: text.slice(end + 1).trim() };
}

/** Headers: a list, `Name: value` lines, or an object of values by name. */
function headers(list: unknown): PairRecord[] {
  const entries = isRecord(list)
    ? Object.entries(list).map(([key, value]) => (typeof value === 'string' ? { key, value } : value))
    : list;
  return listOf(entries, parseHeaderText).map((entry) => {
    const header = typeof entry === 'string' ? headerFromText(entry) : entry;
    const source = isRecord(header) ? header : {};
    const pair: PairRecord = { key: String(source.key || '') };
    withValue(pair, has(source, 'value') ? source.value : '');
    if (source.disabled === true) pair.disabled = true;
    return withDescription(pair, source);
  });
}

/** Query parameters and url-encoded fields: keys and values as given, null meaning "none". */
function queryPairs(list: unknown): PairRecord[] {
  return listOf(list, parseQueryString).map((entry) => {
    const param = typeof entry === 'string' ? queryPair(entry) : entry;
    const source = isRecord(param) ? param : {};
    const pair = withValue({ key: String(source.key ?? '') }, source.value);
    if (source.disabled) pair.disabled = true;
    return withDescription(pair, source);
  });
}

/** Form fields: a list (Postman reads no form fields from text). */
function formPairs(list: unknown): PairRecord[] {
  return listOf(list, () => []).map((entry) => {
    const source = isRecord(entry) ? entry : {};
    const pair = withValue({ key: String(source.key || '') }, source.value || '');
    if (source.disabled) pair.disabled = true;
    withDescription(pair, source);
    if (typeof source.type === 'string') pair.type = source.type;
    if (source.contentType !== undefined && source.contentType !== null) pair.contentType = String(source.contentType);
    return pair;
  });
}

/**
 * A variable as Postman holds one: its type (one of its six, else "any") casts the value on the
 * way in and out; a type set without a value casts the value held so far (a "string" variable
 * without a value holds "undefined").
 */
interface VariableState {
  key: unknown;
  type: string;
  value: unknown;
  disabled?: unknown;
  description?: unknown;
}

const VARIABLE_TYPES = new Set(['string', 'boolean', 'number', 'array', 'object', 'any']);

function castIn(type: string, value: unknown): unknown {
  switch (type) {
    case 'string':
      return String(value);
    case 'boolean':
      return Boolean(value);
    case 'number':
      return Number(value);
    case 'array':
    case 'object':
      return typeof value === 'string' ? value : JSON.stringify(value);
    default:
      return value;
  }
}

function castOut(type: string, value: unknown): unknown {
  if (type !== 'array' && type !== 'object') return castIn(type, value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value as string);
  } catch {
    return undefined;
  }
  if (type === 'array') return Array.isArray(parsed) ? parsed : undefined;
  return parsed instanceof Object && !Array.isArray(parsed) ? parsed : undefined;
}

/** Applies a variable's definition to what it holds, field by field, as Postman's update does. */
function applyVariable(state: VariableState, source: Json): VariableState {
  const hasValue = Object.hasOwn(source, 'value');
  if (Object.hasOwn(source, 'type') && source.type !== undefined && source.type !== null) {
    const type = String(source.type).toLowerCase();
    if (VARIABLE_TYPES.has(type)) {
      state.type = type;
      if (!hasValue) state.value = castIn(type, castOut(type, state.value));
    }
  }
  if (hasValue) state.value = castIn(state.type, source.value);
  if (Object.hasOwn(source, 'disabled')) state.disabled = source.disabled;
  if (Object.hasOwn(source, 'description')) state.description = source.description;
  return state;
}

function variableRecord(state: VariableState): PairRecord {
  const pair = withValue({ key: String(state.key ?? '') }, state.value);
  if (state.disabled === true) pair.disabled = true;
  withDescription(pair, state);
  pair.type = state.type;
  return pair;
}

function newVariable(entry: unknown, keyFallback: boolean): VariableState {
  const source = isRecord(entry) ? entry : {};
  const key = keyFallback ? source.key || source.id : source.key;
  return applyVariable({ key, type: 'any', value: undefined }, source);
}

/** Variables: of collections, path variables (`keyFallback` reads the old `id` form), auth parameters. */
function variable(entry: unknown, keyFallback = false): PairRecord {
  return variableRecord(newVariable(entry, keyFallback));
}

function variables(list: unknown, keyFallback = false): PairRecord[] {
  return listOf(list).map((entry) => variable(entry, keyFallback));
}

/** Variables declared on folders and requests, read as plain pairs (the SDK kept none of them). */
function itemVariables(list: unknown): PairRecord[] {
  const result: PairRecord[] = [];
  for (const entry of Array.isArray(list) ? list : []) {
    if (!isRecord(entry)) continue;
    const pair = withValue({ key: String(entry.key ?? '') }, entry.value);
    if (entry.disabled === true) pair.disabled = true;
    withDescription(pair, entry);
    if (typeof entry.type === 'string') pair.type = entry.type;
    if (entry.contentType !== undefined && entry.contentType !== null) pair.contentType = String(entry.contentType);
    result.push(pair);
  }
  return result;
}

function scripts(events: unknown): ScriptRecord[] {
  return listOf(events).map((event) => {
    const source = isRecord(event) ? event : {};
    const script =
      typeof source.script === 'string' || Array.isArray(source.script) ? { exec: source.script } : source.script;
    // A script loaded from `src` has no inline source.
    const exec = isRecord(script) && !has(script, 'src') ? script.exec : undefined;
    return {
      listen: typeof source.listen === 'string' ? source.listen : '',
      disabled: Boolean(source.disabled),
      source: Array.isArray(exec) ? exec.join('\n') : typeof exec === 'string' ? exec.split(/\r?\n/).join('\n') : '',
    };
  });
}

/**
 * Auth parameters: a list of `{key, value}` (a later key replaces an earlier one, an entry
 * without a key is ignored) or an object of values by name.
 */
function authParams(value: unknown): PairRecord[] {
  if (Array.isArray(value)) {
    // Only a non-empty key names a parameter that a later entry updates.
    const params: VariableState[] = [];
    const byKey = new Map<string, VariableState>();
    for (const entry of value) {
      if (!isRecord(entry) || !Object.hasOwn(entry, 'key')) continue;
      const existing = entry.key ? byKey.get(String(entry.key)) : undefined;
      if (existing) {
        applyVariable(existing, entry);
        continue;
      }
      const param = newVariable(entry, false);
      params.push(param);
      if (entry.key) byKey.set(String(entry.key), param);
    }
    return params.map(variableRecord);
  }
  if (isRecord(value)) return Object.entries(value).map(([key, param]) => variable({ key, value: param }));
  return [];
}

function auth(declared: unknown): AuthRecord | undefined {
  if (!isRecord(declared)) return undefined;
  const type = declared.type;
  if (typeof type !== 'string' || type === '' || type === 'inherit') return undefined;
  // The type names its own member: `constructor` or `toString` must not find the prototype's.
  return { type, params: authParams(ownValue(declared, type)) };
}

/** Path given as text: without its leading slash, split at each `/`; `/` alone is one empty segment. */
function pathSegments(path: unknown): unknown[] {
  if (Array.isArray(path)) return path;
  if (typeof path !== 'string' || path === '') return [];
  if (path === '/') return [''];
  return path.replace(/^\/(.+)$/, '$1').split('/');
}

/** The host as one text: its parts joined with dots (a host given as text is kept as it is). */
function hostText(host: unknown): string {
  return Array.isArray(host) ? host.join('.') : String(host ?? '');
}

/** A URL's query: a list, a query string (split by `queryPairs`), or an object of values by name. */
function queryList(query: unknown): unknown {
  if (!query) return [];
  if (isRecord(query) && Object.keys(query).length > 0)
    return Object.entries(query).map(([key, value]) => ({ key, value }));
  return query;
}

function url(value: unknown): UrlRecord {
  const parts: Json =
    typeof value === 'string' || !value
      ? (parseUrl(String(value ?? '')) as unknown as Json)
      : isRecord(value)
        ? value
        : {};
  const record: UrlRecord = {
    host: hostText(parts.host),
    path: pathSegments(parts.path).map((segment) => String(segment ?? '')),
    variables: variables(parts.variable, true),
    query: queryPairs(queryList(parts.query)),
  };
  if (parts.protocol) record.protocol = String(parts.protocol);
  if (parts.port) record.port = String(parts.port);
  return record;
}

const BODY_MODES = new Set(['raw', 'urlencoded', 'formdata', 'file', 'graphql']);

function body(value: unknown): BodyRecord | undefined {
  if (!value) return undefined;
  const source = typeof value === 'string' ? { mode: 'raw', raw: value } : value;
  if (!isRecord(source) || !source.mode) return undefined;
  const declared = String(source.mode).toLowerCase();
  const mode = BODY_MODES.has(declared) ? declared : 'raw';
  const record: BodyRecord = { mode };
  if (source.disabled) record.disabled = true;
  if (typeof source.raw === 'string') record.raw = source.raw;
  else if (mode === 'raw' && !source.raw) record.raw = '';
  const options = source.options;
  const language = isRecord(options) && isRecord(options.raw) ? options.raw.language : undefined;
  if (typeof language === 'string') record.language = language;
  if (mode === 'urlencoded') record.fields = source.urlencoded ? queryPairs(source.urlencoded) : [];
  if (mode === 'formdata') record.fields = source.formdata ? formPairs(source.formdata) : [];
  const graphql = source.graphql;
  if (graphql || mode === 'graphql') {
    const fields = isRecord(graphql) ? graphql : {};
    record.graphql = { variables: fields.variables };
    if (fields.query !== undefined && fields.query !== null) record.graphql.query = String(fields.query);
  }
  return record;
}

/** A request; `described` keeps its description (a saved example's request has none that shows). */
function request(value: unknown, described: boolean): RequestRecord {
  const source: Json = typeof value === 'string' ? { url: value } : isRecord(value) ? value : {};
  const record: RequestRecord = {
    method: source.method === undefined || source.method === null ? 'GET' : String(source.method).toUpperCase(),
    url: url(source.url),
    headers: source.header ? headers(source.header) : [],
  };
  const requestBody = source.body === undefined ? undefined : body(source.body);
  if (requestBody) record.body = requestBody;
  const declared = auth(source.auth);
  if (declared) record.auth = declared;
  const text = described && has(source, 'description') ? descriptionText(source.description) : undefined;
  if (text) record.description = text;
  return record;
}

function response(value: unknown): ResponseRecord {
  const source = isRecord(value) ? value : {};
  const record: ResponseRecord = {
    name: nameText(source.name),
    code: Number(source.code) || 0,
    headers: headers(source.header),
    body: typeof source.body === 'string' ? source.body : '',
  };
  const status = source.reason || source.status;
  if (typeof status === 'string' && status !== '') record.status = status;
  if (source.originalRequest) record.originalRequest = request(source.originalRequest, false);
  return record;
}

function item(child: Json): ItemRecord {
  const id = String(child.id);
  const name = nameText(child.name);
  const events = scripts(child.event);
  const declaredVariables = itemVariables(child.variable);
  const description = has(child, 'description') ? descriptionText(child.description) : undefined;
  if (child.item) {
    const folder: ItemRecord = {
      kind: 'folder',
      id,
      name,
      events,
      variables: declaredVariables,
      items: listOf(child.item).map((inner) => item(isRecord(inner) ? inner : {})),
    };
    if (description) folder.description = description;
    const declared = auth(child.auth);
    if (declared) folder.auth = declared;
    return folder;
  }
  const record: ItemRecord = {
    kind: 'request',
    id,
    name,
    events,
    variables: declaredVariables,
    responses: listOf(child.response).map(response),
    request: request(child.request, true),
  };
  if (description) record.description = description;
  return record;
}

/** The records of a validated v2.1 collection. */
export function collectionRecord(collection: Json): CollectionRecord {
  const info = isRecord(collection.info) ? collection.info : collection;
  const record: CollectionRecord = {
    name: nameText(info.name),
    events: scripts(collection.event),
    variables: variables(collection.variable),
    items: listOf(collection.item).map((child) => item(isRecord(child) ? child : {})),
  };
  const description = has(info, 'description') ? descriptionText(info.description) : undefined;
  if (description) record.description = description;
  const declared = auth(collection.auth);
  if (declared) record.auth = declared;
  return record;
}
