import { createHash } from 'node:crypto';
import { isObject, type JsonObject } from '../json-types.js';
import type { Diagnostic } from '../records.js';
import type { SkippedRequest } from '../records.js';

const asIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

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
  let notObjects = 0;
  requests.forEach((request, index) => {
    if (!isObject(request)) {
      skipped.push({ where: `${file} ($.requests[${index}])`, why: 'it is not an object' });
      notObjects++;
      return;
    }
    if (typeof request.id !== 'string' || request.id === '' || ids.has(request.id)) {
      const seed = `${index}\u0000${String(request.name ?? '')}\u0000${String(request.method ?? '')}\u0000${String(request.url ?? '')}`;
      request.id = `v1-${createHash('sha1').update(seed).digest('hex').slice(0, 16)}`;
    }
    ids.add(request.id as string);
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
    const kept = asIds(holder.order).filter((id) => {
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

  // Folders that no folders_order names (and that are no subfolder) would vanish with their requests.
  const folderIds = new Set(folders.map((folder) => folder.id).filter((id): id is string => typeof id === 'string'));
  const nested = new Set(folders.flatMap((folder) => asIds(folder.folders_order)));
  if (Array.isArray(collection.folders_order)) {
    const listed = new Set(asIds(collection.folders_order));
    const unlisted = [...folderIds].filter((id) => !listed.has(id) && !nested.has(id));
    if (unlisted.length > 0) {
      collection.folders_order = [...asIds(collection.folders_order), ...unlisted];
      diagnostics.push({
        level: 'warning',
        message: `${unlisted.length} folder(s) listed in no folders_order were placed at the top level`,
        where: `${file} ($.folders_order)`,
      });
    }
  }
}
