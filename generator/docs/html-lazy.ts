/**
 * What the page builds after it opens, kept as strings in one JSON data block. Parsing markup is
 * what makes a 2,000-operation page slow to open, so the page's markup holds only each
 * operation's heading, signature and description (what the search, the contents and the anchors
 * need); the rest of each operation ("details": snippets, parameters, bodies, responses) is HTML
 * made here with the same escaping, which the page's script inserts right after the first frame,
 * nearest the reader first. Code blocks that start folded (curl, saved response bodies, long
 * request examples) are built, through textContent, only when first opened.
 */
/** A block's text, its code language and, when it has one, its label (which also earns a copy button). */
type Block = [text: string, language: string, label?: string];

export const LAZY_DATA_ID = 'lazy-blocks';
export const DETAILS_ID = 'op-details';
/**
 * Between two operations' details in their data block. It cannot occur inside them: every `<`
 * of collection text is escaped, and the page's own tags start with a letter or `/`.
 */
export const DETAILS_SEPARATOR = '<@>';

/**
 * Characters written as JSON escapes inside the data block: `<`, `>` and `&`, so that no text can end
 * or open an element, the two line separators, and every character above U+00FF, so that the page
 * stays one byte per character (see asLatin1Html).
 */
const JSON_ESCAPED = /[<>&\u0100-\uffff]/g;
const jsonEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

export class LazyBlocks {
  private readonly blocks: string[] = [];
  private readonly bodies: string[] = [];

  /** An operation's details (HTML); returns the number its article names in data-b. */
  body(html: string): number {
    // The details sit in a raw-text element: nothing in them may end it or change how it is read.
    if (/<(?:\/?script|!--|@)/i.test(html)) throw new Error('operation details hold raw script or comment markup');
    return this.bodies.push(html) - 1;
  }

  /** A folded <details> with this summary (HTML), whose code block is built when first opened. */
  details(
    summaryHtml: string,
    block: { text: string; language: string; label?: string },
    className?: 'sample',
  ): string {
    const entry: Block =
      block.label === undefined ? [block.text, block.language] : [block.text, block.language, block.label];
    // Each block escaped on its own: small strings, where one pass over the whole JSON would copy megabytes.
    const index = this.blocks.push(JSON.stringify(entry).replace(JSON_ESCAPED, jsonEscape));
    const classes = className ? ` class="${className}"` : '';
    return `<details${classes} data-lazy="${index - 1}"><summary>${summaryHtml}</summary></details>`;
  }

  /**
   * Two data blocks (never run: their types are not JavaScript), as pieces of the page. The details
   * as they are, one after the other: HTML in a raw-text element is read back unchanged, and costs
   * no escaping. The folded blocks as a JSON array where no `<`, `>` or `&` is left as itself, so no
   * text can close the element or open another. Pieces, not one string: the page joins every piece
   * once, where joining here would copy the largest part of the page one more time.
   */
  dataScripts(): string[] {
    const pieces = [`<script type="text/html" id="${DETAILS_ID}">`];
    for (const [index, body] of this.bodies.entries()) {
      if (index > 0) pieces.push(DETAILS_SEPARATOR);
      pieces.push(body);
    }
    pieces.push(`</script><script type="application/json" id="${LAZY_DATA_ID}">[`);
    for (const [index, block] of this.blocks.entries()) pieces.push(index === 0 ? block : `,${block}`);
    pieces.push(']</script>');
    return pieces;
  }
}
