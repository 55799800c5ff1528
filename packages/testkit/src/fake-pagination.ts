import type { FakeHandler } from './fake-provider-server.ts';
import type { FakeRequest, FakeResponse } from './fake-request.ts';

/** Items of a paginated fixture: a list, or a function of the request (filters, per-region lists). */
export type FakeItems<Item> = readonly Item[] | ((request: FakeRequest) => readonly Item[]);

function itemsOf<Item>(items: FakeItems<Item>, request: FakeRequest): readonly Item[] {
  return typeof items === 'function' ? items(request) : items;
}

function json(body: unknown, headers: Record<string, string> = {}): FakeResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

/** The URL of the same request with some query parameters replaced. */
export function withQuery(
  request: FakeRequest,
  replacements: Record<string, string | number>,
): string {
  const url = new URL(request.url);
  for (const [name, value] of Object.entries(replacements))
    url.searchParams.set(name, String(value));
  return url.href;
}

/** Where one page-number page sits, as given to `render`. */
export interface PageNumberInfo {
  /** Page number served (1-based). */
  page: number;
  /** Page size served. */
  perPage: number;
  /** Number of the last page (at least 1). */
  lastPage: number;
  /** Items in the whole list. */
  total: number;
  /** Absolute URL of the next page, when there is one. */
  nextUrl?: string;
  /** Absolute URL of the previous page, when there is one. */
  previousUrl?: string;
  /** Absolute URL of the first page. */
  firstUrl: string;
  /** Absolute URL of the last page. */
  lastUrl: string;
}

type PageUrlKey = 'firstUrl' | 'lastUrl' | 'nextUrl' | 'previousUrl';

function defineLazyUrl(info: PageNumberInfo, key: PageUrlKey, build: () => string): void {
  let url: string | undefined;
  Object.defineProperty(info, key, {
    enumerable: true,
    configurable: true,
    get: () => (url ??= build()),
    set: (value: string) => {
      url = value;
    },
  });
}

/** Options of `pageNumberPages`. */
export interface PageNumberPagesOptions<Item> {
  /** The whole list. */
  items: FakeItems<Item>;
  /** Render one page body. */
  render: (pageItems: readonly Item[], info: PageNumberInfo) => unknown;
  /** Page parameter. @default 'page' */
  pageParam?: string;
  /** Page size parameter. @default 'per_page' */
  perPageParam?: string;
  /** Page size when the request names none. @default 20 */
  defaultPerPage?: number;
  /** Largest page size served, as real APIs cap it. @default 200 */
  maximumPerPage?: number;
  /** Extra response headers of each page (e.g. rate-limit headers). */
  headers?: (info: PageNumberInfo) => Record<string, string>;
}

/** A handler serving a list in pages chosen by the request's own `page`/`per_page` parameters. */
export function pageNumberPages<Item>(options: PageNumberPagesOptions<Item>): FakeHandler {
  const pageParam = options.pageParam ?? 'page';
  const perPageParam = options.perPageParam ?? 'per_page';
  return (request) => {
    const items = itemsOf(options.items, request);
    const perPage = Math.min(
      positiveInteger(request.query[perPageParam], options.defaultPerPage ?? 20),
      options.maximumPerPage ?? 200,
    );
    const page = positiveInteger(request.query[pageParam], 1);
    const lastPage = Math.max(1, Math.ceil(items.length / perPage));
    const at = (number: number) =>
      withQuery(request, { [pageParam]: number, [perPageParam]: perPage });
    const info = { page, perPage, lastPage, total: items.length } as PageNumberInfo;
    // The URLs are built when `render` reads them: each is a URL parse and serialization, and most
    // bodies name one or none (the server's own cost, which a real provider's latency does not add).
    defineLazyUrl(info, 'firstUrl', () => at(1));
    defineLazyUrl(info, 'lastUrl', () => at(lastPage));
    if (page < lastPage) defineLazyUrl(info, 'nextUrl', () => at(page + 1));
    if (page > 1) defineLazyUrl(info, 'previousUrl', () => at(Math.min(page - 1, lastPage)));
    const pageItems = items.slice((page - 1) * perPage, page * perPage);
    return json(options.render(pageItems, info), options.headers?.(info));
  };
}

/** DigitalOcean pages: `{ [key]: [...], links: { pages: { first, prev, next, last } }, meta: { total } }`. */
export function digitalOceanPages<Item>(options: {
  /** Body key of the list (`droplets`). */
  key: string;
  /** The whole list. */
  items: FakeItems<Item>;
  /** @default 20 */
  defaultPerPage?: number;
  /** @default 200 */
  maximumPerPage?: number;
}): FakeHandler {
  return pageNumberPages({
    items: options.items,
    defaultPerPage: options.defaultPerPage ?? 20,
    maximumPerPage: options.maximumPerPage ?? 200,
    render: (pageItems, info) => {
      const pages: Record<string, string> = {};
      if (info.page > 1) {
        pages.first = info.firstUrl;
        if (info.previousUrl) pages.prev = info.previousUrl;
      }
      if (info.nextUrl) {
        pages.next = info.nextUrl;
        pages.last = info.lastUrl;
      }
      return { [options.key]: pageItems, links: { pages }, meta: { total: info.total } };
    },
  });
}

