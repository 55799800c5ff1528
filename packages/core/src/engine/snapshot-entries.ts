import { StorageError } from '../errors/storage-error.ts';
import type { ChangeLogEntry } from '../storage/change-log.ts';
import type { IndexEntry } from '../storage/digest-index.ts';
import type { InventoryResources } from '../storage/inventory-resources.ts';
import { isNotFound } from '../storage/object-store.ts';
import { changeRecordId, versionRecordId } from '../storage/record-ids.ts';

/** A record by id, or null when it does not exist; any other failure is a StorageError naming it. */
export async function readRecord(
  resource: any,
  id: string,
  what: string,
  cloudId: string,
): Promise<Record<string, any> | null> {
  try {
    return await resource.get(id);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw new StorageError({ operation: `read ${what}`, key: id, cloudId, cause: error });
  }
}

/** The index entry a snapshot stands for: the snapshot is written last, so it is the truth. */
export function entryFromSnapshot(snapshot: Record<string, any>): IndexEntry {
  const sections = snapshot.sectionDigests ?? {};
  const entry: IndexEntry = {
    digest: String(snapshot.latestDigest),
    version: Number(snapshot.latestVersion),
    changes: Number(snapshot.changelogSize ?? 0),
    status: snapshot.status === 'deleted' ? 'deleted' : 'active',
    service: String(snapshot.service ?? ''),
    region: String(snapshot.region ?? 'global'),
    firstSeenAt: String(snapshot.firstSeenAt),
    sections: [sections.configuration, sections.tags, sections.labels, sections.location]
      .map((digest) => String(digest ?? '').slice(0, 12))
      .join('|'),
    changedAt: String(snapshot.lastChangedAt ?? snapshot.lastSeenAt ?? snapshot.firstSeenAt),
  };
  if (snapshot.status === 'deleted' && snapshot.deletedAt) entry.deletedAt = snapshot.deletedAt;
  return entry;
}

/** True when an index entry says what the snapshot says. */
export function entryMatches(entry: IndexEntry | undefined, snapshot: IndexEntry): boolean {
  return (
    entry !== undefined &&
    entry.digest === snapshot.digest &&
    entry.version === snapshot.version &&
    entry.changes === snapshot.changes &&
    entry.status === snapshot.status
  );
}

/**
 * The change-log lines of a resource's history after change `afterSequence` (-1: from its
 * creation), rebuilt from its records: the creation from version 1 (or the snapshot when
 * retention removed it) and every later change from its change record.
 */
export async function historyLines(options: {
  resources: InventoryResources;
  cloudId: string;
  snapshotId: string;
  snapshot: Record<string, any>;
  afterSequence: number;
  /** Run id to name when no record says which run made a change. */
  fallbackRunId: string;
}): Promise<ChangeLogEntry[]> {
  const { resources, cloudId, snapshotId, snapshot } = options;
  const shared = {
    snapshotId,
    resourceType: String(snapshot.resourceType),
    resourceId: String(snapshot.resourceId),
  };
  const lines: ChangeLogEntry[] = [];
  if (options.afterSequence < 0) {
    const first = await readRecord(
      resources.versions,
      versionRecordId(snapshotId, 1),
      'version',
      cloudId,
    );
    lines.push({
      ...shared,
      kind: 'created',
      version: 1,
      sequence: 0,
      detectedAt: String(first?.capturedAt ?? snapshot.firstSeenAt),
      service: String(first?.summary?.service ?? snapshot.service ?? ''),
      region: String(first?.summary?.region ?? snapshot.region ?? 'global'),
      name: first?.summary?.name ?? snapshot.name ?? null,
      runId: String(first?.runId ?? options.fallbackRunId),
    });
  }
  const size = Number(snapshot.changelogSize ?? 0);
  for (let sequence = Math.max(1, options.afterSequence + 1); sequence <= size; sequence += 1) {
    const change = await readRecord(
      resources.changes,
      changeRecordId(snapshotId, sequence),
      'change',
      cloudId,
    );
    if (!change) continue;
    lines.push({
      ...shared,
      kind: change.kind,
      version: Number(change.kind === 'deleted' ? change.fromVersion : change.toVersion),
      sequence,
      detectedAt: String(change.detectedAt),
      service: String(change.service ?? snapshot.service ?? ''),
      region: String(change.region ?? snapshot.region ?? 'global'),
      name: change.name ?? snapshot.name ?? null,
      runId: String(change.runId ?? options.fallbackRunId),
    });
  }
  return lines;
}
