/**
 * A paged list call: awaitable (the first page) and async-iterable (every item of every page),
 * with `pages()` for page-at-a-time work. Pages are fetched lazily and never kept, so iterating
 * a long listing holds one page in memory at a time.
 */
import type { ClientCore, OperationSpec, RequestOptions } from './core.js';
import { InvalidResponseError, PaginationError, describeValue } from './errors.js';
import { parseLinkHeader } from './link.js';

export interface PageLinks {
  first?: string;
  prev?: string;
  next?: string;
}

export interface Page<T> {
  items: T[];
  links: PageLinks;
  response: Response;
  /** The URL this page was read from (after any same-origin redirect). */
  url: string;
}

/** Fetches the first page (`undefined`) or the page at a `next` URL. */
export type PageFetcher<T> = (nextUrl: string | undefined) => Promise<Page<T>>;

/**
 * A listing stops with a `PaginationError` after this many pages rather than running forever on
 * a server whose `next` links never end: 10,000 pages (a million items at 100 a page). Pass
 * `maxPages` to read more.
 */
export const DEFAULT_MAX_PAGES = 10_000;

export interface PagingOptions {
  /** Pages read at most before the listing fails with a `PaginationError` (default 10,000). */
  maxPages?: number;
  /** The query parameter that numbers pages, when known: the first page is also `<pageParam>=1`. */
  pageParam?: string;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * A URL in a form where variants of the same address compare equal: resolved against `base`,
 * scheme and host lower-cased, default port dropped, no fragment, query parameters sorted by name
 * (repeated ones keep their order), percent-escapes of unreserved characters decoded and the
 * others upper-cased.
 */
export function normaliseUrl(url: string, base?: string): string {
  const parsed = new URL(url, base);
  const path = parsed.pathname.replace(/%[0-9a-fA-F]{2}/g, (escape) => {
    const char = String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    return UNRESERVED.test(char) ? char : escape.toUpperCase();
  });
  const params = [...parsed.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  return `${parsed.protocol}//${parsed.host}${path}${query === '' ? '' : `?${query}`}`;
}

/**
 * The addresses the first page answers to: its own URL; its `first` link when it has no `prev`
 * (then it is the first page); otherwise, when requested without its page parameter, the same
 * URL with that parameter at 1.
 */
function firstPageAddresses(page: Page<unknown>, pageParam: string | undefined): string[] {
  const addresses = [normaliseUrl(page.url)];
  if (page.links.first !== undefined && page.links.prev === undefined) {
    addresses.push(normaliseUrl(page.links.first, page.url));
  } else if (pageParam !== undefined) {
    const numbered = new URL(page.url);
    if (!numbered.searchParams.has(pageParam)) {
      numbered.searchParams.set(pageParam, '1');
      addresses.push(normaliseUrl(numbered.toString()));
    }
  }
  return addresses;
}

export class PagedCall<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  private first: Promise<Page<T>> | undefined;

  constructor(
    private readonly fetchPage: PageFetcher<T>,
    private readonly options: PagingOptions = {},
  ) {}

  private firstPage(): Promise<Page<T>> {
    this.first ??= this.fetchPage(undefined);
    return this.first;
  }

  then<A = Page<T>, B = never>(
    onFulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  /**
   * Every page, following `next` links (even past empty pages) until there is none. A `next`
   * that points at a page already read (compared as normalised URLs, the first page's own
   * addresses included) ends the listing instead of reading it again; more than `maxPages`
   * pages fail with a `PaginationError`.
   */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const maxPages = this.options.maxPages ?? DEFAULT_MAX_PAGES;
    let page = await this.firstPage();
    // The first page is not kept once iteration moves on: a long listing holds one page at a time,
    // and iterating again reads the listing afresh instead of starting from a stale first page.
    this.first = undefined;
    const seen = new Set(firstPageAddresses(page, this.options.pageParam));
    for (let count = 1; ; count++) {
      yield page;
      const next = page.links.next;
      if (!next) return;
      const address = normaliseUrl(next, page.url);
      if (seen.has(address)) return;
      if (count >= maxPages) {
        throw new PaginationError(
          `the listing has more than ${maxPages} pages (maxPages: ${maxPages}); it was stopped before page ${count + 1}`,
        );
      }
      seen.add(address);
      page = await this.fetchPage(next);
      seen.add(normaliseUrl(page.url));
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects every item into an array (for small listings). */
  async all(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}

/** What a list page holds, or what was expected of it and what came instead. */
type ItemsReading = { items: unknown[] } | { expected: string; received: string };

function readItems(data: unknown, itemsAt: string): ItemsReading {
  if (itemsAt === '' || itemsAt === 'csv')
    return Array.isArray(data) ? { items: data } : { expected: 'a JSON array of items', received: describeValue(data) };
  let value: unknown = data;
  const keys = itemsAt.split('.');
  for (const [depth, key] of keys.entries()) {
    const holder = value;
    value =
      typeof holder === 'object' && holder !== null && !Array.isArray(holder) && Object.hasOwn(holder, key)
        ? (holder as Record<string, unknown>)[key]
        : undefined;
    if (value === undefined) {
      const at = keys.slice(0, depth).join('.');
      return {
        expected: `an array of items in the "${itemsAt}" field`,
        received: `${describeValue(holder)}${at ? ` at "${at}"` : ''} without a "${key}" field`,
      };
    }
  }
  return Array.isArray(value)
    ? { items: value }
    : {
        expected: `an array of items in the "${itemsAt}" field`,
        received: `"${itemsAt}" holding ${describeValue(value)}`,
      };
}

function readLinks(response: Response, data: unknown, bodyLinks: string | undefined, base: string): PageLinks {
  const links: PageLinks = {};
  const absolute = (uri: string): string => new URL(uri, base).toString();
  for (const link of parseLinkHeader(response.headers.get('link'))) {
    for (const rel of link.rels) {
      if ((rel === 'first' || rel === 'prev' || rel === 'next') && links[rel] === undefined)
        links[rel] = absolute(link.uri);
    }
  }
  if (bodyLinks && typeof data === 'object' && data !== null) {
    const field = (data as Record<string, unknown>)[bodyLinks];
    if (typeof field === 'object' && field !== null) {
      for (const rel of ['first', 'prev', 'next'] as const) {
        const uri = (field as Record<string, unknown>)[rel];
        if (links[rel] === undefined && typeof uri === 'string' && uri !== '') links[rel] = absolute(uri);
      }
    }
  }
  return links;
}

/**
 * Calls a paged operation through a client core: awaitable for the first page, iterable for every
 * item. A `next` link to another origin is refused; the items are read where the spec says, and
 * a page without them is an `InvalidResponseError`, never an empty page.
 */
export function paged<T>(
  core: ClientCore,
  spec: OperationSpec,
  params: object = {},
  options: RequestOptions = {},
): PagedCall<T> {
  const pagination = spec.pagination ?? { itemsAt: '' };
  const origin = core.originOf(spec);
  const maxPages = options.maxPages ?? core.config.maxPages;
  const paging = {
    ...(maxPages !== undefined ? { maxPages } : {}),
    ...(pagination.pageParam !== undefined ? { pageParam: pagination.pageParam } : {}),
  };
  return new PagedCall<T>(async (nextUrl): Promise<Page<T>> => {
    if (nextUrl !== undefined && new URL(nextUrl).origin !== origin) {
      throw new PaginationError(`the next page is on another origin (${new URL(nextUrl).origin}); it was not followed`);
    }
    const { data, response, url } = await core.callAt<unknown>(spec, params, options, nextUrl);
    const reading = readItems(data, pagination.itemsAt);
    if ('expected' in reading) {
      throw new InvalidResponseError(
        spec.method,
        new URL(url).pathname,
        `${spec.method} ${spec.path}`,
        response.status,
        reading.expected,
        reading.received,
        data,
      );
    }
    return {
      items: reading.items as T[],
      links: readLinks(response, data, pagination.bodyLinks, url),
      response,
      url,
    };
  }, paging);
}