/** Hetzner pages: `{ [key]: [...], meta: { pagination: { page, per_page, previous_page, next_page, last_page, total_entries } } }`. */
export function hetznerPages<Item>(options: {
  /** Body key of the list (`servers`). */
  key: string;
  /** The whole list. */
  items: FakeItems<Item>;
  /** @default 25 */
  defaultPerPage?: number;
  /** @default 50 */
  maximumPerPage?: number;
}): FakeHandler {
  return pageNumberPages({
    items: options.items,
    defaultPerPage: options.defaultPerPage ?? 25,
    maximumPerPage: options.maximumPerPage ?? 50,
    render: (pageItems, info) => ({
      [options.key]: pageItems,
      meta: {
        pagination: {
          page: info.page,
          per_page: info.perPage,
          previous_page: info.page > 1 ? info.page - 1 : null,
          next_page: info.nextUrl ? info.page + 1 : null,
          last_page: info.lastPage,
          total_entries: info.total,
        },
      },
    }),
  });
}

/** Pages with an RFC 5988 `Link: <...>; rel="next"` header and a JSON array body. */
export function linkHeaderPages<Item>(options: {
  /** The whole list. */
  items: FakeItems<Item>;
  /** @default 'page' */
  pageParam?: string;
  /** @default 'per_page' */
  perPageParam?: string;
  /** @default 20 */
  defaultPerPage?: number;
  /** @default 100 */
  maximumPerPage?: number;
}): FakeHandler {
  return pageNumberPages({
    ...options,
    maximumPerPage: options.maximumPerPage ?? 100,
    render: (pageItems) => pageItems,
    headers: (info) => {
      const links = [`<${info.firstUrl}>; rel="first"`, `<${info.lastUrl}>; rel="last"`];
      if (info.nextUrl) links.unshift(`<${info.nextUrl}>; rel="next"`);
      if (info.previousUrl) links.push(`<${info.previousUrl}>; rel="prev"`);
      return { link: links.join(', ') };
    },
  });
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : 0;
}

/** Options of `cursorPages`. */
export interface CursorPagesOptions<Item> {
  /** The whole list. */
  items: FakeItems<Item>;
  /** Cursor parameter. @default 'cursor' */
  cursorParam?: string;
  /** Page size parameter, when the API has one. @default 'limit' */
  limitParam?: string;
  /** Page size when the request names none. @default 20 */
  defaultPageSize?: number;
  /** Largest page size served. @default 100 */
  maximumPageSize?: number;
  /** Render one page body. @default { items, next_cursor } */
  render?: (
    pageItems: readonly Item[],
    info: { nextCursor: string | null; total: number },
  ) => unknown;
  /** Read the cursor from the request some other way (a JSON or form body, a header). */
  readCursor?: (request: FakeRequest) => string | undefined;
  /** Read the page size from the request some other way. */
  readPageSize?: (request: FakeRequest) => number | undefined;
}

/** A handler serving a list in pages linked by opaque cursors. */
export function cursorPages<Item>(options: CursorPagesOptions<Item>): FakeHandler {
  const cursorParam = options.cursorParam ?? 'cursor';
  const limitParam = options.limitParam ?? 'limit';
  return (request) => {
    const items = itemsOf(options.items, request);
    const size = Math.min(
      options.readPageSize?.(request) ??
        positiveInteger(request.query[limitParam], options.defaultPageSize ?? 20),
      options.maximumPageSize ?? 100,
    );
    const offset = decodeCursor(
      options.readCursor ? options.readCursor(request) : request.query[cursorParam],
    );
    const pageItems = items.slice(offset, offset + size);
    const nextCursor = offset + size < items.length ? encodeCursor(offset + size) : null;
    const render =
      options.render ?? ((list, info) => ({ items: list, next_cursor: info.nextCursor }));
    return json(render(pageItems, { nextCursor, total: items.length }));
  };
}

/** Azure-style pages: `{ value: [...], nextLink: 'http://127.0.0.1:<port>/...&$skiptoken=...' }`. */
export function nextLinkPages<Item>(options: {
  /** The whole list. */
  items: FakeItems<Item>;
  /** Items per page. @default 20 */
  pageSize?: number;
  /** Body key of the list. @default 'value' */
  key?: string;
  /** Body key of the link. @default 'nextLink' (use '@odata.nextLink' for Graph) */
  nextLinkField?: string;
  /** Query parameter carrying the position. @default '$skiptoken' */
  tokenParam?: string;
}): FakeHandler {
  const tokenParam = options.tokenParam ?? '$skiptoken';
  return (request) => {
    const items = itemsOf(options.items, request);
    const size = options.pageSize ?? 20;
    const offset = decodeCursor(request.query[tokenParam]);
    const body: Record<string, unknown> = {
      [options.key ?? 'value']: items.slice(offset, offset + size),
    };
    if (offset + size < items.length) {
      body[options.nextLinkField ?? 'nextLink'] = withQuery(request, {
        [tokenParam]: encodeCursor(offset + size),
      });
    }
    return json(body);
  };
}
