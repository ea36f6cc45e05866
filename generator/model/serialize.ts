import type { ApiModel } from './types.js';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    // A plain object, filled in sorted order: objects of one kind then share a layout that
    // JSON.stringify reads fast (a null-prototype object is a slow dictionary to V8).
    const sorted: Record<string, unknown> = {};
    for (const key of sortedKeys(value)) {
      // An undefined member is left out by JSON.stringify, here as anywhere.
      const item = (value as Record<string, unknown>)[key];
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
 * The keys in code-unit order, as `sort()` orders them. Model objects have a handful of keys:
 * sorted in place by insertion, they cost no scratch array (which `sort` allocates every call).
 */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  if (keys.length > 32) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * The model as JSON with sorted object keys and a trailing newline. Arrays keep their order (it
 * is meaningful: collection order, parameter order), so the same collection always gives the
 * same bytes.
 */
export function serializeModel(model: ApiModel): string {
  return `${JSON.stringify(sortKeys(model), null, 2)}\n`;
}
