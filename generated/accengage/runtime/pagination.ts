/**
 * A paged list call: awaitable (the first page) and async-iterable (every item of every page),
 * with `pages()` for page-at-a-time work. Pages are fetched lazily and never kept, so iterating
 * a long listing holds one page in memory at a time.
 */

export interface PageLinks {
  first?: string;
  prev?: string;
  next?: string;
}

export interface Page<T> {
  items: T[];
  links: PageLinks;
  response: Response;
}

/** Fetches the first page (`undefined`) or the page at a `next` URL. */
export type PageFetcher<T> = (nextUrl: string | undefined) => Promise<Page<T>>;

export class PagedCall<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  private first: Promise<Page<T>> | undefined;

  constructor(private readonly fetchPage: PageFetcher<T>) {}

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
   * that points at a page already seen ends the listing instead of looping.
   */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const seen = new Set<string>();
    let page = await this.firstPage();
    // The first page is not kept once iteration moves on.
    this.first = undefined;
    seen.add(page.response.url);
    for (;;) {
      yield page;
      const next = page.links.next;
      if (!next || seen.has(next)) return;
      seen.add(next);
      page = await this.fetchPage(next);
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
