/**
 * Prettier over the generated files. It was half of generation's CPU, so two choices keep it down,
 * neither changing a byte of output: the babel-ts parser, which prints our code exactly as the
 * typescript parser does and parses it about a third faster; and large files formatted in chunks
 * of top-level declarations, which prettier prints independently of each other, so that its peak
 * memory follows the size of a chunk rather than of the file.
 */
import * as prettier from 'prettier';

export const PRETTIER_OPTIONS: prettier.Options = {
  parser: 'babel-ts',
  singleQuote: true,
  printWidth: 120,
  trailingComma: 'all',
};

/**
 * Files larger than this are written as the templates lay them out, unformatted: a 10,000-operation
 * client would take minutes. The result is still deterministic.
 */
const MAX_FORMATTED_BYTES = 3_000_000;

const DECLARATIONS_PER_CHUNK = 50;

/** A blank line, then a top-level statement or its doc comment at the first column: the only place the emitters break files. */
const TOP_LEVEL_BREAK = /\n\n(?=\/\*\*|export |const |import |function |class |type |interface )/;

export async function formatSource(source: string): Promise<string> {
  if (source.length > MAX_FORMATTED_BYTES) return source;
  const statements = source.split(TOP_LEVEL_BREAK);
  if (statements.length <= DECLARATIONS_PER_CHUNK) return prettier.format(source, PRETTIER_OPTIONS);
  const chunks: string[] = [];
  for (let start = 0; start < statements.length; start += DECLARATIONS_PER_CHUNK) {
    chunks.push(
      await prettier.format(statements.slice(start, start + DECLARATIONS_PER_CHUNK).join('\n\n'), PRETTIER_OPTIONS),
    );
  }
  // Each chunk ends with a line break; one more gives the blank line prettier keeps between statements.
  return chunks.join('\n');
}
