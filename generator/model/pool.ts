/**
 * Entity pooling: object shapes that recur under one name across operations (the `apps` items of
 * one answer and the whole answer of `GET /apps/{id}` in the folder "Apps") become one named
 * entity, `App`, when their fields agree. Every place of the entity is then typed from all their
 * samples together, so a field seen only as `null` in one place takes the type another place shows.
 *
 * The result depends only on the set of places, never on their order: candidates are grouped by
 * key, grouped again by their field signature, merged in the order of their places, and named in
 * the order of their default names.
 */
import type { Operation } from './types.js';
import { looksLikeMap, mergeShapes, type Entity, type InferOptions, type Shape } from './infer.js';
import { RESERVED_TYPE_NAMES, splitWords, stem, typeName, uniqueNames } from './names.js';
import { CodegenError } from '../errors.js';
import { ownValue } from '../own.js';
import { pushTo } from '../maps.js';

/** A root shape to pool from: one success answer of one operation. */
export interface Place {
  operation: Operation;
  /** The folder the operation is in ("" at the top level). */
  folder: string;
  /** A stable name of the place within the operation (the status code). */
  slot: string;
  shape: Shape;
  /** The answer wraps a list (`{ apps: [...], links }`): its root is an envelope, not an entity. */
  envelope: boolean;
}

export interface PoolOptions {
  infer: InferOptions;
  /** By default entity name: a name of its own, or false to leave its places unpooled. */
  entities?: Record<string, string | false>;
  /** Names already taken in the generated types (the operations' `…Params`, `…Response`…). */
  taken: ReadonlySet<string>;
  /** The configuration file the entity names come from, named in the refusals. */
  configFile: string;
}

interface Candidate {
  key: string;
  location: string;
  operationId: string;
  shape: Shape;
  signature: string;
  fields: Map<string, Set<string>>;
}

/** Property names that say "a container", not what is inside it. */
const GENERIC = new Set([
  'data',
  'item',
  'items',
  'result',
  'results',
  'record',
  'records',
  'entry',
  'entries',
  'element',
  'elements',
  'value',
  'values',
  'list',
  'response',
  'body',
  'payload',
  'content',
  'attribute',
  'attributes',
  'property',
  'properties',
  'object',
  'node',
  'nodes',
  'edge',
  'edges',
  'error',
  'errors',
]);

/** Most distinct field signatures compared under one key (the comparison is quadratic). */
const MAX_SIGNATURES = 64;

const keys = new Map<string, string>();

function entityKey(name: string, plural: boolean): string {
  const cacheKey = `${plural ? 's' : '1'}${name}`;
  let key = keys.get(cacheKey);
  if (key === undefined) {
    key = computeEntityKey(name, plural);
    // Property names repeat across operations: a bounded cache spares splitting them again.
    if (keys.size > 10_000) keys.clear();
    keys.set(cacheKey, key);
  }
  return key;
}

function computeEntityKey(name: string, plural: boolean): string {
  const words = splitWords(name).map((word) => word.toLowerCase());
  if (words.length === 0) return '';
  if (plural) words[words.length - 1] = stem(words[words.length - 1] as string);
  const key = words.join(' ');
  return GENERIC.has(key) ? '' : key;
}

function kinds(shape: Shape): Set<string> {
  const set = new Set<string>();
  if (shape.objects > 0 || shape.objectHints > 0) set.add('object');
  if (shape.arrays > 0) set.add('array');
  if (shape.strings > 0) set.add('string');
  if (shape.integers + shape.numbers > 0) set.add('number');
  if (shape.booleans > 0) set.add('boolean');
  return set;
}

/** Properties are only ever seen in objects: a shape with two of them was an object. */
function isEntityShape(shape: Shape): boolean {
  return shape.properties.size >= 2 && !looksLikeMap(shape);
}

/**
 * The field names with their kinds, as a text two different field sets never share: a name may
 * hold any character (`"a:string,b"`), so the names are quoted. kinds() adds in one fixed order.
 */
function signatureOf(fields: Map<string, Set<string>>): string {
  return JSON.stringify([...fields.keys()].sort().map((name) => [name, ...(fields.get(name) as Set<string>)]));
}

function collect(shape: Shape, key: string, location: string, operationId: string, into: Candidate[], depth = 0): void {
  if (depth > 32) return;
  if (key !== '' && isEntityShape(shape)) {
    const fields = new Map([...shape.properties].map(([name, property]) => [name, kinds(property)]));
    into.push({ key, location, operationId, shape, signature: signatureOf(fields), fields });
  }
  for (const [name, property] of shape.properties) {
    collect(property, entityKey(name, false), `${location}.${name}`, operationId, into, depth + 1);
    if (property.items)
      collect(property.items, entityKey(name, true), `${location}.${name}[]`, operationId, into, depth + 1);
  }
}

/** Two field sets agree when they share at least half their fields and no shared field changes kind. */
function agree(a: Map<string, Set<string>>, b: Map<string, Set<string>>): boolean {
  let shared = 0;
  for (const [name, kindsA] of a) {
    const kindsB = b.get(name);
    if (!kindsB) continue;
    shared++;
    const subset = (x: Set<string>, y: Set<string>): boolean => [...x].every((kind) => y.has(kind));
    // A field seen only as null has no kind: the empty set is a subset of any, so it agrees with all.
    if (!subset(kindsA, kindsB) && !subset(kindsB, kindsA)) return false;
  }
  return shared * 2 >= a.size + b.size - shared;
}

