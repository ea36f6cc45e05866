import { createRequire } from 'node:module';
import type transformerModule from 'postman-collection-transformer';
import type { CollectionFormat } from '../records.js';
import { CodegenError } from '../errors.js';

const VERSION: Record<Exclude<CollectionFormat, 'v3'>, string> = { v1: '1.0.0', 'v2.0': '2.0.0', 'v2.1': '2.1.0' };

function convertOnce(
  collection: unknown,
  from: string,
  to: string,
  file: string,
  label: string,
): Record<string, unknown> {
  let result: Record<string, unknown> | undefined;
  let failure: unknown;
  // Loaded on first need (about 0.1 s of CPU): a v2.1 collection, the common case, never needs it.
  const transformer = createRequire(import.meta.url)('postman-collection-transformer') as typeof transformerModule;
  // The transformer's API takes a callback but calls it synchronously.
  transformer.convert(
    collection,
    { inputVersion: from, outputVersion: to, retainIds: true },
    (error: unknown, converted: Record<string, unknown>) => {
      failure = error;
      result = converted;
    },
  );
  if (failure || !result) {
    const reason = failure instanceof Error ? failure.message : String(failure ?? 'no result');
    throw new CodegenError(
      `could not be converted from Postman Collection ${label} to v2.1: ${reason}.`,
      file,
      '$',
      'Open it in Postman and export it again as Collection v2.1.',
    );
  }
  return result;
}

/**
 * Brings v1 and v2.0 collections to the v2.1 shape that the rest of the loader reads. The
 * transformer has no direct v2.0 → v2.1 path, so v2.0 goes through v1 (ids are retained).
 */
export function toV21(
  collection: Record<string, unknown>,
  format: Exclude<CollectionFormat, 'v3'>,
  file: string,
): Record<string, unknown> {
  if (format === 'v2.1') return collection;
  dropNamelessVariables(collection);
  const v1 = format === 'v1' ? collection : convertOnce(collection, VERSION['v2.0'], VERSION.v1, file, format);
  return convertOnce(v1, VERSION.v1, VERSION['v2.1'], file, format);
}

/**
 * Variables with neither a key nor an id (and entries that are not objects) name nothing a request can use, but the converter gives
 * each a random UUID for a name, which would change the client on every run: they are left out
 * first (v2.1 input, which is not converted, ignores them the same way). Walks the whole tree
 * without recursion: folders, requests, URLs and v1 lists alike.
 */
function dropNamelessVariables(collection: Record<string, unknown>): void {
  // A number or a string in the list names nothing either.
  const named = (entry: unknown): boolean =>
    typeof entry === 'object' &&
    entry !== null &&
    ['key', 'id'].some((field) => {
      const value = (entry as Record<string, unknown>)[field];
      return typeof value === 'string' && value !== '';
    });
  const stack: unknown[] = [collection];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const entry of node) stack.push(entry);
      continue;
    }
    const object = node as Record<string, unknown>;
    for (const field of ['variable', 'variables']) {
      const list = object[field];
      if (Array.isArray(list) && !list.every(named)) object[field] = list.filter(named);
    }
    for (const value of Object.values(object)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
}
