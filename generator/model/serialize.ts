import type { ApiModel } from './types.js';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    // A plain object, filled in sorted order: objects of one kind then share a layout that
    // JSON.stringify reads fast (a null-prototype object is a slow dictionary to V8).
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      // Assigned, "__proto__" would set the prototype; defined, it is a plain key.
      if (key === '__proto__') Object.defineProperty(sorted, key, { ...PLAIN, value: sortKeys(item) });
      else sorted[key] = sortKeys(item);
    }
    return sorted;
  }
  return value;
}

const PLAIN = { enumerable: true, writable: true, configurable: true } as const;

/**
 * The model as JSON with sorted object keys and a trailing newline. Arrays keep their order (it
 * is meaningful: collection order, parameter order), so the same collection always gives the
 * same bytes.
 */
export function serializeModel(model: ApiModel): string {
  return `${JSON.stringify(sortKeys(model), null, 2)}\n`;
}
