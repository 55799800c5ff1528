import { paginateCursor, paginatePages } from '@cloud-inventory/driver-kit';

/** How a list action pages. */
export type AlibabaPaging =
  /** `PageNumber`/`PageSize` in, `TotalCount` (RDS: `TotalRecordCount`) out. */
  | { style: 'page'; maximumPageSize?: number }
  /** `NextToken`/`MaxResults` in and out. */
  | { style: 'token'; maximumPageSize?: number }
  /** RAM: `Marker`/`MaxItems` in, `IsTruncated`/`Marker` out. */
  | { style: 'marker'; maximumPageSize?: number }
  /** One call answers everything. */
  | { style: 'none' };

/** Options of `paginateAlibaba`. */
export interface PaginateAlibabaOptions<Item> {
  /** Paging style of the action. */
  paging: AlibabaPaging;
  /** Page size to ask for (capped by the style's maximum). */
  pageSize: number;
  /** Send one request with the paging parameters added. */
  fetch: (paging: Record<string, unknown>) => Promise<Record<string, unknown>>;
  /** Items of one body. */
  items: (body: Record<string, unknown>) => readonly Item[];
  /** Stops between pages. */
  signal: AbortSignal;
  /** What is listed, for the page guard's errors. */
  label: string;
}

/** Every item of a list action, following its own paging style until the last page. */
export function paginateAlibaba<Item>(options: PaginateAlibabaOptions<Item>): AsyncGenerator<Item> {
  const { paging } = options;
  const size = Math.min(
    options.pageSize,
    'maximumPageSize' in paging ? (paging.maximumPageSize ?? 100) : 100,
  );
  const common = { items: options.items, signal: options.signal, label: options.label };
  switch (paging.style) {
    case 'page':
      return paginatePages({
        ...common,
        perPage: size,
        fetchPage: async ({ page, perPage }) => ({
          body: await options.fetch({ PageNumber: page, PageSize: perPage }),
        }),
        totalItems: (body) => numberOf(body.TotalCount ?? body.TotalRecordCount),
      });
    case 'token':
      return paginateCursor({
        ...common,
        fetchPage: async ({ cursor }) => ({
          body: await options.fetch({ MaxResults: size, ...(cursor ? { NextToken: cursor } : {}) }),
        }),
        nextCursor: (body) => (typeof body.NextToken === 'string' ? body.NextToken : undefined),
      });
    case 'marker':
      return paginateCursor({
        ...common,
        fetchPage: async ({ cursor }) => ({
          body: await options.fetch({ MaxItems: size, ...(cursor ? { Marker: cursor } : {}) }),
        }),
        nextCursor: (body) =>
          body.IsTruncated === true && typeof body.Marker === 'string' ? body.Marker : undefined,
      });
    default:
      return (async function* () {
        yield* options.items(await options.fetch({}));
      })();
  }
}

function numberOf(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** `body.A.B` as an array: Alibaba wraps lists in an object named for the item (`Instances.Instance`). */
export function listAt(body: unknown, ...path: string[]): Record<string, unknown>[] {
  let value: unknown = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return [];
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
}
