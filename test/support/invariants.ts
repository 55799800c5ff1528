import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CloudInventoryPlugin,
  canonicalJson,
  encodeIdPart,
  type JsonValue,
} from '@cloud-inventory/core';

/** What `checkInvariants` found. */
export interface InvariantReport {
  /** Human-readable violations; empty when the store is consistent. */
  violations: string[];
  snapshots: number;
  versions: number;
  changes: number;
  /** Version records read by this check as canonical JSON (without s3db.js's `_` fields), by id. */
  versionRecords: Map<string, string>;
  /** Ids of every version record of the cloud. */
  versionIds: string[];
}

/** Snapshot signatures from an earlier check: a history whose signature is unchanged is not re-read. */
export type InvariantCache = Map<string, string>;

async function mapBounded<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const output: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const position = next;
        next += 1;
        output[position] = await task(items[position] as T);
      }
    }),
  );
  return output;
}

/**
 * Lists record ids of a resource under an id prefix. On `file://` it reads the record folders
 * directly (s3db.js's listing walks and stats the whole store each time), counting an object only
 * when its metadata file exists, as s3db.js does.
 */
async function recordIdLister(
  database: any,
  idPrefix: string,
): Promise<(resource: any) => string[] | Promise<string[]>> {
  const client = database.client;
  if (typeof client?.basePath === 'string' && client.constructor?.name === 'FileSystemClient') {
    return (resource: any) => {
      const folder = join(client.basePath, resource.getResourceKey('x').replace(/\/id=x$/, ''));
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        return [];
      }
      const present = new Set(names);
      return names
        .filter(
          (name) =>
            name.startsWith(`id=${idPrefix}`) &&
            !name.includes('.meta.json') &&
            !name.includes('.tmp.') &&
            present.has(`${name}.meta.json`),
        )
        .map((name) => name.slice('id='.length));
    };
  }
  // Each resource's keys are listed under its own prefix, following continuation tokens (one
  // listing of the whole bucket stops at the server's page size).
  const keysByPrefix = new Map<string, string[]>();
  return async (resource: any) => {
    const keyPrefix = `${resource.getResourceKey('x').replace(/x$/, '')}${idPrefix}`;
    let keys = keysByPrefix.get(keyPrefix);
    if (!keys) {
      keys = [];
      let token: string | undefined;
      do {
        const response = await client.listObjects({
          prefix: keyPrefix,
          maxKeys: 1000,
          ...(token ? { continuationToken: token } : {}),
        });
        for (const item of response?.Contents ?? []) keys.push(String(item.Key));
        token = response?.IsTruncated ? response.NextContinuationToken : undefined;
      } while (token);
      keysByPrefix.set(keyPrefix, keys);
    }
    return keys.map((key) => key.slice(key.indexOf('/data/id=') + '/data/id='.length));
  };
}

function groupByNumber(ids: string[], marker: 'v' | 'c'): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const pattern = marker === 'v' ? /^(.*):v(\d+)$/ : /^(.*):c(\d+)$/;
  for (const id of ids) {
    const match = pattern.exec(id);
    if (!match) continue;
    const list = groups.get(match[1] as string) ?? [];
    list.push(Number(match[2]));
    groups.set(match[1] as string, list);
  }
  for (const list of groups.values()) list.sort((left, right) => left - right);
  return groups;
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

/**
 * Check the store of one cloud: every snapshot points at an existing version whose digest is the
 * snapshot's latestDigest; versions are exactly 1..latestVersion and consecutive versions differ;
 * changes are exactly c1..cN (N = changelogSize) and start after version 1 (a first version has no
 * change record), the versions that updated/restored changes point at are consecutive and match; deletions and restorations
 * alternate; the digest index agrees with the snapshots (so the next run starts from the truth).
 */
