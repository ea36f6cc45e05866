/**
 * Structural comparison of two schemas, field by field, from one side of the wire. What the client
 * sends (request) breaks when it accepts less; what it returns (response) breaks when it promises
 * less. Enums are open (the generated code keeps `string & {}`), and string formats are
 * documentation (the generated type is `string` either way).
 */
import { isDeepStrictEqual } from 'node:util';
import type { ObjectSchema, Schema } from '../model/types.js';
import type { RuleId } from './rules.js';
import { describeSchema, literal } from './describe.js';
import { ownValue } from '../own.js';

export type Side = 'request' | 'response';

/** Receives one classified change: the rule, the field path, and the two values as text. */
export type Emit = (rule: RuleId, field: string | undefined, before?: string, after?: string) => void;

const SAFE_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `at.key`, or `at["odd key"]` when the key would be ambiguous in a path. */
export function fieldPath(at: string, key: string): string {
  return SAFE_KEY.test(key) ? (at === '' ? key : `${at}.${key}`) : `${at}[${JSON.stringify(key)}]`;
}

function splitNull(schema: Schema): { rest: Schema | undefined; nullable: boolean } {
  if (schema.type === 'null') return { rest: undefined, nullable: true };
  if (schema.type !== 'union') return { rest: schema, nullable: false };
  const others = schema.anyOf.filter((option) => option.type !== 'null');
  const nullable = others.length < schema.anyOf.length;
  if (others.length === 0) return { rest: undefined, nullable };
  return { rest: others.length === 1 ? (others[0] as Schema) : { type: 'union', anyOf: others }, nullable };
}

type Base = 'string' | 'number' | 'boolean';

function enumBase(values: Array<string | number | boolean>): Base | undefined {
  const kinds = new Set(values.map((value) => typeof value));
  return kinds.size === 1 ? ([...kinds][0] as Base) : undefined;
}

/** The base type of a scalar or enum, for the open-enum rule. */
function baseOf(schema: Schema): Base | undefined {
  if (schema.type === 'enum') return enumBase(schema.values);
  if (schema.type === 'string' || schema.type === 'boolean') return schema.type;
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  return undefined;
}

/** Every value `inner` allows is allowed by `outer` (formats ignored, enums open). */
export function within(inner: Schema, outer: Schema): boolean {
  if (outer.type === 'unknown') return true;
  if (inner.type === 'unknown') return false;
  if (inner.type === 'union') return inner.anyOf.every((option) => within(option, outer));
  if (outer.type === 'union') return outer.anyOf.some((option) => within(inner, option));
  switch (inner.type) {
    case 'integer':
      return outer.type === 'integer' || outer.type === 'number';
    case 'number':
      return outer.type === 'number';
    case 'string':
    case 'boolean':
    case 'enum': {
      const base = baseOf(inner);
      if (inner.type === 'enum' && base === 'number' && outer.type === 'integer')
        return inner.values.every((value) => Number.isInteger(value));
      return base !== undefined && base === baseOf(outer);
    }
    case 'array':
      return outer.type === 'array' && within(inner.items, outer.items);
    case 'map':
      return outer.type === 'map' && within(inner.values, outer.values);
    case 'object': {
      if (outer.type !== 'object') return false;
      const required = new Set(inner.required);
      return Object.entries(outer.properties).every(([key, schema]) => {
        const own = ownValue(inner.properties, key);
        if (!own) return !outer.required.includes(key);
        return (required.has(key) || !outer.required.includes(key)) && within(own, schema);
      });
    }
    default:
      return inner.type === outer.type;
  }
}

