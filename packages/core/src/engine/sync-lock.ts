import { StorageError } from '../errors/storage-error.ts';
import { CloudLock } from '../storage/cloud-lock.ts';
import { fencedResources, fencedStore } from '../storage/fenced-writes.ts';
import { errorMessage } from './driver-iteration.ts';
import type { SyncRun } from './sync-run.ts';

/** How taking the lock ended. */
export type LockOutcome = 'held' | 'skipped' | 'failed';

/**
 * Take the cloud's lock (dry runs write nothing and take none). A busy lock skips the cloud; a
 * storage error while taking it fails this cloud only. Once held, the run's stores check the lock
 * before every write, and the run aborts when the lock is lost.
 */
export async function takeLock(run: SyncRun, skipIfSyncedSince?: string): Promise<LockOutcome> {
  if (run.dryRun) return 'held';
  const { cloud, options } = run;
  try {
    run.lock = await CloudLock.acquire(run.environment.store, cloud.id, {
      ttlMs: options.lock.ttl * 1000,
      timeoutMs: options.lock.timeout * 1000,
      owner: run.environment.owner,
    });
  } catch (error) {
    run.fail(
      StorageError.isInstance(error)
        ? error
        : new StorageError({
            operation: `take the lock (${errorMessage(error)})`,
            key: CloudLock.key(cloud.id),
            cloudId: cloud.id,
            cause: error,
          }),
    );
    return 'failed';
  }
  if (!run.lock) {
    skip(
      run,
      `cloud ${cloud.id} is being synced by another worker (lock held); lock.timeout is ${options.lock.timeout}s`,
    );
    return 'skipped';
  }
  run.store = fencedStore(run.environment.store, run.lock);
  run.resources = fencedResources(run.environment.resources, run.lock);
  run.lock.signal.addEventListener('abort', () => run.abort.abort(run.lock?.signal.reason), {
    once: true,
  });
  // Several workers running `syncAll` together: one that reaches a cloud another worker synced
  // after this cycle began skips it, so each cloud is synced once per cycle.
  if (skipIfSyncedSince) {
    const latest = await run.resources.clouds.get(cloud.id).catch(() => null);
    if (
      latest?.lastRunFinished === true &&
      latest.lastRunStatus === 'succeeded' &&
      String(latest.lastRunAt) >= skipIfSyncedSince
    ) {
      await run.lock.release().catch(() => {});
      skip(
        run,
        `cloud ${cloud.id} was synced by another worker at ${latest.lastRunAt}, after this cycle began`,
      );
      return 'skipped';
    }
  }
  return 'held';
}

function skip(run: SyncRun, reason: string): void {
  run.summary.status = 'skipped';
  run.summary.skipped = true;
  run.summary.reason = reason;
  run.summary.durationMs = Date.now() - run.startedAt.getTime();
  run.logger.info(`sync skipped: ${reason}`, { cloudId: run.cloud.id });
}
