/**
 * The size limit of one generated client, checked on the validated collection before the Postman
 * SDK reads it: a 100,000-request folder is refused in a moment instead of after minutes of
 * reading (the SDK's lists are quadratic in their length) and modelling what cannot be generated.
 */
import { CodegenError } from '../errors.js';
import { isObject } from '../json-types.js';

/** Requests per folder, by the folder's item path joined with " / " ("" for the top level). */
function requestsPerFolder(items: unknown, where: string, counts: Map<string, number>): Map<string, number> {
  if (!Array.isArray(items)) return counts;
  for (const item of items) {
    if (!isObject(item)) continue;
    // Validation made every name a string, and reads an item with "item" as a folder.
    if ('item' in item)
      requestsPerFolder(item.item, where === '' ? String(item.name) : `${where} / ${String(item.name)}`, counts);
    else counts.set(where, (counts.get(where) ?? 0) + 1);
  }
  return counts;
}

/** Throws when a validated v2.1 collection has more requests than one client holds, naming its largest folder. */
export function refuseOversized(collection: Record<string, unknown>, maxRequests: number, file: string): void {
  const counts = requestsPerFolder(collection.item, '', new Map());
  const count = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (count <= maxRequests) return;
  const [biggest, size] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  throw new CodegenError(
    `has ${count} requests; a generated client holds at most ${maxRequests} operations (the largest folder, "${biggest}", has ${size}).`,
    file,
    biggest ? `item "${biggest}"` : undefined,
    'Split the collection into several collections, one client each (the model command has no such limit).',
  );
}
