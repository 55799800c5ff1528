import type { CloudResource } from '@cloud-inventory/core';
import { paginateCursor } from '@cloud-inventory/driver-kit';
import { computeRegion, regionOfScopeKey } from './gcp-locations.ts';
import {
  fullResourceName,
  type GcpItem,
  type GcpListContext,
  type GcpListingDefinition,
  type GcpTypeEntry,
  gcpResource,
  projectPath,
} from './gcp-resource.ts';

/** One item of an aggregated list with the scope key it came under (`zones/us-central1-a`). */
export interface AggregatedItem {
  /** Scope key of the `items` map. */
  scope: string;
  /** The resource. */
  item: GcpItem;
}

/**
 * `compute.<collection>.aggregatedList`: one call for every zone and region of the project, in
 * pages that cut across zones (`items` is a map from scope to `{ <key>: [...] }` or a warning).
 * Without `returnPartialSuccess` an unreachable zone fails the call instead of going missing.
 */
export function listAggregated(
  context: GcpListContext,
  collection: string,
  key: string = collection,
): AsyncGenerator<AggregatedItem> {
  const path = `/compute/v1/${projectPath(context.project)}/aggregated/${collection}`;
  return paginateCursor<AggregatedItem, GcpItem>({
    signal: context.signal,
    label: `GET ${path}`,
    fetchPage: async ({ cursor }) => ({
      body: await context.client.get<GcpItem>({
        api: 'compute',
        path,
        query: { maxResults: context.client.pageSize, ...(cursor ? { pageToken: cursor } : {}) },
        project: context.project,
        service: context.service,
        signal: context.signal,
      }),
    }),
    items: (body) =>
      Object.entries((body.items ?? {}) as Record<string, GcpItem>).flatMap(([scope, value]) =>
        Array.isArray(value?.[key])
          ? (value[key] as GcpItem[]).map((item) => ({ scope, item }))
          : [],
      ),
    nextCursor: (body) => (typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined),
  });
}

/** `compute.<collection>.list` of a global collection (`/global/networks`). */
export function listComputeGlobal(
  context: GcpListContext,
  collection: string,
): AsyncGenerator<GcpItem> {
  return context.client.list<GcpItem>({
    api: 'compute',
    path: `/compute/v1/${projectPath(context.project)}/global/${collection}`,
    itemsKey: 'items',
    pageSizeParam: 'maxResults',
    project: context.project,
    service: context.service,
    signal: context.signal,
  });
}

/** The relative name of a Compute resource (`projects/p/zones/z/instances/n`) from its selfLink or scope. */
export function computeRelativeName(
  item: GcpItem,
  project: string,
  collection: string,
  scope = 'global',
): string {
  const link = typeof item.selfLink === 'string' ? item.selfLink : '';
  const match = /\/compute\/(?:v1|beta|alpha)\/(projects\/.+)$/.exec(link);
  if (match) return match[1]!;
  return `projects/${project}/${scope}/${collection}/${String(item.name ?? item.id)}`;
}

/** A Compute resource: full resource name as id, zone's region as region, labels, optional network tags. */
export function computeResource(
  context: GcpListContext,
  type: string,
  collection: string,
  item: GcpItem,
  options: { scope?: string; tags?: unknown } = {},
): CloudResource {
  const region = options.scope ? regionOfScopeKey(options.scope) : computeRegion(item);
  return gcpResource({
    context,
    type,
    id: fullResourceName(
      'compute',
      computeRelativeName(item, context.project, collection, options.scope),
    ),
    name: item.name,
    region,
    configuration: item,
    labels: item.labels,
    ...(options.tags === undefined ? {} : { tags: options.tags }),
  });
}

/** A Compute collection listed with one aggregated call for every zone and region. */
export function aggregatedDefinition(options: {
  service: string;
  entry: GcpTypeEntry;
  collection: string;
  permission: string;
  tags?: (item: GcpItem) => unknown;
}): GcpListingDefinition {
  return {
    service: options.service,
    types: [options.entry],
    api: 'compute',
    method: `compute.${options.collection}.aggregatedList`,
    permission: options.permission,
    placement: 'regional',
    list: async function* (context) {
      for await (const { scope, item } of listAggregated(context, options.collection)) {
        const tags = options.tags?.(item);
        yield computeResource(context, options.entry.type, options.collection, item, {
          scope,
          ...(tags === undefined ? {} : { tags }),
        });
      }
    },
  };
}

/** A global Compute collection (`/global/<collection>`). */
export function globalDefinition(options: {
  service: string;
  entry: GcpTypeEntry;
  collection: string;
  permission: string;
}): GcpListingDefinition {
  return {
    service: options.service,
    types: [options.entry],
    api: 'compute',
    method: `compute.${options.collection}.list`,
    permission: options.permission,
    placement: 'global',
    list: async function* (context) {
      for await (const item of listComputeGlobal(context, options.collection)) {
        yield computeResource(context, options.entry.type, options.collection, item, {
          scope: 'global',
        });
      }
    },
  };
}

/** Network tags (`tags.items`) as a tag map, so `tags` shows them. */
export function networkTags(tags: unknown): string[] {
  const items = (tags as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? items.filter((tag): tag is string => typeof tag === 'string') : [];
}
