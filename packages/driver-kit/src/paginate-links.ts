import { type PageResponse, PaginationGuard, type PaginationOptions } from './pagination-guard.ts';

/** Options of `paginateLinks` and `paginateNextLink`. */
export interface PaginateLinksOptions<Body, Item> extends PaginationOptions<Body, Item> {
  /** Path or URL of the first page (with its query, e.g. `/v2/droplets?per_page=200`). */
  firstUrl: string;
  /** Fetch one page by path or absolute URL (the HTTP client accepts both). */
  fetchPage: (request: { url: string; signal?: AbortSignal }) => Promise<PageResponse<Body>>;
  /** The next page's URL; defaults differ per paginator. */
  nextLink?: (body: Body, headers?: Headers) => string | null | undefined;
  /** End on an empty page even if it links a next one. @default false */
  stopOnEmptyPage?: boolean;
}

/** The links of an RFC 8288 (5988) `Link` header by relation: `{ next: 'https://...', last: ... }`. */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const target = match[1] ?? '';
    for (const parameter of (match[2] ?? '').matchAll(/;\s*rel\s*=\s*"?([^";,]+)"?/gi)) {
      for (const relation of (parameter[1] ?? '').trim().split(/\s+/)) {
        links[relation.toLowerCase()] ??= target;
      }
    }
  }
  return links;
}

/** DigitalOcean's `links.pages.next`, else the `Link: <...>; rel="next"` header. */
export function defaultNextLink(body: unknown, headers?: Headers): string | undefined {
  const next = (body as { links?: { pages?: { next?: unknown } } } | null)?.links?.pages?.next;
  if (typeof next === 'string' && next !== '') return next;
  return parseLinkHeader(headers?.get('link')).next;
}

/** Azure's `nextLink` / OData's `@odata.nextLink`. */
export function defaultODataNextLink(body: unknown): string | undefined {
  const record = body as Record<string, unknown> | null;
  const next = record?.nextLink ?? record?.['@odata.nextLink'];
  return typeof next === 'string' && next !== '' ? next : undefined;
}

async function* paginateUrls<Item, Body>(
  options: PaginateLinksOptions<Body, Item>,
  nextLink: (body: Body, headers?: Headers) => string | null | undefined,
): AsyncGenerator<Item> {
  const guard = new PaginationGuard(options);
  let url = options.firstUrl;
  guard.visit('URL', url);
  for (;;) {
    options.signal?.throwIfAborted();
    guard.countPage();
    const response = await options.fetchPage({ url, signal: options.signal });
    const items = options.items(response.body) ?? [];
    const link = nextLink(response.body, response.headers) || undefined;
    // Relative links resolve against the page that carried them.
    const next =
      link && response.url && !/^[a-z][a-z0-9+.-]*:\/\//i.test(link)
        ? new URL(link, response.url).href
        : link;
    const last = next === undefined || (items.length === 0 && (options.stopOnEmptyPage ?? false));
    if (!last) guard.visit('URL', next);
    options.onPage?.({
      pageCount: guard.pageCount,
      itemCount: items.length,
      body: response.body,
      ...(last ? {} : { next }),
    });
    yield* items;
    if (last) return;
    url = next;
  }
}

/** Link pagination: follows DigitalOcean `links.pages.next` or the RFC 5988 `Link` header (or your `nextLink`). */
export function paginateLinks<Item, Body = unknown>(
  options: PaginateLinksOptions<Body, Item>,
): AsyncGenerator<Item> {
  return paginateUrls(options, options.nextLink ?? defaultNextLink);
}

/** Azure-style pagination: follows the absolute `nextLink` / `@odata.nextLink` of each page. */
export function paginateNextLink<Item, Body = unknown>(
  options: PaginateLinksOptions<Body, Item>,
): AsyncGenerator<Item> {
  return paginateUrls(options, options.nextLink ?? defaultODataNextLink);
}
