/**
 * Collection descriptions are Markdown written by whoever made the collection: rendered with
 * markdown-it, raw HTML off (it comes out as text) and only http, https and mailto links, or
 * relative ones, kept. Whatever a description holds, the HTML it becomes cannot run anything.
 */
import MarkdownIt from 'markdown-it';
import { replacing } from '../emit/escape.js';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A link destination we allow: an allow-listed scheme, or none at all (relative, fragment). */
export function isSafeLink(url: string): boolean {
  // Browsers ignore tabs, line breaks and leading control characters inside a scheme ("java\tscript:").
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
  if (scheme === undefined) return !cleaned.startsWith('//') && !/^[^/?#]*:/.test(cleaned);
  return ALLOWED_SCHEMES.has(scheme);
}

markdown.validateLink = isSafeLink;
// Links leave the page: they open a new tab without handing it this one.
const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index];
  if (token && /^[a-z]+:/i.test(String(token.attrGet('href') ?? ''))) {
    token.attrSet('rel', 'noopener noreferrer nofollow');
    token.attrSet('target', '_blank');
  }
  return defaultLinkOpen(tokens, index, options, env, self);
};
// Images would be network requests: the page makes none, so an image shows as its link.
markdown.renderer.rules.image = (tokens, index) => {
  const token = tokens[index];
  const src = String(token?.attrGet('src') ?? '');
  const alt = String(token?.content ?? '');
  const text = markdown.utils.escapeHtml(alt || src);
  return isSafeLink(src) && /^https?:/i.test(src)
    ? `<a href="${markdown.utils.escapeHtml(src)}" rel="noopener noreferrer nofollow" target="_blank">[image: ${text}]</a>`
    : `[image: ${text}]`;
};

/** A surrogate pair is one character (one reference); a lone surrogate stays one reference too. */
const aboveLatin1AsReferences = replacing(
  /[\ud800-\udbff][\udc00-\udfff]|[^\u0000-\u00ff]/g,
  (char) => `&#${char.codePointAt(0) as number};`,
);

/**
 * Characters above U+00FF as numeric references. One such character (a dash in a description)
 * makes V8 keep the whole page two bytes per character, twice the memory for every copy of it;
 * with every piece of collection text made Latin-1 where it is escaped, the page is one byte per
 * character whatever the collection holds.
 */
export function asLatin1Html(html: string): string {
  // The test is free on a string V8 already holds one byte per character: nothing there can match.
  const replaced = aboveLatin1AsReferences(html);
  // V8 keeps the result of a replace two bytes a character, though none is above U+00FF now:
  // read back from its Latin-1 bytes, it is one byte a character, and so is the page it joins.
  return replaced === html ? html : Buffer.from(replaced, 'latin1').toString('latin1');
}

/** Short texts rendered already: most operations' auth and errors notes say the same few things. */
const rendered = new Map<string, string>();
const MAX_REMEMBERED = 1_000;

/**
 * One line of words, common punctuation and code spans (one backtick each side, no blank at
 * either end inside, never two spans back to back: `` would be one run of two), starting with a
 * letter and ending without a blank: markdown-it makes it a paragraph, escapes `"` in the words
 * and `&<>"` in the code, and changes nothing else. The most common description ("Returns the
 * device.") and the generated notes ("Failures throw `ApiError`."), and paragraphs of such lines,
 * are answered without running the parser.
 */
const CODE_CHAR = '[^`\\u0000-\\u001f\\u007f]';
const CODE_EDGE = '[^`\\s\\u0000-\\u001f\\u007f]';
const PLAIN_LINE = new RegExp(
  `^[A-Za-z](?:[A-Za-z0-9 ,.;:'"()?/%$@=+-]|\`${CODE_EDGE}(?:${CODE_CHAR}*${CODE_EDGE})?\`(?!\`))*(?<! )$`,
);
const CODE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** A PLAIN_LINE's quotes and code spans as markdown-it writes them. */
const plainLineParts = replacing(/`([^`]*)`|"/g, (_match, code) =>
  code === undefined ? '&quot;' : `<code>${code.replace(/[&<>"]/g, (char) => CODE_ESCAPES[char] as string)}</code>`,
);

/** A paragraph that PLAIN_LINE matched, as markdown-it writes it. */
const plainParagraph = (line: string): string => `<p>${plainLineParts(line)}</p>\n`;

/** Paragraphs of one plain line each, apart by one blank line, as markdown-it writes them; undefined for any other text. */
function plainHtml(text: string): string | undefined {
  if (!text.includes('\n')) return PLAIN_LINE.test(text) ? asLatin1Html(plainParagraph(text)) : undefined;
  const paragraphs = text.split('\n\n');
  return paragraphs.every((paragraph) => PLAIN_LINE.test(paragraph))
    ? asLatin1Html(paragraphs.map(plainParagraph).join(''))
    : undefined;
}

/** A description as the parser renders it, in Latin-1: what renderDescription gives, without its shortcuts. */
export function parsedDescription(text: string): string {
  return asLatin1Html(markdown.render(text));
}

/** A description as safe HTML, in Latin-1. */
export function renderDescription(text: string): string {
  const known = rendered.get(text);
  if (known !== undefined) return known;
  const html = plainHtml(text) ?? parsedDescription(text);
  if (text.length <= MAX_REMEMBERED && rendered.size < 10_000) rendered.set(text, html);
  return html;
}

const htmlSpecials = replacing(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const textSpecials = replacing(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));

/** Collection text as HTML text (element content or an attribute's value), in Latin-1. */
export function escapeHtml(text: string): string {
  return asLatin1Html(htmlSpecials(text));
}

/** Collection text as element content, in Latin-1: only &, < and > mean anything there (attributes use escapeHtml). */
export function escapeText(text: string): string {
  return asLatin1Html(textSpecials(text));
}
