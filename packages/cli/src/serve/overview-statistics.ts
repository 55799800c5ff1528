import type { CloudInventoryPlugin } from '@cloud-inventory/core';

/** Changes of one day (UTC), by kind. */
export interface DailyChanges {
  /** `YYYY-MM-DD`. */
  day: string;
  created: number;
  updated: number;
  deleted: number;
  restored: number;
  /** Active resources at the end of that day. */
  size: number;
}

/** What the overview shows of one cloud, folded from its change feed. */
export interface CloudStatistics {
  /** Cloud id. */
  cloudId: string;
  /** Active resources by resource type. */
  byType: Record<string, number>;
  /** Active resources by region. */
  byRegion: Record<string, number>;
  /** Active resources (should equal the summary's `totalResources`). */
  active: number;
  /** One entry per day that had changes, oldest first. */
  days: DailyChanges[];
}

// The change feed holds every change of the retained history: a first version logs `created`,
// and retention keeps the state at its cutoff as one line per live resource, so folding it gives
// the current counts and the size of the inventory at the end of every day.
function foldChanges(cloudId: string, entries: Record<string, unknown>[]): CloudStatistics {
  const alive = new Map<string, { type: string; region: string }>();
  const days = new Map<string, DailyChanges>();
  let size = 0;
  for (const entry of entries) {
    const snapshotId = String(entry.snapshotId);
    const kind = String(entry.kind) as 'created' | 'updated' | 'deleted' | 'restored';
    const day = String(entry.detectedAt).slice(0, 10);
    let today = days.get(day);
    if (!today) {
      today = { day, created: 0, updated: 0, deleted: 0, restored: 0, size };
      days.set(day, today);
    }
    if (kind in today) today[kind] += 1;
    const wasAlive = alive.has(snapshotId);
    if (kind === 'deleted') {
      if (wasAlive) size -= 1;
      alive.delete(snapshotId);
    } else {
      if (!wasAlive) size += 1;
      alive.set(snapshotId, {
        type: String(entry.resourceType),
        region: String(entry.region ?? 'global'),
      });
    }
    today.size = size;
  }
  const byType: Record<string, number> = {};
  const byRegion: Record<string, number> = {};
  for (const { type, region } of alive.values()) {
    byType[type] = (byType[type] ?? 0) + 1;
    byRegion[region] = (byRegion[region] ?? 0) + 1;
  }
  return { cloudId, byType, byRegion, active: alive.size, days: [...days.values()] };
}

/**
 * Per-cloud statistics for the overview, computed once per cloud and run: the fold reads the
 * cloud's change feed (what `changes` reads) and is kept until the cloud's last run id changes.
 */
export class OverviewStatistics {
  readonly #plugin: CloudInventoryPlugin;
  readonly #cache = new Map<string, { runKey: string; statistics: Promise<CloudStatistics> }>();

  constructor(plugin: CloudInventoryPlugin) {
    this.#plugin = plugin;
  }

  /** Statistics of a cloud; `runKey` (its last run id) decides whether the cached fold is current. */
  forCloud(cloudId: string, runKey: string): Promise<CloudStatistics> {
    const cached = this.#cache.get(cloudId);
    if (cached && cached.runKey === runKey) return cached.statistics;
    const statistics = this.#plugin
      .listChanges({ cloudId }, { limit: Number.MAX_SAFE_INTEGER })
      .then((page) => foldChanges(cloudId, page.items));
    statistics.catch(() => this.#cache.delete(cloudId));
    this.#cache.set(cloudId, { runKey, statistics });
    return statistics;
  }
}

/** Sum several clouds' daily series into one: sizes carried forward over days a cloud had no change. */
export function combineDays(clouds: CloudStatistics[]): DailyChanges[] {
  const allDays = [...new Set(clouds.flatMap((cloud) => cloud.days.map((day) => day.day)))].sort();
  const cursors = clouds.map(() => ({ position: 0, size: 0 }));
  return allDays.map((day) => {
    const total: DailyChanges = { day, created: 0, updated: 0, deleted: 0, restored: 0, size: 0 };
    clouds.forEach((cloud, index) => {
      const cursor = cursors[index] as { position: number; size: number };
      const entry = cloud.days[cursor.position];
      if (entry && entry.day === day) {
        total.created += entry.created;
        total.updated += entry.updated;
        total.deleted += entry.deleted;
        total.restored += entry.restored;
        cursor.size = entry.size;
        cursor.position += 1;
      }
      total.size += cursor.size;
    });
    return total;
  });
}
