/**
 * docs/index.html: the whole reference on one self-contained page. Every collection string is
 * escaped for the place it lands (text and attributes through escapeHtml, descriptions through
 * the safe Markdown renderer), and a Content-Security-Policy allows only the page's own style and
 * script, by hash.
 */
import { createHash } from 'node:crypto';
import type { Parameter, RequestBody, Response } from '../model/types.js';
import { PAGE_CSS, PAGE_JS } from './html-assets.js';
import { LazyBlocks } from './html-lazy.js';
import type { Reference, ReferenceFolder, ReferenceOperation } from './reference.js';
import { isSuccessStatus } from './reference.js';
import { escapeHtml, escapeText, renderDescription } from './render-markdown.js';
import { clientSnippet, curlSnippet } from './snippets.js';
import { typeTree, type TypeNode } from './type-tree.js';
import {
  authNote,
  bodyExample,
  code,
  errorNote,
  pagingNote,
  referenceTitle,
  shownSample,
  searchText,
} from './notes.js';
import { overviewSections } from './overview.js';

const ABOVE_LATIN1 = /[^\u0000-\u00ff]/;
/** A surrogate pair is one character (one reference); a lone surrogate stays one reference too. */
const EACH_ABOVE_LATIN1 = /[\ud800-\udbff][\udc00-\udfff]|[^\u0000-\u00ff]/g;

/**
 * Characters above U+00FF as numeric references. One such character (a dash in a description)
 * makes V8 keep the whole page two bytes per character, twice the memory for every copy of it;
 * as references, the page's text is one byte per character whatever the collection holds.
 */
function asLatin1Html(html: string): string {
  // The test is free on a piece V8 already holds one byte per character: nothing there can match.
  return ABOVE_LATIN1.test(html)
    ? html.replace(EACH_ABOVE_LATIN1, (char) => `&#${char.codePointAt(0) as number};`)
    : html;
}

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function codeBlock(label: string, text: string, language: string): string {
  return `<div class="code"><span class="label">${escapeText(label)}</span><button type="button" class="copy">Copy</button><pre><code class="language-${language}">${escapeText(text)}</code></pre></div>`;
}

function treeHtml(nodes: TypeNode[]): string {
  if (nodes.length === 0) return '';
  const items = nodes.map(
    (node) =>
      `<li><code>${escapeText(node.name)}</code> <span class="type">${escapeText(node.type)}${node.required ? '' : ' (optional)'}</span>${treeHtml(node.children)}</li>`,
  );
  return `<ul class="tree">${items.join('')}</ul>`;
}

function schemaHtml(schema: Parameters<typeof typeTree>[0], caption: string): string {
  const tree = typeTree(schema);
  return `<p>${caption} <span class="type">${escapeText(tree.type)}</span></p>${treeHtml(tree.fields)}`;
}

function parametersHtml(entry: ReferenceOperation, reference: Reference): string {
  const { operation } = entry;
  const options = new Map(reference.options.map((option) => [option.variable, option.name]));
  const row = (param: Parameter, place: string): string => {
    const fromOption =
      param.variable && options.has(param.variable)
        ? `client option ${code(options.get(param.variable) as string)}`
        : '';
    const example = param.example !== undefined ? `<code>${escapeText(param.example)}</code>` : '';
    const value = [
      fromOption ? renderDescription(`default: ${fromOption}`).replace(/^<p>|<\/p>\n?$/g, '') : '',
      example,
    ]
      .filter(Boolean)
      .join('<br>');
    const name =
      param.identifier === param.name
        ? `<code>${escapeText(param.name)}</code>`
        : `<code>${escapeText(param.identifier)}</code> <span class="type">(${escapeText(param.name)} on the wire)</span>`;
    return `<tr><td>${name}</td><td>${place}</td><td>${escapeText(typeTree(param.schema).type)}${param.repeated ? ' (repeated)' : ''}</td><td>${param.required ? '<span class="req">required</span>' : 'optional'}</td><td>${value}</td><td>${param.description ? renderDescription(param.description) : ''}</td></tr>`;
  };
  const rows = [
    ...operation.pathParams.map((param) => row(param, 'path')),
    ...operation.query.map((param) => row(param, 'query')),
  ];
  const headers = operation.headers.map(
    (header) =>
      `<tr><td><code>${escapeText(header.name)}</code></td><td>header</td><td>string</td><td>sent by the client</td><td><code>${escapeText(header.value)}</code></td><td>${header.description ? renderDescription(header.description) : ''}</td></tr>`,
  );
  if (rows.length + headers.length === 0) return '';
  return `<h4>Parameters</h4><div class="scroll"><table class="params"><thead><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>default / example</th><th>description</th></tr></thead><tbody>${[...rows, ...headers].join('')}</tbody></table></div>`;
}

