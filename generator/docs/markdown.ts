/**
 * The Markdown reference: docs/README.md (overview and an index of every operation) and one file
 * per top-level folder, with the same content as the HTML page. Relative links only.
 *
 * Descriptions stay Markdown, made inert: raw HTML is escaped (outside code) and link
 * destinations outside http, https and mailto are dropped, whatever renders the file.
 */
import type { Parameter, Response } from '../model/types.js';
import type { Reference, ReferenceFolder, ReferenceOperation } from './reference.js';
import { isSuccessStatus } from './reference.js';
import { isSafeLink } from './render-markdown.js';
import {
  authNote,
  bodyExample,
  code,
  errorNote,
  optionsByVariable,
  pagingNote,
  plain,
  referenceTitle,
  shownSample,
} from './notes.js';
import { overviewSections } from './overview.js';
import { clientSnippet, curlSnippet } from './snippets.js';
import { typeLabel, typeTree, type TypeNode } from './type-tree.js';
import { oncePer } from './once.js';

/** The marks of a fenced block that no content can close early. */
function fenceMarks(text: string): string {
  // Most blocks hold no backtick run at all: the shortest fence, found without a search.
  if (!text.includes('```')) return '```';
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

/** A fenced block as lines of a file: the text is not copied into a string of its own. */
function pushFence(lines: string[], text: string, language: string): void {
  const marks = fenceMarks(text);
  lines.push(`${marks}${language}`, text, marks);
}

const LINK_DESTINATION = /(\]\(\s*<?)([^)\s>]*)/g;
const REFERENCE_DEFINITION = /^(\s{0,3}\[[^\]]+\]:\s*<?)(\S*)/;

/** The characters any of safeMarkdown's changes starts from: a text without them is kept as it is. */
const MARKDOWN_TO_CHECK = /[<&[\]`~\r\u2028\u2029]/;

/** A description as Markdown that renders no HTML and links nowhere unsafe. */
export function safeMarkdown(text: string): string {
  if (!MARKDOWN_TO_CHECK.test(text)) return text.trim();
  const out: string[] = [];
  let fenced: string | undefined;
  for (const raw of text.replace(/\r\n?|[\u2028\u2029]/g, '\n').split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fenced) {
      out.push(raw);
      if (marker && marker[0] === fenced[0] && marker.length >= fenced.length) fenced = undefined;
      continue;
    }
    if (marker) {
      fenced = marker;
      out.push(raw);
      continue;
    }
    // Outside code spans, `<` starts no HTML once escaped; inside them it is shown as is.
    let line = raw
      .split(/(`+[^`]*`+)/)
      .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '\\<').replace(/&(?=#?\w+;)/g, '\\&')))
      .join('');
    line = line.replace(LINK_DESTINATION, (match, open: string, url: string) =>
      isSafeLink(url) ? match : `${open}#unsafe-link-removed`,
    );
    line = line.replace(REFERENCE_DEFINITION, (match, open: string, url: string) =>
      isSafeLink(url) ? match : `${open}#unsafe-link-removed`,
    );
    out.push(line);
  }
  if (fenced) out.push(fenced);
  return out.join('\n').trim();
}

