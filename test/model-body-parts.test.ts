/**
 * The readers request and response bodies are made of: lenient JSON, CSV sniffing and cells,
 * GraphQL variable definitions, what a description says of fields, and the model's JSON form.
 */
import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '../generator/model/json-body.js';
import { referenceName } from '../generator/model/infer.js';
import { csvCellValue, readCsvTable, sniffCsv } from '../generator/model/csv.js';
import { graphqlVariables } from '../generator/model/graphql.js';
import { describedFields } from '../generator/model/described-fields.js';
import { serializeModel } from '../generator/model/serialize.js';
import type { ApiModel } from '../generator/model/types.js';

/** A parsed body with each variable reference written `ref:name`, to compare as plain JSON. */
function lenient(text: string): unknown {
  const value = parseJsonBody(text);
  if (value === undefined) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) => {
      const name = referenceName(item);
      return name === undefined ? item : `ref:${name}`;
    }) as string,
  ) as unknown;
}

describe('lenient JSON bodies', () => {
  it.each([
    ['  {"a": 1}  ', { a: 1 }],
    ['{"a": {{ count }}, "b": [{{x}}]}', { a: 'ref:count', b: ['ref:x'] }],
    ['{"u": "http://x.io/{{p}}", // the URL\n "n": {{n}}}', { u: 'http://x.io/{{p}}', n: 'ref:n' }],
    ['{"a": 1, /* a {{b}} "c" */ "d": 2}', { a: 1, d: 2 }],
    ['{"a": 1} /* never closed', { a: 1 }],
    ['{"a": 1} // last line', { a: 1 }],
    ['{"q": "say \\"{{hi}}\\"", "n": {{n}}}', { q: 'say "{{hi}}"', n: 'ref:n' }],
    ['{"p": "C:\\\\", "n": {{n}}}', { p: 'C:\\', n: 'ref:n' }],
    ['{"a": [1, 2,], "b": {"c": 3 , },}', { a: [1, 2], b: { c: 3 } }],
    ['{"a": "/* not a comment */", "b": {{b}}}', { a: '/* not a comment */', b: 'ref:b' }],
    ['{"a": "x/y", "b": 1 / 2}', undefined],
    ['[1// a comment ends a line\n2]', undefined],
    ['[1/* a comment is a blank */2]', undefined],
    ['{"a": "\\', undefined],
    ['{"a": {{x}', undefined],
    ['{"a": }', undefined],
    ['  \n ', undefined],
  ])('%j reads as %j', (text, expected) => {
    expect(lenient(text)).toEqual(expected);
  });

  it('leaves strings that are not placeholders as they are', () => {
    expect(parseJsonBody('{"a": "{{x}}", "b": {{y}}, "c": "\\u0000postman"}')).toEqual({
      a: '{{x}}',
      b: expect.anything() as unknown,
      c: '\u0000postman',
    });
  });
});

