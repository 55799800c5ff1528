import type { CloudResource } from '@cloud-inventory/core';

/** The resources of one type, in listing order. */
export function ofType(resources: readonly CloudResource[], type: string): CloudResource[] {
  return resources.filter((resource) => resource.resourceType === type);
}

/** The resources of one type, keyed by resource id. */
export function byId(
  resources: readonly CloudResource[],
  type: string,
): Map<string, CloudResource> {
  return new Map(ofType(resources, type).map((resource) => [resource.resourceId, resource]));
}

/** How many resources of each type were listed. */
export function countByType(resources: readonly CloudResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) {
    counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
  }
  return counts;
}
