import type {
  DriverCatalog,
  EnrichmentErrorSummary,
  RuntimeContext,
  ScopeReport,
} from '@cloud-inventory/core';

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
  readonly #catalog: DriverCatalog;

  constructor(catalog: DriverCatalog) {
    this.#catalog = catalog;
  }

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
    const complete = [...this.#complete.values()].map((report) => this.#untypedWhenWhole(report));
    for (const report of [...complete, ...this.#others]) runtime.reportScope(report);
    this.#complete.clear();
    this.#others.length = 0;
  }

  // Complete for every type of its service: said without types, so the engine also records the
  // scope's coverage time (it does so only for reports that speak for every type).
  #untypedWhenWhole(report: ScopeReport): ScopeReport {
    const service = this.#catalog.services.find((candidate) => candidate.name === report.service);
    if (!service || !report.resourceTypes) return report;
    const covered = new Set(report.resourceTypes);
    if (!service.resourceTypes.every((descriptor) => covered.has(descriptor.type))) return report;
    const { resourceTypes: _whole, ...untyped } = report;
    return untyped;
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
  // One entry per failing call, counted over every subscription's step.
  const byCall = new Map<string, EnrichmentErrorSummary>();
  for (const summary of [...(first.enrichmentErrors ?? []), ...(second.enrichmentErrors ?? [])]) {
    const known = byCall.get(summary.call);
    byCall.set(
      summary.call,
      known
        ? {
            ...known,
            failed: known.failed + summary.failed,
            attempted: known.attempted + summary.attempted,
          }
        : { ...summary },
    );
  }
  if (byCall.size > 0) combined.enrichmentErrors = [...byCall.values()];
  return combined;
}
