/** Examples are parsed only when shallow enough to print: a 5,000-level body would overflow JSON.stringify's stack. */
const MAX_DEPTH = 64;

function depthWithin(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (++depth > limit) return false;
    } else if (char === '}' || char === ']') depth--;
  }
  return true;
}

/** The example as a JSON value, or undefined when it is not JSON or nests deeper than can be shown. */
export function parseExample(text: string): { value: unknown } | undefined {
  if (!depthWithin(text, MAX_DEPTH)) return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * The first lines of `JSON.stringify(value, null, 2)`, at most `maxLines` of them and `maxChars`
 * characters, without printing the rest: docs show the head of examples of up to 16,000
 * characters, thousands of them on one page. `whole` says whether nothing was left out.
 * `value` is a parsed JSON value (no undefined, functions or cycles), as parseExample gives.
 */
export function jsonHead(value: unknown, maxLines: number, maxChars: number): { text: string; whole: boolean } {
  const lines: string[] = [];
  let chars = -1;
  // Past either bound the head is known to be cut: printing stops there.
  const full = (): boolean => lines.length > maxLines || chars > maxChars;
  const push = (line: string): void => {
    lines.push(line);
    chars += line.length + 1;
  };
  const print = (item: unknown, indent: string, prefix: string, suffix: string): void => {
    if (item === null || typeof item !== 'object') return push(`${indent}${prefix}${JSON.stringify(item)}${suffix}`);
    const array = Array.isArray(item);
    const keys = array ? undefined : Object.keys(item);
    const length = keys ? keys.length : (item as unknown[]).length;
    if (length === 0) return push(`${indent}${prefix}${array ? '[]' : '{}'}${suffix}`);
    push(`${indent}${prefix}${array ? '[' : '{'}`);
    const inner = `${indent}  `;
    for (let index = 0; index < length && !full(); index++) {
      const key = keys?.[index];
      const element = key === undefined ? (item as unknown[])[index] : (item as Record<string, unknown>)[key];
      print(element, inner, key === undefined ? '' : `${JSON.stringify(key)}: `, index < length - 1 ? ',' : '');
    }
    push(`${indent}${array ? ']' : '}'}${suffix}`);
  };
  print(value, '', '', '');
  return { text: lines.slice(0, maxLines).join('\n').slice(0, maxChars), whole: !full() };
}
