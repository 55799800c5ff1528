import { changeLogPrefix, type StoredLine } from '../storage/change-log.ts';
import type { CloudLock } from '../storage/cloud-lock.ts';
import type { DigestIndex } from '../storage/digest-index.ts';
import type { InventoryResources } from '../storage/inventory-resources.ts';
import { isNotFound, type ObjectStore } from '../storage/object-store.ts';
import {
  changeRecordId,
  snapshotRecordId,
  splitResourceKey,
  versionRecordId,
} from '../storage/record-ids.ts';

/** What a retention pass removed. */
export interface RetentionResult {
  versionsRemoved: number;
  changesRemoved: number;
  segmentsCompacted: number;
}

const baseSegmentName = '00000000T000000000Z-base.json';

/**
 * Prune versions and changes older than `maxAgeDays`, never the latest `keepLast` versions of a
 * resource nor the version that was current when the window starts (so `inventoryAt` anywhere in
 * the window still answers). Old change-log segments are folded into one base segment.
 */
export async function applyRetention(options: {
  store: ObjectStore;
  resources: InventoryResources;
  cloudId: string;
  index: DigestIndex;
  maxAgeDays: number;
  keepLast: number;
  lock?: CloudLock;
  now?: Date;
}): Promise<RetentionResult> {
  const result: RetentionResult = { versionsRemoved: 0, changesRemoved: 0, segmentsCompacted: 0 };
  const cutoff = new Date(
    (options.now ?? new Date()).getTime() - options.maxAgeDays * 86_400_000,
  ).toISOString();
  const cutoffStamp = cutoff.replace(/[-:]/g, '').replace('.', '');
  const prefix = changeLogPrefix(options.cloudId);
  const keys = (await options.store.list(prefix))
    .map((key) => key.slice(key.indexOf(prefix)))
    .sort();
  const baseKey = `${prefix}${baseSegmentName}`;
  // Segments are named by the start of their run; lines after the cutoff move into the base segment.
  const old = keys.filter(
    (key) =>
      key !== baseKey && key.slice(prefix.length, prefix.length + cutoffStamp.length) < cutoffStamp,
  );
  if (old.length === 0) return result;

  const lines: StoredLine[] = [];
  const base = await options.store.getJson<{ lines: StoredLine[] }>(baseKey);
  lines.push(...(base?.value.lines ?? []));
  for (const key of old) {
    const segment = await options.store.getJson<{ lines: StoredLine[] }>(key);
    lines.push(...(segment?.value.lines ?? []));
  }
  lines.sort((left, right) =>
    left[4] < right[4] ? -1 : left[4] > right[4] ? 1 : left[3] - right[3],
  );

  // State at the cutoff per resource: the last line at or before it.
  const lastBefore = new Map<string, StoredLine>();
  for (const line of lines) if (line[4] <= cutoff) lastBefore.set(line[0], line);
  const keepAsBase = [
    ...[...lastBefore.values()].filter((line) => line[1] !== 'deleted'),
    ...lines.filter((line) => line[4] > cutoff),
  ];

  const latestVersion = new Map<string, number>();
  for (const [key, entry] of options.index.entries()) {
    const { resourceType, resourceId } = splitResourceKey(key);
    latestVersion.set(snapshotRecordId(options.cloudId, resourceType, resourceId), entry.version);
  }

  for (const line of lines) {
    const [snapshotId, kind, version, sequence, detectedAt] = line;
    if (detectedAt > cutoff) continue;
    const current = lastBefore.get(snapshotId);
    const latest = latestVersion.get(snapshotId) ?? version;
    const keptVersion = current && current[1] !== 'deleted' ? current[2] : current?.[2];
    const protectedVersion = version === keptVersion || version > latest - options.keepLast;
    if (kind !== 'deleted' && !protectedVersion && line !== current) {
      options.lock?.assertHeld();
      if (await deleteRecord(options.resources.versions, versionRecordId(snapshotId, version)))
        result.versionsRemoved += 1;
    }
    if (sequence > 0 && (line !== current || current[1] === 'deleted')) {
      options.lock?.assertHeld();
      if (await deleteRecord(options.resources.changes, changeRecordId(snapshotId, sequence)))
        result.changesRemoved += 1;
    }
  }

  options.lock?.assertHeld();
  await options.store.putJson(baseKey, { format: 1, lines: keepAsBase });
  for (const key of old) await options.store.delete(key);
  result.segmentsCompacted = old.length;
  return result;
}

async function deleteRecord(resource: any, id: string): Promise<boolean> {
  try {
    await resource.delete(id);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
