import { DriverError } from '@cloud-inventory/core';
import { type HttpClient, paginateCursor } from '@cloud-inventory/driver-kit';

/** `meta` of a Vultr list response: `total` items, and cursors (`""` when there is no such page). */
export interface VultrListMeta {
  /** Items in the whole list. */
  total?: number;
  /** Cursors of the next and previous pages; an empty string at either end. */
  links?: { next?: string; prev?: string };
}

/** A Vultr list response: the items under their key (`instances`, `vke_clusters`...) and `meta`. */
export type VultrListBody = { meta?: VultrListMeta } & Record<string, unknown>;

/** What every listed Vultr object may carry. */
export interface VultrObject {
  /** Id (a UUID for most objects). */
  id?: string | number;
  [field: string]: unknown;
}

/** Options of `listVultr`. */
export interface ListVultrOptions {
  /** Path under the base URL (`/instances`). */
  path: string;
  /** Body key of the list (`instances`, `firewall_rules`). */
  key: string;
  /** `per_page` of each call; undefined for lists the API does not page (`GET /databases`). */
  perPage: number | undefined;
  /** Service label of errors and rate-limit reports. */
  service?: string;
  /** Stops listing. */
  signal?: AbortSignal;
}

/**
 * Every item of a Vultr list endpoint: `per_page` and `cursor` in the query, the next cursor from
 * `meta.links.next` (an empty string on the last page). A body without the list's array fails
 * the listing: an empty result would otherwise count as "everything was deleted".
 */
export async function* listVultr<Item = VultrObject>(
  client: HttpClient,
  options: ListVultrOptions,
): AsyncGenerator<Item> {
  const label = `GET /v2${options.path}`;
  yield* paginateCursor<Item, VultrListBody>({
    signal: options.signal,
    label,
    fetchPage: async ({ cursor, signal }) => {
      const response = await client.get<VultrListBody>(options.path, {
        query: { per_page: options.perPage, cursor },
        signal,
        service: options.service,
      });
      return { body: response.body, headers: response.headers };
    },
    items: (body) => {
      const items = body && typeof body === 'object' ? body[options.key] : undefined;
      if (!Array.isArray(items)) {
        throw new DriverError({
          message: `${label} answered without a "${options.key}" array; the listing is not trusted as complete.`,
          errorClass: 'unknown',
          retryable: false,
          ...(options.service === undefined ? {} : { service: options.service }),
        });
      }
      return items as Item[];
    },
    nextCursor: (body) => body?.meta?.links?.next || undefined,
  });
}

/** Every item of a Vultr list endpoint, collected. */
export async function collectVultr<Item = VultrObject>(
  client: HttpClient,
  options: ListVultrOptions,
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of listVultr<Item>(client, options)) items.push(item);
  return items;
}
