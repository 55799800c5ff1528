import { finishRun } from './finish-run.ts';
import { listAndPersist, persistContextOf } from './list-and-persist.ts';
import { openRun } from './open-run.ts';
import { reconcileDeletions } from './reconcile-deletions.ts';
import { takeLock } from './sync-lock.ts';
import {
  type ResolvedCloud,
  type SyncEnvironment,
  type SyncOverrides,
  SyncRun,
} from './sync-run.ts';
import type { SyncSummary } from './sync-types.ts';

export type { RunErrorClass, RunStatus } from './run-record.ts';
export type { ResolvedCloud, SyncEnvironment } from './sync-run.ts';

/**
 * Run one sync of one cloud, as its phases: take the lock, open the run (recovering an unfinished
 * earlier one), list and persist what changed, reconcile deletions, and finish. Every exit path
 * (success, driver failure, storage failure, cancellation, lost lock) goes through `finishRun`.
 * The write order and why each failure point is safe: DESIGN.md, "Write order".
 */
export async function syncCloud(
  cloud: ResolvedCloud,
  environment: SyncEnvironment,
  overrides: SyncOverrides = {},
): Promise<SyncSummary> {
  const run = new SyncRun(cloud, environment, overrides);
  const lock = await takeLock(run, overrides.skipIfSyncedSince);
  if (lock === 'skipped') return run.summary;
  if (lock === 'held') {
    environment.signal.addEventListener('abort', run.onEnvironmentAbort, { once: true });
    // A signal that is already aborted never fires its event.
    if (environment.signal.aborted) run.onEnvironmentAbort();
    try {
      await openRun(run);
      const context = persistContextOf(run);
      await listAndPersist(run, context);
      await reconcileDeletions(run, context);
    } catch (error) {
      run.fail(error);
    }
  }
  return finishRun(run);
}
