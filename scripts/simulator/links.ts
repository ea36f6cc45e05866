/**
 * Pages and their links, as the official introduction describes them (pages from 1, values under 1
 * or past the last page an empty set, `first` always, `prev` above page 1, `next` while items
 * remain), plus the ways real servers and proxies deviate: other orders and quoting of the `Link`
 * header, a body `links` field that disagrees with the header, links on another origin, loops.
 */

export type LinkHeaderStyle =
  /** `<…>; rel="first", <…>; rel="prev", <…>; rel="next"` */
  | 'standard'
  /** The same links, last first. */
  | 'reversed'
  /** No spaces, unquoted and upper-case parameter names and values: `<…>;REL=NEXT`. */
  | 'unquoted'
  /** Extra parameters holding commas and semicolons in quotes, several relation types in one `rel`. */
  | 'decorated'
  /** No `Link` header at all (only the body field carries the links). */
  | 'absent';

export type BodyLinksStyle =
  /** The body's `links` repeat the header. */
  | 'same'
  /** No `links` field. */
  | 'absent'
  /** The body's `next` skips a page: a client that prefers it over the header loses items. */
  | 'skip-ahead';

export interface LinkFaults {
  header: LinkHeaderStyle;
  body: BodyLinksStyle;
  /** Links point at this origin instead of the simulator's own (a hostile or misconfigured server). */
  origin?: string;
  /** The `next` link of this page points back at the page before it: a loop. */
  loopFrom?: number;
}

export const DEFAULT_LINKS: LinkFaults = { header: 'standard', body: 'same' };

export type PageLinks = Partial<Record<'first' | 'prev' | 'next', string>>;

export interface PageOf<T> {
  page: number;
  slice: T[];
  /** The links of the `Link` header. */
  header: PageLinks;
  /** The links of the body's `links` field, or undefined when the body carries none. */
  body: PageLinks | undefined;
}

/** Thrown for a `page` value that is not an integer; the server answers 400 API_ERR_FORMAT. */
export class MalformedPage extends Error {}

export function pageOf<T>(items: T[], url: URL, pageSize: number, faults: LinkFaults): PageOf<T> {
  const requested = url.searchParams.get('page');
  if (requested !== null && !/^-?\d+$/.test(requested))
    throw new MalformedPage(`Malformed page field \`page\`: ${requested}`);
  const page = requested === null ? 1 : Number(requested);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const valid = page >= 1 && page <= pages;
  const slice = valid ? items.slice((page - 1) * pageSize, page * pageSize) : [];
  const at = (n: number): string => {
    const target = new URL(url);
    if (faults.origin !== undefined) {
      const origin = new URL(faults.origin);
      target.protocol = origin.protocol;
      target.host = origin.host;
    }
    target.searchParams.set('page', String(n));
    return target.toString();
  };
  const header: PageLinks = { first: at(1) };
  if (valid && page > 1) header.prev = at(page - 1);
  if (valid && page < pages) header.next = at(page + 1);
  if (faults.loopFrom === page && page > 1) header.next = at(page - 1);
  let body: PageLinks | undefined = { ...header };
  if (faults.body === 'absent') body = undefined;
  else if (faults.body === 'skip-ahead' && header.next !== undefined) body.next = at(page + 2);
  return { page, slice, header, body };
}

/** The `Link` header for these links in the given style; undefined when the style sends none. */
export function linkHeader(links: PageLinks, style: LinkHeaderStyle): string | undefined {
  const entries = Object.entries(links) as Array<[string, string]>;
  switch (style) {
    case 'absent':
      return undefined;
    case 'standard':
      return entries.map(([rel, uri]) => `<${uri}>; rel="${rel}"`).join(', ');
    case 'reversed':
      return entries
        .reverse()
        .map(([rel, uri]) => `<${uri}>; rel="${rel}"`)
        .join(', ');
    case 'unquoted':
      return entries.map(([rel, uri]) => `<${uri}>;REL=${rel.toUpperCase()}`).join(',');
    case 'decorated':
      return entries
        .map(
          ([rel, uri]) =>
            `<${uri}> ; title="page, ${rel}; of the list" ; rel="${rel === 'next' ? 'Next nofollow' : rel}" ; type="application/json"`,
        )
        .join(' ,  ');
  }
}
