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
