import type { InventoryLogger } from '@cloud-inventory/core';
import { DriverError } from '@cloud-inventory/core';
import type { GcpApiClient } from './gcp-api-client.ts';

/**
 * Compute Engine regions known when this driver was written, used only when the project's own
 * list (`compute.regions.list`) cannot be read (Compute Engine API disabled or denied).
 */
export const gcpKnownRegions: readonly string[] = [
  'africa-south1',
  'asia-east1',
  'asia-east2',
  'asia-northeast1',
  'asia-northeast2',
  'asia-northeast3',
  'asia-south1',
  'asia-south2',
  'asia-southeast1',
  'asia-southeast2',
  'australia-southeast1',
  'australia-southeast2',
  'europe-central2',
  'europe-north1',
  'europe-north2',
  'europe-southwest1',
  'europe-west1',
  'europe-west2',
  'europe-west3',
  'europe-west4',
  'europe-west6',
  'europe-west8',
  'europe-west9',
  'europe-west10',
  'europe-west12',
  'me-central1',
  'me-central2',
  'me-west1',
  'northamerica-northeast1',
  'northamerica-northeast2',
  'northamerica-south1',
  'southamerica-east1',
  'southamerica-west1',
  'us-central1',
  'us-east1',
  'us-east4',
  'us-east5',
  'us-south1',
  'us-west1',
  'us-west2',
  'us-west3',
  'us-west4',
];

/** The last path segment of a URL or resource name (`.../zones/us-central1-a` → `us-central1-a`). */
export function lastSegment(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const parts = value.split('/').filter((part) => part !== '');
  return parts.at(-1);
}

/** The region of a zone name (`us-central1-a` → `us-central1`); a region name is returned as is. */
export function regionOfZone(zone: string): string {
  return /^[a-z]+-[a-z]+\d+-[a-z]$/.test(zone) ? zone.replace(/-[a-z]$/, '') : zone;
}

/**
 * The region of a Compute Engine resource: its `zone` (a zonal resource is in its zone's region),
 * else its `region`, else `global`.
 */
export function computeRegion(item: { zone?: unknown; region?: unknown }): string {
  const zone = lastSegment(item.zone);
  if (zone) return regionOfZone(zone);
  return lastSegment(item.region) ?? 'global';
}

/** The region of an aggregated-list scope key (`zones/us-central1-a`, `regions/us-east1`, `global`). */
export function regionOfScopeKey(key: string): string {
  const [kind, name] = key.split('/');
  if (kind === 'zones' && name) return regionOfZone(name);
  if (kind === 'regions' && name) return name;
  return 'global';
}

/** The `locations/<id>` segment of a resource name, if any. */
export function locationOfName(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  return /\/locations\/([^/]+)/.exec(name)?.[1];
}

/**
 * The inventory region of a Google location: a region (or a zone's region) when it is one of the
 * project's regions, otherwise `global` (multi-regions such as `US` or `eu`, dual-regions, `global`).
 */
export function regionOfLocation(location: unknown, regions: ReadonlySet<string>): string {
  if (typeof location !== 'string' || location === '') return 'global';
  const lower = regionOfZone(location.toLowerCase());
  return regions.has(lower) ? lower : 'global';
}

/** The project's regions from `compute.regions.list`, or the built-in list when it cannot be read. */
export async function discoverGcpRegions(options: {
  client: GcpApiClient;
  project: string;
  signal: AbortSignal;
  logger?: InventoryLogger;
}): Promise<{ regions: string[]; fromApi: boolean }> {
  try {
    const regions: string[] = [];
    for await (const region of options.client.list<{ name?: string }>({
      api: 'compute',
      path: `/compute/v1/projects/${encodeURIComponent(options.project)}/regions`,
      itemsKey: 'items',
      pageSizeParam: 'maxResults',
      project: options.project,
      signal: options.signal,
    })) {
      if (typeof region.name === 'string') regions.push(region.name);
    }
    if (regions.length > 0) return { regions, fromApi: true };
  } catch (error) {
    // Refused credentials end the run; anything else falls back to the built-in list.
    if (DriverError.isInstance(error) && error.errorClass === 'auth' && error.statusCode === 401) {
      throw error;
    }
    options.signal.throwIfAborted();
    options.logger?.warn('could not list the regions of the project; using the built-in list', {
      project: options.project,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return { regions: [...gcpKnownRegions], fromApi: false };
}
