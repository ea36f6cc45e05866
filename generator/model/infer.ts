/**
 * Type inference from saved examples (design §3).
 *
 * Samples are folded into a `Shape` (counts of what was seen where), and the shape is then
 * turned into a `Schema`. Folding first and deciding last lets the rules look at the whole
 * bucket: a property is required only if every object had it, an enum needs repeated values,
 * integer and number merge to number, and `null` stays distinct from absent.
 */
import type { ObjectSchema, Schema, StringFormat } from './types.js';
import { referenceHint, stringHint, type TypeHint } from './placeholders.js';

/**
 * How a property of an object becomes required: `every-sample` when every object of its place
 * had it, `never` when the evidence is too thin to promise anything (one request body, a PATCH,
 * responses under the "optional unless the collection says so" choice).
 */
export type RequiredRule = 'every-sample' | 'never';

export interface InferOptions {
  /** Most distinct values an enum may have. */
  enumMaxValues: number;
  /** Fewest real (not placeholder) string samples before an enum is considered. */
  enumMinSamples: number;
  /** Fewest times each enum member must be seen (one or two sightings of a code prove nothing). */
  enumMinOccurrences: number;
  /** Longest value an enum member may be. */
  enumMaxLength: number;
  /** Property names never typed as enums: ids, names, free text (case-insensitive patterns). */
  enumExcludeFields: string[];
  /** Fewest distinct integer samples before a place is typed `integer` rather than `number`. */
  integerMinDistinct: number;
  required: RequiredRule;
  /** Deeper values are typed `unknown` (protects against pathological examples). */
  maxDepth: number;
  /** Elements read from each array (the first ones); the rest add nothing new in practice. */
  maxArraySamples: number;
}

/** Ids (`id`, `user_id`, `accountId`, `uuid`) and free text (`name`, `firstName`, `description`…). */
export const DEFAULT_ENUM_EXCLUDE_FIELDS = [
  '^(id|ids|uuid|guid|key|token|hash|ref|reference)$',
  '[_-](id|ids|uuid|key|token|ref)$',
  '[a-z0-9](Id|ID|Ids|IDs|Uuid|Key|Token|Ref)$',
  '(name|title|description|summary|label|message|text|comment|notes?|subject|address|street|city|email|url|uri|phone)$',
];

export const DEFAULT_INFER_OPTIONS: InferOptions = {
  enumMaxValues: 8,
  enumMinSamples: 3,
  enumMinOccurrences: 2,
  enumMaxLength: 40,
  enumExcludeFields: DEFAULT_ENUM_EXCLUDE_FIELDS,
  integerMinDistinct: 3,
  required: 'every-sample',
  maxDepth: 64,
  maxArraySamples: 500,
};

/** A value that stands for "something we cannot know". */
export const UNKNOWN_VALUE: unique symbol = Symbol('unknown');

const REFERENCE: unique symbol = Symbol('variable reference');

/** An unquoted `{{name}}` in a JSON body: a value of the variable's type, unknown to us. */
export interface VariableReference {
  readonly [REFERENCE]: string;
}

export function variableReference(name: string): VariableReference {
  return Object.freeze({ [REFERENCE]: name });
}

export function referenceName(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && REFERENCE in value
    ? (value as VariableReference)[REFERENCE]
    : undefined;
}

/**
 * A named type shared by several places (see pool.ts): the places' shapes are marked with it,
 * and `shape` is all their samples together.
 */
export interface Entity {
  name: string;
  shape: Shape;
}