function bodyHtml(body: RequestBody, lazy: LazyBlocks): string {
  const parts = [`<h4>Request body <span class="type">${escapeText(body.contentType ?? body.kind)}</span></h4>`];
  if (body.kind === 'binary') parts.push('<p>The raw bytes of a file.</p>');
  else if (body.kind === 'text') parts.push('<p>Text.</p>');
  else parts.push(schemaHtml(body.schema, 'Type:'));
  for (const field of body.fields ?? []) {
    if (field.description)
      parts.push(
        `<p><code>${escapeText(field.name)}</code> (${field.kind}${field.contentType ? `, ${escapeText(field.contentType)}` : ''}): ${renderDescription(field.description).replace(/^<p>|<\/p>\n?$/g, '')}</p>`,
      );
  }
  const pretty = bodyExample(body);
  if (pretty !== undefined) {
    const lines = pretty.split('\n').length;
    const label = 'example from the collection';
    parts.push(
      lines > 20
        ? lazy.details(`Example (${lines} lines)`, { text: pretty, language: 'json', label })
        : codeBlock(label, pretty, 'json'),
    );
  }
  return parts.join('');
}

function responseHtml(response: Response, typeName: string, paged: boolean, lazy: LazyBlocks): string {
  const status = response.status === 0 ? 'no status' : String(response.status);
  const open = isSuccessStatus(response.status) ? ' open' : '';
  const parts = [
    `<details class="response"${open}><summary>${status}${response.contentType ? ` <span class="type">${escapeText(response.contentType)}</span>` : ''}</summary>`,
  ];
  if (response.csv) {
    const columns = response.csv.columns.map((column) => `<code>${escapeText(column)}</code>`).join(', ');
    parts.push(
      `<p>CSV separated by <code>${escapeText(response.csv.delimiter)}</code> with a header row (${columns}). The client parses it: each row becomes an object.</p>`,
    );
    const rows = response.schema.type === 'array' ? response.schema.items : response.schema;
    parts.push(schemaHtml(rows, paged ? `Each row (type <code>${escapeText(typeName)}Item</code>):` : 'Each row:'));
  } else if (response.schemaSource !== 'none') {
    parts.push(
      schemaHtml(
        response.schema,
        isSuccessStatus(response.status) ? `Body (type <code>${escapeText(typeName)}Response</code>):` : 'Body:',
      ),
    );
  } else {
    parts.push('<p class="empty">No body in the examples.</p>');
  }
  const headers = Object.entries(response.headers).filter(([name]) => name !== 'content-type');
  if (headers.length > 0) {
    parts.push(
      `<p>Headers:</p><ul>${headers.map(([name, value]) => `<li><code>${escapeText(name)}</code>: <code>${escapeText(value)}</code></li>`).join('')}</ul>`,
    );
  }
  if (response.examples.length > 0)
    parts.push(`<p class="type">Saved examples: ${response.examples.map(escapeHtml).join(', ')}</p>`);
  for (const sample of response.samples ?? []) {
    const { text, language } = shownSample(sample);
    parts.push(lazy.details(`Example: ${escapeText(sample.name)}`, { text, language }, 'sample'));
  }
  parts.push('</details>');
  return parts.join('');
}

function operationHtml(entry: ReferenceOperation, reference: Reference, lazy: LazyBlocks): string {
  const { operation } = entry;
  const method = operation.method.replace(/[^A-Za-z]/g, '').toUpperCase();
  const status = operation.status
    ? `<span class="badge ${operation.status}" title="${operation.status === 'confirmed' ? 'confirmed by the API’s public reference' : 'not confirmed by the API’s public reference'}">${operation.status}</span>`
    : '';
  const head = [
    `<h3><a href="#${entry.anchor}">${escapeText(operation.name)}</a></h3>`,
    `<div class="sig"><span class="method ${method}">${escapeText(method)}</span><code>${escapeText(operation.pathTemplate)}</code>${status}${operation.deprecated ? '<span class="badge">deprecated</span>' : ''}</div>`,
    `<div class="member"><code>${escapeText(entry.memberPath)}()</code> · <code>${escapeText(entry.functionName)}(core, params)</code></div>`,
  ];
  if (operation.description) head.push(`<div class="desc">${renderDescription(operation.description)}</div>`);
  const parts: string[] = [];
  parts.push(codeBlock('TypeScript, with the generated client', clientSnippet(entry, reference), 'ts'));
  parts.push(lazy.details('curl', { text: curlSnippet(entry, reference), language: 'sh', label: 'shell' }));
  parts.push(parametersHtml(entry, reference));
  if (operation.body && operation.body.kind !== 'none') parts.push(bodyHtml(operation.body, lazy));
  parts.push('<h4>Responses</h4>');
  parts.push(
    operation.responses.length > 0
      ? operation.responses.map((response) => responseHtml(response, operation.typeName, entry.paged, lazy)).join('')
      : '<p class="empty">The collection saves no example response.</p>',
  );
  const paging = pagingNote(entry);
  if (paging) parts.push(`<div class="note">${renderDescription(paging)}</div>`);
  parts.push(`<h4>Auth</h4>${renderDescription(authNote(reference, entry))}`);
  const errors = errorNote(reference, operation);
  if (errors) parts.push(`<h4>Errors</h4>${renderDescription(errors)}`);
  // No whitespace between the parts: on a large page every text node costs parsing time.
  const details = lazy.body(parts.join(''));
  return `<article class="op" id="${entry.anchor}" data-s="${escapeHtml(searchText(entry))}" data-b="${details}">${head.join('')}</article>`;
}

