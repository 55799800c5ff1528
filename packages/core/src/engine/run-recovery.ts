import type { DigestIndex } from '../storage/digest-index.ts';
import { runBounded } from '../storage/digest-index.ts';
import { snapshotRecordId, splitResourceKey } from '../storage/record-ids.ts';
import { RunJournal } from '../storage/run-journal.ts';
import { compact, stripInternal } from './persist-changes.ts';
import { entryFromSnapshot, entryMatches, historyLines, readRecord } from './snapshot-entries.ts';
import type { SyncRun } from './sync-run.ts';

/**
 * Mark the run record of a run that never finished (killed, or its lock was lost) as
 * `interrupted`, with when that was noticed. Called with the cloud's lock held, so that run
 * cannot still be writing.
 */
export async function markRunInterrupted(
  run: Pick<SyncRun, 'resources' | 'cloud' | 'logger'>,
  runId: string,
  detectedAt: string,
): Promise<boolean> {
  const id = `${run.cloud.id}:${runId}`;
  const record = await readRecord(run.resources.runs, id, 'run record', run.cloud.id);
  if (!record || record.status !== 'running') return false;
  await run.resources.runs.replace(
    id,
    compact({ ...stripInternal(record), status: 'interrupted', interruptedDetectedAt: detectedAt }),
  );
  run.logger.warn('an earlier run did not finish; marked interrupted', {
    cloudId: run.cloud.id,
    runId,
  });
  return true;
}

/**
 * Recover what an unfinished earlier run left: its run record says `interrupted`, and every
 * resource its journal names is reconciled from its snapshot (the last write of a resource, so
 * the truth): the index takes the snapshot's state and the change log gets the changes it never
 * logged. Afterwards the index and change log cover every record in the store again.
 */
export async function recoverUnfinishedRuns(run: SyncRun, index: DigestIndex): Promise<void> {
  const existing = run.existing;
  if (run.dryRun || !existing || existing.lastRunFinished !== false) return;
  const detectedAt = new Date().toISOString();
  if (typeof existing.lastRunId === 'string') {
    await markRunInterrupted(run, existing.lastRunId, detectedAt);
  }
  const leftovers = await RunJournal.leftovers(run.store, run.cloud.id);
  if (leftovers.segments.length === 0) return;
  let reconciled = 0;
  let relogged = 0;
  await runBounded(leftovers.resourceKeys, 8, async (key) => {
    const { resourceType, resourceId } = splitResourceKey(key);
    const snapshotId = snapshotRecordId(run.cloud.id, resourceType, resourceId);
    const snapshot = await readRecord(
      run.resources.snapshots,
      snapshotId,
      'snapshot',
      run.cloud.id,
    );
    // No snapshot: the write never committed; a version it left is adopted when next listed.
    if (!snapshot) return;
    const known = index.get(key);
    const truth = entryFromSnapshot(snapshot);
    if (entryMatches(known, truth)) return;
    const lines = await historyLines({
      resources: run.resources,
      cloudId: run.cloud.id,
      snapshotId,
      snapshot,
      afterSequence: known ? known.changes : -1,
      fallbackRunId: leftovers.runIds[0] ?? run.runId,
    });
    for (const line of lines) run.changeLog?.addRecovered(line);
    index.set(key, truth);
    reconciled += 1;
    relogged += lines.length;
  });
  run.recoveredSegments = leftovers.segments;
  run.summary.recovered = {
    runIds: leftovers.runIds,
    resources: reconciled,
    changesRelogged: relogged,
  };
  run.logger.info('recovered an unfinished earlier run from its journal', {
    cloudId: run.cloud.id,
    runIds: leftovers.runIds,
    journaled: leftovers.resourceKeys.length,
    reconciled,
    relogged,
  });
}
