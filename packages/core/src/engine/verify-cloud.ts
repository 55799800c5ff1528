import { StorageError } from '../errors/storage-error.ts';
import { ChangeLogWriter, readChangeLog } from '../storage/change-log.ts';
import { CloudLock } from '../storage/cloud-lock.ts';
import { DigestIndex, runBounded } from '../storage/digest-index.ts';
import type { InventoryResources } from '../storage/inventory-resources.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { createRunId, encodeIdPart, resourceKey } from '../storage/record-ids.ts';
import { listRecordIds } from '../storage/record-listing.ts';
import { RunJournal } from '../storage/run-journal.ts';
import { compact, stripInternal } from './persist-changes.ts';
import { markRunInterrupted } from './run-recovery.ts';
import { entryFromSnapshot, entryMatches, historyLines, readRecord } from './snapshot-entries.ts';

/** One kind of problem `verify` found, with how many and a few examples. */
export interface VerifyProblem {
  /** Stable name: `latest-version-missing`, `index-disagrees`, `change-feed-missing`, ... */
  kind: string;
  /** What it means, for a person. */
  description: string;
  count: number;
  /** Up to five affected ids. */
  examples: string[];
  /** True when `repair` rebuilds it; false when it needs a person (a missing version). */
  repairable: boolean;
}

/** What `verify` found (and, with `repair`, what remains afterwards). */
export interface VerifyReport {
  cloudId: string;
  /** No problem left. */
  clean: boolean;
  checked: { snapshots: number; indexEntries: number; changeLogLines: number; runs: number };
  problems: VerifyProblem[];
  /** Housekeeping that does not affect what the store answers (removed by `repair`). */
  notes: VerifyProblem[];
  /** Problems found before repairing, when `repair` ran. */
  repaired?: VerifyProblem[];
}

/** What `verifyCloud` needs. */
export interface VerifyOptions {
  cloudId: string;
  resources: InventoryResources;
  store: ObjectStore;
  /** The s3db.js client (key listings). */
  client: any;
  /** Rebuild what can be rebuilt (index, change feed, counters, run statuses); versions are never touched. */
  repair?: boolean;
  /** Lock settings for a repair (it writes like a sync). */
  lock?: { ttlMs: number; timeoutMs: number; owner: string };
  /** Entries per index shard. @default 4000 */
  indexShardSize?: number;
}

const descriptions: Record<string, [string, boolean]> = {
  'latest-version-missing': ["a snapshot's latest version record does not exist", false],
  'latest-digest-mismatch': [
    "a snapshot's latestDigest differs from its latest version's digest",
    false,
  ],
  'index-unreadable': ['the digest index cannot be read (missing or damaged shard)', true],
  'index-missing-entry': ['a snapshot has no index entry (the next sync would re-create it)', true],
  'index-disagrees': ['an index entry disagrees with its snapshot', true],
  'index-extra-entry': ['an index entry has no snapshot', true],
  'change-feed-missing': ['a stored change is missing from the change feed', true],
  'run-stuck-running': ['a run record says running but its lock is gone', true],
  'summary-counters': ["the cloud summary's totalResources or totalVersions is wrong", true],
  'journal-leftover': ['journal segments of a finished run were not removed (harmless)', true],
};

function problem(kind: string, examples: string[], count = examples.length): VerifyProblem {
  const [description, repairable] = descriptions[kind] ?? [kind, false];
  return { kind, description, count, examples: examples.slice(0, 5), repairable };
}

/**
 * Check a cloud's store: every snapshot's latest version exists and matches its digest, the index
 * agrees with the snapshots, the change feed covers every stored change, no run is stuck
 * `running` past its lock, the summary's counters are right. With `repair`, rebuild the index
 * from the snapshots, add missing change-feed lines from the records, mark stuck runs
 * `interrupted` and fix the counters (holding the cloud's lock), then check again.
 */
export async function verifyCloud(options: VerifyOptions): Promise<VerifyReport> {
  const found = await inspect(options);
  const repairable = [...found.report.problems, ...found.report.notes].some(
    (item) => item.repairable,
  );
  if (!options.repair || !repairable) return found.report;
  await repairCloud(options, found);
  const after = await inspect(options);
  return { ...after.report, repaired: found.report.problems };
}

interface Inspection {
  report: VerifyReport;
  snapshots: Map<string, Record<string, any>>;
  /** Snapshots whose change-feed lines are incomplete. */
  unlogged: string[];
  stuckRuns: string[];
  journalSegments: string[];
  rebuildIndex: boolean;
  summary: Record<string, any> | null;
}

