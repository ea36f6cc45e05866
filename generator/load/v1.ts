import { createHash } from 'node:crypto';
import { isObject, type JsonObject } from '../json-types.js';
import type { Diagnostic } from '../records.js';
import type { SkippedRequest } from '../records.js';
import { foldersTooDeep, MAX_FOLDER_DEPTH } from './validate.js';

const asIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

/**
 * The converter keys requests and folders by id in plain objects: an id such as `__proto__` or
 * `constructor` would name Object.prototype or a function there, and writing to what it finds
 * would change every object of the process. Such ids are replaced before it runs.
 */
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));
const usableId = (id: unknown): id is string => typeof id === 'string' && id !== '' && !PROTOTYPE_KEYS.has(id);

/**
 * Keeps an entry's id when it is usable and not taken, else gives it `derived()`; an id named
 * like a prototype member is remembered in `renamed`, so that the orders naming it follow.
 */
function claimId(entry: JsonObject, taken: Set<string>, renamed: Map<string, string>, derived: () => string): void {
  if (!usableId(entry.id) || taken.has(entry.id)) {
    const id = derived();
    if (typeof entry.id === 'string' && PROTOTYPE_KEYS.has(entry.id) && !renamed.has(entry.id))
      renamed.set(entry.id, id);
    entry.id = id;
  }
  taken.add(entry.id as string);
}

/**
 * Makes a v1 collection safe to hand to the v1 → v2 converter, which keeps only the requests and
 * folders that some `order` / `folders_order` names (and keys requests by id, so a missing or
 * repeated id makes requests collide). Real exports list requests in no order at all: those, and
 * requests whose id is missing or taken, are put at the top level with a warning; a request named
 * by several orders stays in the first; folders nobody lists are kept at the top level. Every
 * entry of `requests[]` thus becomes an item, or is recorded in `skipped`.
 * Mutates `collection` (the loader's private copy).
 */
export function repairV1(
  collection: JsonObject,
  file: string,
  diagnostics: Diagnostic[],
  skipped: SkippedRequest[],
): void {
  const requests = Array.isArray(collection.requests) ? collection.requests : [];
  const folders = (Array.isArray(collection.folders) ? collection.folders : []).filter(isObject);

  // Every request object gets an id of its own, so that none collides with another in the converter.
  const ids = new Set<string>();
  // An id the converter cannot take, as orders name it, and the id it has now.
  const renamed = new Map<string, string>();
  let notObjects = 0;
  requests.forEach((request, index) => {
    if (!isObject(request)) {
      skipped.push({ where: `${file} ($.requests[${index}])`, why: 'it is not an object' });
      notObjects++;
      return;
    }
    claimId(request, ids, renamed, () => {
      const seed = `${index}\u0000${String(request.name ?? '')}\u0000${String(request.method ?? '')}\u0000${String(request.url ?? '')}`;
      return `v1-${createHash('sha1').update(seed).digest('hex').slice(0, 16)}`;
    });
  });
  if (notObjects > 0) {
    diagnostics.push({
      level: 'warning',
      message: `${notObjects} entr${notObjects === 1 ? 'y' : 'ies'} of "requests" that are not objects were skipped`,
      where: `${file} ($.requests)`,
    });
  }

  // A request stays where an order first names it; later mentions are dropped so it is not generated twice.
  const placed = new Set<string>();
  const claim = (holder: JsonObject, where: string): void => {
    if (!Array.isArray(holder.order)) return;
    const kept = asIds(holder.order)
      .map((id) => renamed.get(id) ?? id)
      .filter((id) => {
        if (!ids.has(id)) return false;
        if (!placed.has(id)) return placed.add(id);
        diagnostics.push({
          level: 'warning',
          message: `request ${id} is listed in more than one order; it is kept in the first only`,
          where,
        });
        return false;
      });
    holder.order = kept;
  };
  folders.forEach((folder, index) => claim(folder, `${file} ($.folders[${index}].order)`));
  claim(collection, `${file} ($.order)`);

  const orphans = requests.filter(
    (request): request is JsonObject => isObject(request) && !placed.has(request.id as string),
  );
  if (orphans.length > 0) {
    collection.order = [...asIds(collection.order), ...orphans.map((request) => request.id as string)];
    const names = orphans.map((request) => `"${String(request.name ?? request.id)}"`);
    diagnostics.push({
      level: 'warning',
      message: `${orphans.length} request${orphans.length === 1 ? ' is' : 's are'} listed in no folder and no order (${names.join(', ')}); placed at the top level`,
      where: `${file} ($.requests)`,
    });
  }

  placeFolders(collection, folders, file, diagnostics);
}

/**
 * Gives every folder a usable id of its own, and each one place in the tree: the converter nests
 * a folder under every folder whose folders_order names it (twice named, its requests would be
 * generated twice; named by itself, the tree would never end), and drops folders nobody lists.
 * A folder stays where it is first reached from the top; later mentions are dropped with a
 * warning, and folders not reached at all are put at the top level. Deeper than
 * MAX_FOLDER_DEPTH, the collection is refused.
 */
function placeFolders(collection: JsonObject, folders: JsonObject[], file: string, diagnostics: Diagnostic[]): void {
  const ids = new Set<string>();
  const renamed = new Map<string, string>();
  folders.forEach((folder, index) =>
    claimId(folder, ids, renamed, () => {
      const seed = `${index}\u0000${String(folder.name ?? '')}`;
      return `v1-folder-${createHash('sha1').update(seed).digest('hex').slice(0, 16)}`;
    }),
  );
  const byId = new Map(folders.map((folder) => [folder.id as string, folder]));
  const known = (list: unknown): string[] =>
    asIds(list)
      .map((id) => renamed.get(id) ?? id)
      .filter((id) => byId.has(id));
  const nested = new Set(folders.flatMap((folder) => known(folder.folders_order)));
  // The converter's top level: folders_order, or every folder; a folder some folder lists is nested.
  const top = (Array.isArray(collection.folders_order) ? known(collection.folders_order) : [...byId.keys()]).filter(
    (id) => !nested.has(id),
  );
  const placed = new Set<string>();
  const dropped: string[] = [];
  const place = (id: string, depth: number, trail: string[]): void => {
    const folder = byId.get(id) as JsonObject;
    const names = [...trail, String(folder.name ?? id)];
    if (depth > MAX_FOLDER_DEPTH) throw foldersTooDeep(file, names, (chain) => `folder "${chain}" ($.folders)`);
    placed.add(id);
    const children: string[] = [];
    for (const child of known(folder.folders_order)) {
      if (placed.has(child)) dropped.push(child);
      else {
        placed.add(child);
        children.push(child);
      }
    }
    if (folder.folders_order !== undefined) folder.folders_order = children;
    for (const child of children) place(child, depth + 1, names);
  };
  const roots: string[] = [];
  const root = (id: string): void => {
    if (placed.has(id)) return;
    roots.push(id);
    place(id, 1, []);
  };
  for (const id of top) root(id);
  const reached = roots.length;
  for (const id of byId.keys()) root(id);
  const lifted = roots.length - reached;
  collection.folders_order = roots;
  if (dropped.length > 0)
    diagnostics.push({
      level: 'warning',
      message: `${dropped.length} folder(s) listed in more than one folders_order (or in their own) are kept in the first place only`,
      where: `${file} ($.folders)`,
    });
  if (lifted > 0)
    diagnostics.push({
      level: 'warning',
      message: `${lifted} folder(s) not reached from the top level (listed in no folders_order, or only in a cycle of folders) were placed at the top level`,
      where: `${file} ($.folders_order)`,
    });
}
