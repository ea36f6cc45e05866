/**
 * Type inference from saved examples (design §3).
 *
 * Samples are folded into a `Shape` (counts of what was seen where), and the shape is then
 * turned into a `Schema`. Folding first and deciding last lets the rules look at the whole
 * bucket: a property is required only if every object had it, an enum needs repeated values,
 * integer and number merge to number, and `null` stays distinct from absent.
 */
import type { Schema, StringFormat } from './types.js';

export interface InferOptions {
  /** Most distinct values an enum may have. */
  enumMaxValues: number;
  /** Fewest string samples before an enum is considered. */
  enumMinSamples: number;
  /** Longest value an enum member may be. */
  enumMaxLength: number;
  /** Deeper values are typed `unknown` (protects against pathological examples). */
  maxDepth: number;
  /** Elements read from each array (the first ones); the rest add nothing new in practice. */
  maxArraySamples: number;
}

export const DEFAULT_INFER_OPTIONS: InferOptions = {
  enumMaxValues: 8,
  enumMinSamples: 3,
  enumMaxLength: 40,
  maxDepth: 64,
  maxArraySamples: 500,
};

/** A value that stands for "something we cannot know" (an unquoted `{{variable}}` in a JSON body). */
export const UNKNOWN_VALUE: unique symbol = Symbol('unknown');

export interface Shape {
  count: number;
  nulls: number;
  unknowns: number;
  booleans: number;
  integers: number;
  numbers: number;
  strings: number;
  /** Distinct strings seen, with counts; `undefined` once there were too many to be an enum. */
  stringValues: Map<string, number> | undefined;
  formats: Map<StringFormat | 'plain', number>;
  arrays: number;
  items: Shape | undefined;
  objects: number;
  /** Each property's shape; its `count` is the number of objects that had the property. */
  properties: Map<string, Shape>;
}

export function emptyShape(): Shape {
  return {
    count: 0,
    nulls: 0,
    unknowns: 0,
    booleans: 0,
    integers: 0,
    numbers: 0,
    strings: 0,
    stringValues: new Map(),
    formats: new Map(),
    arrays: 0,
    items: undefined,
    objects: 0,
    properties: new Map(),
  };
}