/** Text for one table cell: one line, no pipe breaking the row. */
function cell(markdown: string): string {
  return markdown.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** `cell(code(text))`: a code span is one line already, so only a pipe needs escaping, and most texts have none. */
function cellCode(text: string): string {
  return text.includes('|') ? cell(code(text)) : code(text);
}

/** A schema's fields as nested list items, added to `lines`. */
function pushTreeLines(lines: string[], nodes: TypeNode[], indent: string): void {
  for (const node of nodes) {
    lines.push(`${indent}- ${code(node.name)}: ${code(node.type)}${node.required ? '' : ' (optional)'}`);
    if (node.children.length > 0) pushTreeLines(lines, node.children, `${indent}  `);
  }
}

/**
 * A tree's list as one text, made once per tree (typeTree makes one per schema) and indent: the
 * entities the model shares are the body or response of many operations.
 */
const treeText = (indent: string): ((nodes: TypeNode[]) => string) =>
  oncePer((nodes: TypeNode[]) => {
    const lines: string[] = [];
    pushTreeLines(lines, nodes, indent);
    return lines.join('\n');
  });
const bodyTreeText = treeText('');
const responseTreeText = treeText('  ');

/** A schema's fields as nested list items, added to `lines` (nothing for a tree without fields). */
function pushTree(lines: string[], nodes: TypeNode[], text: (nodes: TypeNode[]) => string): void {
  if (nodes.length > 0) lines.push(text(nodes));
}

function pushParametersTable(lines: string[], entry: ReferenceOperation, reference: Reference): void {
  const { operation } = entry;
  const options = optionsByVariable(reference);
  const row = (param: Parameter, place: string): string => {
    const option =
      param.variable && options.has(param.variable)
        ? `default: client option ${cellCode(options.get(param.variable) as string)}`
        : '';
    const example = param.example !== undefined ? cellCode(param.example) : '';
    const value = option && example ? `${option}; ${example}` : option || example;
    const name =
      param.identifier === param.name
        ? cellCode(param.name)
        : `${cellCode(param.identifier)} (${cellCode(param.name)} on the wire)`;
    return `| ${name} | ${place} | ${cellCode(typeLabel(param.schema))} | ${param.required ? 'required' : 'optional'} | ${value} | ${param.description ? cell(safeMarkdown(param.description)) : ''} |`;
  };
  const rows = [
    ...operation.pathParams.map((param) => row(param, 'path')),
    ...operation.query.map((param) => row(param, 'query')),
  ];
  for (const header of operation.headers)
    rows.push(
      `| ${cellCode(header.name)} | header | string | sent by the client | ${cellCode(header.value)} | ${header.description ? cell(safeMarkdown(header.description)) : ''} |`,
    );
  if (rows.length === 0) return;
  lines.push(
    '**Parameters**',
    '',
    '| name | in | type | required | default / example | description |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const row of rows) lines.push(row);
  lines.push('');
}

function pushResponse(lines: string[], response: Response): void {
  const status = response.status === 0 ? 'no status' : String(response.status);
  lines.push(
    `- **${status}**${response.contentType ? ` ${code(response.contentType)}` : ''}${response.examples.length > 0 ? ` (examples: ${response.examples.map(plain).join(', ')})` : ''}`,
  );
  if (response.csv) {
    lines.push(
      `  CSV separated by ${code(response.csv.delimiter)} with a header row; the client parses each row into an object. Each row:`,
    );
    pushTree(
      lines,
      typeTree(response.schema.type === 'array' ? response.schema.items : response.schema).fields,
      responseTreeText,
    );
  } else if (response.schemaSource !== 'none') {
    const tree = typeTree(response.schema);
    lines.push(`  Body: ${code(tree.type)}`);
    pushTree(lines, tree.fields, responseTreeText);
  }
  const headers = Object.entries(response.headers).filter(([name]) => name !== 'content-type');
  if (headers.length > 0)
    lines.push(`  Headers: ${headers.map(([name, value]) => `${code(name)}: ${code(value)}`).join('; ')}`);
}

/** An operation's section, added to the lines of its file: a file's text is joined once, not once per section. */
function pushOperation(lines: string[], entry: ReferenceOperation, reference: Reference, level: number): void {
  const { operation } = entry;
  lines.push(
    `<a id="${entry.anchor}"></a>`,
    '',
    `${'#'.repeat(level)} ${plain(operation.name)}`,
    '',
    `${code(`${operation.method} ${operation.pathTemplate}`)}${operation.status ? ` · ${operation.status}` : ''}${operation.deprecated ? ' · deprecated' : ''} · ${code(`${entry.memberPath}()`)} · ${code(entry.functionName)}`,
    '',
  );
  if (operation.description) lines.push(safeMarkdown(operation.description), '');
  pushFence(lines, clientSnippet(entry, reference), 'ts');
  lines.push('', 'curl:', '');
  pushFence(lines, curlSnippet(entry, reference), 'sh');
  lines.push('');
  pushParametersTable(lines, entry, reference);
  const body = operation.body;
  if (body && body.kind !== 'none') {
    lines.push(`**Request body** ${code(body.contentType ?? body.kind)}`, '');
    if (body.kind !== 'binary' && body.kind !== 'text') {
      const tree = typeTree(body.schema);
      lines.push(`Type: ${code(tree.type)}`, '');
      pushTree(lines, tree.fields, bodyTreeText);
      lines.push('');
    }
    const pretty = bodyExample(body);
    if (pretty !== undefined) {
      lines.push('Example:', '');
      pushFence(lines, pretty, 'json');
      lines.push('');
    }
  }
  lines.push('**Responses**', '');
  if (operation.responses.length === 0) lines.push('The collection saves no example response.');
  // Successes first, each group in the collection's order.
  for (const response of operation.responses) if (isSuccessStatus(response.status)) pushResponse(lines, response);
  for (const response of operation.responses) if (!isSuccessStatus(response.status)) pushResponse(lines, response);
  const samples = operation.responses.flatMap((response) =>
    (response.samples ?? []).map((sample) => ({ status: response.status, sample })),
  );
  if (samples.length > 0) {
    lines.push('', '**Response examples**', '');
    for (const { status, sample } of samples) {
      const { text, language } = shownSample(sample);
      lines.push(`${status === 0 ? 'No status' : status}, *${plain(sample.name)}*:`, '');
      pushFence(lines, text, language);
      lines.push('');
    }
  }
  lines.push('');
  const paging = pagingNote(entry);
  if (paging) lines.push(`> ${paging}`, '');
  lines.push(`**Auth**: ${authNote(reference, entry).replace('(#signing)', '(README.md#signing)')}`, '');
  const errors = errorNote(reference, operation);
  if (errors) lines.push(`**Errors**: ${errors.replace('(#errors)', '(README.md#errors)')}`, '');
}

function pushFolder(lines: string[], folder: ReferenceFolder, reference: Reference, level: number): void {
  lines.push(`<a id="${folder.anchor}"></a>`, '', `${'#'.repeat(Math.min(level, 6))} ${plain(folder.name)}`, '');
  if (folder.description) lines.push(safeMarkdown(folder.description), '');
  for (const entry of folder.operations) pushOperation(lines, entry, reference, Math.min(level + 1, 6));
  for (const child of folder.folders) pushFolder(lines, child, reference, level + 1);
}

/**
 * A file's lines as its text, ending in one line break after the last non-blank character: joined
 * once into one flat string (a string with a line break added would be copied again when written).
 */
function fileText(lines: string[]): string {
  while (lines.length > 0 && (lines[lines.length - 1] as string).trim() === '') lines.pop();
  if (lines.length === 0) return '\n';
  lines[lines.length - 1] = (lines[lines.length - 1] as string).trimEnd();
  lines.push('');
  return lines.join('\n');
}

/** File names for the top-level folders: readable, ASCII, unique, never README. */
function folderFiles(folders: ReferenceFolder[]): string[] {
  const taken = new Set(['readme']);
  return folders.map((folder, index) => {
    const slug =
      folder.name
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || `folder-${index + 1}`;
    let name = slug;
    for (let n = 2; taken.has(name); n++) name = `${slug}-${n}`;
    taken.add(name);
    return `${name}.md`;
  });
}

/** docs/README.md and one file per top-level folder, keyed by their path in the output. */
export function renderMarkdown(reference: Reference): Map<string, string> {
  const { model, root } = reference;
  const files = new Map<string, string>();
  const names = folderFiles(root.folders);
  const fileOf = new Map<ReferenceOperation, string>();
  root.operations.forEach((entry) => fileOf.set(entry, 'README.md'));
  const mark = (folder: ReferenceFolder, file: string): void => {
    folder.operations.forEach((entry) => fileOf.set(entry, file));
    folder.folders.forEach((child) => mark(child, file));
  };
  root.folders.forEach((folder, index) => mark(folder, names[index] as string));

  const readme = [`# ${plain(referenceTitle(model.name))}`, ''];
  if (model.description) readme.push(safeMarkdown(model.description), '');
  for (const section of overviewSections(reference)) {
    readme.push(`<a id="${section.id}"></a>`, '', `## ${section.title}`, '', section.markdown, '');
    if (section.code) {
      pushFence(readme, section.code.text, section.code.language);
      readme.push('');
    }
  }
  readme.push('## Operations', '', '| operation | call | method and path | status |', '| --- | --- | --- | --- |');
  for (const entry of reference.operations) {
    const where = [...entry.folders, entry.operation.name].map(plain).join(' / ');
    readme.push(
      `| [${cell(where)}](${fileOf.get(entry) === 'README.md' ? '' : fileOf.get(entry)}#${entry.anchor}) | ${cellCode(`${entry.memberPath}()`)} | ${cellCode(`${entry.operation.method} ${entry.operation.pathTemplate}`)} | ${entry.operation.status ?? ''} |`,
    );
  }
  readme.push('');
  if (root.operations.length > 0) {
    readme.push('## Requests outside any folder', '');
    for (const entry of root.operations) pushOperation(readme, entry, reference, 3);
  }
  files.set('docs/README.md', fileText(readme));
  root.folders.forEach((folder, index) => {
    // « rather than ←: a file of Latin-1 characters only is held one byte a character, not two.
    const content = [`[« ${plain(referenceTitle(model.name))}](README.md)`, ''];
    pushFolder(content, folder, reference, 1);
    files.set(`docs/${names[index]}`, fileText(content));
  });
  return files;
}
