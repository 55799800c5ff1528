import { hash } from 'node:crypto';
import { type PageResponse, PaginationGuard, type PaginationOptions } from './pagination-guard.ts';

/** What `isLastPage` sees. */
export interface PageNumberContext<Body> {
  /** Page number just fetched. */
  page: number;
  /** Page size asked for. */
  perPage: number;
  /** Page body. */
  body: Body;
  /** Response headers, if the fetcher returned them. */
  headers?: Headers;
  /** Items of the page. */
  itemCount: number;
  /** Items fetched so far, this page included. */
  fetchedCount: number;
}

/** Options of `paginatePages`. */
export interface PaginatePagesOptions<Body, Item> extends PaginationOptions<Body, Item> {
  /** Fetch one page. */
  fetchPage: (request: {
    page: number;
    perPage: number;
    signal?: AbortSignal;
  }) => Promise<PageResponse<Body>>;
  /** Page size to ask for (keep it within the API's maximum, or short pages end the list early). @default 100 */
  perPage?: number;
  /** Number of the first page. @default 1 */
  firstPage?: number;
  /** Whether this was the last page (`!body.links?.pages?.next`, `meta.pagination.next_page === null`); undefined falls back to the total and short-page rules. */
  isLastPage?: (context: PageNumberContext<Body>) => boolean | undefined;
  /** Total item count the body announces (`meta.total`); listing stops once that many were fetched. */
  totalItems?: (body: Body) => number | undefined;
  /** End on a page shorter than `perPage` when nothing else tells. @default true */
  stopOnShortPage?: boolean;
}

function fingerprint(items: readonly unknown[]): string {
  // One-shot hash(): the same digest as createHash().update().digest() without a Hash object per page.
  return hash('sha1', JSON.stringify(items));
}

/** Page-number pagination (`page`/`per_page`): yields items until an empty, short, or announced-last page. */
export async function* paginatePages<Item, Body = unknown>(
  options: PaginatePagesOptions<Body, Item>,
): AsyncGenerator<Item> {
  const guard = new PaginationGuard(options);
  const perPage = options.perPage ?? 100;
  let page = options.firstPage ?? 1;
  let fetchedCount = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    guard.countPage();
    const response = await options.fetchPage({ page, perPage, signal: options.signal });
    const items = options.items(response.body) ?? [];
    fetchedCount += items.length;
    if (items.length > 0) {
      // NOTE: a server that ignores `page` returns the same page forever; same content = same page.
      guard.visit('page', fingerprint(items));
    }
    const context: PageNumberContext<Body> = {
      page,
      perPage,
      body: response.body,
      itemCount: items.length,
      fetchedCount,
    };
    if (response.headers) context.headers = response.headers;
    let last = items.length === 0 || options.isLastPage?.(context);
    if (last === undefined) {
      const total = options.totalItems?.(response.body);
      if (total !== undefined) last = fetchedCount >= total;
      else last = (options.stopOnShortPage ?? true) && items.length < perPage;
    }
    options.onPage?.({
      pageCount: guard.pageCount,
      itemCount: items.length,
      body: response.body,
      ...(last ? {} : { next: page + 1 }),
    });
    yield* items;
    if (last) return;
    page += 1;
  }
}
