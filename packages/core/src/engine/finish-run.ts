import { LockLostError } from '../errors/lock-lost-error.ts';
import { RunJournal } from '../storage/run-journal.ts';
import { flushBookkeeping } from './bookkeeping.ts';
import { compact } from './persist-changes.ts';
import { applyRetention } from './retention.ts';
import { resultRecord, writeRunRecord } from './run-record.ts';
import { scopeKey } from './scope-ledger.ts';
import type { SyncRun } from './sync-run.ts';
import type { SyncStatus, SyncSummary } from './sync-types.ts';

/**
 * The one finishing step every sync goes through, whatever ended it (success, driver failure,
 * storage failure, cancellation, lost lock): wait for the writes in flight, store the bookkeeping
 * of everything that was written (unless the lock is lost: then this worker writes nothing more),
 * apply retention after a clean run, store the summary and run record, remove the run's journal
 * once its bookkeeping is stored, then release the lock and report.
 */
export async function finishRun(run: SyncRun): Promise<SyncSummary> {
  await run.writer?.settle();
  if (run.writer?.failed) run.fail(run.writer.error);
  const canWrite = run.started && !run.dryRun && !run.lockLost;
  let bookkeepingStored = false;
  if (canWrite) {
    try {
      await flushBookkeeping(run);
      bookkeepingStored = true;
    } catch (error) {
      run.fail(error);
    }
  }
  if (canWrite && bookkeepingStored && run.fatal === undefined) await retain(run);
  const finishedAt = new Date();
  settleStatus(run, finishedAt);
  if (canWrite && !run.lockLost) await storeOutcome(run, finishedAt, bookkeepingStored);
  await closeRun(run);
  return run.summary;
}

async function retain(run: SyncRun): Promise<void> {
  const retention = run.options.retention;
  if (!retention?.maxAgeDays || !run.index) return;
  try {
    const pruned = await applyRetention({
      store: run.store,
      resources: run.resources,
      cloudId: run.cloud.id,
      index: run.index,
      maxAgeDays: retention.maxAgeDays,
      keepLast: retention.keepLast,
      ...(run.lock ? { lock: run.lock } : {}),
    });
    run.prunedVersions += pruned.versionsRemoved;
    if (pruned.segmentsCompacted > 0)
      run.logger.info('retention applied', { cloudId: run.cloud.id, ...pruned });
  } catch (error) {
    run.fail(error);
  }
}

function settleStatus(run: SyncRun, finishedAt: Date): void {
  const { summary } = run;
  summary.scopes = run.scopes.reports();
  summary.durationMs = finishedAt.getTime() - run.startedAt.getTime();
  summary.checkpoint = run.summaryWriter?.record.checkpoint;
  for (const scope of run.scopes.failedReports()) {
    run.addError(
      scope.errorClass ?? 'unknown',
      `${scope.service}/${scope.region}${scope.call ? ` (${scope.call})` : ''}: ${scope.error ?? 'failed'}`,
    );
  }
  if (run.fatal !== undefined) {
    const message = run.fatalMessage();
    summary.status = 'failed';
    summary.reason = message;
    run.addError(run.fatalGroup(), message);
    run.logger.error('sync failed', {
      cloudId: run.cloud.id,
      driver: run.cloud.driverName,
      error: message,
    });
    return;
  }
  summary.status = outcomeStatus(run);
  if (!run.driverFinished && summary.processed === 0 && Object.keys(summary.errors).length === 0)
    run.addError('unknown', 'driver stopped without listing anything');
}

function outcomeStatus(run: SyncRun): SyncStatus {
  const { summary } = run;
  if (!run.driverFinished) return summary.processed > 0 ? 'partial' : 'failed';
  const reports = run.scopes.reports();
  const failed = run.scopes.failedReports().length;
  // Every scope failed and nothing was listed: nothing about the cloud is known.
  if (reports.length > 0 && failed === reports.length && summary.processed === 0) return 'failed';
  return failed > 0 || summary.rejected > 0 ? 'partial' : 'succeeded';
}

/**
 * Store how the run ended, in the order that keeps `lastRunFinished` honest: the run record, then
 * the summary (index layout, totals), then the journal goes. `lastRunFinished` is true only when
 * the bookkeeping and the run record were stored; otherwise the next run recovers from the
 * journal (still there) and marks a run record left `running` as interrupted. A journal left
 * behind by a failed removal after a finished run is only housekeeping (`verify --repair`).
 */
async function storeOutcome(run: SyncRun, finishedAt: Date, bookkeepingStored: boolean) {
  const { summary, existing } = run;
  const at = finishedAt.toISOString();
  const recorded = await attempt(run, 'write the run record', () =>
    writeRunRecord(
      run.resources,
      run.cloud,
      summary,
      { startedAt: run.startedAt, finishedAt },
      run.environment.owner,
    ),
  );
  const finished = bookkeepingStored && recorded;
  const coverage: Record<string, string> = { ...(existing?.coverage ?? {}) };
  const completeScopes =
    run.implicitComplete && run.index
      ? run.index.scopes().map((scope) => scopeKey(scope.service, scope.region))
      : run.scopes.completeCoverageKeys();
  if (run.fatal === undefined) for (const key of completeScopes) coverage[key] = at;
  const succeeded = summary.status === 'succeeded';
  const stored = await attempt(run, 'write the cloud summary', () =>
    run.summaryWriter!.flush(
      compact({
        status: summary.status === 'failed' ? 'error' : 'idle',
        lastResult: resultRecord(summary),
        lastRunStatus: summary.status,
        lastRunFinished: finished,
        ...(run.index
          ? {
              totalResources: run.index.countActive(),
              totalVersions: run.index.countVersions() - run.prunedVersions,
            }
          : {}),
        prunedVersions: run.prunedVersions,
        coverage,
        lastSuccessAt: succeeded ? at : existing?.lastSuccessAt,
        lastErrorAt: succeeded ? existing?.lastErrorAt : at,
        lastError: succeeded ? undefined : { reason: summary.reason ?? firstError(summary), at },
      }),
    ),
  );
  if (!finished || !stored) return;
  await attempt(run, 'remove the journal', async () => {
    await run.journal?.clear();
    await RunJournal.remove(run.store, run.recoveredSegments);
  });
}

// Storing the outcome is best effort: a failure is logged, and the next run recovers.
async function attempt(run: SyncRun, what: string, step: () => Promise<unknown>): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (error) {
    run.logger.error(`could not ${what}; the next run recovers it`, {
      cloudId: run.cloud.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}

async function closeRun(run: SyncRun): Promise<void> {
  const { summary } = run;
  run.environment.signal.removeEventListener('abort', run.onEnvironmentAbort);
  await run.driver?.destroy?.().catch(() => {});
  if (!LockLostError.isInstance(run.fatal)) await run.lock?.release().catch(() => {});
  run.environment.emit(summary.status === 'failed' ? 'sync.failed' : 'sync.completed', {
    ...summary,
  });
  run.logger.info(`sync ${summary.status}`, {
    cloudId: run.cloud.id,
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    deleted: summary.deleted,
    durationMs: summary.durationMs,
  });
}

function firstError(summary: SyncSummary): string | undefined {
  for (const messages of Object.values(summary.errors))
    if (messages && messages.length > 0) return messages[0];
  return undefined;
}