function compareObjects(before: ObjectSchema, after: ObjectSchema, at: string, side: Side, emit: Emit): void {
  const requiredBefore = new Set(before.required);
  const requiredAfter = new Set(after.required);
  const keys = [...new Set([...Object.keys(before.properties), ...Object.keys(after.properties)])].sort();
  for (const key of keys) {
    const field = fieldPath(at, key);
    // Own fields only: a field named `constructor` must not find Object.prototype's.
    const old = ownValue(before.properties, key);
    const next = ownValue(after.properties, key);
    if (!next) {
      emit(side === 'request' ? 'param-removed' : 'response-field-removed', field, describeSchema(old as Schema));
      continue;
    }
    if (!old) {
      const rule =
        side === 'response'
          ? 'response-field-added'
          : requiredAfter.has(key)
            ? 'param-required'
            : 'optional-param-added';
      emit(rule, field, undefined, describeSchema(next));
      continue;
    }
    const wasRequired = requiredBefore.has(key);
    const isRequired = requiredAfter.has(key);
    if (wasRequired && !isRequired)
      emit(side === 'request' ? 'param-widened' : 'response-optional', field, 'required', 'optional');
    if (!wasRequired && isRequired)
      emit(side === 'request' ? 'param-required' : 'response-narrowed', field, 'optional', 'required');
    compareSchemas(old, next, field, side, emit);
  }
}

function compareEnums(before: Schema, after: Schema, at: string, side: Side, emit: Emit): void {
  const oldValues = before.type === 'enum' ? before.values : [];
  const newValues = after.type === 'enum' ? after.values : [];
  const added = newValues.filter((value) => !oldValues.includes(value));
  if (added.length > 0) emit('enum-value-added', at, describeSchema(before), added.map(literal).join(', '));
  const removed = oldValues.filter((value) => !newValues.includes(value));
  if (removed.length === 0) return;
  const listing = removed.map(literal).join(', ');
  if (after.type !== 'enum') emit('enum-unlisted', at, listing, describeSchema(after));
  else
    emit(
      side === 'request' ? 'param-narrowed' : 'response-narrowed',
      at,
      describeSchema(before),
      describeSchema(after),
    );
}

/** A change of type where the structures do not line up: classified by which way the values moved. */
function compareLeaves(before: Schema, after: Schema, at: string, side: Side, root: boolean, emit: Emit): void {
  const widened = within(before, after);
  const narrowed = within(after, before);
  const was = describeSchema(before);
  const is = describeSchema(after);
  if (widened && narrowed) {
    if (before.type === 'string' && after.type === 'string')
      emit('format-changed', at, before.format ?? 'none', after.format ?? 'none');
    return;
  }
  if (side === 'request') emit(widened ? 'param-widened' : 'param-narrowed', at, was, is);
  else if (narrowed) emit('response-narrowed', at, was, is);
  else emit(root ? 'response-body-changed' : 'response-type-changed', at, was, is);
}

/**
 * Compares two schemas at `at` (a field path) and emits every change, deepest first where the
 * structures line up (object properties, array items, map values).
 */
export function compareSchemas(before: Schema, after: Schema, at: string, side: Side, emit: Emit, root = false): void {
  if (isDeepStrictEqual(before, after)) return;
  const old = splitNull(before);
  const next = splitNull(after);
  if (old.rest === undefined || next.rest === undefined) {
    // Nothing but null on one side: the whole type changed.
    compareLeaves(before, after, at, side, root, emit);
    return;
  }
  if (old.nullable !== next.nullable) {
    if (side === 'response')
      emit(
        next.nullable ? 'response-nullable' : 'response-narrowed',
        at,
        describeSchema(before),
        describeSchema(after),
      );
    else emit(next.nullable ? 'param-widened' : 'param-narrowed', at, describeSchema(before), describeSchema(after));
  }
  const a = old.rest;
  const b = next.rest;
  if (isDeepStrictEqual(a, b)) return;
  if (a.type === 'object' && b.type === 'object') compareObjects(a, b, at, side, emit);
  else if (a.type === 'array' && b.type === 'array') compareSchemas(a.items, b.items, `${at}[]`, side, emit);
  else if (a.type === 'map' && b.type === 'map') compareSchemas(a.values, b.values, `${at}{}`, side, emit);
  else if (
    (a.type === 'enum' || b.type === 'enum') &&
    baseOf(a) !== undefined &&
    baseOf(a) === baseOf(b) &&
    !(a.type === 'integer' || b.type === 'integer')
  ) {
    compareEnums(a, b, at, side, emit);
  } else compareLeaves(a, b, at, side, root, emit);
}
