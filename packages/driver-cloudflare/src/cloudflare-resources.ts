import type { CloudResource } from '@cloud-inventory/core';
import { buildResource } from '@cloud-inventory/driver-kit';

/** A listed Cloudflare object, as the API returned it. */
export type CloudflareObject = Record<string, unknown>;

/** The zone a zone-scoped object belongs to. */
export interface CloudflareZoneReference {
  /** Zone id (32 hex characters). */
  id: string;
  /** Zone name (the domain). */
  name: string;
}

/** What mapping one object needs. */
export interface CloudflareMappingContext {
  /** Account id recorded on every resource. */
  accountId: string;
  /** The zone of zone-scoped objects. */
  zone?: CloudflareZoneReference;
}

/** How one resource type is read out of its API objects. */
export interface CloudflareResourceMapping {
  /** Service of the catalog. */
  service: string;
  /** Resource type. */
  resourceType: string;
  /** The object's own id. @default `id` */
  id?: (item: CloudflareObject) => unknown;
  /** Display name. @default `name` */
  name?: (item: CloudflareObject) => unknown;
  /** Tags (`["name:value"]` strings or a map). */
  tags?: (item: CloudflareObject) => unknown;
  /** Region: a location, or undefined for `global`. */
  region?: (item: CloudflareObject) => string | undefined;
}

/** A non-empty string, or undefined. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The CloudResource of one object; zone-scoped ids are `<zone id>/<own id>`. */
export function cloudflareResource(
  mapping: CloudflareResourceMapping,
  item: CloudflareObject,
  context: CloudflareMappingContext,
): CloudResource {
  const ownId = (mapping.id ?? ((object) => object.id))(item);
  const id = typeof ownId === 'number' ? String(ownId) : textOf(ownId);
  const resourceId = context.zone && id !== undefined ? `${context.zone.id}/${id}` : id;
  const name = textOf((mapping.name ?? ((object) => object.name))(item));
  return buildResource({
    provider: 'cloudflare',
    accountId: context.accountId,
    region: mapping.region?.(item) ?? 'global',
    service: mapping.service,
    resourceType: mapping.resourceType,
    resourceId: resourceId ?? '',
    name: name ?? null,
    tags: mapping.tags?.(item) ?? {},
    configuration: item,
    ...(context.zone ? { metadata: { zoneId: context.zone.id, zoneName: context.zone.name } } : {}),
  });
}
