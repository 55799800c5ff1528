import { readChangeLog } from '../storage/change-log.ts';
import { runBounded } from '../storage/digest-index.ts';
import type { InventoryResources } from '../storage/inventory-resources.ts';
import { isNotFound, type ObjectStore } from '../storage/object-store.ts';
import { versionRecordId } from '../storage/record-ids.ts';
import { matchesFilter, type ResourceFilter } from './resource-filter.ts';

/**
 * A resource as it was at a moment, in the shape of a current export (`listResources` records):
 * the same fields, taken from the version current then (`latestVersion`, name, region, tags,
 * labels, `lastChangedAt` = when that version was captured), plus `version` and, when the resource
 * is gone now, `deletedSince`.
 */
export interface InventoryAtEntry {
  /** Snapshot record id (as `id` in a current export). */
  id: string;
  /** Same as `id` (kept for earlier readers). */
  snapshotId: string;
  cloudId: string;
  driver: string | null;
  accountId: string | null;
  resourceType: string;
  resourceId: string;
  service: string;
  region: string;
  name: string | null;
  /** Always `active`: the resource existed at that moment. */
  status: 'active';
  /** Version current at that moment. */
  latestVersion: number;
  /** Same as `latestVersion`. */
  version: number;
  firstSeenAt: string | null;
  /** When the version current then was captured. */
  lastChangedAt: string | null;
  tags: Record<string, unknown>;
  labels: Record<string, unknown>;
  /** Deleted since (present when the resource is gone now). */
  deletedSince?: string;
  /** Same as `deletedSince`, the column a current export names it by. */
  deletedAt?: string;
  /** The frozen configuration, with `withConfiguration`. */
  configuration?: unknown;
}

/** What `inventoryAt` reads. */
export interface InventoryAtSources {
  resources: InventoryResources;
  store: ObjectStore;
  cloudIds: string[];
}

/**
 * The inventory as it was at `at`, with every filter `listResources` accepts (`withDeletedSince:
 * false` skips the per-entry reads: the entries then carry only what the change log knows) (`status`: `active`
 * keeps what still exists now, `deleted` what is gone now; default all). It folds the change logs
 * up to that moment, then reads the version current then and the snapshot of each resource it
 * returns (bounded, 16 at a time), never the whole history.
 */
export async function inventoryAt(
  sources: InventoryAtSources,
  at: string | Date,
  filter: ResourceFilter = {},
  options: { withConfiguration?: boolean; withDeletedSince?: boolean } = {},
): Promise<InventoryAtEntry[]> {
  const moment = new Date(at).toISOString();
  // Without the per-entry reads (a caller that pages reads them for its page), entries carry what
  // the change log knows; tag and status filters and configurations need the reads.
  const details =
    options.withDeletedSince !== false ||
    options.withConfiguration === true ||
    filter.tags !== undefined ||
    (filter.status !== undefined && filter.status !== 'all');
  const clouds = filter.cloudId ? [filter.cloudId] : sources.cloudIds;
  const output: InventoryAtEntry[] = [];
  for (const cloudId of clouds) {
    const driver = await driverOf(sources.resources, cloudId);
    if (filter.driver && driver !== filter.driver) continue;
    const alive = await aliveAt(sources.store, cloudId, moment);
    const candidates = [...alive.values()].filter((item) =>
      matchesFilter(
        { ...item, driver: driver ?? undefined, status: 'active' },
        {
          ...filter,
          driver: undefined,
          status: 'all',
          tags: undefined,
        },
      ),
    );
    if (!details) {
      output.push(...candidates.map((item) => changeLogEntry(item, driver)));
      continue;
    }
    const entries: InventoryAtEntry[] = new Array(candidates.length);
    await runBounded(
      candidates.map((_, position) => position),
      16,
      async (position) => {
        entries[position] = await entryOf(
          sources.resources,
          candidates[position]!,
          driver,
          options,
        );
      },
    );
    for (const entry of entries) {
      const tagged = { tags: entry.tags, labels: entry.labels };
      if (filter.tags && !matchesFilter(tagged, { tags: filter.tags, status: 'all' })) continue;
      if (filter.status === 'active' && entry.deletedSince) continue;
      if (filter.status === 'deleted' && !entry.deletedSince) continue;
      output.push(entry);
    }
  }
  return output;
}

interface AliveItem {
  snapshotId: string;
  cloudId: string;
  resourceType: string;
  resourceId: string;
  service: string;
  region: string;
  name: string | null;
  version: number;
}

// Fold a cloud's change log up to the moment: what was alive then, at which version.
async function aliveAt(store: ObjectStore, cloudId: string, moment: string) {
  const state = new Map<string, AliveItem & { alive: boolean }>();
  for (const entry of await readChangeLog(store, cloudId, { until: moment })) {
    const current = state.get(entry.snapshotId);
    state.set(entry.snapshotId, {
      snapshotId: entry.snapshotId,
      cloudId,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      service: entry.service,
      region: entry.region,
      name: entry.name ?? current?.name ?? null,
      version: entry.kind === 'deleted' ? (current?.version ?? entry.version) : entry.version,
      alive: entry.kind !== 'deleted',
    });
  }
  const alive = new Map<string, AliveItem>();
  for (const [id, { alive: isAlive, ...item }] of state) if (isAlive) alive.set(id, item);
  return alive;
}

// An entry from the change log alone: no tags, labels, account or dates (they need the records).
function changeLogEntry(item: AliveItem, driver: string | null): InventoryAtEntry {
  return {
    id: item.snapshotId,
    snapshotId: item.snapshotId,
    cloudId: item.cloudId,
    driver,
    accountId: null,
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    service: item.service,
    region: item.region,
    name: item.name,
    status: 'active',
    latestVersion: item.version,
    version: item.version,
    firstSeenAt: null,
    lastChangedAt: null,
    tags: {},
    labels: {},
  };
}

async function entryOf(
  resources: InventoryResources,
  item: AliveItem,
  driver: string | null,
  options: { withConfiguration?: boolean },
): Promise<InventoryAtEntry> {
  const [version, snapshot] = await Promise.all([
    getOrNull(resources.versions, versionRecordId(item.snapshotId, item.version)),
    getOrNull(resources.snapshots, item.snapshotId),
  ]);
  const summary = (version?.summary ?? {}) as Record<string, any>;
  const entry: InventoryAtEntry = {
    id: item.snapshotId,
    snapshotId: item.snapshotId,
    cloudId: item.cloudId,
    driver: snapshot?.driver ?? version?.driver ?? driver,
    accountId: summary.accountId ?? snapshot?.accountId ?? null,
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    service: summary.service ?? item.service,
    region: summary.region ?? item.region,
    name: summary.name ?? item.name,
    status: 'active',
    latestVersion: item.version,
    version: item.version,
    firstSeenAt: snapshot?.firstSeenAt ?? null,
    lastChangedAt: version?.capturedAt ?? null,
    tags: summary.tags ?? {},
    labels: summary.labels ?? {},
  };
  if (snapshot?.status === 'deleted' && snapshot.deletedAt) {
    entry.deletedSince = snapshot.deletedAt;
    entry.deletedAt = snapshot.deletedAt;
  }
  if (options.withConfiguration) entry.configuration = version?.configuration ?? null;
  return entry;
}

async function driverOf(resources: InventoryResources, cloudId: string): Promise<string | null> {
  const summary = await getOrNull(resources.clouds, cloudId);
  return typeof summary?.driver === 'string' ? summary.driver : null;
}

async function getOrNull(resource: any, id: string): Promise<Record<string, any> | null> {
  try {
    return await resource.get(id);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
