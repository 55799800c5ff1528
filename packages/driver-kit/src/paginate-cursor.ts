import { type PageResponse, PaginationGuard, type PaginationOptions } from './pagination-guard.ts';

/** Options of `paginateCursor`. */
export interface PaginateCursorOptions<Body, Item> extends PaginationOptions<Body, Item> {
  /** Fetch one page; `cursor` is undefined for the first one. */
  fetchPage: (request: {
    cursor: string | undefined;
    signal?: AbortSignal;
  }) => Promise<PageResponse<Body>>;
  /** The next cursor in a page (`body.next_cursor`, `NextToken`); empty or absent ends the list. */
  nextCursor: (body: Body, headers?: Headers) => string | null | undefined;
  /** Cursor to start from (a checkpoint). */
  startCursor?: string;
  // NOTE: AWS and GCP legitimately return empty pages that still carry a token, so this is off.
  /** End on an empty page even if it carries a cursor. @default false */
  stopOnEmptyPage?: boolean;
}

/** Cursor pagination: the cursor of each page body becomes a parameter of the next request. */
export async function* paginateCursor<Item, Body = unknown>(
  options: PaginateCursorOptions<Body, Item>,
): AsyncGenerator<Item> {
  const guard = new PaginationGuard(options);
  let cursor = options.startCursor;
  if (cursor) guard.visit('cursor', cursor);
  for (;;) {
    options.signal?.throwIfAborted();
    guard.countPage();
    const response = await options.fetchPage({ cursor, signal: options.signal });
    const items = options.items(response.body) ?? [];
    const next = options.nextCursor(response.body, response.headers) || undefined;
    const last = next === undefined || (items.length === 0 && (options.stopOnEmptyPage ?? false));
    if (!last) guard.visit('cursor', next);
    options.onPage?.({
      pageCount: guard.pageCount,
      itemCount: items.length,
      body: response.body,
      ...(last ? {} : { next }),
    });
    yield* items;
    if (last) return;
    cursor = next;
  }
}
