import type { ChangeFilter, CloudInventoryPlugin, ResourceFilter } from '@cloud-inventory/core';
import { combinePeriods, OverviewStatistics, type PeriodChanges } from './overview-statistics.ts';
import { BadParameterError, NotFoundError } from './serve-errors.ts';

/** One page of items and the cursor of the next. */
export interface DataPage<Item> {
  /** Items of the page. */
  items: Item[];
  /** Pass as `cursor` for the next page; absent on the last. */
  cursor?: string;
}

/** Filters of the change feed beyond the core's (`region`, `name`, `provider`) and its order. */
export interface ChangeListOptions {
  /** Only this region. */
  region?: string;
  /** Case-insensitive substring of the name or provider id. */
  name?: string;
  /** Only clouds of this driver. */
  provider?: string;
  /** `asc` (oldest first, as the CLI) or `desc`. @default 'asc' */
  order?: 'asc' | 'desc';
  /** Page size. */
  limit: number;
  /** Cursor of the previous page. */
  cursor?: string;
}

const hiddenSummaryFields = new Set(['index', 'checkpoint', 'state', 'coverage', 'progress']);

function publicFields(record: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!record) return null;
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => !key.startsWith('_') && !hiddenSummaryFields.has(key)),
  );
}

/** An offset cursor (the same shape as the core's: base64url JSON `{ skip }`). */
export function encodeOffset(skip: number): string {
  return Buffer.from(JSON.stringify({ skip })).toString('base64url');
}

/** The offset of a cursor made by `encodeOffset`; 0 without one. */
export function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const skip = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')).skip;
    if (Number.isInteger(skip) && skip >= 0) return skip;
  } catch {
    // reported below
  }
  throw new BadParameterError({
    parameter: 'cursor',
    message: 'cursor is not one this server returned; pass the cursor of the previous page',
  });
}

function pageOf<Item>(items: Item[], limit: number, cursor: string | undefined): DataPage<Item> {
  const start = decodeOffset(cursor);
  const slice = items.slice(start, start + limit);
  return start + limit < items.length
    ? { items: slice, cursor: encodeOffset(start + limit) }
    : { items: slice };
}

// The core rejects a cursor it cannot decode with a CloudInventoryError naming it.
function asCursorError(error: unknown): never {
  if (error instanceof Error && /invalid cursor/i.test(error.message))
    throw new BadParameterError({ parameter: 'cursor', message: error.message, cause: error });
  throw error;
}

/** The read-only queries the API and the pages share, on the same store and API the CLI uses. */
export class DashboardData {
  /** The installed plugin. */
  readonly plugin: CloudInventoryPlugin;
  readonly #statistics: OverviewStatistics;
  readonly #driverOf: (cloudId: string) => string;

  constructor(plugin: CloudInventoryPlugin, options: { driverOf: (cloudId: string) => string }) {
    this.plugin = plugin;
    this.#driverOf = options.driverOf;
    this.#statistics = new OverviewStatistics(plugin);
  }

  /** Cloud ids known to the store. */
  get cloudIds(): string[] {
    return this.plugin.clouds.map((cloud) => cloud.id);
  }

