import type { IndexEntry } from '../storage/digest-index.ts';
import { splitResourceKey } from '../storage/record-ids.ts';
import { type PersistContext, persistDeletion } from './persist-changes.ts';
import type { SyncRun } from './sync-run.ts';

/**
 * Deleted means deleted: mark deleted the active resources this run did not see, only in scopes
 * the driver listed completely for their type (several steps of one service combine), and only
 * after a listing that finished without error and did not resume from a checkpoint (which lists
 * only part of the cloud). Deletions are journaled and written like any other change.
 */
export async function reconcileDeletions(run: SyncRun, context: PersistContext): Promise<void> {
  const index = run.index!;
  if (!run.driverFinished || run.resumedFromCheckpoint) return;
  const discovery = run.options.discovery;
  const filtered = discovery.include.length > 0 || discovery.exclude.length > 0;
  run.implicitComplete = run.scopes.reportCount === 0 && !filtered;
  const deletions: Array<[string, IndexEntry]> = [];
  for (const [key, entry] of index.activeUnseen()) {
    const { resourceType } = splitResourceKey(key);
    if (run.scopes.mayDelete(entry.service, entry.region, resourceType, run.implicitComplete))
      deletions.push([key, entry]);
  }
  if (run.dryRun) {
    run.summary.deleted += deletions.length;
    return;
  }
  const batches = run.batches!;
  for (const [key, entry] of deletions) {
    await batches.add({
      key,
      write: async () => {
        const result = await persistDeletion(context, key, entry, new Date().toISOString());
        index.set(key, result.entry);
        if (result.change) run.record(result.change);
      },
    });
  }
  await batches.cut();
  await run.writer!.drain();
}