/** Connected groups of agreeing signatures; a group is pooled only if every pair in it agrees. */
function clusters(signatures: Array<[string, Candidate[]]>): Candidate[][] {
  const parent = signatures.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const agreeing = signatures.map(() => new Set<number>());
  for (let i = 0; i < signatures.length; i++) {
    for (let j = i + 1; j < signatures.length; j++) {
      if (
        agree(
          (signatures[i] as [string, Candidate[]])[1][0]!.fields,
          (signatures[j] as [string, Candidate[]])[1][0]!.fields,
        )
      ) {
        agreeing[i]?.add(j);
        agreeing[j]?.add(i);
        parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, number[]>();
  signatures.forEach((_, i) => pushTo(groups, find(i), i));
  return [...groups.values()]
    .filter((members) => members.every((i) => members.every((j) => i === j || agreeing[i]?.has(j))))
    .map((members) => members.flatMap((i) => (signatures[i] as [string, Candidate[]])[1]));
}

/**
 * Finds the entities among the places and marks their shapes; returns the entities by name.
 * Schemas made from the places afterwards refer to them.
 */
export function poolEntities(places: readonly Place[], options: PoolOptions): Map<string, Entity> {
  const candidates: Candidate[] = [];
  for (const place of places) {
    const folderKey = entityKey(place.folder, true);
    const location = `${place.operation.id}#${place.slot}`;
    if (!place.envelope) collect(place.shape, folderKey, location, place.operation.id, candidates);
    else collect(place.shape, '', location, place.operation.id, candidates);
    if (place.shape.items) collect(place.shape.items, folderKey, `${location}[]`, place.operation.id, candidates);
  }
  const byKey = new Map<string, Candidate[]>();
  for (const candidate of candidates) pushTo(byKey, candidate.key, candidate);

  const groups: Array<{ key: string; members: Candidate[] }> = [];
  for (const [key, list] of byKey) {
    if (new Set(list.map((candidate) => candidate.operationId)).size < 2) continue;
    const bySignature = new Map<string, Candidate[]>();
    for (const candidate of list) pushTo(bySignature, candidate.signature, candidate);
    if (bySignature.size > MAX_SIGNATURES) continue;
    for (const members of clusters([...bySignature])) {
      // A shape that recurs within one operation only is that operation's business.
      if (new Set(members.map((member) => member.operationId)).size < 2) continue;
      groups.push({
        key,
        members: members.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0)),
      });
    }
  }

  // Default names: the key in PascalCase, numbered in order of first place when a key has several entities.
  const defaults = uniqueNames(
    groups.map((group) => ({ key: group.members[0]!.location, candidates: [typeName(group.key)] })),
    options.taken,
  );
  // In the order of the default names (all distinct), so that of two entities given one name the
  // later in that order is refused, wherever they are in the collection.
  const byDefault = groups
    .map((group) => ({ fallback: defaults.get(group.members[0]!.location) as string, members: group.members }))
    .sort((a, b) => (a.fallback < b.fallback ? -1 : 1));
  const chosen = options.entities ?? {};
  const named: Array<{ name: string; members: Candidate[] }> = [];
  const used = new Map<string, string>();
  for (const { fallback, members } of byDefault) {
    const choice = ownValue(chosen, fallback);
    if (choice === false) continue;
    const name = choice ?? fallback;
    const clash =
      used.get(name) ??
      // A default name is never taken: uniqueNames kept it off the taken ones.
      (options.taken.has(name) ? 'a generated type' : undefined) ??
      // Default names come from typeName, which already keeps off the globals; a chosen one may not.
      (RESERVED_TYPE_NAMES.has(name) ? 'a global type' : undefined);
    if (clash !== undefined) {
      throw new CodegenError(
        `inference.entities names "${fallback}" "${name}", which is already ${clash}.`,
        options.configFile,
        `inference.entities["${fallback}"]`,
        'Choose a name no other type has.',
      );
    }
    used.set(name, `the entity "${fallback}"`);
    named.push({ name, members });
  }
  for (const reference of Object.keys(chosen)) {
    if (!byDefault.some((group) => group.fallback === reference)) {
      throw new CodegenError(
        `inference.entities names "${reference}", which is not an entity of this collection.`,
        options.configFile,
        `inference.entities["${reference}"]`,
        `Entities found: ${[...defaults.values()].sort().join(', ') || 'none'}.`,
      );
    }
  }

  // Mark every place first, so that entities nested in entities stay marked once pooled.
  const entities = new Map<string, Entity>();
  for (const { name, members } of named) {
    const entity: Entity = { name, shape: members[0]!.shape };
    for (const member of members) member.shape.entity = entity;
    entities.set(name, entity);
  }
  for (const { name, members } of named) {
    const entity = entities.get(name) as Entity;
    entity.shape = mergeShapes(
      members.map((member) => member.shape),
      options.infer,
    );
  }
  return entities;
}
