import type { HttpClient, QueryValue } from '@cloud-inventory/driver-kit';
import { paginatePages } from '@cloud-inventory/driver-kit';

/** `meta.pagination` of a Hetzner list response. */
export interface HetznerPagination {
  page: number;
  per_page: number;
  previous_page: number | null;
  next_page: number | null;
  last_page: number | null;
  total_entries: number | null;
}

/** A Hetzner list response: the items under their key (`servers`, `volumes`...) and `meta`. */
export type HetznerListBody = {
  meta?: { pagination?: HetznerPagination };
} & Record<string, unknown>;

/** What every listed Hetzner object has in common. */
export interface HetznerObject {
  /** Numeric id, unique per resource kind. */
  id: number;
  /** Name; images may have none. */
  name?: string | null;
  /** User labels; ISOs have none. */
  labels?: Record<string, string>;
  [field: string]: unknown;
}

/** Options of `listHetzner`. */
export interface ListHetznerOptions {
  /** Path under the base URL (`/servers`). */
  path: string;
  /** Body key of the list (`servers`, `load_balancers`). */
  key: string;
  /** Extra query parameters (`type: ['snapshot', 'backup']`). */
  query?: Record<string, QueryValue>;
  /** Page size (at most 50). */
  perPage: number;
  /** Service label of errors and rate-limit reports. */
  service?: string;
  /** Stops listing. */
  signal?: AbortSignal;
}

/** Every item of a Hetzner list endpoint, following `meta.pagination.next_page`. */
export async function* listHetzner<Item = HetznerObject>(
  client: HttpClient,
  options: ListHetznerOptions,
): AsyncGenerator<Item> {
  yield* paginatePages<Item, HetznerListBody>({
    perPage: options.perPage,
    signal: options.signal,
    label: `GET ${options.path}`,
    fetchPage: ({ page, perPage, signal }) =>
      client.get<HetznerListBody>(options.path, {
        query: { ...options.query, page, per_page: perPage },
        signal,
        service: options.service,
      }),
    items: (body) => {
      const items = body?.[options.key];
      return Array.isArray(items) ? (items as Item[]) : [];
    },
    // NOTE: next_page is null on the last page; without pagination metadata the short-page rule decides.
    isLastPage: ({ body }) => {
      const pagination = body?.meta?.pagination;
      return pagination ? pagination.next_page === null : undefined;
    },
  });
}
