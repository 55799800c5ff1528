import { diffDocument, stripInternal } from '../engine/persist-changes.ts';
import { CloudInventoryError } from '../errors/cloud-inventory-error.ts';
import { type ChangeLogEntry, readChangeLog } from '../storage/change-log.ts';
import type { InventoryResources } from '../storage/inventory-resources.ts';
import { isNotFound, type ObjectStore } from '../storage/object-store.ts';
import {
  changeRecordId,
  encodeIdPart,
  snapshotRecordId,
  versionRecordId,
} from '../storage/record-ids.ts';
import { type ConfigurationDiff, diffJson } from '../versioning/diff.ts';
import { type InventoryAtEntry, inventoryAt } from './inventory-at.ts';
import { type FilterableRecord, matchesFilter, type ResourceFilter } from './resource-filter.ts';

export type { InventoryAtEntry } from './inventory-at.ts';

/** One page of results. */
export interface Page<T> {
  /** Items of this page. */
  items: T[];
  /** Pass to get the next page; absent on the last page. */
  cursor?: string;
}

/** Identifies a resource: its snapshot id, or cloud, type and provider id. */
export type ResourceReference =
  | string
  | { cloudId: string; resourceType: string; resourceId: string };

/** Filter of `listChanges`. */
export interface ChangeFilter {
  /** ISO time or Date; changes detected at or after it. */
  since?: string | Date;
  /** ISO time or Date; changes detected at or before it. */
  until?: string | Date;
  /** Only this cloud. */
  cloudId?: string;
  /** Only this kind. */
  kind?: 'created' | 'updated' | 'deleted' | 'restored';
  /** Only this resource type. */
  resourceType?: string;
  /** Only this service. */
  service?: string;
  /** Include each change's diff (one read per change). @default false */
  withDiff?: boolean;
}

interface Cursor {
  token?: string;
  skip: number;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
const decodeCursor = (text: string | undefined): Cursor => {
  if (!text) return { skip: 0 };
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw new CloudInventoryError({
      message: `Invalid cursor "${text.slice(0, 20)}..."; pass the cursor returned by the previous page`,
    });
  }
};

/** Read-side API over the stored inventory. */
export class InventoryQueries {
  readonly #resources: InventoryResources;
  readonly #store: ObjectStore;
  readonly #client: any;
  readonly #cloudIds: () => string[];

  constructor(options: {
    resources: InventoryResources;
    store: ObjectStore;
    client: any;
    cloudIds: () => string[];
  }) {
    this.#resources = options.resources;
    this.#store = options.store;
    this.#client = options.client;
    this.#cloudIds = options.cloudIds;
  }