export interface Shape {
  count: number;
  nulls: number;
  unknowns: number;
  booleans: number;
  integers: number;
  /** Distinct integers seen, up to `integerMinDistinct` of them (the evidence for `integer`). */
  integerValues: Set<number>;
  /** Placeholders that announced an integer (`<long>`, `{{$randomInt}}`): evidence enough. */
  integerHints: number;
  numbers: number;
  strings: number;
  /** Distinct real strings seen, with counts; `undefined` once there were too many to be an enum. */
  stringValues: Map<string, number> | undefined;
  formats: Map<StringFormat | 'plain', number>;
  arrays: number;
  items: Shape | undefined;
  objects: number;
  /** `<object>` placeholders: an object whose fields the example does not show. */
  objectHints: number;
  /** Each property's shape; its `count` is the number of objects that had the property. */
  properties: Map<string, Shape>;
  /** Set by pooling: this place is an instance of a shared entity. */
  entity?: Entity | undefined;
}

export function emptyShape(): Shape {
  return {
    count: 0,
    nulls: 0,
    unknowns: 0,
    booleans: 0,
    integers: 0,
    integerValues: new Set(),
    integerHints: 0,
    numbers: 0,
    strings: 0,
    stringValues: new Map(),
    formats: new Map(),
    arrays: 0,
    items: undefined,
    objects: 0,
    objectHints: 0,
    properties: new Map(),
  };
}

