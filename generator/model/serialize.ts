import type { ApiModel } from './types.js';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    // A null prototype: a "__proto__" key is then a plain property, as Object.fromEntries would make it.
    const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortKeys(item);
    }
    return sorted;
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
