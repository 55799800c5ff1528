import type { ScopeReport, SyncSummary } from '@cloud-inventory/core';
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

/** Skipped scopes of a summary. */
export function skippedScopeCount(summary: SyncSummary): number {
  return summary.scopes.filter((scope) => scope.status === 'skipped').length;
}

/** The final sync table: one row per cloud and a total row, then what each cloud could not list or read. */
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
    skippedScopes: number;
  };
  const withSkipped = summaries.some((summary) => skippedScopeCount(summary) > 0);
  const rows: Row[] = summaries.map((summary) => ({
    cloud: summary.cloudId,
    status: statusColour(summary.status),
    summary,
    failedScopes: failedScopeCount(summary),
    skippedScopes: skippedScopeCount(summary),
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
      skippedScopes: summaries.reduce((total, summary) => total + skippedScopeCount(summary), 0),
    });
  }
  const table = renderTable(
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
      ...(withSkipped
        ? [
            {
              header: 'SKIPPED SCOPES',
              value: (row: Row) =>
                row.skippedScopes > 0 ? palette.yellow(String(row.skippedScopes)) : '0',
              alignRight: true,
            },
          ]
        : []),
      {
        header: 'DURATION',
        value: (row) => formatDuration(row.summary.durationMs),
        alignRight: true,
      },
    ],
    { header: palette.bold },
  );
  return [...table, ...summaries.flatMap((summary) => renderScopeProblems(summary, palette))];
}

// A provider message on one line, cut so a problem line stays readable (long enough to keep the
// permission AWS names at the end of its message).
const maximumMessageLength = 320;
const shortMessage = (message: string | undefined) => {
  const line = (message ?? '').replace(/\s+/g, ' ').trim();
  return line.length > maximumMessageLength ? `${line.slice(0, maximumMessageLength - 1)}…` : line;
};

// At most three regions by name, then how many more.
function regionList(regions: readonly string[]): string {
  const unique = [...new Set(regions)];
  if (unique.length === 1) return `in ${unique[0]}`;
  const named = unique.slice(0, 3).join(', ');
  const more = unique.length > 3 ? `, +${unique.length - 3}` : '';
  return `in ${unique.length} regions (${named}${more})`;
}

interface ProblemGroup {
  kind: 'failed' | 'skipped' | 'read';
  service: string;
  call: string | undefined;
  errorClass: string | undefined;
  message: string;
  regions: string[];
  failed: number;
  attempted: number;
  entries: number;
}

// One group per kind, service, call and error class: a call denied in every region is one line.
function problemGroups(scopes: readonly ScopeReport[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  const add = (
    entry: Omit<ProblemGroup, 'regions' | 'failed' | 'attempted' | 'entries'>,
    region: string,
    counts: { failed: number; attempted: number } = { failed: 0, attempted: 0 },
  ) => {
    const key = JSON.stringify([
      entry.kind,
      entry.service,
      entry.call ?? '',
      entry.errorClass ?? '',
      entry.kind === 'skipped' ? entry.message : '',
    ]);
    const group = groups.get(key) ?? { ...entry, regions: [], failed: 0, attempted: 0, entries: 0 };
    group.regions.push(region);
    group.failed += counts.failed;
    group.attempted += counts.attempted;
    group.entries += 1;
    groups.set(key, group);
  };
  for (const scope of scopes) {
    if (scope.status === 'failed' || scope.status === 'skipped') {
      add(
        {
          kind: scope.status,
          service: scope.service,
          call: scope.call,
          errorClass: scope.errorClass,
          message: shortMessage(scope.error),
        },
        scope.region,
      );
    }
    for (const read of scope.enrichmentErrors ?? []) {
      add(
        {
          kind: 'read',
          service: scope.service,
          call: read.call,
          errorClass: read.errorClass,
          message: shortMessage(read.message),
        },
        scope.region,
        read,
      );
    }
  }
  return [...groups.values()];
}

function problemLine(group: ProblemGroup, palette: Palette): string {
  const what = group.call ? `${group.service} ${palette.bold(group.call)}` : group.service;
  const denied =
    group.errorClass === 'auth' ? 'denied' : `failed (${group.errorClass ?? 'unknown'})`;
  const message = group.message ? `: ${group.message}` : '';
  if (group.kind === 'skipped') {
    return `  ${palette.dim('skipped')} ${what} ${regionList(group.regions)}${message}`;
  }
  if (group.kind === 'failed') {
    return `  ${palette.red('not listed')} ${what} ${denied} ${regionList(group.regions)}${message}`;
  }
  // The same listing may be reported for several regions: counts are told for one report only.
  const counts =
    group.entries === 1
      ? `for ${group.failed} of ${group.attempted} resource${group.attempted === 1 ? '' : 's'}`
      : group.failed === group.attempted
        ? 'for every resource'
        : 'for some resources';
  return `  ${palette.yellow('kept without')} ${what} ${denied} ${counts} ${regionList(group.regions)}${message}`;
}

/**
 * What one cloud could not list (failed and skipped scopes, with the call and the provider's
 * message, which names the missing permission where the provider does) and which per-resource
 * reads failed: one line per call, its regions grouped. Nothing when every scope was complete.
 */
export function renderScopeProblems(summary: SyncSummary, palette: Palette): string[] {
  const groups = problemGroups(summary.scopes);
  if (groups.length === 0) return [];
  const order = { failed: 0, read: 1, skipped: 2 } as const;
  groups.sort((left, right) => order[left.kind] - order[right.kind]);
  return [
    `${palette.bold(summary.cloudId)}:`,
    ...groups.map((group) => problemLine(group, palette)),
  ];
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
