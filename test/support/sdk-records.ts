/**
 * The reference reading for test/load-records.test.ts: a collection parsed by Postman's SDK, then
 * flattened into the loader's records, as the loader did before it read the JSON itself.
 */
import { ItemGroup, type CollectionType, type Item, type ItemGroupType, type Request, type Url } from './sdk.js';
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
} from '../../generator/records.js';

/** A Postman description (a string, or the SDK's `{content, type}`) as text; undefined when empty. */
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

/** The entries of an SDK property list, or of a plain array (raw JSON), or none. */
function entriesOf(list: unknown): unknown[] {
  if (Array.isArray(list)) return list;
  if (list && typeof (list as { all?: unknown }).all === 'function') return (list as { all(): unknown[] }).all();
  return [];
}

interface RawPair {
  key?: unknown;
  value?: unknown;
  disabled?: unknown;
  description?: unknown;
  type?: unknown;
  contentType?: unknown;
}

function pairs(list: unknown): PairRecord[] {
  const result: PairRecord[] = [];
  for (const entry of entriesOf(list) as RawPair[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const pair: PairRecord = { key: String(entry.key ?? '') };
    const value = valueText(entry.value);
    if (value !== undefined) pair.value = value;
    if (entry.disabled === true) pair.disabled = true;
    const description = descriptionText(entry.description);
    if (description) pair.description = description;
    if (typeof entry.type === 'string') pair.type = entry.type;
    if (entry.contentType !== undefined && entry.contentType !== null) pair.contentType = String(entry.contentType);
    result.push(pair);
  }
  return result;
}

function scripts(events: unknown): ScriptRecord[] {
  return (entriesOf(events) as Array<{ listen?: string; disabled?: boolean; script?: { exec?: unknown } }>).map(
    (event) => {
      const exec = event.script?.exec;
      return {
        listen: String(event.listen ?? ''),
        disabled: event.disabled === true,
        source: Array.isArray(exec) ? exec.join('\n') : String(exec ?? ''),
      };
    },
  );
}

function auth(declared: unknown): AuthRecord | undefined {
  const type = (declared as { type?: unknown } | undefined)?.type;
  if (!declared || typeof type !== 'string' || type === '' || type === 'inherit') return undefined;
  const parameters = (declared as { parameters?: () => unknown }).parameters;
  return { type, params: pairs(typeof parameters === 'function' ? parameters.call(declared) : undefined) };
}

function url(value: Url): UrlRecord {
  const record: UrlRecord = {
    host: Array.isArray(value.host) ? value.host.join('.') : String(value.host ?? ''),
    path: (Array.isArray(value.path) ? value.path : typeof value.path === 'string' ? [value.path] : []).map((segment) =>
      String(segment ?? ''),
    ),
    variables: pairs(value.variables),
    query: pairs(value.query),
  };
  if (value.protocol) record.protocol = String(value.protocol);
  if (value.port) record.port = String(value.port);
  return record;
}

function body(value: unknown): BodyRecord | undefined {
  const sdk = value as
    | {
        mode?: unknown;
        disabled?: boolean;
        raw?: unknown;
        options?: { raw?: { language?: unknown } };
        urlencoded?: unknown;
        formdata?: unknown;
        graphql?: { query?: unknown; variables?: unknown };
      }
    | undefined;
  if (!sdk || typeof sdk.mode !== 'string' || sdk.mode === '') return undefined;
  const record: BodyRecord = { mode: sdk.mode };
  if (sdk.disabled) record.disabled = true;
  if (typeof sdk.raw === 'string') record.raw = sdk.raw;
  const language = sdk.options?.raw?.language;
  if (typeof language === 'string') record.language = language;
  if (sdk.mode === 'urlencoded') record.fields = pairs(sdk.urlencoded);
  if (sdk.mode === 'formdata') record.fields = pairs(sdk.formdata);
  if (sdk.graphql) {
    record.graphql = { variables: sdk.graphql.variables };
    if (sdk.graphql.query !== undefined && sdk.graphql.query !== null) record.graphql.query = String(sdk.graphql.query);
  }
  return record;
}

function request(value: Request, description?: unknown): RequestRecord {
  const record: RequestRecord = {
    method: String(value.method ?? 'GET').toUpperCase(),
    url: url(value.url),
    headers: pairs(value.headers),
  };
  const requestBody = body(value.body);
  if (requestBody) record.body = requestBody;
  const declared = auth(value.auth);
  if (declared) record.auth = declared;
  const text = descriptionText(description);
  if (text) record.description = text;
  return record;
}

function response(value: unknown): ResponseRecord {
  const sdk = value as {
    name?: unknown;
    code?: unknown;
    status?: unknown;
    headers?: unknown;
    body?: unknown;
    originalRequest?: unknown;
  };
  const record: ResponseRecord = {
    name: String(sdk.name ?? ''),
    code: Number(sdk.code) || 0,
    headers: pairs(sdk.headers),
    body: typeof sdk.body === 'string' ? sdk.body : '',
  };
  if (typeof sdk.status === 'string') record.status = sdk.status;
  const original = sdk.originalRequest as Request | undefined;
  if (original && typeof original === 'object' && original.url) record.originalRequest = request(original);
  return record;
}

function item(child: Item | ItemGroupType, itemVariables: Map<string, unknown[]>): ItemRecord {
  const id = String(child.id);
  const name = String(child.name ?? '');
  const events = scripts((child as { events?: unknown }).events);
  const variables = pairs(itemVariables.get(id));
  const description = descriptionText((child as unknown as { description?: unknown }).description);
  if (ItemGroup.isItemGroup(child)) {
    const group = child as ItemGroupType;
    const folder: ItemRecord = {
      kind: 'folder',
      id,
      name,
      events,
      variables,
      items: (group.items.all() as Array<Item | ItemGroupType>).map((inner) => item(inner, itemVariables)),
    };
    if (description) folder.description = description;
    const declared = auth(group.auth);
    if (declared) folder.auth = declared;
    return folder;
  }
  const single = child as Item;
  const record: ItemRecord = {
    kind: 'request',
    id,
    name,
    events,
    variables,
    responses: (single.responses.all() as unknown[]).map(response),
  };
  if (description) record.description = description;
  if (single.request) {
    record.request = request(single.request, (single.request as unknown as { description?: unknown }).description);
  }
  return record;
}

/** The variables declared on folders and requests, by item id, from the JSON: the SDK does not keep them. */
function collectItemVariables(items: unknown, into: Map<string, unknown[]>): Map<string, unknown[]> {
  if (!Array.isArray(items)) return into;
  for (const item of items as Array<Record<string, unknown>>) {
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item.variable) && item.variable.length > 0) into.set(String(item.id), item.variable);
    collectItemVariables(item.item, into);
  }
  return into;
}

/** The records of a collection the SDK parsed from `json`. */
export function sdkCollectionRecord(collection: CollectionType, json: Record<string, unknown>): CollectionRecord {
  const itemVariables = collectItemVariables(json.item, new Map());
  const record: CollectionRecord = {
    name: String(collection.name ?? ''),
    events: scripts(collection.events),
    variables: pairs(collection.variables),
    items: (collection.items.all() as Array<Item | ItemGroupType>).map((child) => item(child, itemVariables)),
  };
  const description = descriptionText((collection as unknown as { description?: unknown }).description);
  if (description) record.description = description;
  const declared = auth(collection.auth);
  if (declared) record.auth = declared;
  return record;
}
