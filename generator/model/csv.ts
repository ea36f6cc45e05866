/**
 * Delimiter-separated text with a header row (some APIs answer lists as `;`-separated CSV).
 * The record splitter is the generated clients' own, so examples and live answers read alike.
 */
import { parseCsvRecords } from '../../templates/runtime/csv.js';

const DELIMITERS = [';', ',', '\t', '|'];

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * Finds the delimiter of text that looks like CSV with a header row: the header's cells are
 * short names, and every line has the same number of delimiters. Returns undefined otherwise.
 * `declared` skips the "does it look like CSV" test (the content type already said so).
 */
export function sniffCsv(text: string, declared = false): string | undefined {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 50);
  const header = lines[0];
  if (header === undefined || /^\s*[[{<]/.test(header)) return undefined;
  for (const delimiter of DELIMITERS) {
    const columns = countOutsideQuotes(header, delimiter);
    if (columns === 0) continue;
    const consistent = lines.every((line) => countOutsideQuotes(line, delimiter) === columns);
    const namesLookRight = header
      .split(delimiter)
      .every((cell) => /^"?[\p{L}\p{N}_ .()/-]{1,64}"?$/u.test(cell.trim()));
    if (consistent && (declared || (namesLookRight && lines.length >= 2))) return delimiter;
  }
  return declared ? ',' : undefined;
}

/** Reads a cell as the value it most plausibly is; empty cells are null. */
export function csvCellValue(cell: string): string | number | boolean | null {
  if (cell === '') return null;
  if (/^-?(0|[1-9]\d{0,14})$/.test(cell)) return Number(cell);
  if (/^-?(0|[1-9]\d{0,14})\.\d+$/.test(cell)) return Number(cell);
  if (cell === 'true' || cell === 'false') return cell === 'true';
  return cell;
}

export interface CsvTable {
  delimiter: string;
  columns: string[];
  rows: Array<Record<string, string | number | boolean | null>>;
}

/** Parses CSV text with a header row into typed row objects. */
export function readCsvTable(text: string, delimiter: string): CsvTable {
  // parseCsvRecords drops lines of blanks, as sniffCsv skips them: the client reads the same rows.
  const [header = [], ...body] = parseCsvRecords(text, delimiter);
  const columns = header.map((name) => name.trim());
  const rows = body.map((cells) =>
    Object.fromEntries(columns.map((column, i) => [column, csvCellValue(cells[i] ?? '')])),
  );
  return { delimiter, columns, rows };
}
