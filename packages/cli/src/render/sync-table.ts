import type { SyncSummary } from '@cloud-inventory/core';
import { exitCodes } from '../errors/cli-error.ts';
import type { Palette } from '../terminal/palette.ts';
import { formatCount, formatDuration } from './format.ts';
import { renderTable } from './table.ts';

/** Overall outcome of several cloud syncs. */
export type OverallStatus = 'succeeded' | 'partial' | 'failed';

/** `failed` when no cloud synced anything, `partial` when some cloud failed, was partial or skipped, else `succeeded`. */
export function overallStatus(summaries: readonly SyncSummary[]): OverallStatus {
  if (summaries.length === 0) return 'succeeded';
  if (summaries.every((summary) => summary.status === 'succeeded')) return 'succeeded';
  if (summaries.every((summary) => summary.status === 'failed' || summary.status === 'skipped'))
    return 'failed';
  return 'partial';
}

/** Exit code of a sync: 0 succeeded, 3 partial, 1 failed. */
export function syncExitCode(summaries: readonly SyncSummary[]): number {
  const status = overallStatus(summaries);
  return status === 'succeeded'
    ? exitCodes.success
    : status === 'partial'
      ? exitCodes.partial
      : exitCodes.failure;
}

/** Failed scopes of a summary. */
export function failedScopeCount(summary: SyncSummary): number {
  return summary.scopes.filter((scope) => scope.status === 'failed').length;
}

/** The final sync table: one row per cloud and a total row. */
export function renderSyncTable(summaries: readonly SyncSummary[], palette: Palette): string[] {
  const statusColour = (status: string) =>
    status === 'succeeded'
      ? palette.green(status)
      : status === 'failed'
        ? palette.red(status)
        : palette.yellow(status);
  const withRestored = summaries.some((summary) => summary.restored > 0);
  type Row = {
    cloud: string;
    status: string;
    summary: Pick<
      SyncSummary,
      'created' | 'updated' | 'unchanged' | 'deleted' | 'restored' | 'processed' | 'durationMs'
    >;
    failedScopes: number;
  };
  const rows: Row[] = summaries.map((summary) => ({
    cloud: summary.cloudId,
    status: statusColour(summary.status),
    summary,
    failedScopes: failedScopeCount(summary),
  }));
  if (summaries.length > 1) {
    const sum = (key: 'created' | 'updated' | 'unchanged' | 'deleted' | 'restored' | 'processed') =>
      summaries.reduce((total, summary) => total + summary[key], 0);
    rows.push({
      cloud: palette.bold('total'),
      status: statusColour(overallStatus(summaries)),
      summary: {
        created: sum('created'),
        updated: sum('updated'),
        unchanged: sum('unchanged'),
        deleted: sum('deleted'),
        restored: sum('restored'),
        processed: sum('processed'),
        durationMs: Math.max(...summaries.map((summary) => summary.durationMs)),
      },
      failedScopes: summaries.reduce((total, summary) => total + failedScopeCount(summary), 0),
    });
  }
  return renderTable(
    rows,
    [
      { header: 'CLOUD', value: (row) => row.cloud },
      { header: 'STATUS', value: (row) => row.status },
      { header: 'RESOURCES', value: (row) => formatCount(row.summary.processed), alignRight: true },
      { header: 'CREATED', value: (row) => formatCount(row.summary.created), alignRight: true },
      { header: 'UPDATED', value: (row) => formatCount(row.summary.updated), alignRight: true },
      { header: 'UNCHANGED', value: (row) => formatCount(row.summary.unchanged), alignRight: true },
      { header: 'DELETED', value: (row) => formatCount(row.summary.deleted), alignRight: true },
      ...(withRestored
        ? [
            {
              header: 'RESTORED',
              value: (row: Row) => formatCount(row.summary.restored),
              alignRight: true,
            },
          ]
        : []),
      {
        header: 'FAILED SCOPES',
        value: (row) => (row.failedScopes > 0 ? palette.red(String(row.failedScopes)) : '0'),
        alignRight: true,
      },
      {
        header: 'DURATION',
        value: (row) => formatDuration(row.summary.durationMs),
        alignRight: true,
      },
    ],
    { header: palette.bold },
  );
}

/** A summary without its opaque checkpoint, for `--json`. */
export function summaryForJson(summary: SyncSummary): Omit<SyncSummary, 'checkpoint'> {
  const { checkpoint: _checkpoint, ...rest } = summary;
  return rest;
}

/** Why a sync did not fully succeed (its reason, else its first error), or undefined when it did. */
export function describeProblem(summary: SyncSummary): string | undefined {
  if (summary.status === 'succeeded') return undefined;
  if (summary.reason) return summary.reason;
  for (const [errorClass, messages] of Object.entries(summary.errors)) {
    if (messages && messages.length > 0)
      return `${errorClass}: ${messages[0]}${messages.length > 1 ? ` (and ${messages.length - 1} more)` : ''}`;
  }
  return undefined;
}
