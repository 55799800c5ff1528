import type { InventoryResources } from '../storage/inventory-resources.ts';
import type { ErrorClass } from '../types.ts';
import { compact } from './persist-changes.ts';
import type { ResolvedCloud } from './sync-run.ts';
import type { SyncStatus, SyncSummary } from './sync-types.ts';

/** The summary as kept on the cloud record: counts, without the scope list. */
export function resultRecord(summary: SyncSummary): Record<string, unknown> {
  const { scopes, rejectedResources: _rejected, ...rest } = summary;
  return {
    ...rest,
    scopeCount: scopes.length,
    failedScopes: scopes.filter((scope) => scope.status === 'failed').length,
  };
}

/** Write a finished run's record: counts, per-scope outcome (denied calls included), errors, rejected resources. */
export async function writeRunRecord(
  resources: InventoryResources,
  cloud: ResolvedCloud,
  summary: SyncSummary,
  times: { startedAt: Date; finishedAt: Date },
  worker: string,
): Promise<void> {
  const errors: Record<string, { count: number; messages: string[] }> = {};
  for (const [errorClass, messages] of Object.entries(summary.errors))
    if (messages) errors[errorClass] = { count: messages.length, messages };
  await resources.runs.replace(
    `${cloud.id}:${summary.runId}`,
    compact({
      cloudId: cloud.id,
      driver: cloud.driverName,
      runId: summary.runId,
      status: summary.status,
      startedAt: times.startedAt.toISOString(),
      finishedAt: times.finishedAt.toISOString(),
      durationMs: summary.durationMs,
      counts: {
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        deleted: summary.deleted,
        restored: summary.restored,
        processed: summary.processed,
        rejected: summary.rejected,
      },
      scopes: summary.scopes,
      errors,
      rejected: summary.rejectedResources,
      recovered: summary.recovered,
      worker,
    }),
  );
}

/** Error classes for grouping; re-exported for run-record readers. */
export type RunErrorClass = ErrorClass | 'storage' | 'invalid-resource' | 'lock';
/** Statuses a run can end with. */
export type RunStatus = SyncStatus;
