import { type HttpClient, paginatePages, type QueryValue } from '@cloud-inventory/driver-kit';

/** Path prefix of the Atlas Administration API v2. */
export const atlasApiPrefix = '/api/atlas/v2';

// NOTE: every v2 resource is versioned by date through the Accept header; a call without one gets
// the oldest version (2023-01-01). These are the versions the Admin API v2 OpenAPI spec documents
// for each list call (mongodb/openapi, atlas-sdk-go openapi/atlas-api-transformed.yaml).
/** The `application/vnd.atlas.<date>+json` version of each call the driver makes. */
export const atlasApiVersions = {
  projects: '2023-01-01',
  clusters: '2024-08-05',
  flexClusters: '2024-11-13',
  serverless: '2023-01-01',
  databaseUsers: '2023-01-01',
  accessList: '2023-01-01',
  customRoles: '2023-01-01',
  snapshots: '2023-01-01',
  shardedSnapshots: '2023-01-01',
  processArgs: '2024-08-05',
  backupSchedule: '2024-08-05',
  alertConfigs: '2023-01-01',
  integrations: '2023-01-01',
  events: '2023-01-01',
  dataFederation: '2023-01-01',
  searchIndexes: '2024-05-30',
  privateEndpoints: '2023-01-01',
  containers: '2023-01-01',
  peers: '2023-01-01',
} as const;

/** A call name of `atlasApiVersions`. */
export type AtlasCall = keyof typeof atlasApiVersions;

/** The Accept header of a versioned Atlas resource. */
export function atlasAccept(call: AtlasCall): string {
  return `application/vnd.atlas.${atlasApiVersions[call]}+json`;
}

/** `{ href, rel }` links of an Atlas answer. */
export interface AtlasLink {
  /** URL. */
  href?: string;
  /** Relation: `self`, `next`, `previous`. */
  rel?: string;
}

/** A paginated Atlas answer: `{ results, totalCount, links }`. */
export interface AtlasPage<Item> {
  /** Items of this page. */
  results?: Item[];
  /** Items in the whole list (with `includeCount=true`). */
  totalCount?: number;
  /** `self`, and `next` / `previous` where they exist. */
  links?: AtlasLink[];
}

/** What every request needs: the client, a service label and the signal. */
export interface AtlasCallContext {
  /** HTTP client (digest auth, retries). */
  client: HttpClient;
  /** Service label of errors and rate-limit reports. */
  service: string;
  /** Stops the call. */
  signal: AbortSignal;
}

/** GET one versioned Atlas resource (a path under `/api/atlas/v2`). */
export async function atlasGet<Body>(
  context: AtlasCallContext,
  call: AtlasCall,
  path: string,
  query?: Record<string, QueryValue>,
): Promise<Body> {
  const response = await context.client.get<Body>(`${atlasApiPrefix}${path}`, {
    headers: { accept: atlasAccept(call) },
    signal: context.signal,
    service: context.service,
    responseType: 'json',
    ...(query ? { query } : {}),
  });
  return response.body;
}

/** Options of `listAtlasPages`. */
export interface ListAtlasPagesOptions {
  /** Versioned call. */
  call: AtlasCall;
  /** Path under `/api/atlas/v2`. */
  path: string;
  /** Page size (1 to 500). */
  itemsPerPage: number;
  /** Extra query parameters (`minDate`, `providerName`). */
  query?: Record<string, QueryValue>;
}

/**
 * Every item of a paginated Atlas list: `pageNum` from 1, `itemsPerPage`, `includeCount=true`,
 * until the answer has no `next` link (or, without links, `totalCount` items were read).
 */
export function listAtlasPages<Item>(
  context: AtlasCallContext,
  options: ListAtlasPagesOptions,
): AsyncGenerator<Item> {
  return paginatePages<Item, AtlasPage<Item>>({
    perPage: options.itemsPerPage,
    signal: context.signal,
    label: `GET ${atlasApiPrefix}${options.path}`,
    fetchPage: async ({ page, perPage }) => ({
      body: await atlasGet<AtlasPage<Item>>(context, options.call, options.path, {
        ...options.query,
        pageNum: page,
        itemsPerPage: perPage,
        includeCount: true,
      }),
    }),
    items: (body) => body?.results ?? [],
    isLastPage: ({ body, fetchedCount, itemCount, perPage }) => {
      if (body?.links?.some((link) => link.rel === 'next')) return false;
      if (typeof body?.totalCount === 'number') return fetchedCount >= body.totalCount;
      return itemCount < perPage;
    },
  });
}

/** Drain an async iterable into an array. */
export async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** A path segment, escaped (cluster names are safe, database and user names may not be). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
