/**
 * Each operation's details on the page (snippets, parameters, body, responses, notes) as compact
 * data in one JSON block, which the page's script turns into HTML after the page opens, nearest the
 * reader first. Parsing markup is what makes a 2,000-operation page slow to open, so the page's
 * markup holds only what the search, the contents and the anchors need. As data, the details are
 * not formatted here for every operation, and the page is about half the size (1,000 synthetic
 * requests: 1.9 MB, 3.5 MB with the details as HTML). The data holds text, never markup, except
 * descriptions and notes, which are HTML from the safe Markdown renderer. The block is JSON where
 * no `<`, `>` or `&` is left as itself, so no text can close the element or open another.
 */
import type { Parameter, RequestBody, Response, Schema } from '../model/types.js';
import { oncePer } from './once.js';
import { replacing } from '../emit/escape.js';
import type { Reference, ReferenceOperation } from './reference.js';
import { isSuccessStatus } from './reference.js';
import { authNote, bodyExample, errorNote, optionsByVariable, pagingNoteHtml, shownSample } from './notes.js';
import { renderDescription } from './render-markdown.js';
import { clientSnippet, curlSnippet } from './snippets.js';
import { typeLabel, typeTree, type TypeNode } from './type-tree.js';

export const DETAILS_ID = 'op-details';

/** A schema's tree: its label, then its fields as [name, type, required, children]. */
export type TreeData = [label: string, fields: FieldData[]];
export type FieldData = [name: string, type: string, required: 0 | 1, children?: FieldData[]];

/**
 * A parameter's row: its name in the client, its name on the wire ('' when the same), where it
 * goes, its type, required, repeated, the client option that serves it ('' when none), its
 * example (null when none), its description as HTML.
 */
export type ParameterRow = [
  identifier: string,
  wireName: string,
  place: string,
  type: string,
  required: 0 | 1,
  repeated: 0 | 1,
  option: string,
  example: string | null,
  description: string,
];

/** A header the client sends: its name, its value, its description as HTML. */
export type HeaderRow = [name: string, value: string, description: string];

export interface BodyData {
  /** The media type, or the body's kind when it names none. */
  t: string;
  /** The body's kind when it has no fields to show (binary or text). */
  y?: 'binary' | 'text';
  /** The body's tree, as its index in the trees. */
  k?: number;
  /** Fields with a description: name, kind, media type, description as inline HTML. */
  f?: Array<[name: string, kind: string, contentType: string, description: string]>;
  /** The example from the collection. */
  x?: string;
}

export interface ResponseData {
  /** The status, or "no status". */
  s: string;
  t?: string;
  /** Shown open: a success. */
  o?: 1;
  /** A CSV body: its delimiter and columns. */
  v?: [delimiter: string, columns: string[]];
  /** The body's tree (a CSV body's row), as its index in the trees. */
  k?: number;
  /** The client's type named in the caption. */
  c?: string;
  h?: Array<[name: string, value: string]>;
  /** The saved examples' names. */
  x?: string[];
  /** The saved bodies: name, text as shown, language. */
  m?: Array<[name: string, text: string, language: string]>;
}

export interface OperationDetails {
  /** The call with the generated client. */
  c: string;
  /** The curl command. */
  u: string;
  p?: ParameterRow[];
  h?: HeaderRow[];
  b?: BodyData;
  r: ResponseData[];
  /** The paging, auth and errors notes, as indexes into the notes (-1: none). */
  n: [paging: number, auth: number, errors: number];
}

const fieldData = (nodes: TypeNode[]): FieldData[] =>
  nodes.map((node) =>
    node.children.length > 0
      ? [node.name, node.type, node.required ? 1 : 0, fieldData(node.children)]
      : [node.name, node.type, node.required ? 1 : 0],
  );

/** A schema's tree as data, made once per schema: entity schemas are shared by many operations. */
const treeData = oncePer((schema: Schema): TreeData => {
  const tree = typeTree(schema);
  return [tree.type, fieldData(tree.fields)];
});

/**
 * Characters written as JSON escapes inside the data block: `<`, `>` and `&`, so that no text can
 * end or open an element, the two line separators, and every character above U+00FF, so that the
 * page stays one byte per character.
 */