export async function checkInvariants(
  plugin: CloudInventoryPlugin,
  cloudId: string,
  cache?: InvariantCache,
): Promise<InvariantReport> {
  const database = (plugin as any).database;
  const { snapshots, versions, changes, clouds } = plugin.inventoryResources;
  const violations: string[] = [];
  const prefix = `${encodeIdPart(cloudId)}:`;
  const idsOf = await recordIdLister(database, prefix);
  const [snapshotIds, versionIds, changeIds] = await Promise.all([
    idsOf(snapshots),
    idsOf(versions),
    idsOf(changes),
  ]);
  const versionNumbers = groupByNumber(versionIds, 'v');
  const changeNumbers = groupByNumber(changeIds, 'c');
  for (const snapshotId of new Set([...versionNumbers.keys(), ...changeNumbers.keys()])) {
    if (!snapshotIds.includes(snapshotId))
      violations.push(`${snapshotId}: versions or changes exist without a snapshot`);
  }
  const snapshotRecords = await mapBounded(snapshotIds, 16, (id) => snapshots.get(id));
  const bySnapshot = new Map<string, any>();
  const versionRecordsById = new Map<string, string>();
  await mapBounded(snapshotRecords, 24, async (snapshot: any) => {
    const id = snapshot.id as string;
    bySnapshot.set(id, snapshot);
    const latest = Number(snapshot.latestVersion);
    const numbers = versionNumbers.get(id) ?? [];
    const signature = [
      snapshot.latestVersion,
      snapshot.changelogSize,
      snapshot.status,
      snapshot.latestDigest,
      numbers.join(','),
      (changeNumbers.get(id) ?? []).join(','),
    ].join('|');
    if (cache?.get(id) === signature) return;
    cache?.set(id, signature);
    if (canonicalJson(numbers) !== canonicalJson(range(latest)))
      violations.push(`${id}: versions ${numbers.join(',')} but latestVersion ${latest}`);
    if (snapshot.latestSnapshotId !== `${id}:v${latest}`)
      violations.push(`${id}: latestSnapshotId ${snapshot.latestSnapshotId} is not v${latest}`);
    // Versions are immutable: with a cache, each is read once (the caller re-reads all at the end).
    const versionRecords = await Promise.all(
      numbers.map(async (number) => {
        const versionId = `${id}:v${number}`;
        const known = cache?.get(versionId);
        if (known) return JSON.parse(known);
        const record = await versions.get(versionId);
        versionRecordsById.set(versionId, canonicalRecord(record));
        cache?.set(versionId, canonicalRecord(record));
        return record;
      }),
    );
    const latestRecord = versionRecords.find((record: any) => record.version === latest);
    if (!latestRecord) violations.push(`${id}: latest version v${latest} missing`);
    else if (latestRecord.digest !== snapshot.latestDigest)
      violations.push(`${id}: v${latest} digest differs from latestDigest`);
    for (let position = 1; position < versionRecords.length; position += 1) {
      if (versionRecords[position].digest === versionRecords[position - 1].digest)
        violations.push(
          `${id}: v${position} and v${position + 1} hold the same content (duplicate version)`,
        );
    }
    const digestOf = new Map(
      versionRecords.map((record: any) => [record.version as number, record.digest as string]),
    );

    const size = Number(snapshot.changelogSize);
    const sequenceNumbers = changeNumbers.get(id) ?? [];
    if (canonicalJson(sequenceNumbers) !== canonicalJson(range(size)))
      violations.push(`${id}: changes ${sequenceNumbers.join(',')} but changelogSize ${size}`);
    const changeRecords = await Promise.all(
      sequenceNumbers.map((sequence) => changes.get(`${id}:c${sequence}`)),
    );
    // Version 1 is the creation; change records start after it.
    let current = 1;
    let alive = true;
    for (const change of changeRecords as any[]) {
      const label = `${id}:c${change.sequence}`;
      if (change.kind === 'created' && change.fromVersion === undefined)
        violations.push(`${label}: a first version has a change record`);
      if (change.kind === 'created' || change.kind === 'updated' || change.kind === 'restored') {
        if (change.kind === 'updated' && !alive) violations.push(`${label}: updated while deleted`);
        if (change.kind === 'restored' && alive) violations.push(`${label}: restored while active`);
        const step = change.toVersion - current;
        // A restoration with the same content as before the deletion keeps the version.
        if (!(step === 1 || (step === 0 && change.kind === 'restored')))
          violations.push(`${label}: toVersion ${change.toVersion} after v${current}`);
        if (digestOf.get(change.toVersion) !== change.toDigest)
          violations.push(`${label}: toDigest does not match v${change.toVersion}`);
        current = change.toVersion;
        alive = true;
      } else if (change.kind === 'deleted') {
        if (!alive) violations.push(`${label}: deleted while already deleted`);
        if (change.fromVersion !== current)
          violations.push(
            `${label}: deleted fromVersion ${change.fromVersion}, expected ${current}`,
          );
        alive = false;
      } else violations.push(`${label}: unknown kind ${change.kind}`);
    }
    if (current !== latest && changeRecords.length > 0)
      violations.push(`${id}: changes end at v${current}, latestVersion ${latest}`);
    if (alive !== (snapshot.status === 'active') && changeRecords.length > 0)
      violations.push(
        `${id}: status ${snapshot.status} but last change says ${alive ? 'active' : 'deleted'}`,
      );
  });

  // The digest index must agree with the records, or the next run would start from a wrong state.
  const summary = await clouds.get(cloudId).catch(() => null);
  if (summary?.index) {
    const layout = summary.index as { generation: number; shardCount: number };
    for (let shard = 0; shard < layout.shardCount; shard += 1) {
      const key = `plugin=cloud-inventory/index/${encodeURIComponent(cloudId)}/g${layout.generation}-shard-${shard}.json`;
      const stored = await plugin.objectStore.getJson<{ entries: any[][] }>(key);
      if (!stored) {
        violations.push(`index shard ${key} missing`);
        continue;
      }
      for (const entry of stored.value.entries) {
        const [resourceKey, digest, version, changeCount, status] = entry as [
          string,
          string,
          number,
          number,
          string,
        ];
        const separator = resourceKey.indexOf('\u0000');
        const snapshotId = `${encodeIdPart(cloudId)}:${encodeIdPart(resourceKey.slice(0, separator))}:${encodeIdPart(resourceKey.slice(separator + 1))}`;
        const snapshot = bySnapshot.get(snapshotId);
        if (!snapshot) {
          if (snapshotId.length <= 700)
            violations.push(`index entry ${snapshotId} has no snapshot`);
          continue;
        }
        if (
          snapshot.latestDigest !== digest ||
          snapshot.latestVersion !== version ||
          snapshot.changelogSize !== changeCount ||
          (status === 'a') !== (snapshot.status === 'active')
        ) {
          violations.push(
            `index entry ${snapshotId} (v${version}, ${changeCount} changes, ${status}) disagrees with snapshot (v${snapshot.latestVersion}, ${snapshot.changelogSize} changes, ${snapshot.status})`,
          );
        }
      }
    }
  }
  if (violations.length > 0) cache?.clear();
  return {
    violations,
    snapshots: snapshotIds.length,
    versions: versionIds.length,
    changes: changeIds.length,
    versionRecords: versionRecordsById,
    versionIds,
  };
}

function canonicalRecord(record: Record<string, unknown>): string {
  const fields = Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('_')));
  return canonicalJson(JSON.parse(JSON.stringify(fields)) as JsonValue);
}

/** Versions of `before` that are missing or different in `after` (completed runs' versions must survive). */
export function lostVersions(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([id, text]) => after.get(id) !== text).map(([id]) => id);
}
