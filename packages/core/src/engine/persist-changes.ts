import { StorageError } from '../errors/storage-error.ts';
import type { CloudLock } from '../storage/cloud-lock.ts';
import type { IndexEntry } from '../storage/digest-index.ts';
import type { InventoryResources } from '../storage/inventory-resources.ts';
import { isNotFound, isPreconditionFailed } from '../storage/object-store.ts';
import {
  changeRecordId,
  snapshotRecordId,
  splitResourceKey,
  versionRecordId,
} from '../storage/record-ids.ts';
import { JsonText, recordWriter as records } from '../storage/record-writer.ts';
import type { JsonValue } from '../versioning/canonical-json.ts';
import { type ConfigurationDiff, diffJson } from '../versioning/diff.ts';
import { changedSections } from '../versioning/digest.ts';
import { type PathPattern, removeAtPatterns } from '../versioning/path-pattern.ts';
import type { PendingResource, ResourcePathRules } from './prepare-resource.ts';
import type { ChangeKind } from './sync-types.ts';

/** What every write of one sync shares. */
export interface PersistContext {
  cloudId: string;
  driver: string;
  runId: string;
  resources: InventoryResources;
  lock?: CloudLock;
  volatilePatterns(resourceType: string): PathPattern[];
  /** Cap on diff entries. */
  maximumDiffEntries: number;
  /** Volatile and secret paths of every resource type. */
  rules: ResourcePathRules;
}

/** A change that was stored, for events and counters. */
export interface StoredChange {
  kind: ChangeKind;
  snapshotId: string;
  resourceType: string;
  resourceId: string;
  name: string | null;
  service: string;
  region: string;
  version: number;
  /** The resource's change number (`changelogSize` after this change). */
  sequence: number;
  previousVersion?: number;
  versionWritten: boolean;
  changedSections: string[];
  diff?: ConfigurationDiff;
  detectedAt: string;
}

// A null value is left out of a record, as `compact` does for the other fields.
function jsonField(text: string): JsonText | undefined {
  return text === 'null' ? undefined : new JsonText(text);
}

/** Drop null and undefined fields: s3db.js optional attributes refuse null. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

/** The part of a version that is diffed: configuration without volatile paths, tags, labels, name, region. */
export function diffDocument(
  version:
    | {
        configuration?: unknown;
        summary?: { tags?: unknown; labels?: unknown; name?: unknown; region?: unknown };
      }
    | undefined,
  volatile: PathPattern[],
): JsonValue {
  if (!version) return {};
  const summary = version.summary ?? {};
  return {
    configuration: removeAtPatterns((version.configuration ?? null) as JsonValue, volatile),
    tags: (summary.tags ?? {}) as JsonValue,
    labels: (summary.labels ?? {}) as JsonValue,
    name: (summary.name ?? null) as JsonValue,
    region: (summary.region ?? null) as JsonValue,
  };
}

async function storageCall<T>(
  context: PersistContext,
  operation: string,
  key: string,
  call: () => Promise<T>,
): Promise<T> {
  context.lock?.assertHeld();
  try {
    return await call();
  } catch (error) {
    if (isPreconditionFailed(error) || isNotFound(error)) throw error;
    throw new StorageError({ operation, key, cloudId: context.cloudId, cause: error });
  }
}