describe('CSV', () => {
  it('sniffs the delimiter of text with a header of short names', () => {
    expect(sniffCsv('id;name\n1;a,b')).toBe(';');
    expect(sniffCsv('id,name\n1,a')).toBe(',');
    expect(sniffCsv('id\tname\n1\ta')).toBe('\t');
    expect(sniffCsv('id|name\n1|a')).toBe('|');
  });

  it('tries ; , tab | in that order, taking the first every line agrees on', () => {
    expect(sniffCsv('a;b,c\n1;2,3', true)).toBe(';');
    expect(sniffCsv('a,b;c\n1,2;3\n4,5', true)).toBe(',');
    expect(sniffCsv('a,b|c\n1,2|3\n4|5', true)).toBe('|');
  });

  it('counts no delimiter inside quotes, and skips blank lines and CR', () => {
    expect(sniffCsv('"a;b",c\r\n\r\n"1;2",3\r\n', true)).toBe(',');
    expect(sniffCsv('id;"x;y"\n1;2')).toBe(';');
    expect(sniffCsv('id;"x;y"\n1;2;3')).toBeUndefined();
    expect(sniffCsv('id\t;name\n1;2')).toBe(';');
  });

  it('accepts header names with spaces, dots, parentheses, slashes, dashes and quotes, up to 64 characters', () => {
    expect(sniffCsv('"First name";size (cm);a/b;x-y;n.0;_\n1;2;3;4;5;6')).toBe(';');
    expect(sniffCsv(`${'a'.repeat(64)};b\n1;2`)).toBe(';');
    expect(sniffCsv(`${'a'.repeat(65)};b\n1;2`)).toBeUndefined();
    expect(sniffCsv('a;b=c\n1;2')).toBeUndefined();
    expect(sniffCsv('a;\n1;2')).toBeUndefined();
  });

  it('needs two lines unless declared, and then takes a single consistent line or falls back to a comma', () => {
    expect(sniffCsv('id;name')).toBeUndefined();
    expect(sniffCsv('id;name', true)).toBe(';');
    expect(sniffCsv('a b;c d=e\n1;2', true)).toBe(';');
    expect(sniffCsv('one column\nvalue')).toBeUndefined();
    expect(sniffCsv('one column\nvalue', true)).toBe(',');
    expect(sniffCsv('', true)).toBeUndefined();
  });

  it('never sniffs JSON or markup', () => {
    expect(sniffCsv(' [1;2]\n[3;4]', true)).toBeUndefined();
    expect(sniffCsv('{a;b}\n{c;d}', true)).toBeUndefined();
    expect(sniffCsv('<a;b>\n<c;d>', true)).toBeUndefined();
  });

  it('reads the first 50 non-blank lines only', () => {
    const lines = ['a;b', ...Array.from({ length: 49 }, () => '1;2')];
    expect(sniffCsv([...lines, '1;2;3'].join('\n'))).toBe(';');
    expect(sniffCsv([...lines.slice(0, 49), '1;2;3'].join('\n'))).toBeUndefined();
  });

  it.each([
    ['', null],
    ['0', 0],
    ['-12', -12],
    ['123456789012345', 123456789012345],
    ['1234567890123456', '1234567890123456'],
    ['007', '007'],
    ['1.25', 1.25],
    ['-0.5', -0.5],
    ['1.', '1.'],
    ['1234567890123456.5', '1234567890123456.5'],
    ['1.5x', '1.5x'],
    ['x1.5', 'x1.5'],
    ['.5', '.5'],
    ['12a', '12a'],
    ['a12', 'a12'],
    ['true', true],
    ['false', false],
    ['True', 'True'],
  ])('reads the cell %j as %j', (cell, value) => {
    expect(csvCellValue(cell)).toBe(value);
  });

  it('reads a table: names trimmed, missing cells null', () => {
    expect(readCsvTable(' id ; name \n1;ann\n2', ';')).toEqual({
      delimiter: ';',
      columns: ['id', 'name'],
      rows: [
        { id: 1, name: 'ann' },
        { id: 2, name: null },
      ],
    });
    expect(readCsvTable('', ',')).toEqual({ delimiter: ',', columns: [], rows: [] });
  });
});

describe('GraphQL variable definitions', () => {
  const read = (document: string) => Object.fromEntries(graphqlVariables(document));

  it('types scalars, lists and unknown input types', () => {
    expect(
      read('query ($a: ID, $b: String!, $c: Int, $d: Float!, $e: Boolean, $f: [[Int!]!], $g: Filter!, $h: [Tag]) {x}'),
    ).toEqual({
      a: { schema: { type: 'string' }, required: false },
      b: { schema: { type: 'string' }, required: true },
      c: { schema: { type: 'integer' }, required: false },
      d: { schema: { type: 'number' }, required: true },
      e: { schema: { type: 'boolean' }, required: false },
      f: { schema: { type: 'array', items: { type: 'array', items: { type: 'integer' } } }, required: false },
      g: { schema: { type: 'unknown' }, required: true },
      h: { schema: { type: 'array', items: { type: 'unknown' } }, required: false },
    });
  });

  it('reads mutations and subscriptions, names, comments before, spacing and defaults', () => {
    expect(read('# first\n  # second\nmutation Make_2 ( $id : ID! = "x", $n:Int=3 ) { x }')).toEqual({
      id: { schema: { type: 'string' }, required: true },
      n: { schema: { type: 'integer' }, required: false },
    });
    expect(read('subscription($a: [ Int ] !, $b: Int !, $c: constructor) { x }')).toEqual({
      a: { schema: { type: 'array', items: { type: 'integer' } }, required: true },
      b: { schema: { type: 'integer' }, required: true },
      c: { schema: { type: 'unknown' }, required: false },
    });
  });

  it('declares nothing for shorthand queries, fragments first, or empty lists', () => {
    expect(read('{ a(id: 1) { b } }')).toEqual({});
    expect(read('fragment F on T { a } query ($id: ID!) { x }')).toEqual({});
    expect(read('query () { x }')).toEqual({});
    expect(read('x query ($id: ID!) { x }')).toEqual({});
  });

  it('reads only the first operation', () => {
    expect(read('query A($a: Int) { x } query B($b: Int) { y }')).toEqual({
      a: { schema: { type: 'integer' }, required: false },
    });
  });
});

