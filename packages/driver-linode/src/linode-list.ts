import { type CloudResource, DriverError } from '@cloud-inventory/core';
import {
  buildResource,
  type HttpClient,
  paginatePages,
  tagsFromStrings,
} from '@cloud-inventory/driver-kit';

/** API version of a call: GA operations are under `/v4`, operations still in beta under `/v4beta`. */
export type LinodeApiVersion = 'v4' | 'v4beta';

/** One page of a Linode collection: `{ data, page, pages, results }`. */
export interface LinodePage<Item> {
  /** Items of this page. */
  data: Item[];
  /** Number of this page (1-based). */
  page: number;
  /** Number of pages of the collection. */
  pages: number;
  /** Items of the whole collection. */
  results: number;
}

/** A Linode object as listed: only the fields the driver reads are typed, everything is kept. */
export interface LinodeObject {
  /** Numeric id (most objects) or slug (images). */
  id?: number | string;
  /** Display name of most objects. */
  label?: string;
  /** Region slug of regional objects. */
  region?: string;
  /** Tags as strings (`"env:prod"`, `"web"`). */
  tags?: string[];
  [field: string]: unknown;
}

/** What every step's lister needs. */
export interface LinodeListContext {
  /** HTTP client bound to the API base URL (without version). */
  client: HttpClient;
  /** `page_size` of list calls. */
  pageSize: number;
  /** Account id recorded on the resources. */
  accountId: string | undefined;
  /** False for a region outside `config.regions` (its resources are dropped). */
  keepRegion: (region: string) => boolean;
}

/** Options of one collection listing. */
export interface LinodeCollectionOptions {
  /** Path after the version, e.g. `/linode/instances`. */
  path: string;
  /** API version. @default 'v4' */
  version?: LinodeApiVersion;
  /** `X-Filter` header (Linode's JSON filter language), e.g. `{ mine: true }`. */
  filter?: Record<string, unknown>;
  /** Service named in rate-limit reports and errors. */
  service: string;
  /** Aborts the listing. */
  signal: AbortSignal;
}

/** `GET /v4/linode/instances`: the call as a user grants it and reads it in a scope report. */
export function linodeCall(path: string, version: LinodeApiVersion = 'v4'): string {
  return `GET /${version}${path}`;
}

/**
 * Every item of a Linode collection, page after page (`page`, `page_size`) until the page the
 * answer's `pages` names; a body without a `data` array fails the listing instead of ending it,
 * so a malformed answer never looks like an empty (complete) collection.
 */
export function listLinodeCollection<Item = LinodeObject>(
  context: LinodeListContext,
  options: LinodeCollectionOptions,
): AsyncGenerator<Item> {
  const version = options.version ?? 'v4';
  const path = `/${version}${options.path}`;
  const headers = options.filter ? { 'x-filter': JSON.stringify(options.filter) } : undefined;
  return paginatePages<Item, LinodePage<Item>>({
    perPage: context.pageSize,
    signal: options.signal,
    label: `GET ${path}`,
    fetchPage: ({ page, perPage }) =>
      context.client.get<LinodePage<Item>>(path, {
        query: { page, page_size: perPage },
        ...(headers ? { headers } : {}),
        signal: options.signal,
        service: options.service,
      }),
    items: (body) => {
      if (!body || typeof body !== 'object' || !Array.isArray(body.data)) {
        throw new DriverError({
          message: `Linode answered GET ${path} without a "data" list; the collection was not listed.`,
          errorClass: 'unknown',
          service: options.service,
          retryable: false,
        });
      }
      return body.data;
    },
    isLastPage: ({ page, body }) =>
      typeof body.pages === 'number' ? page >= body.pages : undefined,
  });
}

/** Every item of a collection, in one array (child collections: node pools, records, configs). */
export async function readLinodeCollection<Item = LinodeObject>(
  context: LinodeListContext,
  options: LinodeCollectionOptions,
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of listLinodeCollection<Item>(context, options)) items.push(item);
  return items;
}

/** Fields of a Linode resource besides the payload. */
export interface LinodeResourceInput {
  /** Service of the catalog. */
  service: string;
  /** Resource type of the catalog. */
  resourceType: string;
  /** Stable id. */
  resourceId: string | number;
  /** Display name. @default the payload's `label` */
  name?: string | null;
  /** Region slug, or `global`. @default the payload's `region`, else `global` */
  region?: string;
  /** Tags as strings. @default the payload's `tags` */
  tags?: readonly unknown[];
  /** Not digested: references to parents. */
  metadata?: Record<string, unknown>;
}

/** A CloudResource for a Linode payload: the whole payload as configuration, `tags` strings as a map (`"env:prod"` -> `{ env: 'prod' }`). */
export function linodeResource(
  context: Pick<LinodeListContext, 'accountId'>,
  payload: LinodeObject,
  input: LinodeResourceInput,
): CloudResource {
  const region =
    input.region ??
    (typeof payload.region === 'string' && payload.region ? payload.region : 'global');
  return buildResource({
    provider: 'linode',
    ...(context.accountId === undefined ? {} : { accountId: context.accountId }),
    region,
    service: input.service,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
    name: input.name === undefined ? (payload.label ?? null) : input.name,
    tags: tagsFromStrings(input.tags ?? payload.tags),
    configuration: payload,
    ...(input.metadata ? { metadata: input.metadata } : {}),
  });
}

/** The resource, unless its region is outside `config.regions`. */
export function keptResource(
  context: LinodeListContext,
  resource: CloudResource,
): CloudResource | undefined {
  const region = resource.region ?? 'global';
  return region === 'global' || context.keepRegion(region) ? resource : undefined;
}
