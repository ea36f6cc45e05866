import type { ApiModel } from './types.js';

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
const isArrayIndex = (key: string): boolean => ARRAY_INDEX.test(key) && Number(key) < 2 ** 32 - 1;

/**
 * Keys in the order an object built with sorted keys holds them: JavaScript puts array-index keys
 * ("0", "200") first, in numeric order, then the others in the order given (sorted here).
 */
function orderedKeys(keys: string[]): string[] {
  keys.sort();
  if (!keys.some(isArrayIndex)) return keys;
  const indexes = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((key) => !isArrayIndex(key))];
}

/**
 * `value` as `JSON.stringify(value, null, 2)` writes it, with every object's keys in sorted order
 * (undefined members left out, as JSON leaves them out), written straight into `out` rather than
 * through a sorted copy of the whole model.
 */
function writeSorted(value: unknown, indentation: string, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    // Strings, numbers and booleans as JSON writes them (the model is plain data); in an array,
    // an undefined item is null.
    out.push(value === undefined ? 'null' : JSON.stringify(value));
    return;
  }
  const inner = `${indentation}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    out.push('[');
    value.forEach((item: unknown, index) => {
      out.push(index === 0 ? '\n' : ',\n', inner);
      writeSorted(item, inner, out);
    });
    out.push('\n', indentation, ']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = orderedKeys(Object.keys(record).filter((key) => record[key] !== undefined));
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{');
  keys.forEach((key, index) => {
    out.push(index === 0 ? '\n' : ',\n', inner, JSON.stringify(key), ': ');
    writeSorted(record[key], inner, out);
  });
  out.push('\n', indentation, '}');
}

/**
 * The model as JSON with sorted object keys and a trailing newline. Arrays keep their order (it
 * is meaningful: collection order, parameter order), so the same collection always gives the
 * same bytes.
 */
export function serializeModel(model: ApiModel): string {
  const out: string[] = [];
  writeSorted(model, '', out);
  out.push('\n');
  return out.join('');
}