  /** Drivers (providers) of the known clouds, sorted, each once. */
  get drivers(): string[] {
    return [...new Set(this.cloudIds.map((cloudId) => this.#driverOf(cloudId)))].sort();
  }

  /** Each cloud's summary and last run (per-scope outcome included). */
  async clouds(): Promise<Record<string, unknown>[]> {
    return Promise.all(
      this.cloudIds.map(async (cloudId) => {
        const [summary, runs] = await Promise.all([
          this.plugin.getCloudSummary(cloudId),
          this.plugin.listRuns(cloudId, { limit: 1 }),
        ]);
        const lastRun = publicFields(runs[0] ?? null);
        return {
          cloudId,
          driver: summary?.driver ?? lastRun?.driver ?? this.#driverOf(cloudId),
          status: summary ? (summary.lastRunStatus ?? summary.status ?? null) : 'never-synced',
          summary: publicFields(summary),
          lastRun,
        };
      }),
    );
  }

  /** Clouds, counts by provider, type and region, and the daily and hourly series, from the change feed. */
  async overview(): Promise<{
    clouds: Record<string, unknown>[];
    byProvider: Record<string, number>;
    byType: Record<string, number>;
    byRegion: Record<string, number>;
    days: PeriodChanges[];
    hours: PeriodChanges[];
  }> {
    const clouds = await this.clouds();
    const statistics = await Promise.all(
      clouds.map((cloud) => {
        const summary = cloud.summary as Record<string, unknown> | null;
        return this.#statistics.forCloud(
          String(cloud.cloudId),
          `${String(summary?.lastRunId ?? '')}|${String(summary?.lastRunAt ?? '')}`,
        );
      }),
    );
    const byProvider: Record<string, number> = {};
    const byType: Record<string, number> = {};
    const byRegion: Record<string, number> = {};
    statistics.forEach((cloud, index) => {
      const provider = String(clouds[index]?.driver ?? 'unknown');
      byProvider[provider] = (byProvider[provider] ?? 0) + cloud.active;
      for (const [type, count] of Object.entries(cloud.byType))
        byType[type] = (byType[type] ?? 0) + count;
      for (const [region, count] of Object.entries(cloud.byRegion))
        byRegion[region] = (byRegion[region] ?? 0) + count;
      (clouds[index] as Record<string, unknown>).activeResources = cloud.active;
    });
    return {
      clouds,
      byProvider,
      byType,
      byRegion,
      days: combinePeriods(statistics.map((cloud) => cloud.days)),
      hours: combinePeriods(statistics.map((cloud) => cloud.hours)),
    };
  }

  /** A page of snapshots (the core reads at most one listing page of keys and `limit` matches). */
  async resources(
    filter: ResourceFilter,
    options: { limit: number; cursor?: string },
  ): Promise<DataPage<Record<string, unknown>>> {
    return this.plugin
      .listResources(filter, {
        limit: options.limit,
        ...(options.cursor ? { cursor: options.cursor } : {}),
      })
      .catch(asCursorError);
  }

  /**
   * The inventory as it was at `at`, a page at a time (ordered by id). The core folds the change
   * feed; whether a resource was deleted since is read for the page's entries only.
   */
  async inventoryAt(
    at: Date,
    filter: ResourceFilter,
    options: { limit: number; cursor?: string },
  ): Promise<DataPage<Record<string, unknown>>> {
    const entries = await this.plugin.inventoryAt(at, filter, { withDeletedSince: false });
    entries.sort((left, right) =>
      left.snapshotId < right.snapshotId ? -1 : left.snapshotId > right.snapshotId ? 1 : 0,
    );
    const page = pageOf(
      entries as unknown as Record<string, unknown>[],
      options.limit,
      options.cursor,
    );
    await Promise.all(
      page.items.map(async (entry) => {
        const snapshot = await this.plugin.getResource(String(entry.snapshotId));
        if (snapshot?.status === 'deleted' && snapshot.deletedAt)
          entry.deletedSince = snapshot.deletedAt;
      }),
    );
    return page;
  }

  /** One snapshot by its record id or `cloudId:resourceType:providerId`; NotFoundError otherwise. */
  async resource(id: string): Promise<{
    reference: string | { cloudId: string; resourceType: string; resourceId: string };
    snapshot: Record<string, unknown>;
  }> {
    const direct = await this.plugin.getResource(id).catch(() => null);
    if (direct) return { reference: String(direct.id ?? id), snapshot: direct };
    const [cloudId, resourceType, ...rest] = id.split(':');
    if (cloudId && resourceType && rest.length > 0) {
      const reference = { cloudId, resourceType, resourceId: rest.join(':') };
      const structured = await this.plugin.getResource(reference).catch(() => null);
      if (structured) return { reference, snapshot: structured };
    }
    throw new NotFoundError({ message: `no resource "${id}" in the store` });
  }

  /** Snapshot, versions and changes of a resource, oldest first. */
  async history(id: string): Promise<{
    resource: Record<string, unknown>;
    versions: Record<string, unknown>[];
    changes: Record<string, unknown>[];
  }> {
    const { reference, snapshot } = await this.resource(id);
    const history = await this.plugin.getHistory(reference);
    return {
      resource: history?.snapshot ?? snapshot,
      versions: history?.versions ?? [],
      changes: history?.changes ?? [],
    };
  }

  /** The diff of two versions; defaults: the previous version against the latest. */
  async diff(
    id: string,
    requested: { from?: number; to?: number },
  ): Promise<Record<string, unknown>> {
    const { reference, snapshot } = await this.resource(id);
    const latest = Number(snapshot.latestVersion ?? 0);
    const to = requested.to ?? latest;
    const from = requested.from ?? to - 1;
    if (from < 1)
      throw new BadParameterError({
        parameter: 'from',
        message: `${String(snapshot.id)} has only version ${latest}; there is nothing to compare`,
      });
    const [before, after] = await Promise.all([
      this.plugin.getVersion(reference, from),
      this.plugin.getVersion(reference, to),
    ]);
    for (const [name, version, found] of [
      ['from', from, before],
      ['to', to, after],
    ] as const) {
      if (!found)
        throw new NotFoundError({
          message: `${String(snapshot.id)} has no version ${version} (${name}); latest is ${latest}${version <= latest ? ', older ones may have been pruned by retention' : ''}`,
        });
    }
    const diff = await this.plugin.diffVersions(reference, from, to);
    return {
      id: snapshot.id,
      from,
      to,
      fromCapturedAt: before?.capturedAt ?? null,
      toCapturedAt: after?.capturedAt ?? null,
      diff,
    };
  }

  /** The change feed with the core's filters plus region, name and provider, paged. */
  async changes(
    filter: ChangeFilter,
    options: ChangeListOptions,
  ): Promise<DataPage<Record<string, unknown>>> {
    let cloudIds = filter.cloudId ? [filter.cloudId] : this.cloudIds;
    if (options.provider)
      cloudIds = cloudIds.filter((cloudId) => this.#driverOf(cloudId) === options.provider);
    const needle = options.name?.toLowerCase();
    const items: Record<string, unknown>[] = [];
    for (const cloudId of cloudIds) {
      const page = await this.plugin.listChanges(
        { ...filter, cloudId },
        { limit: Number.MAX_SAFE_INTEGER },
      );
      for (const item of page.items) {
        if (options.region && item.region !== options.region) continue;
        if (
          needle &&
          !`${String(item.name ?? '')}\u0000${String(item.resourceId ?? '')}`
            .toLowerCase()
            .includes(needle)
        )
          continue;
        items.push(item);
      }
    }
    items.sort((left, right) => {
      const order = String(left.detectedAt).localeCompare(String(right.detectedAt));
      return options.order === 'desc' ? -order : order;
    });
    return pageOf(items, options.limit, options.cursor);
  }

  /** Recent runs of one cloud or of every cloud, newest first. */
  async runs(cloudId: string | undefined, limit: number): Promise<Record<string, unknown>[]> {
    if (cloudId && !this.cloudIds.includes(cloudId))
      throw new NotFoundError({
        message: `no cloud "${cloudId}" in the store (clouds: ${this.cloudIds.join(', ')})`,
      });
    const selected = cloudId ? [cloudId] : this.cloudIds;
    const perCloud = await Promise.all(selected.map((id) => this.plugin.listRuns(id, { limit })));
    return perCloud
      .flat()
      .map((run) => publicFields(run) as Record<string, unknown>)
      .sort((left, right) => String(right.startedAt).localeCompare(String(left.startedAt)));
  }
}