const jsonEscaped = replacing(
  /[<>&\u0100-\uffff]/g,
  (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
);
const blockJson = (value: unknown): string => jsonEscaped(JSON.stringify(value));

/** A value's index in a table of values kept once each, in the order first seen. */
function indexIn<K>(table: Map<K, number>, value: K): number {
  const known = table.get(value);
  if (known !== undefined) return known;
  table.set(value, table.size);
  return table.size - 1;
}

export class DetailsBlock {
  private readonly operations: string[] = [];
  private readonly notes = new Map<string, number>();
  private readonly trees = new Map<TreeData, number>();

  /** A note's index: most operations' auth and errors notes say the same few things, kept once. */
  note(html: string | undefined): number {
    return html === undefined ? -1 : indexIn(this.notes, html);
  }

  /**
   * A type tree's index: treeData makes one per schema, and the schemas the model shares (the
   * entities many operations return) are written once.
   */
  tree(schema: Schema): number {
    return indexIn(this.trees, treeData(schema));
  }

  /** An operation's details; returns the number its article names in data-b. */
  add(details: OperationDetails): number {
    // Each operation escaped on its own: small strings, where one pass over the whole JSON would copy megabytes.
    return this.operations.push(blockJson(details)) - 1;
  }

  /**
   * The data block (never run: its type is not JavaScript), `{"n": notes, "t": trees, "o":
   * operations}`, as pieces of the page: the page joins every piece once, where joining here
   * would copy the largest part of the page one more time.
   */
  pieces(): string[] {
    const pieces = [
      `<script type="application/json" id="${DETAILS_ID}">{"n":${blockJson([...this.notes.keys()])},"t":${blockJson([...this.trees.keys()])},"o":[`,
    ];
    for (const [index, operation] of this.operations.entries()) pieces.push(index === 0 ? operation : `,${operation}`);
    pieces.push(']}</script>');
    return pieces;
  }
}

/** A description as inline HTML: its one paragraph without the paragraph's tags. */
const inline = (markdown: string): string => renderDescription(markdown).replace(/^<p>|<\/p>\n?$/g, '');

function parameterRows(entry: ReferenceOperation, reference: Reference): ParameterRow[] {
  const { operation } = entry;
  const options = optionsByVariable(reference);
  const row = (param: Parameter, place: 'path' | 'query'): ParameterRow => [
    param.identifier,
    param.identifier === param.name ? '' : param.name,
    place,
    typeLabel(param.schema),
    param.required ? 1 : 0,
    param.repeated ? 1 : 0,
    (param.variable && options.get(param.variable)) || '',
    param.example ?? null,
    param.description ? renderDescription(param.description) : '',
  ];
  return [
    ...operation.pathParams.map((param) => row(param, 'path')),
    ...operation.query.map((param) => row(param, 'query')),
  ];
}

function bodyData(body: RequestBody, block: DetailsBlock): BodyData {
  const data: BodyData = { t: body.contentType ?? body.kind };
  if (body.kind === 'binary' || body.kind === 'text') data.y = body.kind;
  else data.k = block.tree(body.schema);
  const described = (body.fields ?? []).filter((field) => field.description);
  if (described.length > 0)
    data.f = described.map((field) => [
      field.name,
      field.kind,
      field.contentType ?? '',
      inline(field.description as string),
    ]);
  const example = bodyExample(body);
  if (example !== undefined) data.x = example;
  return data;
}

function responseData(response: Response, typeName: string, paged: boolean, block: DetailsBlock): ResponseData {
  const success = isSuccessStatus(response.status);
  const data: ResponseData = { s: response.status === 0 ? 'no status' : String(response.status) };
  if (response.contentType) data.t = response.contentType;
  if (success) data.o = 1;
  if (response.csv) {
    data.v = [response.csv.delimiter, response.csv.columns];
    data.k = block.tree(response.schema.type === 'array' ? response.schema.items : response.schema);
    if (paged) data.c = `${typeName}Item`;
  } else if (response.schemaSource !== 'none') {
    data.k = block.tree(response.schema);
    if (success) data.c = `${typeName}Response`;
  }
  const headers = Object.entries(response.headers).filter(([name]) => name !== 'content-type');
  if (headers.length > 0) data.h = headers;
  if (response.examples.length > 0) data.x = response.examples;
  if (response.samples && response.samples.length > 0)
    data.m = response.samples.map((sample) => {
      const { text, language } = shownSample(sample);
      return [sample.name, text, language];
    });
  return data;
}

/** Everything the page shows of an operation below its heading, signature and description. */
export function operationDetails(
  entry: ReferenceOperation,
  reference: Reference,
  block: DetailsBlock,
): OperationDetails {
  const { operation } = entry;
  const errors = errorNote(reference, operation);
  const details: OperationDetails = {
    c: clientSnippet(entry, reference),
    u: curlSnippet(entry, reference),
    r: operation.responses.map((response) => responseData(response, operation.typeName, entry.paged, block)),
    n: [
      block.note(pagingNoteHtml(entry)),
      block.note(renderDescription(authNote(reference, entry))),
      block.note(errors === undefined ? undefined : renderDescription(errors)),
    ],
  };
  const parameters = parameterRows(entry, reference);
  if (parameters.length > 0) details.p = parameters;
  if (operation.headers.length > 0)
    details.h = operation.headers.map((header) => [
      header.name,
      header.value,
      header.description ? renderDescription(header.description) : '',
    ]);
  if (operation.body && operation.body.kind !== 'none') details.b = bodyData(operation.body, block);
  return details;
}
