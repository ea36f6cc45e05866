/** The reference docs of a client: docs/index.html, docs/README.md and one Markdown file per top-level folder. */
import type { Reference } from './reference.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

export { buildReference, type Reference } from './reference.js';

export function emitDocs(reference: Reference): Map<string, string> {
  const files = new Map<string, string>([['docs/index.html', renderHtml(reference)]]);
  for (const [name, content] of renderMarkdown(reference)) files.set(name, content);
  return files;
}
