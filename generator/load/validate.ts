import { createHash } from 'node:crypto';
import { CodegenError } from '../errors.js';
import { describeKind, isObject, type JsonObject } from '../json-types.js';
import type { Diagnostic } from '../records.js';
import type { SkippedRequest } from '../records.js';
import { parseUrl } from './url.js';

type Json = JsonObject;
const describe = describeKind;

/** What tells two same-named requests apart: their method and URL. */
function requestSignature(item: Json): string {
  const request = item.request;
  if (typeof request === 'string') return `GET ${request}`;
  if (!isObject(request)) return '';
  const url = isObject(request.url)
    ? String(request.url.raw ?? JSON.stringify(request.url.path ?? ''))
    : String(request.url ?? '');
  return `${String(request.method ?? 'GET')} ${url}`;
}

/** A stable id for an item that has none: the SDK would otherwise invent a random one per run. */
function derivedId(itemPath: string[], taken: Set<string>, signature = ''): string {
  const base = `h${createHash('sha1')
    .update(`${itemPath.join('\u0000')}\u0000${signature}`)
    .digest('hex')
    .slice(0, 16)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Folders nested deeper than this are refused: no client needs namespaces that deep, and every walk of the tree stays shallow. */
export const MAX_FOLDER_DEPTH = 64;

/** The refusal of folders nested past MAX_FOLDER_DEPTH; `where` places the chain of the first two folders and the last two. */
export function foldersTooDeep(file: string, trail: readonly string[], where: (chain: string) => string): CodegenError {
  const chain = [...trail.slice(0, 2), '…', ...trail.slice(-2)].join(' / ');
  return new CodegenError(
    `folders nest more than ${MAX_FOLDER_DEPTH} deep.`,
    file,
    where(chain),
    'Flatten the folders; no client needs namespaces that deep.',
  );
}

/**
 * Refuses a v2 item tree whose folders nest deeper than MAX_FOLDER_DEPTH, before anything walks
 * it recursively (this walk does not recurse). The message names the first folders and the last,
 * and the JSON path when the collection is JSON (`jsonRoot`).
 */
export function refuseDeepFolders(collection: Json, file: string, jsonRoot?: string): void {
  const stack: Array<{ items: unknown; names: string[]; path: string }> = [
    { items: collection.item, names: [], path: `${jsonRoot ?? '$'}.item` },
  ];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { items, names, path } = next;
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (!isObject(item) || !('item' in item)) return;
      const trail = [...names, typeof item.name === 'string' && item.name !== '' ? item.name : `Untitled ${index + 1}`];
      const place = `${path}[${index}]`;
      if (trail.length > MAX_FOLDER_DEPTH)
        throw foldersTooDeep(file, trail, (chain) =>
          // A v3 collection is folders on disk: its JSON paths exist only inside the loader.
          jsonRoot === undefined ? `folder "${chain}"` : `item "${chain}" at ${place}`,
        );
      stack.push({ items: item.item, names: trail, path: `${place}.item` });
    });
  }
}

/** Scripts never run in a generated client; an event entry that is not an object is dropped, not fatal. */
function dropMalformedEvents(holder: Json): void {
  if (holder.event === undefined) return;
  holder.event = Array.isArray(holder.event)
    ? holder.event.filter((event) => isObject(event) && typeof event.listen === 'string')
    : [];
}

/**
 * Gives every v2 item without an id a stable one, before anything else can invent a random one
 * (the SDK does, and so does the v2.0 → v1 conversion). Tolerates malformed trees: validation
 * reports those later.
 */
export function assignMissingIds(collection: Json): void {
  const taken = new Set<string>();
  const visit = (items: unknown, parentPath: string[]): void => {
    if (!Array.isArray(items)) return;
    items.forEach((item, index) => {
      if (!isObject(item)) return;
      const name = typeof item.name === 'string' && item.name !== '' ? item.name : `Untitled ${index + 1}`;
      const itemPath = [...parentPath, name];
      const existing =
        typeof item.id === 'string' && item.id !== ''
          ? item.id
          : typeof item._postman_id === 'string'
            ? item._postman_id
            : '';
      item.id = existing && !taken.has(existing) ? existing : derivedId(itemPath, taken, requestSignature(item));
      taken.add(item.id as string);
      dropMalformedEvents(item);
      visit(item.item, itemPath);
    });
  };
  dropMalformedEvents(collection);
  visit(collection.item, []);
}

/**
 * Checks the v2.1 structure the SDK would otherwise accept silently or crash on. Errors name the item path ("Devices / List devices") and the JSON path.
 * Items with no request at all are dropped with a warning (the SDK would invent an empty GET).
 * Mutates `collection` (it is the loader's private copy).
 */
export function validateCollection(
  collection: Json,
  file: string,
  jsonRoot: string,
  diagnostics: Diagnostic[],
  skipped: SkippedRequest[] = [],
): void {
  const fail = (message: string, itemPath: string[], jsonPath: string, hint?: string): never => {
    const where = itemPath.length > 0 ? `item "${itemPath.join(' / ')}" at ${jsonPath}` : jsonPath;
    throw new CodegenError(message, file, where, hint);
  };

  const info = collection.info;
  if (info !== undefined && !isObject(info))
    fail(`"info" must be an object, not ${describe(info)}.`, [], `${jsonRoot}.info`);
  if (isObject(info) && info.name !== undefined && info.name !== null && typeof info.name !== 'string') {
    fail(`"info.name" must be a string, not ${describe(info.name)}.`, [], `${jsonRoot}.info.name`);
  }

  const visitList = (items: unknown, parentPath: string[], jsonPath: string): void => {
    if (items === undefined) return;
    if (!Array.isArray(items)) {
      fail(`"item" must be an array, not ${describe(items)}.`, parentPath, jsonPath);
      return;
    }
    const empty = new Set<unknown>();
    items.forEach((item, index) => {
      if (visitItem(item, parentPath, `${jsonPath}[${index}]`, index) === 'empty') empty.add(item);
    });
    if (empty.size > 0) {
      const kept = items.filter((item) => !empty.has(item));
      items.splice(0, items.length, ...kept);
    }
  };

  const visitItem = (item: unknown, parentPath: string[], jsonPath: string, index: number): 'empty' | undefined => {
    if (!isObject(item))
      return fail(`each entry of "item" must be an object, not ${describe(item)}.`, parentPath, jsonPath);
    if (
      item.name !== undefined &&
      item.name !== null &&
      typeof item.name !== 'string' &&
      typeof item.name !== 'number'
    ) {
      fail(`"name" must be a string, not ${describe(item.name)}.`, parentPath, `${jsonPath}.name`);
    }
    const name =
      item.name === undefined || item.name === null || item.name === '' ? `Untitled ${index + 1}` : String(item.name);
    const itemPath = [...parentPath, name];
    item.name = name;

    const where = `${itemPath.join(' / ')} (${jsonPath})`;
    if ('item' in item) {
      if (item.request !== undefined && item.request !== null) {
        // A folder cannot be a request too: Postman reads it as a folder, and so do we, but says so.
        const why = 'it has both "item" and "request"; it is read as a folder and its request was skipped';
        diagnostics.push({ level: 'warning', message: why, where });
        skipped.push({ where: `${file}: ${where}`, why });
      }
      visitList(item.item, itemPath, `${jsonPath}.item`);
      return undefined;
    }
    const request = item.request;
    if (request === undefined || request === null || request === '') {
      diagnostics.push({ level: 'warning', message: 'item has no request and was skipped', where });
      skipped.push({ where: `${file}: ${where}`, why: 'it has no request' });
      return 'empty';
    }
    if (typeof request === 'string') return undefined;
    if (!isObject(request))
      return fail(
        `"request" must be an object or a URL string, not ${describe(request)}.`,
        itemPath,
        `${jsonPath}.request`,
      );
    // An exported URL object that holds `raw` but no host and no path (some tools write that) is
    // read from its `raw`, as the string it holds; its own query and path-variable lists, which
    // can carry descriptions and disabled flags, stay as they are.
    if (
      isObject(request.url) &&
      typeof request.url.raw === 'string' &&
      request.url.host === undefined &&
      request.url.path === undefined
    ) {
      const { query, variable } = request.url;
      request.url =
        Array.isArray(query) || Array.isArray(variable)
          ? {
              ...(parseUrl(request.url.raw) as unknown as Json),
              ...(Array.isArray(query) ? { query } : {}),
              ...(Array.isArray(variable) ? { variable } : {}),
            }
          : request.url.raw;
    }
    const url = request.url;
    if (url !== undefined && typeof url !== 'string' && !isObject(url)) {
      fail(`"request.url" must be a string or an object, not ${describe(url)}.`, itemPath, `${jsonPath}.request.url`);
    }
    if (isObject(url)) {
      for (const key of ['path', 'host'] as const) {
        const part = url[key];
        if (part !== undefined && typeof part !== 'string' && !Array.isArray(part)) {
          fail(
            `"request.url.${key}" must be a string or an array, not ${describe(part)}.`,
            itemPath,
            `${jsonPath}.request.url.${key}`,
          );
        }
      }
      if (url.query !== undefined && !Array.isArray(url.query)) {
        fail(
          `"request.url.query" must be an array, not ${describe(url.query)}.`,
          itemPath,
          `${jsonPath}.request.url.query`,
        );
      }
    }
    if (request.method !== undefined && typeof request.method !== 'string') {
      fail(
        `"request.method" must be a string, not ${describe(request.method)}.`,
        itemPath,
        `${jsonPath}.request.method`,
      );
    }
    if (request.header !== undefined && typeof request.header !== 'string' && !Array.isArray(request.header)) {
      fail(
        `"request.header" must be an array, not ${describe(request.header)}.`,
        itemPath,
        `${jsonPath}.request.header`,
      );
    }
    if (request.body !== undefined && request.body !== null && !isObject(request.body)) {
      fail(`"request.body" must be an object, not ${describe(request.body)}.`, itemPath, `${jsonPath}.request.body`);
    }
    if (item.response !== undefined && !Array.isArray(item.response)) {
      fail(
        `"response" must be an array of saved examples, not ${describe(item.response)}.`,
        itemPath,
        `${jsonPath}.response`,
      );
    }
    if (Array.isArray(item.response)) {
      item.response.forEach((response, i) => {
        if (!isObject(response)) {
          fail(
            `each saved example must be an object, not ${describe(response)}.`,
            itemPath,
            `${jsonPath}.response[${i}]`,
          );
        }
      });
    }
    return undefined;
  };

  visitList(collection.item, [], `${jsonRoot}.item`);
}
