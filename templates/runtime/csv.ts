/** Delimiter-separated text with a header row, read into typed rows. */

import type { CsvColumnType, CsvFormat } from './core.js';

/** The text is not the CSV expected: a quoted cell that never closes, or none of the known columns. */
export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
}

export function parseCsvRecords(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      line++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  // Everything after an unclosed quote would be one cell: the rest of the page, silently merged.
  if (quoted) throw new CsvFormatError(`a quoted cell opened on line ${quoteLine} never closes`);
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  // A line of nothing or of blanks is no row: read as one, an integer column would get Number('  '), 0.
  return rows.filter((cells) => !(cells.length === 1 && (cells[0] as string).trim() === ''));
}

function convert(cell: string, type: CsvColumnType | undefined): string | number | boolean | null {
  if (cell === '') return null;
  switch (type) {
    case 'integer':
    case 'number': {
      const value = Number(cell);
      return Number.isNaN(value) ? cell : value;
    }
    case 'boolean':
      return cell === 'true' || cell === '1' ? true : cell === 'false' || cell === '0' ? false : cell;
    default:
      return cell;
  }
}

/** Reads CSV text into objects keyed by the header row; empty cells are null. Throws CsvFormatError. */
export function readCsvRows<Row>(text: string, format: CsvFormat): Row[] {
  const [header, ...records] = parseCsvRecords(text, format.delimiter);
  if (!header) return [];
  const types = new Map(format.columns);
  const names = header.map((name) => name.trim());
  // A header row without a single known column is another document (an error page, another list).
  if (types.size > 0 && !names.some((name) => types.has(name))) {
    throw new CsvFormatError(`a header row with none of the expected columns (${[...types.keys()].join(', ')})`);
  }
  return records.map((cells) => {
    const row: Record<string, unknown> = {};
    names.forEach((name, i) => {
      // defineProperty keeps a column named "__proto__" an ordinary key.
      Object.defineProperty(row, name, {
        value: convert(cells[i] ?? '', types.get(name)),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return row as Row;
  });
}
