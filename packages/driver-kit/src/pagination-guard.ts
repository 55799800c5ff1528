import { DriverError } from '@cloud-inventory/core';
import { redactUrl } from './redact.ts';

/** Default page cap of every paginator. */
export const defaultMaximumPages = 10_000;

/** What every paginator accepts. */
export interface PaginationOptions<Body, Item> {
  /** Items of one page body. */
  items: (body: Body) => readonly Item[] | null | undefined;
  /** Stop with an error after this many pages. @default 10000 */
  maximumPages?: number;
  /** Stop between pages when aborted. */
  signal?: AbortSignal;
  /** Called after each page (checkpoints, progress). */
  onPage?: (page: PageInfo<Body>) => void;
  /** What is being listed, for error messages (`droplets`, `GET /v1/servers`). */
  label?: string;
}

/** One fetched page, as given to `onPage`. */
export interface PageInfo<Body> {
  /** 1-based count of pages fetched so far. */
  pageCount: number;
  /** Items on this page. */
  itemCount: number;
  /** The page body. */
  body: Body;
  /** Cursor, page number or URL that fetched the next page, if any. */
  next?: string | number;
}

/** What a page fetcher returns: the body, and the headers when link or cursor headers matter. */
export interface PageResponse<Body> {
  /** Parsed page body. */
  body: Body;
  /** Response headers. */
  headers?: Headers;
  /** Final absolute URL of the page, for resolving relative links. */
  url?: string;
}

/** Guards a pagination loop: a page cap and detection of a server that repeats a cursor or URL. */
export class PaginationGuard {
  readonly #maximumPages: number;
  readonly #label: string;
  readonly #seen = new Set<string>();
  #pages = 0;

  constructor(options: { maximumPages?: number; label?: string }) {
    this.#maximumPages = options.maximumPages ?? defaultMaximumPages;
    this.#label = options.label ?? 'a list';
  }

  /** Pages counted so far. */
  get pageCount(): number {
    return this.#pages;
  }

  /** Count one page; throws once the cap is passed. */
  countPage(): void {
    this.#pages += 1;
    if (this.#pages > this.#maximumPages) {
      throw new DriverError({
        message: `Paging through ${this.#label} passed ${this.#maximumPages} pages; stopping in case the server keeps returning pages. Raise maximumPages if the list is really that long.`,
        errorClass: 'unknown',
        retryable: false,
      });
    }
  }

  /** Record the token of the next request; throws when the server hands out one it already gave. */
  visit(kind: 'cursor' | 'URL' | 'page', token: string): void {
    if (this.#seen.has(token)) {
      const shown =
        kind === 'page'
          ? `page ${this.#pages} has the same items as an earlier page`
          : kind === 'URL'
            ? redactUrl(token)
            : token.length > 80
              ? `${token.slice(0, 80)}...`
              : token;
      throw new DriverError({
        message: `The server repeated a pagination ${kind === 'page' ? 'page' : `${kind} (${shown})`} while paging through ${this.#label} after ${this.#pages} pages${kind === 'page' ? ` (${shown})` : ''}; stopping to avoid an endless loop. Does the endpoint ignore the paging parameters?`,
        errorClass: 'unknown',
        retryable: false,
      });
    }
    this.#seen.add(token);
  }
}
