import type { ApiModel } from './types.js';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]);
    return Object.fromEntries(entries);
  }
  return value;
}

/**
 * The model as JSON with sorted object keys and a trailing newline. Arrays keep their order (it
 * is meaningful: collection order, parameter order), so the same collection always gives the
 * same bytes.
 */
export function serializeModel(model: ApiModel): string {
  return `${JSON.stringify(sortKeys(model), null, 2)}\n`;
}