describe('fields a description marks', () => {
  const marks = (description: string | undefined, fields = ['a', 'b', 'a.b']) =>
    Object.fromEntries(describedFields(description, fields));

  it.each([
    ['`a` is optional', { a: 'optional' }],
    ['`a` is not required', { a: 'optional' }],
    ['`a` may be omitted', { a: 'optional' }],
    ['`a` is REQUIRED', { a: 'required' }],
    ['`a` is Optional', { a: 'optional' }],
    ['`a` is mandatory', { a: 'required' }],
    ['`a` must be given', { a: 'required' }],
    ['`a` has requiredness', {}],
    ['`a` is optionally sent', {}],
    ['a is required', {}],
  ])('%j marks %j', (description, expected) => {
    expect(marks(description)).toEqual(expected);
  });

  it('applies a mark to the fields of its sentence or line only', () => {
    expect(marks('`a` is required. `b` is shown')).toEqual({ a: 'required' });
    expect(marks('`a` is required; `b` is shown')).toEqual({ a: 'required' });
    expect(marks('`a` is shown\n`b` is optional')).toEqual({ b: 'optional' });
    expect(marks('`a` is shown.`b` is optional')).toEqual({ a: 'optional', b: 'optional' });
  });

  it('reads table rows, with or without backticks, and keeps the first mark of a field', () => {
    expect(marks('| a | string | required |\n| `b` | optional |\n| a | optional |')).toEqual({
      a: 'required',
      b: 'optional',
    });
    expect(marks('  | a.b | required |')).toEqual({ 'a.b': 'required' });
    expect(marks('a | required |')).toEqual({});
  });

  it('matches a name exactly, dots included', () => {
    expect(marks('`aXb` is required')).toEqual({});
    expect(marks('`a.b` is required')).toEqual({ 'a.b': 'required' });
  });

  it('says nothing without a description or fields', () => {
    expect(marks(undefined)).toEqual({});
    expect(marks('`a` is required', [])).toEqual({});
  });
});

describe('the model as JSON', () => {
  it('sorts keys in code-unit order, at any size, drops undefined members and keeps __proto__ as a key', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${String(39 - i).padStart(2, '0')}`, i]));
    const model = JSON.parse(
      '{"b": 1, "__proto__": {"y": 1, "x": 2}, "B": [3, 1], "a": {"d": null, "c": true}}',
    ) as Record<string, unknown>;
    model.gone = undefined;
    model.many = many;
    const text = serializeModel(model as unknown as ApiModel);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['B', '__proto__', 'a', 'b', 'many']);
    expect(Object.keys(parsed.many as object)).toEqual(Object.keys(many).sort());
    expect(text).toContain('"__proto__": {\n    "x": 2,\n    "y": 1\n  }');
    expect(text).toContain('"a": {\n    "c": true,\n    "d": null\n  }');
    expect(text).toContain('"B": [\n    3,\n    1\n  ]');
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('lenient JSON bodies, at the edges', () => {
  it.each([
    // A byte order mark or a no-break space around the text is blank, not part of the JSON.
    ['\uFEFF{"a": 1}', { a: 1 }],
    ['\u00A0{"a": {{n}}}\u00A0', { a: 'ref:n' }],
    // Only a comma before a closing bracket outside a string is a slip; a string's own ", ]" stays.
    ['{"a": "x, ]", "b": [1, ], "c": "y,}"}', { a: 'x, ]', b: [1], c: 'y,}' }],
    ['{"a": "x, }", "b": {{n}}, }', { a: 'x, }', b: 'ref:n' }],
    ['[1, // the last\n]', [1]],
    // A comment opens with "/*" only: another "/" or "*" outside a string is no JSON.
    ['[1 / 2 */]', undefined],
    ['[1, 2*3 */]', undefined],
    // The "/" closing "*/" is looked for after the opening "/*".
    ['[1 /*/ 2 */]', [1]],
    // A placeholder's "}}" is looked for after its "{{", never before it.
    ['{"a":{}}{{x}}', undefined],
    // Text that is JSON is read as JSON, whatever its strings hold.
    ['{"c": "\\u0000postman-codegen:variable:x", "d": "1,]"}', { c: '\u0000postman-codegen:variable:x', d: '1,]' }],
  ])('%j reads as %j', (text, expected) => {
    expect(lenient(text)).toEqual(expected);
  });
});