const FORMATS: Array<[StringFormat, RegExp]> = [
  ['date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/],
  ['date-time', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ['uri', /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i],
];

export function stringFormat(value: string): StringFormat | undefined {
  for (const [format, pattern] of FORMATS) if (pattern.test(value)) return format;
  return undefined;
}

/** Folds one observed value into a shape. */
export function addSample(shape: Shape, value: unknown, options: InferOptions = DEFAULT_INFER_OPTIONS, depth = 0): void {
  shape.count++;
  if (value === UNKNOWN_VALUE || value === undefined || depth > options.maxDepth) {
    shape.unknowns++;
  } else if (value === null) {
    shape.nulls++;
  } else if (typeof value === 'boolean') {
    shape.booleans++;
  } else if (typeof value === 'number') {
    if (Number.isInteger(value)) shape.integers++;
    else shape.numbers++;
  } else if (typeof value === 'string') {
    shape.strings++;
    const format = stringFormat(value) ?? 'plain';
    shape.formats.set(format, (shape.formats.get(format) ?? 0) + 1);
    if (shape.stringValues) {
      shape.stringValues.set(value, (shape.stringValues.get(value) ?? 0) + 1);
      if (shape.stringValues.size > options.enumMaxValues) shape.stringValues = undefined;
    }
  } else if (Array.isArray(value)) {
    shape.arrays++;
    shape.items ??= emptyShape();
    const limit = Math.min(value.length, options.maxArraySamples);
    for (let i = 0; i < limit; i++) addSample(shape.items, value[i], options, depth + 1);
  } else if (typeof value === 'object') {
    shape.objects++;
    for (const [key, property] of Object.entries(value as Record<string, unknown>)) {
      let propertyShape = shape.properties.get(key);
      if (!propertyShape) {
        propertyShape = emptyShape();
        shape.properties.set(key, propertyShape);
      }
      addSample(propertyShape, property, options, depth + 1);
    }
  } else {
    shape.unknowns++;
  }
}

function addCounts<K>(into: Map<K, number>, from: Map<K, number>): void {
  for (const [key, count] of from) into.set(key, (into.get(key) ?? 0) + count);
}

/** Merges two shapes into a new one (used to fold map values together). */
export function mergeShapes(a: Shape, b: Shape, options: InferOptions = DEFAULT_INFER_OPTIONS): Shape {
  const merged = emptyShape();
  for (const key of ['count', 'nulls', 'unknowns', 'booleans', 'integers', 'numbers', 'strings', 'arrays', 'objects'] as const) {
    merged[key] = a[key] + b[key];
  }
  if (a.stringValues && b.stringValues) {
    const values = new Map(a.stringValues);
    addCounts(values, b.stringValues);
    merged.stringValues = values.size > options.enumMaxValues ? undefined : values;
  } else {
    merged.stringValues = undefined;
  }
  addCounts(merged.formats, a.formats);
  addCounts(merged.formats, b.formats);
  merged.items = a.items && b.items ? mergeShapes(a.items, b.items, options) : (a.items ?? b.items);
  for (const [key, shape] of a.properties) merged.properties.set(key, shape);
  for (const [key, shape] of b.properties) {
    const existing = merged.properties.get(key);
    merged.properties.set(key, existing ? mergeShapes(existing, shape, options) : shape);
  }
  return merged;
}

const ID_KEY = /^(-?\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{12,}|[A-Za-z]{0,6}[-_]?\d{3,})$/i;

function looksLikeMap(shape: Shape): boolean {
  if (shape.properties.size < 2) return false;
  for (const key of shape.properties.keys()) if (!ID_KEY.test(key)) return false;
  return true;
}

/** Enum members read like words ("ios", "No certificate", "webView"), not versions, numbers or sentences. */
const ENUM_MEMBER = /^\p{L}[\p{L}\p{N}_ -]*$/u;

function stringSchema(shape: Shape, options: InferOptions): Schema {
  const formats = [...shape.formats.keys()];
  if (formats.length === 1 && formats[0] !== 'plain') return { type: 'string', format: formats[0] as StringFormat };
  const values = shape.stringValues;
  if (
    values &&
    shape.strings >= options.enumMinSamples &&
    values.size * 2 <= shape.strings &&
    [...values.keys()].every((value) => value.length <= options.enumMaxLength && ENUM_MEMBER.test(value))
  ) {
    return { type: 'enum', values: [...values.keys()].sort() };
  }
  return { type: 'string' };
}

function objectSchema(shape: Shape, options: InferOptions): Schema {
  if (looksLikeMap(shape)) {
    let values: Shape | undefined;
    for (const property of shape.properties.values()) values = values ? mergeShapes(values, property, options) : property;
    return { type: 'map', values: values ? toSchema(values, options) : { type: 'unknown' } };
  }
  const keys = [...shape.properties.keys()].sort();
  // fromEntries defines own properties, so a key such as "__proto__" stays an ordinary key.
  const properties: Record<string, Schema> = Object.fromEntries(
    keys.map((key) => [key, toSchema(shape.properties.get(key) as Shape, options)]),
  );
  const required = keys.filter((key) => shape.properties.get(key)?.count === shape.objects);
  return { type: 'object', properties, required };
}

/** Turns a folded shape into a schema. */
export function toSchema(shape: Shape, options: InferOptions = DEFAULT_INFER_OPTIONS): Schema {
  const variants: Schema[] = [];
  if (shape.objects > 0) variants.push(objectSchema(shape, options));
  if (shape.arrays > 0) variants.push({ type: 'array', items: shape.items && shape.items.count > 0 ? toSchema(shape.items, options) : { type: 'unknown' } });
  if (shape.strings > 0) variants.push(stringSchema(shape, options));
  if (shape.numbers > 0) variants.push({ type: 'number' });
  else if (shape.integers > 0) variants.push({ type: 'integer' });
  if (shape.booleans > 0) variants.push({ type: 'boolean' });
  if (variants.length === 0) return shape.nulls > 0 && shape.unknowns === 0 ? { type: 'null' } : { type: 'unknown' };
  if (shape.nulls > 0) variants.push({ type: 'null' });
  return variants.length === 1 ? (variants[0] as Schema) : { type: 'union', anyOf: variants };
}

/** Infers one schema from several samples of the same place (e.g. every 200 example of an operation). */
export function inferSchema(samples: readonly unknown[], options: InferOptions = DEFAULT_INFER_OPTIONS): Schema {
  const shape = emptyShape();
  for (const sample of samples) addSample(shape, sample, options);
  return shape.count === 0 ? { type: 'unknown' } : toSchema(shape, options);
}
