import type { RuntimeContext, ScopeReport } from '@cloud-inventory/core';

/**
 * Collects the scope reports of the listing steps and hands them on once the listing ends, with
 * the complete reports of one (service, region) combined into one: the union of their types, the
 * sum of their counts. Failed and skipped reports pass unchanged, so a denied call still fails
 * exactly its types. Every subscription and every list call is its own step, and ARM lists each
 * subscription-wide, so without this a healthy run would report each (service, region) once per
 * step and subscription.
 */
export class AzureScopeReports {
  readonly #complete = new Map<string, ScopeReport>();
  readonly #others: ScopeReport[] = [];

  /** Keep one report. */
  add(report: ScopeReport): void {
    if (report.status !== 'complete') {
      this.#others.push(report);
      return;
    }
    const key = `${report.service}\u0000${report.region}`;
    const known = this.#complete.get(key);
    this.#complete.set(key, known ? combine(known, report) : { ...report });
  }

  /** Hand every report to the runtime: the combined complete ones, then the others. */
  flush(runtime: Pick<RuntimeContext, 'reportScope'>): void {
    for (const report of [...this.#complete.values(), ...this.#others]) runtime.reportScope(report);
    this.#complete.clear();
    this.#others.length = 0;
  }
}

function combine(first: ScopeReport, second: ScopeReport): ScopeReport {
  const combined: ScopeReport = { ...first };
  // A report without types is complete for every type; the union of typed reports lists them all.
  if (first.resourceTypes && second.resourceTypes) {
    combined.resourceTypes = [...new Set([...first.resourceTypes, ...second.resourceTypes])];
  } else {
    delete combined.resourceTypes;
  }
  if (first.resourceCount !== undefined || second.resourceCount !== undefined) {
    combined.resourceCount = (first.resourceCount ?? 0) + (second.resourceCount ?? 0);
  }
  if (first.durationMs !== undefined || second.durationMs !== undefined) {
    combined.durationMs = Math.max(first.durationMs ?? 0, second.durationMs ?? 0);
  }
  const enrichmentErrors = [...(first.enrichmentErrors ?? []), ...(second.enrichmentErrors ?? [])];
  if (enrichmentErrors.length > 0) combined.enrichmentErrors = enrichmentErrors;
  return combined;
}
