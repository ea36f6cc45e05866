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
import { authNote, bodyExample, code, errorNote, pagingNote, plain, referenceTitle, shownSample } from './notes.js';
import { overviewSections } from './overview.js';
import { clientSnippet, curlSnippet } from './snippets.js';
import { typeTree, type TypeNode } from './type-tree.js';

/** A fenced block that no content can close early. */
function fence(text: string, language: string): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${text}\n${marks}`;
}

const LINK_DESTINATION = /(\]\(\s*<?)([^)\s>]*)/g;
const REFERENCE_DEFINITION = /^(\s{0,3}\[[^\]]+\]:\s*<?)(\S*)/;

/** A description as Markdown that renders no HTML and links nowhere unsafe. */
export function safeMarkdown(text: string): string {
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

function treeLines(nodes: TypeNode[], indent = ''): string[] {
  return nodes.flatMap((node) => [
    `${indent}- ${code(node.name)}: ${code(node.type)}${node.required ? '' : ' (optional)'}`,
    ...treeLines(node.children, `${indent}  `),
  ]);
}

function parametersTable(entry: ReferenceOperation, reference: Reference): string[] {
  const { operation } = entry;
  const options = new Map(reference.options.map((option) => [option.variable, option.name]));
  const row = (param: Parameter, place: string): string => {
    const value = [
      param.variable && options.has(param.variable)
        ? `default: client option ${code(options.get(param.variable) as string)}`
        : '',
      param.example !== undefined ? code(param.example) : '',
    ]
      .filter(Boolean)
      .join('; ');
    const name =
      param.identifier === param.name
        ? code(param.name)
        : `${code(param.identifier)} (${code(param.name)} on the wire)`;
    return `| ${cell(name)} | ${place} | ${cell(code(typeTree(param.schema).type))} | ${param.required ? 'required' : 'optional'} | ${cell(value)} | ${cell(param.description ? safeMarkdown(param.description) : '')} |`;
  };
  const rows = [
    ...operation.pathParams.map((param) => row(param, 'path')),
    ...operation.query.map((param) => row(param, 'query')),
  ];
  for (const header of operation.headers)
    rows.push(
      `| ${cell(code(header.name))} | header | string | sent by the client | ${cell(code(header.value))} | ${cell(header.description ? safeMarkdown(header.description) : '')} |`,
    );
  if (rows.length === 0) return [];
  return [
    '**Parameters**',
    '',
    '| name | in | type | required | default / example | description |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}

function responseLines(response: Response): string[] {
  const status = response.status === 0 ? 'no status' : String(response.status);
  const lines = [
    `- **${status}**${response.contentType ? ` ${code(response.contentType)}` : ''}${response.examples.length > 0 ? ` (examples: ${response.examples.map(plain).join(', ')})` : ''}`,
  ];
  if (response.csv) {
    lines.push(
      `  CSV separated by ${code(response.csv.delimiter)} with a header row; the client parses each row into an object. Each row:`,
    );
    lines.push(
      ...treeLines(typeTree(response.schema.type === 'array' ? response.schema.items : response.schema).fields, '  '),
    );
  } else if (response.schemaSource !== 'none') {
    const tree = typeTree(response.schema);
    lines.push(`  Body: ${code(tree.type)}`, ...treeLines(tree.fields, '  '));
  }
  const headers = Object.entries(response.headers).filter(([name]) => name !== 'content-type');
  if (headers.length > 0)
    lines.push(`  Headers: ${headers.map(([name, value]) => `${code(name)}: ${code(value)}`).join('; ')}`);
  return lines;
}

function operationMarkdown(entry: ReferenceOperation, reference: Reference, level: number): string {
  const { operation } = entry;
  const lines = [
    `<a id="${entry.anchor}"></a>`,
    '',
    `${'#'.repeat(level)} ${plain(operation.name)}`,
    '',
    `${code(`${operation.method} ${operation.pathTemplate}`)}${operation.status ? ` · ${operation.status}` : ''}${operation.deprecated ? ' · deprecated' : ''} · ${code(`${entry.memberPath}()`)} · ${code(entry.functionName)}`,
    '',
  ];
  if (operation.description) lines.push(safeMarkdown(operation.description), '');
  lines.push(
    fence(clientSnippet(entry, reference), 'ts'),
    '',
    'curl:',
    '',
    fence(curlSnippet(entry, reference), 'sh'),
    '',
  );
  lines.push(...parametersTable(entry, reference));
  const body = operation.body;
  if (body && body.kind !== 'none') {
    lines.push(`**Request body** ${code(body.contentType ?? body.kind)}`, '');
    if (body.kind !== 'binary' && body.kind !== 'text') {
      const tree = typeTree(body.schema);
      lines.push(`Type: ${code(tree.type)}`, '', ...treeLines(tree.fields), '');
    }
    const pretty = bodyExample(body);
    if (pretty !== undefined) {
      lines.push('Example:', '', fence(pretty, 'json'), '');
    }
  }
  lines.push('**Responses**', '');
  if (operation.responses.length === 0) lines.push('The collection saves no example response.');
  for (const response of [...operation.responses].sort(
    (a, b) => Number(isSuccessStatus(b.status)) - Number(isSuccessStatus(a.status)),
  ))
    lines.push(...responseLines(response));
  const samples = operation.responses.flatMap((response) =>
    (response.samples ?? []).map((sample) => ({ status: response.status, sample })),
  );
  if (samples.length > 0) {
    lines.push('', '**Response examples**', '');
    for (const { status, sample } of samples) {
      const { text, language } = shownSample(sample);
      lines.push(`${status === 0 ? 'No status' : status}, *${plain(sample.name)}*:`, '', fence(text, language), '');
    }
  }
  lines.push('');
  const paging = pagingNote(entry);
  if (paging) lines.push(`> ${paging}`, '');
  lines.push(`**Auth**: ${authNote(reference, entry).replace('(#signing)', '(README.md#signing)')}`, '');
  const errors = errorNote(reference, operation);
  if (errors) lines.push(`**Errors**: ${errors.replace('(#errors)', '(README.md#errors)')}`, '');
  return lines.join('\n');
}

function folderMarkdown(folder: ReferenceFolder, reference: Reference, level: number): string[] {
  const parts = [`<a id="${folder.anchor}"></a>`, '', `${'#'.repeat(Math.min(level, 6))} ${plain(folder.name)}`, ''];
  if (folder.description) parts.push(safeMarkdown(folder.description), '');
  for (const entry of folder.operations) parts.push(operationMarkdown(entry, reference, Math.min(level + 1, 6)));
  for (const child of folder.folders) parts.push(...folderMarkdown(child, reference, level + 1));
  return parts;
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
    if (section.code) readme.push(fence(section.code.text, section.code.language), '');
  }
  readme.push('## Operations', '', '| operation | call | method and path | status |', '| --- | --- | --- | --- |');
  for (const entry of reference.operations) {
    const where = [...entry.folders, entry.operation.name].map(plain).join(' / ');
    readme.push(
      `| [${cell(where)}](${fileOf.get(entry) === 'README.md' ? '' : fileOf.get(entry)}#${entry.anchor}) | ${cell(code(`${entry.memberPath}()`))} | ${cell(code(`${entry.operation.method} ${entry.operation.pathTemplate}`))} | ${entry.operation.status ?? ''} |`,
    );
  }
  readme.push('');
  if (root.operations.length > 0) {
    readme.push('## Requests outside any folder', '');
    for (const entry of root.operations) readme.push(operationMarkdown(entry, reference, 3));
  }
  files.set('docs/README.md', `${readme.join('\n').trimEnd()}\n`);
  root.folders.forEach((folder, index) => {
    const content = [
      `[← ${plain(referenceTitle(model.name))}](README.md)`,
      '',
      ...folderMarkdown(folder, reference, 1),
    ];
    files.set(`docs/${names[index]}`, `${content.join('\n').trimEnd()}\n`);
  });
  return files;
}
