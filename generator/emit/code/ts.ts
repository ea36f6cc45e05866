/**
 * Typed builders for exactly the TypeScript the client emitter writes, each laid out as prettier
 * lays out that construct (with the project's `.prettierrc.json`: single quotes, 120 columns,
 * trailing commas everywhere). They return documents (doc.ts) to print; collection text reaches
 * them only through `str`, `docBlock` and `key`, which escape it for where it lands.
 */
import {
  concat,
  conditionalGroup,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  print,
  softline,
  type Doc,
} from './doc.js';

export { concat };
import { commentLines, docLines } from '../escape.js';
import { isTypeScriptIdentifierName } from '../../model/names.js';

// ─── literals ────────────────────────────────────────────────────────────────────────────────────

/**
 * A string literal as prettier writes it: single quotes unless the text holds more single than
 * double quotes; escapes as JSON writes them, plus U+2028 and U+2029, so nothing breaks a line.
 */
export function str(value: string): string {
  const json = JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  let singles = 0;
  let doubles = 0;
  for (const character of value) {
    if (character === "'") singles++;
    else if (character === '"') doubles++;
  }
  if (singles > doubles) return json;
  const content = json
    .slice(1, -1)
    .replace(/\\([\s\S])|'/g, (match, escaped: string | undefined) =>
      escaped === undefined ? "\\'" : escaped === '"' ? '"' : match,
    );
  return `'${content}'`;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** ES5's identifier names (what prettier unquotes), read with the engine's Unicode tables. */
const ES5_IDENTIFIER = /^[$_\p{L}\p{Nl}][$_\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u200c\u200d]*$/u;

/**
 * A property name: bare when it is an identifier name, quoted otherwise, as prettier's
 * "as-needed" writes it. (`__proto__` too is bare: quoted or not, it is the same key.)
 */
export function key(name: string): string {
  // A letter newer than TypeScript's tables is an identifier to the engine, and a syntax error to tsc.
  return PLAIN_KEY.test(name) || (ES5_IDENTIFIER.test(name) && isTypeScriptIdentifierName(name)) ? name : str(name);
}

/** A JSON-like value as a literal: arrays and objects laid out as prettier lays them out. */
export function literal(value: unknown): Doc {
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return array(value.map(literal), { concise: value.every((item) => isListOfMany(item)) });
  return object(Object.entries(value as Record<string, unknown>).map(([name, item]) => prop(name, item)));
}

function isListOfMany(value: unknown): boolean {
  return Array.isArray(value)
    ? value.length > 1
    : typeof value === 'object' && value !== null && Object.keys(value).length > 1;
}

// ─── expressions ─────────────────────────────────────────────────────────────────────────────────

/** An object literal: on one line when it fits, else one property a line (always, with `broken`). */
export function object(properties: Doc[], options: { broken?: boolean } = {}): Doc {
  if (properties.length === 0) return '{}';
  return group(concat('{', indent(line, join(concat(',', line), properties)), ifBreak(','), line, '}'), options);
}

/**
 * `[a, b]`. Prettier breaks an array of two or more arrays (or objects) that each hold more than
 * one element, one element a line, whatever the width: `concise` says the caller's elements are such.
 */
export function array(items: Doc[], options: { concise?: boolean } = {}): Doc {
  if (items.length === 0) return '[]';
  return group(concat('[', indent(softline, join(concat(',', line), items)), ifBreak(','), softline, ']'), {
    broken: items.length > 1 && options.concise === true,
  });
}

/**
 * `name: value` in an object literal. A string value moves to the next line when the line is too
 * long (prettier's "break-after-operator" layout); other values stay after the colon and break inside.
 */
export function prop(name: string, value: unknown): Doc {
  return property(key(name), literal(value), typeof value === 'string' ? 'string' : typeof value);
}

export function property(name: string, value: Doc, kind: string = 'other'): Doc {
  if (kind === 'string' || kind === 'binary') return breakAfterOperator(name, ':', value);
  if (kind === 'boolean' || kind === 'number') return concat(name, ': ', value);
  return assignment(name, ':', value);
}

/** `left = right` where the right side may move to the next line when it cannot break itself (prettier's "fluid" layout). */
export function assignment(left: Doc, operator: string, right: Doc): Doc {
  const id = Symbol('assignment');
  return group(concat(left, operator, group(indent(line), { id }), indentIfBreak(right, id)));
}

/**
 * `left = right` where the right side moves to the next line first, then breaks inside (prettier's
 * "break-after-operator" layout, for strings, member chains and binary expressions).
 */
export function breakAfterOperator(left: Doc, operator: string, right: Doc): Doc {
  return group(concat(left, operator, group(indent(line, right))));
}

/**
 * `a ?? b ?? c`, broken before each operand when too long. Where it is an assignment's right side
 * the assignment indents it; elsewhere (an argument, an array element) it indents itself.
 */
export function binary(operator: string, operands: Doc[], options: { inAssignment?: boolean } = {}): Doc {
  const [first, ...rest] = operands;
  const tail = rest.flatMap((operand) => [' ', operator, line, operand]);
  return options.inAssignment ? group(concat(first ?? '', ...tail)) : group(concat(first ?? '', indent(...tail)));
}

/**
 * `callee(a, b)`: arguments on one line when they fit, else one a line. With `hugLast` (the last
 * argument is an object or array literal), that argument opens on the call's line and breaks
 * inside instead, as prettier does: `fn(a, {` … `})`.
 */
export function call(callee: Doc, args: Doc[], options: { hugLast?: boolean } = {}): Doc {
  if (args.length === 0) return concat(callee, '()');
  const brokenOut = group(concat('(', indent(line, join(concat(',', line), args)), ifBreak(','), line, ')'), {
    broken: true,
  });
  const allFlat = concat('(', join(', ', args), ')');
  if (!options.hugLast) {
    return concat(
      callee,
      group(concat('(', indent(softline, join(concat(',', line), args)), ifBreak(','), softline, ')')),
    );
  }
  const head = args.slice(0, -1);
  const last = args[args.length - 1] as Doc;
  const huggedBroken = concat('(', join(', ', [...head, group(last, { broken: true })]), ')');
  return concat(callee, conditionalGroup([allFlat, huggedBroken, brokenOut]));
}

// ─── types ───────────────────────────────────────────────────────────────────────────────────────

/**
 * A type, with what prettier's layout of unions and type arguments depends on: `simple` types
 * (keywords, plain references) and object types are hugged by `<…>`; a union of one object and
 * nulls is hugged too.
 */
export interface TypeNode {
  doc: Doc;
  /** The type on one line: what tells two union members apart. */
  text: string;
  kind: 'simple' | 'object' | 'null' | 'union' | 'intersection' | 'other';
  members?: TypeNode[];
}

export function typeRef(name: string): TypeNode {
  return { doc: name, text: name, kind: name === 'null' ? 'null' : 'simple' };
}

/** A type written as it is (`(string & {})`, a string literal type): never hugged. */
export function typeText(text: string): TypeNode {
  return { doc: text, text, kind: 'other' };
}

/** `A & B`, parenthesized as a union's member. */
export function intersection(types: TypeNode[]): TypeNode {
  const text = types.map((type) => type.text).join(' & ');
  return { doc: text, text, kind: 'intersection' };
}

export function stringType(value: string): TypeNode {
  return typeText(str(value));
}

export function arrayType(item: TypeNode): TypeNode {
  return { doc: concat(item.doc, '[]'), text: `${item.text}[]`, kind: 'other' };
}

function hugs(type: TypeNode): boolean {
  if (type.kind === 'simple' || type.kind === 'object' || type.kind === 'null') return true;
  if (type.kind !== 'union' || !type.members) return false;
  const nulls = type.members.filter((member) => member.kind === 'null').length;
  return nulls === type.members.length - 1 && type.members.some((member) => member.kind === 'object');
}

/** `Name<A, B>`: one hugged argument stays inline; others break one a line, with no trailing comma. */
export function generic(name: string, args: TypeNode[]): TypeNode {
  const text = `${name}<${args.map((arg) => arg.text).join(', ')}>`;
  const only = args[0] as TypeNode;
  if (args.length === 1 && hugs(only)) {
    // A union's doc is empty: its members are printed by unionMembers.
    return { doc: concat(name, '<', only.kind === 'union' ? unionMembers(only) : only.doc, '>'), text, kind: 'other' };
  }
  const inner = args.map((arg) => (arg.kind === 'union' ? unionMembers(arg) : arg.doc));
  return {
    doc: concat(name, group(concat('<', indent(softline, join(concat(',', line), inner)), softline, '>'))),
    text,
    kind: 'other',
  };
}

/** A union of distinct members (nested unions flattened); one member is itself. */
export function union(types: TypeNode[]): TypeNode {
  const members: TypeNode[] = [];
  const seen = new Set<string>();
  for (const type of types.flatMap((type) => (type.kind === 'union' && type.members ? type.members : [type]))) {
    if (seen.has(type.text)) continue;
    seen.add(type.text);
    members.push(type);
  }
  if (members.length === 1) return members[0] as TypeNode;
  members.forEach((member, index) => {
    if (member.kind === 'intersection') members[index] = typeText(`(${member.text})`);
  });
  if (members.length === 0) return typeRef('never');
  return { doc: '', text: members.map((member) => member.text).join(' | '), kind: 'union', members };
}

/**
 * A union's members: `A | B` when they fit, else one `| member` a line (each member indented, so
 * an object member breaks under its bar). A union of one object and nulls stays `{ … } | null`.
 */
function unionMembers(type: TypeNode): Doc {
  const members = type.members ?? [];
  if (hugs(type))
    return join(
      ' | ',
      members.map((member) => member.doc),
    );
  return group(
    concat(
      ...members.map((member, index) =>
        index === 0 ? concat(ifBreak('| '), indent(member.doc)) : concat(line, '| ', indent(member.doc)),
      ),
    ),
  );
}

/** A type where it is a property's whole type: a long union moves under its property first. */
export function typeDoc(type: TypeNode): Doc {
  if (type.kind !== 'union') return type.doc;
  return hugs(type) ? unionMembers(type) : group(indent(softline, unionMembers(type)));
}

export interface Member {
  name: string;
  optional: boolean;
  type: TypeNode;
  doc?: string;
}

function memberDoc(member: Member): Doc {
  const signature = concat(key(member.name), member.optional ? '?: ' : ': ', typeDoc(member.type));
  return member.doc ? concat(docBlock(member.doc), hardline, signature) : signature;
}

/** `{ a: A; b?: B }`: on one line when it fits (and no member has docs), else one member a line. */
export function objectType(members: Member[], options: { broken?: boolean } = {}): TypeNode {
  const text = `{ ${members.map((member) => `${key(member.name)}${member.optional ? '?' : ''}: ${member.type.text}`).join('; ')} }`;
  if (members.length === 0) return { doc: '{}', text: '{}', kind: 'object' };
  return {
    doc: group(
      concat('{', indent(line, join(concat(';', line), members.map(memberDoc))), ifBreak(';'), line, '}'),
      options,
    ),
    text,
    kind: 'object',
  };
}

// ─── comments ────────────────────────────────────────────────────────────────────────────────────

/** Doc comments are wrapped at this width (a long word or URL stays whole). */
export const DOC_WIDTH = 90;

function wrap(text: string, limit: number): string[] {
  if (text.length <= limit || /^\s*(?:```|\||[-*+] |\d+\. |#)/.test(text)) return [text];
  const lines: string[] = [];
  let current = '';
  // `{@link Target}` is one word: a tag split over two lines is not one to every reader.
  for (const word of text
    .replace(/\{@link /g, '{@link\u0000')
    .split(/ +/)
    .map((part) => part.replace(/\u0000/g, ' '))) {
    if (current !== '' && current.length + 1 + word.length > limit) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** A `/** … *\/` comment for a description: escaped, cut to a readable size, wrapped near 90 columns. */
export function docBlock(text: string): Doc {
  const lines = docBlockLines(text);
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return concat('/**', ...lines.flatMap((line) => [hardline, line === '' ? ' *' : ` * ${line}`]), hardline, ' */');
}

function docBlockLines(text: string): string[] {
  return docLines(text).flatMap((line) => wrap(line, DOC_WIDTH));
}

/** Whether a doc comment takes one line (`/** … *\/`), so that declarations can sit together. */
export function isOneLineDoc(text: string | undefined): boolean {
  return text === undefined || text.trim() === '' || docBlockLines(text).length === 1;
}

/** A `//` comment line, with nothing in it that ends the line early. */
export function lineComment(text: string): string {
  return `// ${commentLines(text).join(' ')}`;
}

// ─── declarations ────────────────────────────────────────────────────────────────────────────────

/** A declaration with its doc comment above it, when it has one. */
export function documented(doc: string | undefined, declaration: Doc): Doc {
  return doc && doc.trim() !== '' ? concat(docBlock(doc), hardline, declaration) : declaration;
}

export function interfaceDecl(name: string, members: Member[]): Doc {
  if (members.length === 0) return `export interface ${name} {}`;
  return concat(
    `export interface ${name} {`,
    indent(...members.flatMap((member) => [hardline, memberDoc(member), ';'])),
    hardline,
    '}',
  );
}

/** `export type Name = Type;`: a union that does not fit moves under the `=` first (prettier's layout for unions). */
export function typeAlias(name: string, type: TypeNode): Doc {
  const left = `export type ${name}`;
  if (type.kind === 'union' && !hugs(type)) return concat(breakAfterOperator(left, ' =', unionMembers(type)), ';');
  return concat(assignment(left, ' =', type.kind === 'union' ? unionMembers(type) : type.doc), ';');
}

/** `import { a, type B } from './x.js';` (or `import type { … }`), names one a line when too long. */
export function importDecl(
  names: string[],
  from: string,
  options: { typeOnly?: boolean; keyword?: 'import' | 'export' } = {},
): Doc {
  return concat(
    `${options.keyword ?? 'import'} ${options.typeOnly ? 'type ' : ''}`,
    group(concat('{', indent(line, join(concat(',', line), names)), ifBreak(','), line, '}')),
    ` from ${str(from)};`,
  );
}

/** A function's head: `export function name(a, b): Result `, parameters one a line when it does not fit. */
export function signature(head: string, params: Doc[], result: string): Doc {
  return concat(head, parameters(params), `: ${result} `);
}

/** `(a: A, b?: B)`, one parameter a line when the signature does not fit. */
export function parameters(params: Doc[]): Doc {
  if (params.length === 0) return '()';
  return group(concat('(', indent(softline, join(concat(',', line), params)), ifBreak(','), softline, ')'));
}

/** A block: `{`, the statements one a line, `}`. */
export function block(statements: Doc[]): Doc {
  if (statements.length === 0) return '{}';
  return concat('{', indent(...statements.flatMap((statement) => [hardline, statement])), hardline, '}');
}

/**
 * Prints a file's top-level statements, separated by blank lines and ending with a line break,
 * one at a time: a statement starts at column 0 after a hard line, so no layout decision looks
 * across statements. Taken
 * from a generator, each statement's tree is built, printed and dropped before the next, so a
 * large file never holds all its trees at once (they die young, which the garbage collector
 * handles cheaply).
 */
export function printFile(statements: Iterable<Doc>): string {
  const printed: string[] = [];
  for (const statement of statements) printed.push(print(statement));
  return `${printed.join('\n\n')}\n`;
}

/** Fixed code, written as prettier prints it: its lines, indented where it lands. */
export function verbatim(text: string): Doc {
  return join(hardline, text.split('\n'));
}

/** Lines of one statement group with no blank line between them (imports). */
export function lines(statements: Doc[]): Doc {
  return join(hardline, statements);
}