async function inspect(options: VerifyOptions): Promise<Inspection> {
  const { cloudId, resources, client } = options;
  const prefix = `${encodeIdPart(cloudId)}:`;
  const [snapshotIds, versionIds, changeIds] = await Promise.all([
    listRecordIds(client, resources.snapshots, prefix),
    listRecordIds(client, resources.versions, prefix),
    listRecordIds(client, resources.changes, prefix),
  ]);
  const versionSet = new Set(versionIds);
  const changeSet = new Set(changeIds);
  const snapshots = new Map<string, Record<string, any>>();
  const versionMissing: string[] = [];
  const digestMismatch: string[] = [];
  await runBounded(snapshotIds, 16, async (id) => {
    const snapshot = await readRecord(resources.snapshots, id, 'snapshot', cloudId);
    if (!snapshot) return;
    snapshots.set(id, snapshot);
    const latestId = `${id}:v${snapshot.latestVersion}`;
    if (!versionSet.has(latestId)) return void versionMissing.push(id);
    const latest = await readRecord(resources.versions, latestId, 'version', cloudId);
    if (!latest) versionMissing.push(id);
    else if (latest.digest !== snapshot.latestDigest) digestMismatch.push(id);
  });

  const summary = await readRecord(resources.clouds, cloudId, 'cloud summary', cloudId);
  const problems: VerifyProblem[] = [];
  if (versionMissing.length > 0) problems.push(problem('latest-version-missing', versionMissing));
  if (digestMismatch.length > 0) problems.push(problem('latest-digest-mismatch', digestMismatch));
  const indexCheck = await checkIndex(options, summary, snapshots);
  problems.push(...indexCheck.problems);

  const lines = await readChangeLog(options.store, cloudId);
  const logged = new Set(lines.map((line) => `${line.snapshotId}|${line.sequence}`));
  const unlogged: string[] = [];
  for (const [id, snapshot] of snapshots) {
    const expected: number[] = versionSet.has(`${id}:v1`) ? [0] : [];
    for (let sequence = 1; sequence <= Number(snapshot.changelogSize ?? 0); sequence += 1)
      if (changeSet.has(`${id}:c${sequence}`)) expected.push(sequence);
    if (expected.some((sequence) => !logged.has(`${id}|${sequence}`))) unlogged.push(id);
  }
  if (unlogged.length > 0) problems.push(problem('change-feed-missing', unlogged));

  const runs = await stuckRuns(options);
  if (runs.stuck.length > 0) problems.push(problem('run-stuck-running', runs.stuck));
  const counters = checkCounters(summary, snapshots);
  if (counters) problems.push(problem('summary-counters', [counters]));
  const journal = await RunJournal.leftovers(options.store, cloudId).catch(() => null);
  const journalSegments = journal?.segments ?? [];
  const notes: VerifyProblem[] = [];
  // After an unfinished run its journal is the next run's work list, not a problem.
  if (journalSegments.length > 0 && summary?.lastRunFinished !== false)
    notes.push(problem('journal-leftover', journalSegments));

  return {
    report: {
      cloudId,
      clean: problems.length === 0,
      checked: {
        snapshots: snapshots.size,
        indexEntries: indexCheck.entries,
        changeLogLines: lines.length,
        runs: runs.checked,
      },
      problems,
      notes,
    },
    snapshots,
    unlogged,
    stuckRuns: runs.stuck,
    journalSegments,
    rebuildIndex: indexCheck.problems.length > 0,
    summary,
  };
}

async function checkIndex(
  options: VerifyOptions,
  summary: Record<string, any> | null,
  snapshots: Map<string, Record<string, any>>,
): Promise<{ problems: VerifyProblem[]; entries: number }> {
  let index: DigestIndex;
  try {
    index = await DigestIndex.load(options.store, options.cloudId, summary?.index);
  } catch (error) {
    if (!StorageError.isInstance(error)) throw error;
    return { problems: [problem('index-unreadable', [error.key ?? error.message])], entries: 0 };
  }
  const missing: string[] = [];
  const disagrees: string[] = [];
  const keys = new Set<string>();
  for (const [id, snapshot] of snapshots) {
    const key = resourceKey(String(snapshot.resourceType), String(snapshot.resourceId));
    keys.add(key);
    const entry = index.get(key);
    if (!entry) missing.push(id);
    else if (!entryMatches(entry, entryFromSnapshot(snapshot))) disagrees.push(id);
  }
  const extra = [...index.entries()].filter(([key]) => !keys.has(key)).map(([key]) => key);
  const problems: VerifyProblem[] = [];
  if (missing.length > 0) problems.push(problem('index-missing-entry', missing));
  if (disagrees.length > 0) problems.push(problem('index-disagrees', disagrees));
  if (extra.length > 0) problems.push(problem('index-extra-entry', extra));
  return { problems, entries: index.size };
}

