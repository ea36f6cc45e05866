import { CodegenError } from '../errors.js';

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * JSON.parse with an error that names the line and column. V8 reports a character offset
 * in most syntax errors ("… at position 42"); where it does not, the error is at the end.
 */
export function parseJson(text: string, file: string): unknown {
  // A UTF-8 byte order mark is common in files saved by Windows tools; JSON.parse rejects it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : body.length;
    const { line, column } = lineColumn(body, offset);
    const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new CodegenError(
      `is not valid JSON: ${reason}.`,
      file,
      `line ${line}, column ${column}`,
      'Fix the JSON syntax there (an export from Postman is always valid JSON).',
    );
  }
}
