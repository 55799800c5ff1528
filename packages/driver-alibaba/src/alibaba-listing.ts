import type { CloudResource, InventoryLogger } from '@cloud-inventory/core';
import {
  buildResource,
  type ResourceEnrichment,
  type StepContext,
} from '@cloud-inventory/driver-kit';
import type { AlibabaApi, AlibabaCallTarget } from './alibaba-api.ts';
import type { AlibabaProduct } from './alibaba-endpoints.ts';
import { type AlibabaPaging, paginateAlibaba } from './alibaba-paging.ts';
import { alibabaTags } from './alibaba-tags.ts';

/** What every listing needs. */
export interface AlibabaListingSettings {
  /** The signed, retrying API caller. */
  api: AlibabaApi;
  /** Account id recorded on every resource. */
  accountId: string;
  /** Page size of list calls. */
  pageSize: number;
  /** Cloud logger. */
  logger: InventoryLogger;
}

/** What an enrichment receives. */
export interface AlibabaEnrichInput {
  /** The API caller. */
  api: AlibabaApi;
  /** Target of the calls: the resource's region and service. */
  target: AlibabaCallTarget;
}

/** One RPC list action and the resource type it yields. */
export interface AlibabaListDefinition {
  /** Catalog service. */
  service: string;
  /** Resource type. */
  type: string;
  /** Product the action belongs to. */
  product: AlibabaProduct;
  /** RPC action (`DescribeInstances`). */
  action: string;
  /** `regional`: one call chain per region with `RegionId`; `global`: one for the account. */
  scope: 'regional' | 'global';
  /** Paging style of the action. */
  paging: AlibabaPaging;
  /** Extra parameters (`ImageOwnerAlias: 'self'`). */
  params?: Record<string, unknown>;
  /** Items of a page body. */
  items: (body: Record<string, unknown>) => Record<string, unknown>[];
  /** Field holding the id. */
  idField: string;
  /** Field holding the display name. */
  nameField?: string;
  /** Field holding the tags (any Alibaba shape). */
  tagsField?: string;
  /** Per-resource reads (attributes, rules): `reads.read(call, ...)` each. */
  enrich?: (
    input: AlibabaEnrichInput,
    resource: CloudResource,
    reads: ResourceEnrichment,
  ) => Promise<CloudResource>;
}

/** The RAM action a definition calls, as a policy names it (`ecs:DescribeInstances`). */
export function definitionCall(definition: AlibabaListDefinition): string {
  // The product keys are the RAM action prefixes (`kvstore` for Redis, `cs` for ACK).
  return `${definition.product}:${definition.action}`;
}

/** A CloudResource from an Alibaba list item: the whole item as configuration, tags normalized. */
export function alibabaResource(input: {
  accountId: string;
  region: string;
  service: string;
  resourceType: string;
  resourceId: string;
  name: string | undefined;
  tags?: unknown;
  item: object;
}): CloudResource {
  return buildResource({
    provider: 'alibaba',
    accountId: input.accountId,
    region: input.region,
    service: input.service,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
    name: input.name ?? null,
    tags: alibabaTags(input.tags),
    configuration: input.item,
  });
}

/** Every resource of a definition in one region (or the account, for global ones). */
export async function* listDefinition(
  definition: AlibabaListDefinition,
  region: string,
  settings: AlibabaListingSettings,
  context: StepContext,
): AsyncGenerator<CloudResource> {
  const target: AlibabaCallTarget = {
    product: definition.product,
    region,
    service: definition.service,
    signal: context.signal,
  };
  const base = {
    ...(definition.scope === 'regional' ? { RegionId: region } : {}),
    ...definition.params,
  };
  const items = paginateAlibaba({
    paging: definition.paging,
    pageSize: settings.pageSize,
    signal: context.signal,
    label: definitionCall(definition),
    items: definition.items,
    fetch: (paging) => settings.api.rpc(target, definition.action, { ...base, ...paging }),
  });
  for await (const item of items) {
    const id = item[definition.idField];
    if (typeof id !== 'string' || id === '') continue;
    const name = definition.nameField ? item[definition.nameField] : undefined;
    yield alibabaResource({
      accountId: settings.accountId,
      region: definition.scope === 'regional' ? region : 'global',
      service: definition.service,
      resourceType: definition.type,
      resourceId: id,
      name: typeof name === 'string' && name !== '' ? name : id,
      tags: definition.tagsField ? item[definition.tagsField] : undefined,
      item,
    });
  }
}

/** The resource with `extra` merged into its configuration (an enrichment's answer). */
export function withConfiguration(
  resource: CloudResource,
  extra: Record<string, unknown>,
): CloudResource {
  return { ...resource, configuration: { ...(resource.configuration as object), ...extra } };
}
