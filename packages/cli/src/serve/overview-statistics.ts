import type { CloudInventoryPlugin } from '@cloud-inventory/core';

/** Changes of one period (a UTC day or hour), by kind, and the inventory's size at its end. */
export interface PeriodChanges {
  /** `YYYY-MM-DD` (a day) or `YYYY-MM-DDTHH` (an hour). */
  period: string;
  /** Resources created. */
  created: number;
  /** Resources updated. */
  updated: number;
  /** Resources deleted. */
  deleted: number;
  /** Resources restored. */
  restored: number;
  /** Active resources at the end of the period. */
  size: number;
}

/** How many hours of the end of a cloud's history are also kept per hour. */
export const hourlyWindowHours = 48;

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
  days: PeriodChanges[];
  /** One entry per hour that had changes in the last `hourlyWindowHours` of the history. */
  hours: PeriodChanges[];
}

function bucket(periods: Map<string, PeriodChanges>, period: string, size: number): PeriodChanges {
  let entry = periods.get(period);
  if (!entry) {
    entry = { period, created: 0, updated: 0, deleted: 0, restored: 0, size };
    periods.set(period, entry);
  }
  return entry;
}

// The change feed holds every change of the retained history: a first version logs `created`,
// and retention keeps the state at its cutoff as one line per live resource, so folding it gives
// the current counts and the size of the inventory at the end of every day.
function foldChanges(cloudId: string, entries: Record<string, unknown>[]): CloudStatistics {
  const alive = new Map<string, { type: string; region: string }>();
  const days = new Map<string, PeriodChanges>();
  const hours = new Map<string, PeriodChanges>();
  const last = entries.at(-1)?.detectedAt;
  const hourlyFrom = last
    ? new Date(Date.parse(String(last)) - hourlyWindowHours * 3_600_000).toISOString()
    : '';
  let size = 0;
  for (const entry of entries) {
    const snapshotId = String(entry.snapshotId);
    const kind = String(entry.kind) as 'created' | 'updated' | 'deleted' | 'restored';
    const detectedAt = String(entry.detectedAt);
    const periods = [bucket(days, detectedAt.slice(0, 10), size)];
    if (detectedAt >= hourlyFrom) periods.push(bucket(hours, detectedAt.slice(0, 13), size));
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
    for (const period of periods) {
      if (kind in period) period[kind] += 1;
      period.size = size;
    }
  }
  const byType: Record<string, number> = {};
  const byRegion: Record<string, number> = {};
  for (const { type, region } of alive.values()) {
    byType[type] = (byType[type] ?? 0) + 1;
    byRegion[region] = (byRegion[region] ?? 0) + 1;
  }
  return {
    cloudId,
    byType,
    byRegion,
    active: alive.size,
    days: [...days.values()],
    hours: [...hours.values()],
  };
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

/** Sum several clouds' series into one: sizes carried forward over periods a cloud had no change. */
export function combinePeriods(clouds: PeriodChanges[][]): PeriodChanges[] {
  const allPeriods = [...new Set(clouds.flatMap((series) => series.map((entry) => entry.period)))];
  allPeriods.sort();
  const cursors = clouds.map(() => ({ position: 0, size: 0 }));
  return allPeriods.map((period) => {
    const total: PeriodChanges = {
      period,
      created: 0,
      updated: 0,
      deleted: 0,
      restored: 0,
      size: 0,
    };
    clouds.forEach((series, index) => {
      const cursor = cursors[index] as { position: number; size: number };
      const entry = series[cursor.position];
      if (entry && entry.period === period) {
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
