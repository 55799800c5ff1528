import {
  type HttpClient,
  paginateCursor,
  paginatePages,
  type QueryValue,
} from '@cloud-inventory/driver-kit';
import { CloudflareApiError, type CloudflareErrorDetail } from './cloudflare-errors.ts';

/** `result_info` of a list: page numbers (`total_pages`) or a `cursor`. */
export interface CloudflareResultInfo {
  /** Page served (page-number lists). */
  page?: number;
  /** Page size served. */
  per_page?: number;
  /** Items on this page. */
  count?: number;
  /** Items in the whole list. */
  total_count?: number;
  /** Pages in the whole list: the last page is this one. */
  total_pages?: number;
  /** Cursor of the next page (cursor lists); absent on the last page. */
  cursor?: string;
}

/** The Cloudflare API v4 envelope every answer comes in. */
export interface CloudflareEnvelope<Result = unknown> {
  /** False when the call failed, even with a 2xx status. */
  success?: boolean;
  /** What went wrong (`code`, `message`, nested `error_chain`). */
  errors?: CloudflareErrorDetail[];
  /** Informational messages. */
  messages?: unknown[];
  /** The answer: an object, or the items of a list. */
  result?: Result;
  /** Paging of a list. */
  result_info?: CloudflareResultInfo;
}

/** How a list endpoint pages: `page`/`per_page` with `total_pages`, a `cursor`, or not at all. */
export type CloudflarePaging = 'pages' | 'cursor' | 'single';

/** One Cloudflare API call. */
export interface CloudflareCall {
  /** Path under the base URL, ids filled in (`/zones/0123.../dns_records`). */
  path: string;
  /** The call as a user grants it, with placeholders (`GET /zones/{zone_id}/dns_records`). */
  call: string;
  /** Query parameters. */
  query?: Record<string, QueryValue>;
  /** Extra headers (`cf-r2-jurisdiction`). */
  headers?: Record<string, string>;
  /** Service label of errors and rate-limit reports. */
  service: string;
  /** Appended to auth and not-enabled errors: the permission the call needs. */
  hint?: string;
  /** Stops the call. */
  signal?: AbortSignal;
}

// Statuses answered with a Cloudflare envelope that the driver classifies itself (the kit retries
// 429 and 5xx before they get here, and turns what is left of them into DriverErrors).
const envelopeStatuses = [400, 401, 403, 404, 405, 409, 422];

/** GET one Cloudflare endpoint and return its envelope; errors and `success: false` throw a CloudflareApiError. */
export async function cloudflareGet<Result>(
  client: HttpClient,
  call: CloudflareCall,
): Promise<CloudflareEnvelope<Result>> {
  const response = await client.request<CloudflareEnvelope<Result> | string | undefined>({
    path: call.path,
    method: 'GET',
    ...(call.query ? { query: call.query } : {}),
    ...(call.headers ? { headers: call.headers } : {}),
    ...(call.signal ? { signal: call.signal } : {}),
    service: call.service,
    acceptStatuses: envelopeStatuses,
  });
  const body = typeof response.body === 'object' && response.body !== null ? response.body : {};
  if (response.status >= 400 || body.success === false) {
    throw new CloudflareApiError({
      call: call.call,
      statusCode: response.status,
      errors: Array.isArray(body.errors) ? body.errors : [],
      service: call.service,
      ...(call.hint ? { hint: call.hint } : {}),
    });
  }
  return body;
}

/** Options of `listCloudflare`. */
export interface ListCloudflareOptions<Item> extends CloudflareCall {
  /** Paging style of the endpoint. */
  paging: CloudflarePaging;
  /** Page size to ask for; unset sends none (the endpoint's default). */
  perPage?: number;
  /** The items of a `result` (default: `result` itself when it is an array). */
  items?: (result: unknown) => readonly Item[] | undefined;
}

function defaultItems<Item>(result: unknown): readonly Item[] {
  return Array.isArray(result) ? (result as Item[]) : [];
}

/** Every item of a Cloudflare list endpoint, following its pages (`total_pages`) or cursors. */
export async function* listCloudflare<Item = Record<string, unknown>>(
  client: HttpClient,
  options: ListCloudflareOptions<Item>,
): AsyncGenerator<Item> {
  const items = (body: CloudflareEnvelope) =>
    (options.items ?? defaultItems<Item>)(body?.result) ?? [];
  const fetch = (query: Record<string, QueryValue>) =>
    cloudflareGet(client, { ...options, query: { ...options.query, ...query } }).then((body) => ({
      body,
    }));
  const perPage = options.perPage === undefined ? {} : { per_page: options.perPage };
  if (options.paging === 'single') {
    yield* items((await fetch({})).body);
    return;
  }
  if (options.paging === 'cursor') {
    yield* paginateCursor<Item, CloudflareEnvelope>({
      label: options.call,
      ...(options.signal ? { signal: options.signal } : {}),
      fetchPage: ({ cursor }) => fetch({ ...perPage, ...(cursor ? { cursor } : {}) }),
      items,
      nextCursor: (body) => body?.result_info?.cursor,
      // NOTE: an empty page ends the list even if it carries a cursor (Cloudflare sends none then).
      stopOnEmptyPage: true,
    });
    return;
  }
  yield* paginatePages<Item, CloudflareEnvelope>({
    label: options.call,
    ...(options.signal ? { signal: options.signal } : {}),
    perPage: options.perPage ?? 20,
    fetchPage: ({ page }) => fetch({ page, ...perPage }),
    items,
    // NOTE: total_pages is the documented end; without it a page shorter than per_page is the last.
    isLastPage: ({ page, body, itemCount }) => {
      const info = body?.result_info;
      if (typeof info?.total_pages === 'number') return page >= info.total_pages;
      const size = info?.per_page ?? options.perPage;
      return size === undefined || itemCount < size;
    },
  });
}
