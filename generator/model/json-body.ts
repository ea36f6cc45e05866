import { variableReference } from './infer.js';

/**
 * Parses a JSON body as Postman users write it: comments allowed, and `{{variable}}` placeholders
 * where a value goes (`{"count": {{count}}}`). A placeholder outside a string becomes a
 * `VariableReference` (its type is the variable's, unknown unless it is one of Postman's dynamic
 * variables). Returns `undefined` when the text is not JSON even then.
 */
export function parseJsonBody(text: string): unknown {
  const trimmed = text.trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    // fall through to the lenient reading
  }
  const sentinel = '\u0000postman-codegen:variable:';
  let out = '';
  let inString = false;
  for (let i = 0; i < trimmed.length; i++) {
    const char = trimmed[i] as string;
    if (inString) {
      out += char;
      if (char === '\\') {
        out += trimmed[i + 1] ?? '';
        i++;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && trimmed[i + 1] === '/') {
      while (i < trimmed.length && trimmed[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && trimmed[i + 1] === '*') {
      const end = trimmed.indexOf('*/', i + 2);
      i = end < 0 ? trimmed.length : end + 1;
      out += ' ';
    } else if (char === '}' || char === ']') {
      out = withoutTrailingComma(out) + char;
    } else if (char === '{' && trimmed[i + 1] === '{') {
      const end = trimmed.indexOf('}}', i + 2);
      if (end < 0) return undefined;
      out += JSON.stringify(`${sentinel}${trimmed.slice(i + 2, end).trim()}`);
      i = end + 1;
    } else {
      out += char;
    }
  }
  try {
    return JSON.parse(out, (_key, value: unknown) =>
      typeof value === 'string' && value.startsWith(sentinel) ? variableReference(value.slice(sentinel.length)) : value,
    );
  } catch {
    return undefined;
  }
}

/**
 * `text` without a comma that ends it (blanks after it kept): trailing commas are a common slip in
 * hand-written examples. Read only outside strings, so a string's own ", }" stays as it is.
 */
function withoutTrailingComma(text: string): string {
  const body = text.trimEnd();
  return body.endsWith(',') ? body.slice(0, -1) + text.slice(body.length) : text;
}