/** Each folder's section, as pieces of the page (one section a line), depth first. */
function folderSections(
  folder: ReferenceFolder,
  reference: Reference,
  trail: string[],
  lazy: LazyBlocks,
  lines: string[][],
): void {
  const path = [...trail, folder.name];
  const operations = (): string[] => folder.operations.map((entry) => operationHtml(entry, reference, lazy));
  if (folder.depth > 0) {
    const parent = trail.length > 0 ? ` <span class="path">in ${escapeText(trail.join(' / '))}</span>` : '';
    lines.push([
      `<section class="folder" id="${folder.anchor}"><h2>${escapeText(folder.name)}${parent}</h2>${folder.description ? `<div class="desc">${renderDescription(folder.description)}</div>` : ''}`,
      ...operations(),
      '</section>',
    ]);
  } else if (folder.operations.length > 0) {
    lines.push([
      '<section class="folder" id="requests"><h2>Requests outside any folder</h2>',
      ...operations(),
      '</section>',
    ]);
  }
  for (const child of folder.folders) folderSections(child, reference, folder.depth > 0 ? path : [], lazy, lines);
}

function navHtml(folder: ReferenceFolder): string {
  const operations = folder.operations.map(
    (entry) => `<li class="opl"><a href="#${entry.anchor}">${escapeText(entry.operation.name)}</a></li>`,
  );
  const children = folder.folders.map(navHtml);
  if (folder.depth === 0) {
    const top =
      operations.length > 0
        ? `<li class="folder"><a href="#requests">Requests outside any folder</a><span class="n">${folder.operations.length}</span><ul>${operations.join('')}</ul></li>`
        : '';
    return `<ul><li><a href="#top">Getting started</a></li>${top}${children.join('')}</ul>`;
  }
  return `<li class="folder"><a href="#${folder.anchor}">${escapeText(folder.name)}</a><span class="n">${folder.count}</span><ul>${operations.join('')}${children.join('')}</ul></li>`;
}

/** The page. */
export function renderHtml(reference: Reference): string {
  const { model } = reference;
  const title = referenceTitle(model.name);
  const overview = overviewSections(reference)
    .map(
      (section) =>
        `<section class="intro" id="${section.id}"><h2>${escapeText(section.title)}</h2>${renderDescription(section.markdown)}${section.code ? codeBlock(section.code.label, section.code.text, section.code.language) : ''}</section>`,
    )
    .join('\n');
  const lazy = new LazyBlocks();
  const sections: string[][] = [];
  folderSections(reference.root, reference, [], lazy, sections);
  const csp = `default-src 'none'; style-src ${hash(PAGE_CSS)}; script-src ${hash(PAGE_JS)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const lines: Array<string | string[]> = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeText(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    `<header class="top"><a class="title" href="#top">${escapeText(title)}</a><input id="search" type="search" autocomplete="off" placeholder="Search: name, path, parameter or field (e.g. devices lastOpen)" aria-label="Search operations"><span id="count">${reference.operations.length} operations</span></header>`,
    '<div class="layout">',
    `<nav aria-label="Contents"><details open><summary>Contents</summary>${navHtml(reference.root)}</details></nav>`,
    '<main>',
    `<div id="top" class="intro"><h1>${escapeText(title)}</h1>${model.description ? `<div class="desc">${renderDescription(model.description)}</div>` : ''}</div>`,
    overview,
    '<noscript><p class="note">Each operation\'s details (snippets, parameters, bodies, responses) are built by the page\'s script: with scripts off, read the same reference in <a href="README.md">README.md</a> beside this page.</p></noscript>',
    '<p id="no-results" class="empty" hidden>No operation matches the search.</p>',
    ...sections,
    '</main>',
    '</div>',
    lazy.dataScripts(),
    `<script>${PAGE_JS}</script>`,
    '</body>',
    '</html>',
    '',
  ];
  // The page's pieces, joined once: a 2,000-operation page is megabytes, and each join of a part
  // of it would copy those megabytes again.
  const pieces: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (index > 0) pieces.push('\n');
    if (typeof line === 'string') pieces.push(asLatin1Html(line));
    else for (const piece of line) pieces.push(asLatin1Html(piece));
  }
  return pieces.join('');
}
