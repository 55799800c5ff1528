// NOTE: a workaround for the conformance suite only. Its scope check (testkit
// conformance-checks.ts, checkScopes) refuses two reports for one service@region, but the kit's
// step model (runSteps) reports one scope per list call, so every service with two list calls in
// a region trips it. This adapter folds the step reports of one service@region into one report
// (complete only if every step was) before the suite sees them; the per-step reports themselves are
// asserted in oracle-scopes.test.ts.
import type { ListOptions, ScopeReport } from '@cloud-inventory/core';
import { OracleDriver } from '../src/driver.ts';

function merge(reports: ScopeReport[]): ScopeReport {
  const failed = reports.find((report) => report.status === 'failed');
  const skipped = reports.find((report) => report.status === 'skipped');
  const base = failed ?? skipped ?? reports[0]!;
  const types = [...new Set(reports.flatMap((report) => report.resourceTypes ?? []))];
  return {
    ...base,
    resourceCount: reports.reduce((sum, report) => sum + (report.resourceCount ?? 0), 0),
    ...(types.length > 0 ? { resourceTypes: types } : {}),
  };
}

/** An OracleDriver whose scope reports reach the runtime folded per service@region. */
export class MergedScopeOracleDriver extends OracleDriver {
  override async *listResources(options: ListOptions) {
    const pending = new Map<string, ScopeReport[]>();
    const runtime = new Proxy(options.runtime, {
      get(target, property, receiver) {
        if (property === 'reportScope') {
          return (report: ScopeReport) => {
            const key = `${report.service}@${report.region}`;
            pending.set(key, [...(pending.get(key) ?? []), report]);
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    try {
      yield* super.listResources({ ...options, runtime });
    } finally {
      for (const reports of pending.values()) options.runtime.reportScope(merge(reports));
    }
  }
}
