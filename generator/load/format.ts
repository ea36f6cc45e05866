import type { CollectionFormat } from '../records.js';
import { CodegenError } from '../errors.js';
import { describeKind, isObject } from '../json-types.js';

const SCHEMA_VERSION = /\/collection\/v(\d+)\.(\d+)\.(\d+)\//;

export interface Detected {
  format: Exclude<CollectionFormat, 'v3'>;
  /** The collection object itself, unwrapped from Postman API's `{"collection": …}` envelope. */
  collection: Record<string, unknown>;
  wrapped: boolean;
}

/** The "info" block of a v2 collection that has its name, id and description at the top level. */
function headlessInfo(collection: Record<string, unknown>): Record<string, unknown> {
  const info: Record<string, unknown> = {};
  if (collection.name !== undefined) info.name = collection.name;
  const id = collection._postman_id ?? collection.id;
  if (typeof id === 'string') info._postman_id = id;
  if (collection.description !== undefined) info.description = collection.description;
  delete collection.name;
  delete collection.description;
  return info;
}

/** Tells v1, v2.0 and v2.1 apart, and unwraps the envelope that Postman's API returns. */
export function detectFormat(json: unknown, file: string): Detected {
  if (!isObject(json)) {
    throw new CodegenError(
      `is not a Postman collection: the top level is ${describeKind(json)}, not an object.`,
      file,
      '$',
      'Export the collection from Postman (Collection v2.1) and point the generator at that file.',
    );
  }
  let collection = json;
  let wrapped = false;
  if (isObject(json.collection) && !('item' in json) && !('requests' in json)) {
    collection = json.collection;
    wrapped = true;
  }
  const info = collection.info;
  if (isObject(info)) {
    const schema = typeof info.schema === 'string' ? info.schema : '';
    const version = SCHEMA_VERSION.exec(schema);
    if (!version) {
      if (schema !== '') {
        throw new CodegenError(
          `has an unknown schema "${schema}" in info.schema.`,
          file,
          wrapped ? '$.collection.info.schema' : '$.info.schema',
          'postman-codegen reads Postman Collection v1, v2.0 and v2.1.',
        );
      }
      // No schema at all: every tool that omits it writes the v2.1 shape.
      return { format: 'v2.1', collection, wrapped };
    }
    const [, major, minor] = version;
    if (major === '2' && minor === '1') return { format: 'v2.1', collection, wrapped };
    if (major === '2' && minor === '0') return { format: 'v2.0', collection, wrapped };
    throw new CodegenError(
      `uses Postman Collection schema v${major}.${minor}, which postman-codegen does not read.`,
      file,
      wrapped ? '$.collection.info.schema' : '$.info.schema',
      'Export it again from Postman as Collection v2.1.',
    );
  }
  if (Array.isArray(collection.requests) || Array.isArray(collection.order) || Array.isArray(collection.folders)) {
    return { format: 'v1', collection, wrapped };
  }
  if (Array.isArray(collection.item)) {
    // Newman (Postman's own runtime) runs a v2 collection whose name and variables sit at the top
    // level, with no "info" block: give it the block it lacks.
    collection.info = headlessInfo(collection);
    return { format: 'v2.1', collection, wrapped };
  }
  throw new CodegenError(
    'is not a Postman collection: it has neither an "info" object or an "item" array (v2) nor a "requests" array (v1).',
    file,
    '$',
    'Export the collection from Postman (Collection v2.1) and point the generator at that file.',
  );
}
