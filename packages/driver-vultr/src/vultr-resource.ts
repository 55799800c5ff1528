import type { CloudResource } from '@cloud-inventory/core';
import {
  buildResource,
  type HttpClient,
  type ListStep,
  tagsFromStrings,
} from '@cloud-inventory/driver-kit';
import { listVultr, type VultrObject } from './vultr-list.ts';
import type { VultrSharedLists } from './vultr-shared-lists.ts';

/** Which regions a run lists. */
export interface VultrRegionSelection {
  /** Regions an account-wide listing of a regional service is reported complete (or failed) in. */
  covered: readonly string[];
  /** Whether a resource of `region` is kept (`global` always is). */
  keep: (region: string) => boolean;
}

/** What every step of one run shares. */
export interface VultrRunContext {
  /** The API client. */
  client: HttpClient;
  /** `per_page` of paged list calls. */
  perPage: number;
  /** Account id recorded on every resource. */
  accountId: string;
  /** Regions of the run. */
  regions: VultrRegionSelection;
  /** Parent lists read once per run by the steps that need them. */
  shared: VultrSharedLists;
}

/** One resource to build. */
export interface VultrResourceInput {
  /** Service, as in the catalog. */
  service: string;
  /** Resource type, as in the catalog. */
  resourceType: string;
  /** Provider id. */
  id: string | number | undefined;
  /** Display name. */
  name?: string | null | undefined;
  /** Region as the API spells it (databases answer `EWR`); empty or absent is `global`. */
  region?: unknown;
  /** Tags: Vultr's string arrays (`["env:prod", "web"]`). */
  tags?: readonly unknown[] | undefined;
  /** The API object, versioned as is. */
  configuration: unknown;
  /** Not digested: links to a parent. */
  metadata?: Record<string, unknown>;
}

/** The region of an object, lower case (the ids `GET /regions` uses), or `global`. */
export function vultrRegionOf(region: unknown): string {
  return typeof region === 'string' && region.trim() !== ''
    ? region.trim().toLowerCase()
    : 'global';
}

/** Tags from a Vultr object's `tags` array, or its single (deprecated) `tag` string. */
export function vultrTagStrings(item: VultrObject): readonly unknown[] | undefined {
  if (Array.isArray(item.tags)) return item.tags;
  return typeof item.tag === 'string' && item.tag !== '' ? [item.tag] : undefined;
}

/** Build a Vultr CloudResource. */
export function vultrResource(context: VultrRunContext, input: VultrResourceInput): CloudResource {
  return buildResource({
    provider: 'vultr',
    accountId: context.accountId,
    region: vultrRegionOf(input.region),
    service: input.service,
    resourceType: input.resourceType,
    resourceId: input.id ?? '',
    name: input.name ?? null,
    tags: tagsFromStrings(input.tags),
    configuration: input.configuration,
    ...(input.metadata ? { metadata: input.metadata } : {}),
  });
}

/** A plain list endpoint whose every item is one resource. */
export interface VultrCollection<Item extends VultrObject = VultrObject> {
  /** Service, as in the catalog. */
  service: string;
  /** Resource type of every item. */
  resourceType: string;
  /** Path under the base URL (`/instances`). */
  path: string;
  /** Body key of the list. */
  key: string;
  /** False for lists the API does not page (`GET /databases`). @default true */
  paged?: boolean;
  /** Items carry a `region`: the listing is reported for every covered region. */
  regional: boolean;
  /** Id of an item. @default item.id */
  id?: (item: Item) => string | number | undefined;
  /** Display name of an item. */
  name: (item: Item) => string | null | undefined;
  /** Tags of an item. @default `tags`, else `tag` */
  tags?: (item: Item) => readonly unknown[] | undefined;
}

/** Resources of a collection, dropping those of regions the run does not keep. */
export async function* listCollection<Item extends VultrObject>(
  collection: VultrCollection<Item>,
  context: VultrRunContext,
  signal: AbortSignal,
): AsyncGenerator<CloudResource> {
  const items = listVultr<Item>(context.client, {
    path: collection.path,
    key: collection.key,
    perPage: collection.paged === false ? undefined : context.perPage,
    service: collection.service,
    signal,
  });
  for await (const item of items) {
    const resource = vultrResource(context, {
      service: collection.service,
      resourceType: collection.resourceType,
      id: collection.id ? collection.id(item) : item.id,
      name: collection.name(item),
      region: item.region,
      tags: (collection.tags ?? vultrTagStrings)(item),
      configuration: item,
    });
    if (context.regions.keep(resource.region ?? 'global')) yield resource;
  }
}

/** The step listing one collection: one call, one resource type. */
export function collectionStep<Item extends VultrObject>(
  collection: VultrCollection<Item>,
  context: VultrRunContext,
): ListStep {
  return {
    service: collection.service,
    resourceTypes: [collection.resourceType],
    call: `GET /v2${collection.path}`,
    ...(collection.regional ? { coversRegions: context.regions.covered } : {}),
    list: ({ signal }) => listCollection(collection, context, signal),
  };
}

/** A string field of an object, or undefined. */
export function stringField(item: VultrObject, field: string): string | undefined {
  const value = item[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