  /** Snapshots matching the filter, a page at a time (default 100, no silent cap: follow `cursor`). */
  async listResources(
    filter: ResourceFilter = {},
    options: { limit?: number; cursor?: string } = {},
  ): Promise<Page<Record<string, unknown>>> {
    const limit = Math.max(1, Math.min(options.limit ?? 100, 10_000));
    const snapshots = this.#resources.snapshots;
    let idPrefix = '';
    if (filter.cloudId)
      idPrefix = `${encodeIdPart(filter.cloudId)}:${filter.resourceType ? `${encodeIdPart(filter.resourceType)}:` : ''}`;
    const keyPrefix = snapshots.getResourceKey('x').replace(/x$/, '');
    const prefix = idPrefix ? `${keyPrefix}${idPrefix}` : keyPrefix;
    let cursor = decodeCursor(options.cursor);
    const items: Record<string, unknown>[] = [];
    const coverage = new Map<string, Record<string, string>>();
    for (;;) {
      const response = await this.#client.listObjects({
        prefix,
        maxKeys: 1000,
        ...(cursor.token ? { continuationToken: cursor.token } : {}),
      });
      const keys: string[] = (response?.Contents ?? []).map((item: { Key: string }) => item.Key);
      const ids = keys.map((key) => key.slice(key.indexOf('/data/id=') + '/data/id='.length));
      let consumed = cursor.skip;
      const pending = ids.slice(cursor.skip);
      for (let start = 0; start < pending.length; start += 16) {
        const batch = pending.slice(start, start + 16);
        const records = await Promise.all(
          batch.map((id) =>
            snapshots
              .get(id)
              .catch((error: unknown) => (isNotFound(error) ? null : Promise.reject(error))),
          ),
        );
        for (const record of records) {
          consumed += 1;
          if (record && matchesFilter(record as FilterableRecord, filter))
            items.push(await this.withDerivedLastSeen(record, coverage));
          if (items.length >= limit) {
            const more = consumed < ids.length || Boolean(response?.NextContinuationToken);
            return {
              items,
              ...(more
                ? {
                    cursor: encodeCursor(
                      consumed < ids.length
                        ? { ...(cursor.token ? { token: cursor.token } : {}), skip: consumed }
                        : { token: response.NextContinuationToken, skip: 0 },
                    ),
                  }
                : {}),
            };
          }
        }
      }
      if (!response?.IsTruncated || !response?.NextContinuationToken) return { items };
      cursor = { token: response.NextContinuationToken, skip: 0 };
    }
  }

  /** Every snapshot matching the filter (follows cursors). */
  async *iterateResources(filter: ResourceFilter = {}): AsyncGenerator<Record<string, unknown>> {
    let cursor: string | undefined;
    do {
      const page = await this.listResources(filter, { limit: 500, ...(cursor ? { cursor } : {}) });
      yield* page.items;
      cursor = page.cursor;
    } while (cursor);
  }

  /** One snapshot, with `lastSeenAt` derived from the last complete listing of its scope; null when unknown. */
  async getResource(reference: ResourceReference): Promise<Record<string, unknown> | null> {
    const id = this.snapshotId(reference);
    try {
      return await this.withDerivedLastSeen(await this.#resources.snapshots.get(id), new Map());
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Every version (metadata and configuration) and change of a resource, oldest first. */
  async getHistory(reference: ResourceReference): Promise<{
    snapshot: Record<string, unknown>;
    versions: Record<string, unknown>[];
    changes: Record<string, unknown>[];
  } | null> {
    const snapshot = await this.getResource(reference);
    if (!snapshot) return null;
    const id = this.snapshotId(reference);
    const versionNumbers = Array.from(
      { length: Number(snapshot.latestVersion ?? 0) },
      (_, index) => index + 1,
    );
    const changeNumbers = Array.from(
      { length: Number(snapshot.changelogSize ?? 0) },
      (_, index) => index + 1,
    );
    const versions = (
      await Promise.all(
        versionNumbers.map((version) =>
          this.getOrNull(this.#resources.versions, versionRecordId(id, version)),
        ),
      )
    ).filter(Boolean) as Record<string, unknown>[];
    const changes = (
      await Promise.all(
        changeNumbers.map((sequence) =>
          this.getOrNull(this.#resources.changes, changeRecordId(id, sequence)),
        ),
      )
    ).filter(Boolean) as Record<string, unknown>[];
    // A first version has no change record (nothing came before it); the history shows its creation.
    const first = versions.find((version) => Number(version.version) === 1);
    if (first && !changes.some((change) => change.kind === 'created'))
      changes.unshift({
        snapshotId: id,
        cloudId: first.cloudId,
        driver: first.driver,
        resourceType: first.resourceType,
        resourceId: first.resourceId,
        kind: 'created',
        sequence: 0,
        toVersion: 1,
        toDigest: first.digest,
        detectedAt: first.capturedAt,
        runId: first.runId,
      });
    return { snapshot, versions: versions.map(clean), changes: changes.map(clean) };
  }

  /** One frozen version; null when it does not exist (or was pruned). */
  async getVersion(
    reference: ResourceReference,
    version: number,
  ): Promise<Record<string, unknown> | null> {
    const record = await this.getOrNull(
      this.#resources.versions,
      versionRecordId(this.snapshotId(reference), version),
    );
    return record ? clean(record) : null;
  }

  /** Diff any two versions of a resource (`from` older or newer than `to`). */
  async diffVersions(
    reference: ResourceReference,
    from: number,
    to: number,
  ): Promise<ConfigurationDiff> {
    const [before, after] = await Promise.all([
      this.getVersion(reference, from),
      this.getVersion(reference, to),
    ]);
    if (!before || !after) {
      throw new CloudInventoryError({
        message: `Cannot diff ${this.snapshotId(reference)}: version ${!before ? from : to} does not exist`,
      });
    }
    return diffJson(diffDocument(before as never, []), diffDocument(after as never, []), {
      maximumEntries: 10_000,
    });
  }

  /** Changes in a time window, newest last; reads the per-run change logs, not every record. */
  async listChanges(
    filter: ChangeFilter = {},
    options: { limit?: number; cursor?: string } = {},
  ): Promise<Page<Record<string, unknown>>> {
    const since = filter.since ? new Date(filter.since).toISOString() : undefined;
    const until = filter.until ? new Date(filter.until).toISOString() : undefined;
    const clouds = filter.cloudId ? [filter.cloudId] : this.#cloudIds();
    const entries: ChangeLogEntry[] = [];
    for (const cloudId of clouds) {
      for (const entry of await readChangeLog(this.#store, cloudId, {
        ...(since ? { since } : {}),
        ...(until ? { until } : {}),
      })) {
        if (filter.kind && entry.kind !== filter.kind) continue;
        if (filter.resourceType && entry.resourceType !== filter.resourceType) continue;
        if (filter.service && entry.service !== filter.service) continue;
        entries.push({ ...entry, cloudId } as ChangeLogEntry & { cloudId: string });
      }
    }
    entries.sort((left, right) =>
      left.detectedAt < right.detectedAt ? -1 : left.detectedAt > right.detectedAt ? 1 : 0,
    );
    const limit = Math.max(1, options.limit ?? 1000);
    const start = decodeCursor(options.cursor).skip;
    const slice = entries.slice(start, start + limit);
    const items: Record<string, unknown>[] = [];
    for (const entry of slice) {
      const item: Record<string, unknown> = { ...entry };
      // Sequence 0: a first version, which has no change record (and no diff).
      if (filter.withDiff && entry.sequence > 0) {
        const change = await this.getOrNull(
          this.#resources.changes,
          changeRecordId(entry.snapshotId, entry.sequence),
        );
        if (change) item.diff = change.diff;
      }
      items.push(item);
    }
    return {
      items,
      ...(start + limit < entries.length ? { cursor: encodeCursor({ skip: start + limit }) } : {}),
    };
  }

  /** The inventory as it was at `at`, in the shape of a current export (see `inventoryAt`). */
  inventoryAt(
    at: string | Date,
    filter: ResourceFilter = {},
    options: { withConfiguration?: boolean; withDeletedSince?: boolean } = {},
  ): Promise<InventoryAtEntry[]> {
    const sources = { resources: this.#resources, store: this.#store, cloudIds: this.#cloudIds() };
    return inventoryAt(sources, at, filter, options);
  }

  /** Snapshot id of a reference. */
  snapshotId(reference: ResourceReference): string {
    return typeof reference === 'string'
      ? reference
      : snapshotRecordId(reference.cloudId, reference.resourceType, reference.resourceId);
  }

  private async getOrNull(resource: any, id: string): Promise<any | null> {
    try {
      return await resource.get(id);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  // An active resource was seen by the last complete listing of its scope, so lastSeenAt is derived
  // from the cloud's coverage instead of being rewritten on every run.
  private async withDerivedLastSeen(
    record: Record<string, any>,
    cache: Map<string, Record<string, string>>,
  ): Promise<Record<string, unknown>> {
    const output = clean(record);
    if (record.status !== 'active') return output;
    let coverage = cache.get(record.cloudId);
    if (!coverage) {
      const summary = await this.getOrNull(this.#resources.clouds, record.cloudId);
      coverage = (summary?.coverage ?? {}) as Record<string, string>;
      cache.set(record.cloudId, coverage);
    }
    // A scope listed completely for every type, or (list steps) for this resource's type.
    const scope = `${record.service}|${record.region}`;
    const scopeSeen = [coverage[scope], coverage[`${scope}|${record.resourceType}`]]
      .filter((seen): seen is string => typeof seen === 'string')
      .sort()
      .pop();
    if (scopeSeen && scopeSeen > String(record.lastSeenAt ?? '')) output.lastSeenAt = scopeSeen;
    return output;
  }
}

function clean(record: Record<string, unknown>): Record<string, unknown> {
  const output = stripInternal(record);
  if (record.id !== undefined) output.id = record.id;
  return output;
}
