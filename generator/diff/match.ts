/**
 * Pairs the operations of two models by identity, never by position: the Postman item id first,
 * then the item path, then (for what is left on both sides) a unique method and path. A reordered
 * or moved item is the same operation; a renamed one is a rename, not a removal and an addition.
 */
import type { ApiModel, Operation, Resource } from '../model/types.js';

export interface Located {
  operation: Operation;
  /** The item path joined with " / ". */
  label: string;
  /** How callers reach it: `devices.list` on the client, `devicesList` as a flat function. */
  member: string;
}

export interface LocatedFolder {
  resource: Resource;
  label: string;
}

export function locate(model: ApiModel): { operations: Located[]; folders: LocatedFolder[] } {
  const operations: Located[] = [];
  const folders: LocatedFolder[] = [];
  const visit = (list: Operation[], resources: Resource[], chain: string[]): void => {
    for (const operation of list) {
      const flat = operation.typeName.charAt(0).toLowerCase() + operation.typeName.slice(1);
      operations.push({
        operation,
        label: operation.source.itemPath.join(' / '),
        member: `${[...chain, operation.identifier].join('.')} (${flat})`,
      });
    }
    for (const resource of resources) {
      folders.push({ resource, label: resource.source.itemPath.join(' / ') });
      visit(resource.operations, resource.resources, [...chain, resource.identifier]);
    }
  };
  visit(model.operations, model.resources, []);
  return { operations, folders };
}

export interface Matching<T> {
  pairs: Array<[T, T]>;
  removed: T[];
  added: T[];
}

/** Pairs items whose key is equal and unique on both sides, pass after pass, among those still unpaired. */
export function matchBy<T>(before: T[], after: T[], keys: Array<(item: T) => string | undefined>): Matching<T> {
  let left = before;
  let right = after;
  const pairs: Array<[T, T]> = [];
  for (const key of keys) {
    const unique = (items: T[]): Map<string, T> => {
      const seen = new Map<string, T | null>();
      for (const item of items) {
        const value = key(item);
        if (value !== undefined) seen.set(value, seen.has(value) ? null : item);
      }
      return new Map([...seen].filter((entry): entry is [string, T] => entry[1] !== null));
    };
    const rightByKey = unique(right);
    const paired = new Set<T>();
    for (const [value, item] of unique(left)) {
      const other = rightByKey.get(value);
      if (other === undefined) continue;
      pairs.push([item, other]);
      paired.add(item).add(other);
    }
    left = left.filter((item) => !paired.has(item));
    right = right.filter((item) => !paired.has(item));
  }
  return { pairs, removed: left, added: right };
}

/** `/v1/apps/{partnerId}` and `/v1/apps/{id}` are one path: a renamed parameter is reported on its own. */
export const pathShape = (template: string): string => template.replace(/\{[^}]*\}/g, '{}');

export function matchOperations(before: Located[], after: Located[]): Matching<Located> {
  return matchBy(before, after, [
    (located) => located.operation.id,
    (located) => located.label,
    (located) =>
      `${located.operation.method} ${located.operation.baseUrl ?? ''}${pathShape(located.operation.pathTemplate)}`,
  ]);
}

export function matchFolders(before: LocatedFolder[], after: LocatedFolder[]): Matching<LocatedFolder> {
  return matchBy(before, after, [(folder) => folder.resource.id, (folder) => folder.label]);
}
