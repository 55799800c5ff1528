import type { EnrichmentErrorSummary, RuntimeContext, ScopeReport } from '@cloud-inventory/core';

const statusRank: Record<ScopeReport['status'], number> = { complete: 0, skipped: 1, failed: 2 };

function mergeEnrichmentErrors(
  left: EnrichmentErrorSummary[] | undefined,
  right: EnrichmentErrorSummary[] | undefined,
): EnrichmentErrorSummary[] | undefined {
  if (!left) return right;
  if (!right) return left;
  const merged = new Map(left.map((entry) => [entry.call, { ...entry }]));
  for (const entry of right) {
    const known = merged.get(entry.call);
    if (known) {
      known.failed += entry.failed;
      known.attempted += entry.attempted;
    } else {
      merged.set(entry.call, { ...entry });
    }
  }
  return [...merged.values()];
}

/** Two reports of the same scope and types (from two projects) as one: the worse outcome wins. */
export function mergeScopeReports(left: ScopeReport, right: ScopeReport): ScopeReport {
  const worse = statusRank[right.status] > statusRank[left.status] ? right : left;
  const enrichmentErrors = mergeEnrichmentErrors(left.enrichmentErrors, right.enrichmentErrors);
  const merged: ScopeReport = { ...worse };
  if (left.resourceCount !== undefined || right.resourceCount !== undefined) {
    merged.resourceCount = (left.resourceCount ?? 0) + (right.resourceCount ?? 0);
  }
  if (left.durationMs !== undefined || right.durationMs !== undefined) {
    merged.durationMs = Math.max(left.durationMs ?? 0, right.durationMs ?? 0);
  }
  if (enrichmentErrors) merged.enrichmentErrors = enrichmentErrors;
  else delete merged.enrichmentErrors;
  return merged;
}

/**
 * Collects the step reports of a run and hands the engine, per (service, region), one complete
 * report for every type whose steps all completed (in every project), and the failed or skipped
 * steps' own reports (merged across projects: the engine's scopes do not name projects). A
 * healthy run thus reports each scope once; a denied call still fails exactly its types.
 * Reports are passed on by `flush`, once the listing ended, however it ended.
 */
export class GcpScopeReports {
  readonly #runtime: Pick<RuntimeContext, 'reportScope'>;
  readonly #typesOf: (service: string) => readonly string[];
  readonly #reports: ScopeReport[] = [];

  constructor(
    runtime: Pick<RuntimeContext, 'reportScope'>,
    typesOf: (service: string) => readonly string[],
  ) {
    this.#runtime = runtime;
    this.#typesOf = typesOf;
  }

  /** Collect one report. */
  add(report: ScopeReport): void {
    this.#reports.push(report);
  }

  /** Pass the merged reports to the engine, once. */
  flush(): void {
    const scopes = new Map<string, ScopeReport[]>();
    for (const report of this.#reports.splice(0)) {
      const key = `${report.service}\u0000${report.region}`;
      scopes.set(key, [...(scopes.get(key) ?? []), report]);
    }
    for (const reports of scopes.values()) {
      for (const report of this.#merge(reports)) this.#runtime.reportScope(report);
    }
  }

  #merge(reports: ScopeReport[]): ScopeReport[] {
    const { service } = reports[0]!;
    const all = this.#typesOf(service);
    const typesOf = (report: ScopeReport) => report.resourceTypes ?? all;
    const unfinished = reports.filter((report) => report.status !== 'complete');
    const badTypes = new Set(unfinished.flatMap(typesOf));
    const merged: ScopeReport[] = [];
    let complete: ScopeReport | undefined;
    const completeTypes = new Set<string>();
    for (const report of reports) {
      if (report.status !== 'complete') continue;
      complete = complete ? mergeScopeReports(complete, report) : { ...report };
      for (const type of typesOf(report)) if (!badTypes.has(type)) completeTypes.add(type);
    }
    if (complete && completeTypes.size > 0) {
      const covered = all.filter((type) => completeTypes.has(type));
      if (covered.length === all.length) delete complete.resourceTypes;
      else complete.resourceTypes = covered;
      merged.push(complete);
    }
    const byTypes = new Map<string, ScopeReport>();
    for (const report of unfinished) {
      const key = `${report.status}:${[...typesOf(report)].sort().join(',')}`;
      const known = byTypes.get(key);
      byTypes.set(key, known ? mergeScopeReports(known, report) : report);
    }
    return [...merged, ...byTypes.values()];
  }
}
