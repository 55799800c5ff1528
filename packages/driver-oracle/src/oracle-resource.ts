import type { CloudResource } from '@cloud-inventory/core';
import { buildResource } from '@cloud-inventory/driver-kit';

/** Freeform and defined tags of an OCI resource: freeform as they are, defined as `<namespace>.<key>`. */
export function oracleTags(item: object): Record<string, string> {
  const record = item as {
    freeformTags?: Record<string, unknown> | null;
    definedTags?: Record<string, Record<string, unknown> | null> | null;
  };
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(record.freeformTags ?? {}))
    tags[key] = String(value ?? '');
  for (const [namespace, entries] of Object.entries(record.definedTags ?? {})) {
    for (const [key, value] of Object.entries(entries ?? {})) {
      tags[`${namespace}.${key}`] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return tags;
}

/** What `oracleResource` needs besides the API item. */
export interface OracleResourceInput {
  /** Account id of the cloud. */
  accountId: string;
  /** Region of the resource, or `global`. */
  region: string;
  /** Catalog service. */
  service: string;
  /** Resource type. */
  resourceType: string;
  /** OCID (or the natural id where there is none). */
  resourceId: string;
  /** Display name. */
  name: string | undefined;
  /** The API's payload. */
  item: object;
}

/** A CloudResource from an OCI list item: the whole payload as configuration, tags from both kinds. */
export function oracleResource(input: OracleResourceInput): CloudResource {
  const compartmentId = (input.item as { compartmentId?: unknown }).compartmentId;
  return buildResource({
    provider: 'oracle',
    accountId: input.accountId,
    region: input.region,
    service: input.service,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
    name: input.name ?? null,
    tags: oracleTags(input.item),
    configuration: input.item,
    ...(typeof compartmentId === 'string' ? { metadata: { compartmentId } } : {}),
  });
}

/** The usual OCI name fields: `displayName`, else `name`. */
export function oracleNameOf(item: object): string | undefined {
  const record = item as { displayName?: unknown; name?: unknown };
  if (typeof record.displayName === 'string') return record.displayName;
  return typeof record.name === 'string' ? record.name : undefined;
}
