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
  const v1 = format === 'v1' ? collection : convertOnce(collection, VERSION['v2.0'], VERSION.v1, file, format);
  return convertOnce(v1, VERSION.v1, VERSION['v2.1'], file, format);
}
