import type { CloudInventoryPlugin, ResourceReference } from '@cloud-inventory/core';
import { CliError } from '../errors/cli-error.ts';

/** A resource found from a command-line id, with the reference to use in later queries. */
export interface FoundResource {
  /** Reference for getHistory, getVersion, diffVersions. */
  reference: ResourceReference;
  /** The snapshot. */
  snapshot: Record<string, unknown>;
}

/**
 * Find a resource by the id `list` prints (`cloudId:resourceType:resourceId`, provider id encoded)
 * or the same with the provider's raw id (`aws-prod:aws.s3.bucket:arn:aws:s3:::logs/2024`).
 */
export async function findResource(
  plugin: CloudInventoryPlugin,
  id: string,
): Promise<FoundResource> {
  const direct = await plugin.getResource(id).catch(() => null);
  if (direct) return { reference: String(direct.id ?? id), snapshot: direct };
  const [cloudId, resourceType, ...rest] = id.split(':');
  if (cloudId && resourceType && rest.length > 0) {
    const reference = { cloudId, resourceType, resourceId: rest.join(':') };
    const structured = await plugin.getResource(reference).catch(() => null);
    if (structured) return { reference, snapshot: structured };
  }
  throw new CliError({
    message: `no resource "${id}" in the store`,
    hint: 'ids look like <cloudId>:<resourceType>:<resourceId>; `cloud-inventory list --name <text>` prints them',
  });
}
