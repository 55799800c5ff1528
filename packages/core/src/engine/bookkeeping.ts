import type { SyncRun } from './sync-run.ts';

/**
 * Store the run's bookkeeping for everything written so far: first the change log, then the index
 * (and the summary's index layout when the index was re-sharded). In that order a crash between
 * the two leaves a change logged twice (read once), never a change the index knows but the feed
 * does not. Waits for the writes in flight first, without throwing for a failed one: what did not
 * fail is recorded either way.
 */
export async function flushBookkeeping(run: SyncRun): Promise<void> {
  if (run.dryRun || !run.index || !run.changeLog) return;
  await run.writer?.settle();
  await run.changeLog.flush();
  if (!run.index.dirty) return;
  const result = await run.index.flush(run.options.storage.indexShardSize);
  run.summaryWriter?.update({ index: result.layout });
  if (result.replaced) {
    // The summary must name the new shards before the old ones go.
    await run.summaryWriter?.flush();
    await run.index.removeLayout(result.replaced);
  }
}
