/**
 * docs/index.html: the whole reference on one self-contained page. Every collection string is
 * escaped for the place it lands (text and attributes through escapeHtml, descriptions through
 * the safe Markdown renderer; each operation's details go in a JSON data block, see
 * html-details.ts), and a Content-Security-Policy allows only the page's own style and script,
 * by hash.
 */
import { createHash } from 'node:crypto';
import { PAGE_CSS, PAGE_JS } from './html-assets.js';
import { DetailsBlock, operationDetails } from './html-details.js';
import type { Reference, ReferenceFolder, ReferenceOperation } from './reference.js';
import { asLatin1Html, escapeHtml, escapeText, renderDescription } from './render-markdown.js';
import { referenceTitle, searchText } from './notes.js';
import { overviewSections } from './overview.js';

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function codeBlock(label: string, text: string, language: string): string {
  return `<div class="code"><span class="label">${escapeText(label)}</span><button type="button" class="copy">Copy</button><pre><code class="language-${language}">${escapeText(text)}</code></pre></div>`;
}

function operationHtml(entry: ReferenceOperation, reference: Reference, block: DetailsBlock): string {
  const { operation } = entry;
  const method = operation.method.replace(/[^A-Za-z]/g, '').toUpperCase();
  const status = operation.status
    ? `<span class="badge ${operation.status}" title="${operation.status === 'confirmed' ? 'confirmed by the API&#8217;s public reference' : 'not confirmed by the API&#8217;s public reference'}">${operation.status}</span>`
    : '';
  const details = block.add(operationDetails(entry, reference, block));
  // One flat string per operation, made by one join: the page holds a thousand of these until it is
  // joined itself, and a string built by concatenation would be a tree of pieces all that time.
  const parts = [
    `<article class="op" id="${entry.anchor}" data-s="`,
    escapeHtml(searchText(entry)),
    `" data-b="${details}"><h3><a href="#${entry.anchor}">`,
    escapeText(operation.name),
    '</a></h3>',
    `<div class="sig"><span class="method ${method}">${escapeText(method)}</span><code>${escapeText(operation.pathTemplate)}</code>${status}${operation.deprecated ? '<span class="badge">deprecated</span>' : ''}</div>`,
    `<div class="member"><code>${escapeText(entry.memberPath)}()</code> · <code>${escapeText(entry.functionName)}(core, params)</code></div>`,
  ];
  if (operation.description) parts.push('<div class="desc">', renderDescription(operation.description), '</div>');
  parts.push('</article>');
  return parts.join('');
}

/** Each folder's section, as pieces of the page (one section a line), depth first. */
function folderSections(
  folder: ReferenceFolder,
  reference: Reference,
  trail: string[],
  block: DetailsBlock,
  lines: string[][],
): void {
  const path = [...trail, folder.name];
  const operations = (): string[] => folder.operations.map((entry) => operationHtml(entry, reference, block));
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
  for (const child of folder.folders) folderSections(child, reference, folder.depth > 0 ? path : [], block, lines);
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
  const block = new DetailsBlock();
  const sections: string[][] = [];
  folderSections(reference.root, reference, [], block, sections);
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
    block.pieces(),
    `<script>${PAGE_JS}</script>`,
    '</body>',
    '</html>',
    '',
  ];
  // The page's pieces, joined once: a 2,000-operation page is megabytes, and each join of a part
  // of it would copy those megabytes again.
  const pieces: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string | string[];
    if (index > 0) pieces.push('\n');
    if (typeof line === 'string') pieces.push(line);
    else for (let piece = 0; piece < line.length; piece++) pieces.push(line[piece] as string);
  }
  // Collection text is made Latin-1 where it is escaped; this only catches a piece that was not.
  return asLatin1Html(pieces.join(''));
}
