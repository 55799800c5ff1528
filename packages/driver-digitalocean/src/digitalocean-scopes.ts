import type { ProgressReport, RuntimeContext, ScopeReport } from '@cloud-inventory/core';

/**
 * The regions one account-wide listing covers. DigitalOcean lists most collections for the whole
 * account at once, while the engine deletes only inside (service, region) scopes reported
 * complete: so one listing is reported as one scope per region it covered.
 */
export class ServiceCoverage {
  /** Service name. */
  readonly service: string;
  /** Set when only some of the service's resource types were listed. */
  readonly resourceTypes: string[] | undefined;
  readonly #regions: Set<string>;
  readonly #counts = new Map<string, number>();

  constructor(options: { service: string; regions: string[]; resourceTypes?: string[] }) {
    this.service = options.service;
    this.#regions = new Set(options.regions);
    this.resourceTypes = options.resourceTypes;
  }

  /** Count a resource listed in `region` (a region outside the planned ones is added). */
  count(region: string): void {
    this.#regions.add(region);
    this.#counts.set(region, (this.#counts.get(region) ?? 0) + 1);
  }

  /** The regions covered, as reported. */
  get regions(): string[] {
    return [...this.#regions];
  }

  /** One report per covered region, from the report of the whole listing. */
  expand(scope: ScopeReport): ScopeReport[] {
    return this.regions.map((region) => {
      const report: ScopeReport = {
        ...scope,
        region,
        resourceCount: this.#counts.get(region) ?? 0,
      };
      if (this.resourceTypes) report.resourceTypes = [...this.resourceTypes];
      return report;
    });
  }
}

/** A runtime for `runScopes` that turns the report of an account-wide listing into per-region reports. */
export function coverageRuntime(
  runtime: RuntimeContext,
  coverages: ReadonlyMap<string, ServiceCoverage>,
): Pick<RuntimeContext, 'reportScope' | 'emitProgress'> {
  return {
    reportScope(scope: ScopeReport) {
      const coverage = coverages.get(scope.service);
      if (!coverage) {
        runtime.reportScope(scope);
        return;
      }
      for (const report of coverage.expand(scope)) runtime.reportScope(report);
    },
    emitProgress(progress: ProgressReport) {
      runtime.emitProgress(progress);
    },
  };
}