async function getOrNull(
  context: PersistContext,
  resource: any,
  id: string,
  what: string,
): Promise<any | null> {
  try {
    return await storageCall(context, `read ${what}`, id, () => resource.get(id));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Write change record `sequence` of a resource (the fields every change shares come first). */
async function writeChange(
  context: PersistContext,
  snapshotId: string,
  sequence: number,
  fields: Record<string, unknown> & { resourceType: string; resourceId: string; kind: ChangeKind },
): Promise<void> {
  const changeId = changeRecordId(snapshotId, sequence);
  await storageCall(context, 'write change', changeId, () =>
    records.replace(
      context.resources.changes,
      changeId,
      compact({
        snapshotId,
        cloudId: context.cloudId,
        driver: context.driver,
        sequence,
        ...fields,
        runId: context.runId,
      }),
    ),
  );
}

/** Store a created, updated or restored resource: version (if new), change, snapshot. */
export async function persistResourceChange(
  context: PersistContext,
  prepared: PendingResource,
  entry: IndexEntry | undefined,
  kind: 'created' | 'updated' | 'restored',
  now: string,
): Promise<{ entry: IndexEntry; change: StoredChange }> {
  const { resources } = context;
  const snapshotId = snapshotRecordId(context.cloudId, prepared.resourceType, prepared.resourceId);
  const volatile = context.volatilePatterns(prepared.resourceType);
  const summary = compact({
    name: prepared.name,
    region: prepared.region,
    service: prepared.service,
    tags: prepared.tags,
    labels: prepared.labels,
    accountId: prepared.accountId,
    provider: prepared.provider,
  });
  // Only a new version of a known resource is diffed; the configuration is parsed back for it.
  const newDocument = () =>
    diffDocument({ configuration: JSON.parse(prepared.configurationText), summary }, volatile);

  let previousVersion = entry?.version ?? 0;
  let previousRecord =
    previousVersion > 0
      ? await getOrNull(
          context,
          resources.versions,
          versionRecordId(snapshotId, previousVersion),
          'version',
        )
      : null;
  let version = previousVersion;
  let versionWritten = false;
  const sameAsLast = entry !== undefined && entry.digest === prepared.digests.digest;
  if (!sameAsLast) {
    version = previousVersion + 1;
    for (;;) {
      const versionId = versionRecordId(snapshotId, version);
      const versionFields = () =>
        compact({
          snapshotId,
          cloudId: context.cloudId,
          driver: context.driver,
          resourceType: prepared.resourceType,
          resourceId: prepared.resourceId,
          version,
          digest: prepared.digests.digest,
          sectionDigests: prepared.digests.sections,
          capturedAt: now,
          runId: context.runId,
          configuration: jsonField(prepared.configurationText),
          summary,
          raw: jsonField(prepared.rawText),
          metadata: prepared.metadata ?? undefined,
        });
      try {
        await storageCall(context, 'write version', versionId, () =>
          records.insert(resources.versions, versionId, versionFields()),
        );
        versionWritten = true;
        break;
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
        // A crashed run wrote this version before its index was saved: adopt it or move past it.
        const existing = await getOrNull(context, resources.versions, versionId, 'version');
        if (existing?.digest === prepared.digests.digest) break;
        if (existing === null) {
          // NOTE: the object exists but cannot be read: a write torn by a crash (s3db.js's file
          // client writes a body and its metadata separately). We hold the cloud's lock, so
          // replace it rather than skip a version number.
          await storageCall(context, 'write version', versionId, () =>
            records.replace(resources.versions, versionId, versionFields()),
          );
          versionWritten = true;
          break;
        }
        previousVersion = version;
        previousRecord = existing;
        version += 1;
      }
    }
  }

  // Changes hold what happened between two versions (and deletions, restorations): a first version
  // has nothing before it, so it is recorded by the version itself and the run's change log, not
  // by a change record (as the description's own plugin does). That is one write less per new
  // resource, a third of an initial sync's requests.
  const firstVersion = previousVersion === 0 && kind === 'created';
  const sequence = (entry?.changes ?? 0) + (firstVersion ? 0 : 1);
  const diff =
    sameAsLast || previousVersion === 0
      ? undefined
      : diffJson(diffDocument(previousRecord ?? undefined, volatile), newDocument(), {
          maximumEntries: context.maximumDiffEntries,
        });
  const sections = changedSections(previousRecord?.sectionDigests, prepared.digests.sections);
  if (!firstVersion)
    await writeChange(context, snapshotId, sequence, {
      resourceType: prepared.resourceType,
      resourceId: prepared.resourceId,
      kind,
      fromVersion: previousVersion > 0 ? previousVersion : undefined,
      toVersion: version,
      fromDigest: entry?.digest,
      toDigest: prepared.digests.digest,
      changedSections: kind === 'created' ? undefined : sections,
      diff,
      detectedAt: now,
      name: prepared.name,
      region: prepared.region,
      service: prepared.service,
    });

  const firstSeenAt = entry?.firstSeenAt ?? now;
  await storageCall(context, 'write snapshot', snapshotId, () =>
    records.replace(
      resources.snapshots,
      snapshotId,
      compact({
        cloudId: context.cloudId,
        driver: context.driver,
        resourceType: prepared.resourceType,
        resourceId: prepared.resourceId,
        accountId: prepared.accountId,
        name: prepared.name,
        region: prepared.region,
        service: prepared.service,
        tags: prepared.tags,
        labels: prepared.labels,
        latestDigest: prepared.digests.digest,
        latestVersion: version,
        latestSnapshotId: versionRecordId(snapshotId, version),
        sectionDigests: prepared.digests.sections,
        firstSeenAt,
        lastSeenAt: now,
        changelogSize: sequence,
        status: 'active',
        lastChangedAt: now,
      }),
    ),
  );

  return {
    entry: {
      digest: prepared.digests.digest,
      version,
      changes: sequence,
      status: 'active',
      service: prepared.service,
      region: prepared.region,
      firstSeenAt,
      sections: prepared.sections,
      changedAt: now,
    },
    change: {
      kind,
      snapshotId,
      resourceType: prepared.resourceType,
      resourceId: prepared.resourceId,
      name: prepared.name,
      service: prepared.service,
      region: prepared.region,
      version,
      sequence,
      ...(previousVersion > 0 ? { previousVersion } : {}),
      versionWritten,
      changedSections: kind === 'created' ? [] : sections,
      ...(diff ? { diff } : {}),
      detectedAt: now,
    },
  };
}

/** Mark a resource deleted: a `deleted` change holding the last configuration, and the snapshot. */
export async function persistDeletion(
  context: PersistContext,
  key: string,
  entry: IndexEntry,
  now: string,
): Promise<{ entry: IndexEntry; change: StoredChange | null }> {
  const { resources } = context;
  const { resourceType, resourceId } = splitResourceKey(key);
  const snapshotId = snapshotRecordId(context.cloudId, resourceType, resourceId);
  const snapshot = await getOrNull(context, resources.snapshots, snapshotId, 'snapshot');
  const deletedEntry: IndexEntry = { ...entry, status: 'deleted', deletedAt: now, changedAt: now };
  if (snapshot?.status === 'deleted') {
    // An earlier run stored this deletion but not its bookkeeping: adopt it, and hand it back so
    // the change feed gets it (a line logged twice is read once).
    const sequence = Number(snapshot.changelogSize ?? entry.changes);
    const deletedAt = String(snapshot.deletedAt ?? now);
    return {
      entry: { ...deletedEntry, changes: sequence, deletedAt, changedAt: deletedAt },
      change: {
        kind: 'deleted',
        snapshotId,
        resourceType,
        resourceId,
        name: snapshot.name ?? null,
        service: entry.service,
        region: entry.region,
        version: entry.version,
        sequence,
        previousVersion: entry.version,
        versionWritten: false,
        changedSections: [],
        detectedAt: deletedAt,
      },
    };
  }
  const lastVersion = await getOrNull(
    context,
    resources.versions,
    versionRecordId(snapshotId, entry.version),
    'version',
  );
  const sequence = entry.changes + 1;
  await writeChange(context, snapshotId, sequence, {
    resourceType,
    resourceId,
    kind: 'deleted',
    fromVersion: entry.version,
    fromDigest: entry.digest,
    detectedAt: now,
    name: snapshot?.name,
    region: entry.region,
    service: entry.service,
    configuration: lastVersion?.configuration,
  });
  await storageCall(context, 'write snapshot', snapshotId, () =>
    records.replace(
      resources.snapshots,
      snapshotId,
      compact({
        ...stripInternal(snapshot ?? {}),
        cloudId: context.cloudId,
        driver: context.driver,
        resourceType,
        resourceId,
        region: entry.region,
        service: entry.service,
        latestDigest: entry.digest,
        latestVersion: entry.version,
        latestSnapshotId: versionRecordId(snapshotId, entry.version),
        firstSeenAt: entry.firstSeenAt,
        lastSeenAt: snapshot?.lastSeenAt ?? entry.changedAt,
        changelogSize: sequence,
        status: 'deleted',
        deletedAt: now,
        lastChangedAt: now,
      }),
    ),
  );
  return {
    entry: { ...deletedEntry, changes: sequence },
    change: {
      kind: 'deleted',
      snapshotId,
      resourceType,
      resourceId,
      name: snapshot?.name ?? null,
      service: entry.service,
      region: entry.region,
      version: entry.version,
      sequence,
      previousVersion: entry.version,
      versionWritten: false,
      changedSections: [],
      detectedAt: now,
    },
  };
}

/** Remove s3db.js bookkeeping fields (`_etag`, `_v`...) and the id before a replace. */
export function stripInternal(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => !key.startsWith('_') && key !== 'id'),
  );
}