const FORMATS: Array<[StringFormat, RegExp]> = [
  ['date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/],
  [
    'date-time',
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
  ],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ['uri', /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i],
];

export function stringFormat(value: string): StringFormat | undefined {
  for (const [format, pattern] of FORMATS) if (pattern.test(value)) return format;
  return undefined;
}

function addHint(shape: Shape, hint: TypeHint): void {
  switch (hint.type) {
    case 'string':
      shape.strings++;
      // A bare `<string>` says nothing about the format; only a named one votes.
      if (hint.format) shape.formats.set(hint.format, (shape.formats.get(hint.format) ?? 0) + 1);
      break;
    case 'integer':
      shape.integers++;
      shape.integerHints++;
      break;
    case 'number':
      shape.numbers++;
      break;
    case 'boolean':
      shape.booleans++;
      break;
    case 'object':
      // Not counted in `objects`: an object with no properties would make every real property optional.
      shape.objectHints++;
      break;
    case 'array':
      shape.arrays++;
      break;
  }
}

/** Folds one observed value into a shape. */
export function addSample(
  shape: Shape,
  value: unknown,
  options: InferOptions = DEFAULT_INFER_OPTIONS,
  depth = 0,
): void {
  shape.count++;
  const reference = referenceName(value);
  if (reference !== undefined) {
    const hint = referenceHint(reference);
    if (hint) addHint(shape, hint);
    else shape.unknowns++;
  } else if (value === UNKNOWN_VALUE || value === undefined || depth > options.maxDepth) {
    shape.unknowns++;
  } else if (value === null) {
    shape.nulls++;
  } else if (typeof value === 'boolean') {
    shape.booleans++;
  } else if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      shape.integers++;
      if (shape.integerValues.size < options.integerMinDistinct) shape.integerValues.add(value);
    } else {
      shape.numbers++;
    }
  } else if (typeof value === 'string') {
    const hint = stringHint(value);
    if (hint) {
      addHint(shape, hint);
      return;
    }
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

const COUNTS = [
  'count',
  'nulls',
  'unknowns',
  'booleans',
  'integers',
  'integerHints',
  'numbers',
  'strings',
  'arrays',
  'objects',
  'objectHints',
] as const;

/** A deep copy that may be merged into without touching the original. */
function cloneShape(shape: Shape): Shape {
  const copy: Shape = {
    ...shape,
    integerValues: new Set(shape.integerValues),
    stringValues: shape.stringValues ? new Map(shape.stringValues) : undefined,
    formats: new Map(shape.formats),
    items: shape.items ? cloneShape(shape.items) : undefined,
    properties: new Map([...shape.properties].map(([key, property]) => [key, cloneShape(property)])),
  };
  return copy;
}

/** Folds `from` into `into`, which must be a shape of its own (a clone); linear in the size of `from`. */
function mergeInto(into: Shape, from: Shape, options: InferOptions): void {
  for (const key of COUNTS) into[key] += from[key];
  // The smallest distinct values, so that the kept set does not depend on the order of merging
  // (deduplicated before the cut: a value both sides saw is one piece of evidence, not two).
  if (from.integerValues.size > 0) {
    into.integerValues = new Set(
      [...new Set([...into.integerValues, ...from.integerValues])]
        .sort((x, y) => x - y)
        .slice(0, options.integerMinDistinct),
    );
  }
  if (into.stringValues && from.stringValues) {
    addCounts(into.stringValues, from.stringValues);
    if (into.stringValues.size > options.enumMaxValues) into.stringValues = undefined;
  } else {
    into.stringValues = undefined;
  }
  addCounts(into.formats, from.formats);
  if (from.items) {
    if (into.items) mergeInto(into.items, from.items, options);
    else into.items = cloneShape(from.items);
  }
  for (const [key, shape] of from.properties) {
    const existing = into.properties.get(key);
    if (existing) mergeInto(existing, shape, options);
    else into.properties.set(key, cloneShape(shape));
  }
  // Cleared, not deleted: deleting a property turns the object into a slow dictionary.
  if (into.entity !== from.entity) into.entity = undefined;
}

/** Merges shapes into a new one (map values folded together, entity samples pooled); the inputs stay as they are. Commutative. */
export function mergeShapes(shapes: readonly Shape[], options: InferOptions = DEFAULT_INFER_OPTIONS): Shape {
  const [first, ...others] = shapes;
  const merged = first ? cloneShape(first) : emptyShape();
  for (const other of others) mergeInto(merged, other, options);
  return merged;
}

const ID_KEY =
  /^(-?\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{12,}|[A-Za-z]{0,6}[-_]?\d{3,})$/i;

/** An object keyed by ids (`{"101": {...}, "102": {...}}`) is a dictionary, not a record. */
export function looksLikeMap(shape: Shape): boolean {
  if (shape.properties.size < 2) return false;
  for (const key of shape.properties.keys()) if (!ID_KEY.test(key)) return false;
  return true;
}

/** Enum members read like words ("ios", "No certificate", "webView"), not versions, numbers or sentences. */
const ENUM_MEMBER = /^\p{L}[\p{L}\p{N}_-]*( [\p{L}\p{N}_-]+)?$/u;
/** Ids, not words: a run of digits (`acct_123`), digits inside a long token (`a8f3kq`, `tx9Lm2Qp`), long hex. */
const ID_LIKE = /\d{3}|^(?=.*\d)\S{6,}$|^[0-9a-f]{8,}$/i;

const excludePatterns = new WeakMap<string[], RegExp[]>();

function excludedField(key: string | undefined, options: InferOptions): boolean {
  if (key === undefined) return false;
  let patterns = excludePatterns.get(options.enumExcludeFields);
  if (!patterns) {
    patterns = options.enumExcludeFields.map((source) => new RegExp(source, /[A-Z]/.test(source) ? '' : 'i'));
    excludePatterns.set(options.enumExcludeFields, patterns);
  }
  return patterns.some((pattern) => pattern.test(key));
}

/**
 * The enum rule: at most `enumMaxValues` distinct word-like values (no ids, no free text), at
 * least `enumMinSamples` real samples, each value seen `enumMinOccurrences` times, and a property
 * name that is not an id or free text. Placeholders never count.
 */
function enumValues(shape: Shape, key: string | undefined, options: InferOptions): string[] | undefined {
  const values = shape.stringValues;
  if (!values || values.size === 0 || excludedField(key, options)) return undefined;
  let samples = 0;
  for (const [value, count] of values) {
    if (
      count < options.enumMinOccurrences ||
      value.length > options.enumMaxLength ||
      !ENUM_MEMBER.test(value) ||
      ID_LIKE.test(value)
    )
      return undefined;
    samples += count;
  }
  return samples >= options.enumMinSamples ? [...values.keys()].sort() : undefined;
}

function stringSchema(shape: Shape, key: string | undefined, options: InferOptions): Schema {
  const formats = [...shape.formats.keys()];
  if (formats.length === 1 && formats[0] !== 'plain') return { type: 'string', format: formats[0] as StringFormat };
  // An enum needs every string seen to be a real value: a placeholder among them means "any string".
  const real = shape.stringValues ? [...shape.stringValues.values()].reduce((sum, count) => sum + count, 0) : 0;
  const values = real === shape.strings ? enumValues(shape, key, options) : undefined;
  return values ? { type: 'enum', values } : { type: 'string' };
}

function objectSchema(shape: Shape, options: InferOptions): ObjectSchema | Schema {
  if (looksLikeMap(shape)) {
    return { type: 'map', values: toSchema(mergeShapes([...shape.properties.values()], options), options) };
  }
  const keys = [...shape.properties.keys()].sort();
  // fromEntries defines own properties, so a key such as "__proto__" stays an ordinary key.
  const properties: Record<string, Schema> = Object.fromEntries(
    keys.map((key) => [key, toSchema(shape.properties.get(key) as Shape, options, key)]),
  );
  const required =
    options.required === 'never' ? [] : keys.filter((key) => shape.properties.get(key)?.count === shape.objects);
  return { type: 'object', properties, required };
}

/** Entities being written out: an entity inside itself is written inline there, not named. */
const writing = new Set<Entity>();
const entitySchemas = new WeakMap<Entity, WeakMap<InferOptions, Schema>>();

function entitySchema(entity: Entity, options: InferOptions): Schema {
  let byOptions = entitySchemas.get(entity);
  if (!byOptions) entitySchemas.set(entity, (byOptions = new WeakMap()));
  let schema = byOptions.get(options);
  if (!schema) {
    writing.add(entity);
    try {
      const object = objectSchema(entity.shape, options);
      schema = object.type === 'object' ? { ...object, name: entity.name } : object;
    } finally {
      writing.delete(entity);
    }
    byOptions.set(options, schema);
  }
  return schema;
}

function integerEvidence(shape: Shape, options: InferOptions): boolean {
  return shape.integerHints > 0 || shape.integerValues.size >= options.integerMinDistinct;
}

/**
 * Turns a folded shape into a schema. `key` is the property the shape is the value of (enum rules
 * look at it). A place seen only as `null` is `unknown`: `null` alone would forbid reading it.
 */
export function toSchema(shape: Shape, options: InferOptions = DEFAULT_INFER_OPTIONS, key?: string): Schema {
  const variants: Schema[] = [];
  if (shape.objects > 0)
    variants.push(
      shape.entity && !writing.has(shape.entity) ? entitySchema(shape.entity, options) : objectSchema(shape, options),
    );
  else if (shape.objectHints > 0) variants.push({ type: 'object', properties: {}, required: [] });
  if (shape.arrays > 0)
    variants.push({
      type: 'array',
      items: shape.items && shape.items.count > 0 ? toSchema(shape.items, options, key) : { type: 'unknown' },
    });
  if (shape.strings > 0) variants.push(stringSchema(shape, key, options));
  if (shape.numbers > 0) variants.push({ type: 'number' });
  else if (shape.integers > 0)
    variants.push(integerEvidence(shape, options) ? { type: 'integer' } : { type: 'number' });
  if (shape.booleans > 0) variants.push({ type: 'boolean' });
  if (variants.length === 0) return { type: 'unknown' };
  if (shape.nulls > 0) variants.push({ type: 'null' });
  return variants.length === 1 ? (variants[0] as Schema) : { type: 'union', anyOf: variants };
}

/** Infers one schema from several samples of the same place (e.g. every 200 example of an operation). */
export function inferSchema(samples: readonly unknown[], options: InferOptions = DEFAULT_INFER_OPTIONS): Schema {
  const shape = emptyShape();
  for (const sample of samples) addSample(shape, sample, options);
  return shape.count === 0 ? { type: 'unknown' } : toSchema(shape, options);
}
