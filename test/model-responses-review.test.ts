/**
 * Response examples, the case the mutation review of generator/model/responses.ts found untested
 * on its own: a body of blanks is an empty body, whether a type is declared or not.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../generator/records.js';
import { readResponses } from '../generator/model/responses.js';

function readBody(body: string, contentType?: string) {
  const diagnostics: Diagnostic[] = [];
  const headers = contentType === undefined ? [] : [{ key: 'Content-Type', value: contentType }];
  const { responses } = readResponses([{ name: 'ok', code: 200, headers, body }], [], 'Folder / Get', diagnostics);
  return { responses, diagnostics };
}

describe('a body of blanks', () => {
  it('is no text: it says nothing of the schema and has no content type', () => {
    expect(readBody(' \n\t')).toStrictEqual({
      responses: [{ status: 200, schema: { type: 'unknown' }, examples: ['ok'], headers: {}, schemaSource: 'none' }],
      diagnostics: [],
    });
  });

  it('under a JSON type is no JSON that fails to parse: no warning', () => {
    expect(readBody('  \r\n', 'application/json').diagnostics).toStrictEqual([]);
  });
});