async function stuckRuns(options: VerifyOptions): Promise<{ stuck: string[]; checked: number }> {
  const { resources, client, cloudId } = options;
  const runIds = await listRecordIds(client, resources.runs, `${cloudId}:`);
  const lock = await options.store.getJson<Record<string, any>>(CloudLock.key(cloudId));
  const lockHeld =
    lock !== null && lock.value.released !== true && Date.parse(lock.value.expiresAt) > Date.now();
  const stuck: string[] = [];
  await runBounded(runIds, 16, async (id) => {
    const record = await readRecord(resources.runs, id, 'run record', cloudId);
    // A running run whose worker still holds the lock is running; any other one is stuck.
    if (record?.status === 'running' && !(lockHeld && lock?.value.owner === record.worker))
      stuck.push(id);
  });
  return { stuck: stuck.sort(), checked: runIds.length };
}

function checkCounters(
  summary: Record<string, any> | null,
  snapshots: Map<string, Record<string, any>>,
): string | undefined {
  if (!summary) return undefined;
  const { resources, versions } = countsOf(summary, snapshots);
  if (summary.totalResources === resources && summary.totalVersions === versions) return undefined;
  return `totalResources ${summary.totalResources} (expected ${resources}), totalVersions ${summary.totalVersions} (expected ${versions})`;
}

function countsOf(
  summary: Record<string, any> | null,
  snapshots: Map<string, Record<string, any>>,
) {
  let resources = 0;
  let versions = 0;
  for (const snapshot of snapshots.values()) {
    if (snapshot.status === 'active') resources += 1;
    versions += Number(snapshot.latestVersion ?? 0);
  }
  return { resources, versions: versions - Number(summary?.prunedVersions ?? 0) };
}

async function repairCloud(options: VerifyOptions, found: Inspection): Promise<void> {
  const { cloudId } = options;
  const settings = options.lock ?? { ttlMs: 300_000, timeoutMs: 0, owner: 'verify' };
  const lock = await CloudLock.acquire(options.store, cloudId, settings);
  if (!lock) {
    throw new StorageError({
      operation: 'take the lock for a repair (another worker is syncing this cloud; retry later)',
      key: CloudLock.key(cloudId),
      cloudId,
    });
  }
  try {
    const runId = createRunId();
    const run = { resources: options.resources, cloud: { id: cloudId } as never, logger: silent };
    const detectedAt = new Date().toISOString();
    for (const id of found.stuckRuns)
      await markRunInterrupted(run, id.slice(cloudId.length + 1), detectedAt);
    const changeLog = new ChangeLogWriter(options.store, cloudId, runId);
    for (const id of found.unlogged) {
      const snapshot = found.snapshots.get(id)!;
      const lines = await historyLines({
        resources: options.resources,
        cloudId,
        snapshotId: id,
        snapshot,
        afterSequence: -1,
        fallbackRunId: runId,
      });
      for (const line of lines) changeLog.addRecovered(line);
    }
    await changeLog.flush();
    const previousLayout = found.summary?.index;
    let layout = previousLayout;
    if (found.rebuildIndex) layout = await rebuildIndex(options, found);
    if (found.summary) {
      const counts = countsOf(found.summary, found.snapshots);
      await options.resources.clouds.replace(
        cloudId,
        compact({
          ...stripInternal(found.summary),
          index: layout,
          totalResources: counts.resources,
          totalVersions: counts.versions,
          lastRunFinished: true,
          status: found.summary.status === 'running' ? 'idle' : found.summary.status,
        }),
      );
    }
    if (found.rebuildIndex && previousLayout && layout !== previousLayout) {
      // The summary names the new shards now: the old ones can go.
      await DigestIndex.empty(options.store, cloudId, undefined).removeLayout(previousLayout);
    }
    await RunJournal.remove(options.store, found.journalSegments);
  } finally {
    await lock.release().catch(() => {});
  }
}

async function rebuildIndex(options: VerifyOptions, found: Inspection) {
  const previous = found.summary?.index;
  const index = DigestIndex.empty(options.store, options.cloudId, previous);
  for (const snapshot of found.snapshots.values()) {
    const key = resourceKey(String(snapshot.resourceType), String(snapshot.resourceId));
    index.set(key, entryFromSnapshot(snapshot));
  }
  const result = await index.flush(options.indexShardSize ?? 4000);
  return result.layout;
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
