/**
 * The inference choices a configuration may make (`inference` in a client entry). Every default is
 * the rule the README states; each knob moves one rule, never switches inference off wholesale.
 */
import type { ApiModel, Schema } from './types.js';
import { DEFAULT_INFER_OPTIONS, type InferOptions } from './infer.js';
import { findOperations } from './find.js';
import { CodegenError } from '../errors.js';
import { isObject } from '../json-types.js';

export interface InferenceConfig {
  /**
   * When a response field is required: `every-sample` (present in every saved example of its
   * status, the default) or `documented` (optional unless an override says so).
   */
  responseRequired?: 'every-sample' | 'documented';
  /** The enum rule's thresholds, or false for no inferred enums at all. */
  enums?:
    | false
    | {
        maxValues?: number;
        minSamples?: number;
        minOccurrences?: number;
        maxLength?: number;
        /** Property-name patterns (regular expressions) never typed as enums; replaces the default list. */
        excludeFields?: string[];
      };
  /** Distinct integer samples needed before a place is `integer` rather than `number` (default 3). */
  integerMinDistinct?: number;
  /** Request body fields to require, by operation (`"Static lists / Create static list": ["name"]`); dots reach nested fields. */
  requiredFields?: Record<string, string[]>;
  /** Pooled entities by their default name: another name, or false to keep their places apart. */
  entities?: Record<string, string | false>;
}

export interface InferenceOptions {
  request: InferOptions;
  response: InferOptions;
}

export function inferenceOptions(config: InferenceConfig = {}): InferenceOptions {
  const enums = config.enums;
  const base: InferOptions = {
    ...DEFAULT_INFER_OPTIONS,
    ...(enums === false ? { enumMaxValues: 0 } : {}),
    ...(enums
      ? {
          ...(enums.maxValues !== undefined ? { enumMaxValues: enums.maxValues } : {}),
          ...(enums.minSamples !== undefined ? { enumMinSamples: enums.minSamples } : {}),
          ...(enums.minOccurrences !== undefined ? { enumMinOccurrences: enums.minOccurrences } : {}),
          ...(enums.maxLength !== undefined ? { enumMaxLength: enums.maxLength } : {}),
          ...(enums.excludeFields !== undefined ? { enumExcludeFields: enums.excludeFields } : {}),
        }
      : {}),
    ...(config.integerMinDistinct !== undefined ? { integerMinDistinct: Math.max(1, config.integerMinDistinct) } : {}),
  };
  return {
    request: base,
    response: { ...base, required: config.responseRequired === 'documented' ? 'never' : 'every-sample' },
  };
}

/** Checks the parts of the configuration a JSON Schema cannot (patterns that must compile). */
export function validateInference(config: unknown, file: string, where: string): void {
  const fail = (message: string, place: string): never => {
    throw new CodegenError(message, file, place);
  };
  // A misspelt key would otherwise leave its default in place without a word.
  const refuseUnknownKeys = (object: Record<string, unknown>, known: string[], place: string): void => {
    for (const key of Object.keys(object))
      if (!known.includes(key)) fail(`has an unknown key "${key}".`, `${place}.${key}`);
  };
  if (!isObject(config)) fail('"inference" must be an object.', where);
  const inference = config as Record<string, unknown>;
  refuseUnknownKeys(
    inference,
    ['responseRequired', 'enums', 'integerMinDistinct', 'requiredFields', 'entities'],
    where,
  );
  if (
    inference.responseRequired !== undefined &&
    inference.responseRequired !== 'every-sample' &&
    inference.responseRequired !== 'documented'
  ) {
    fail('"responseRequired" must be "every-sample" or "documented".', `${where}.responseRequired`);
  }
  const enums = inference.enums;
  if (enums !== undefined && enums !== false) {
    if (!isObject(enums)) fail('"enums" must be false or an object.', `${where}.enums`);
    const rule = enums as Record<string, unknown>;
    const thresholds = ['maxValues', 'minSamples', 'minOccurrences', 'maxLength'];
    refuseUnknownKeys(rule, [...thresholds, 'excludeFields'], `${where}.enums`);
    for (const key of thresholds) {
      // Number.isInteger is false for anything that is not a number.
      if (rule[key] !== undefined && (!Number.isInteger(rule[key]) || (rule[key] as number) < 0))
        fail(`"${key}" must be a whole number.`, `${where}.enums.${key}`);
    }
    if (rule.excludeFields !== undefined) {
      if (!Array.isArray(rule.excludeFields))
        fail('"excludeFields" must be an array of regular expressions.', `${where}.enums.excludeFields`);
      (rule.excludeFields as unknown[]).forEach((pattern, index) => {
        try {
          new RegExp(String(pattern));
        } catch {
          fail(`"${String(pattern)}" is not a regular expression.`, `${where}.enums.excludeFields[${index}]`);
        }
      });
    }
  }
  if (inference.integerMinDistinct !== undefined && !Number.isInteger(inference.integerMinDistinct)) {
    fail('"integerMinDistinct" must be a whole number.', `${where}.integerMinDistinct`);
  }
  const required = inference.requiredFields;
  if (
    required !== undefined &&
    (!isObject(required) ||
      Object.values(required).some((list) => !Array.isArray(list) || list.some((field) => typeof field !== 'string')))
  ) {
    fail('"requiredFields" must map operations to arrays of field names.', `${where}.requiredFields`);
  }
  const entities = inference.entities;
  if (
    entities !== undefined &&
    (!isObject(entities) ||
      Object.values(entities).some(
        (value) => value !== false && (typeof value !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(value)),
      ))
  ) {
    fail('"entities" must map entity names to a PascalCase name or false.', `${where}.entities`);
  }
}

/** Marks the configured request body fields required; a field the body does not have is an error. */
export function applyRequiredFields(
  model: ApiModel,
  requiredFields: Record<string, string[]>,
  configFile: string,
): void {
  for (const [reference, fields] of Object.entries(requiredFields)) {
    const place = `inference.requiredFields["${reference}"]`;
    const targets = findOperations(model, reference);
    if (targets.length === 0)
      throw new CodegenError(`${place} matches no operation of the collection.`, configFile, place);
    for (const operation of targets) {
      for (const field of fields) {
        const path = field.split('.');
        let schema: Schema | undefined = operation.body?.schema;
        for (const name of path) {
          while (schema?.type === 'array') schema = schema.items;
          if (schema?.type !== 'object' || !Object.hasOwn(schema.properties, name)) {
            throw new CodegenError(
              `${place} requires "${field}", which the body of "${operation.name}" does not have.`,
              configFile,
              place,
              'Name a field the request body shows, with dots for nested fields.',
            );
          }
          if (!schema.required.includes(name)) schema.required = [...schema.required, name].sort();
          schema = schema.properties[name];
        }
      }
    }
  }
}
