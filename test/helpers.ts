import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCollection, parseCollection } from '../generator/load/index.js';
import {
  buildModel,
  serializeModel,
  type ApiModel,
  type BuildOptions,
  type Operation,
  type Resource,
} from '../generator/model/index.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixture = (name: string): string => path.join(root, 'test/fixtures/collections', name);
/** The collections of the fixture corpus, by name: JSON files and Postman v3 collection folders. */
export function corpusNames(): string[] {
  return readdirSync(fixture(''), { withFileTypes: true })
    .filter((entry) => (entry.isFile() && entry.name.endsWith('.json')) || entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
export const accengageCollection = path.join(root, 'collection/accengage.postman_collection.json');

export async function modelOf(file: string, options?: BuildOptions): Promise<ReturnType<typeof buildModel>> {
  return buildModel(await loadCollection(file), options);
}

export function modelOfJson(json: unknown, options?: BuildOptions): ReturnType<typeof buildModel> {
  return buildModel(parseCollection(JSON.stringify(json), 'inline.json'), options);
}

/** A model as JSON without what differs between two formats of one collection: where it was read from. */
export function withoutSources(model: ApiModel): unknown {
  return JSON.parse(serializeModel(model), (key, value) => (key === 'source' ? undefined : value));
}

export function allOperations(model: Pick<ApiModel, 'operations' | 'resources'>): Operation[] {
  const visit = (operations: Operation[], resources: Resource[]): Operation[] => [
    ...operations,
    ...resources.flatMap((resource) => visit(resource.operations, resource.resources)),
  ];
  return visit(model.operations, model.resources);
}

export function operationByName(model: ApiModel, name: string): Operation {
  const found = allOperations(model).find((operation) => operation.name === name);
  if (!found) throw new Error(`no operation named ${name}`);
  return found;
}

export const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** A minimal v2.1 collection around some items. */
export function collectionOf(items: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { info: { name: 'Test', schema: V21 }, item: items, ...extra };
}
