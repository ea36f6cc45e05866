/**
 * CSV sniffing and cell reading, the cases the mutation review of generator/model/csv.ts found
 * untested: lines of blanks (which the table reader took for rows), brackets inside a declared header, decimals with several integer digits.
 */
import { describe, expect, it } from 'vitest';
import { csvCellValue, readCsvTable, sniffCsv } from '../generator/model/csv.js';
import { readResponses } from '../generator/model/responses.js';

describe('CSV sniffing', () => {
  it('skips lines of blanks as it skips empty ones', () => {
    expect(sniffCsv('id;name\n1;2\n   \n3;4')).toBe(';');
    expect(sniffCsv('  \t\nid;name\n1;2')).toBe(';');
  });

  it('refuses only a header that starts like JSON or markup: brackets further on are a declared name', () => {
    expect(sniffCsv('id;tags[0];{x};<y>\n1;2;3;4', true)).toBe(';');
    expect(sniffCsv('  {id;name}\n1;2', true)).toBeUndefined();
  });
});

describe('CSV tables', () => {
  it('read a line of blanks as no row, as the sniffer does, but a line of blank cells as a row', () => {
    expect(readCsvTable('  \nid;name\n1;ann\n \t \n ; \n2;bob\n  ', ';')).toEqual({
      delimiter: ';',
      columns: ['id', 'name'],
      rows: [
        { id: 1, name: 'ann' },
        { id: ' ', name: ' ' },
        { id: 2, name: 'bob' },
      ],
    });
    expect(readCsvTable('name\nann\n \nbob', ',').rows).toEqual([{ name: 'ann' }, { name: 'bob' }]);
  });

  it('keep a line of blanks out of the types a CSV example gives', () => {
    const body = 'id;name\n1;ann\n2;bob\n3;cy\n   \n';
    const { responses } = readResponses([{ name: 'ok', code: 200, headers: [], body }], [], 'Lists / Get', []);
    expect(responses[0]?.schema).toStrictEqual({
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'integer' }, name: { type: 'string' } },
        required: ['id', 'name'],
      },
    });
  });
});

describe('CSV cells', () => {
  it.each([
    ['12.5', 12.5],
    ['-340.25', -340.25],
    ['123456789012345.75', 123456789012345.75],
  ])('reads the decimal %j with several integer digits as %j', (cell, value) => {
    expect(csvCellValue(cell)).toBe(value);
  });
});
