import type { CloudResource, InventoryLogger, ScopeReport } from '@cloud-inventory/core';

/** The regions an account-wide listing covers: a list, or a function called once the outcome is known. */
export type CoveredRegions = readonly string[] | (() => Iterable<string>);

/** What `ScopeCoverage` needs of a scope. */
export interface ScopeCoverageOptions {
  /** Service of the scope. */
  service: string;
  /** Region of the scope itself (`global` for an account-wide listing). */
  region: string;
  /** Regions the listing covers besides its own; unset for a scope that covers its region only. */
  coversRegions?: CoveredRegions | undefined;
  /** Types the listing is complete for; unset when it is complete for every type. */
  resourceTypes?: readonly string[] | undefined;
  /** Warned when `coversRegions` throws. */
  logger?: InventoryLogger | undefined;
}

/** The outcome of one listing, before it is told per region. */
export type ScopeOutcome = Omit<ScopeReport, 'service' | 'region' | 'resourceTypes'>;

/** Region under which the engine stores a resource (`global` when it has none). */
export function regionOfResource(resource: Pick<CloudResource, 'region'>): string {
  return typeof resource.region === 'string' && resource.region !== '' ? resource.region : 'global';
}

/**
 * The bookkeeping behind one listing's scope reports: which resources it may yield (its
 * `resourceTypes`), how many it yielded in each region, and the reports that tell its outcome
 * once per covered region (its own, `coversRegions`, then every region a resource carried).
 */
export class ScopeCoverage {
  readonly #options: ScopeCoverageOptions;
  readonly #types: ReadonlySet<string> | undefined;
  readonly #counts = new Map<string, number>();

  constructor(options: ScopeCoverageOptions) {
    this.#options = options;
    this.#types = options.resourceTypes ? new Set(options.resourceTypes) : undefined;
  }

  /** Whether the listing may yield `resource` (its type is one the scope is complete for). */
  accepts(resource: Pick<CloudResource, 'resourceType'>): boolean {
    return this.#types === undefined || this.#types.has(resource.resourceType);
  }

  /** Count a yielded resource in its region. */
  count(resource: Pick<CloudResource, 'region'>): void {
    const region = regionOfResource(resource);
    this.#counts.set(region, (this.#counts.get(region) ?? 0) + 1);
  }

  /** Every region the outcome is reported for, in report order, without duplicates. */
  regions(): string[] {
    const { coversRegions, region } = this.#options;
    if (coversRegions === undefined) return [region];
    return [...new Set([region, ...this.#coveredRegions(coversRegions), ...this.#counts.keys()])];
  }

  /** The reports of one outcome: one per covered region, each with that region's resource count. */
  reports(outcome: ScopeOutcome): ScopeReport[] {
    const { service, region, coversRegions, resourceTypes } = this.#options;
    const typed = (report: ScopeReport): ScopeReport =>
      resourceTypes ? { ...report, resourceTypes: [...resourceTypes] } : report;
    if (coversRegions === undefined) return [typed({ service, region, ...outcome })];
    // Enrichment failures are one listing's: told once, on the scope's own region.
    const { enrichmentErrors, ...shared } = outcome;
    return this.regions().map((covered) =>
      typed({
        service,
        region: covered,
        ...shared,
        ...(covered === region && enrichmentErrors ? { enrichmentErrors } : {}),
        // A report without a count (not listed at all) stays without one in every region.
        ...(outcome.resourceCount === undefined
          ? {}
          : { resourceCount: this.#counts.get(covered) ?? 0 }),
      }),
    );
  }

  #coveredRegions(coversRegions: CoveredRegions): string[] {
    try {
      const regions = typeof coversRegions === 'function' ? coversRegions() : coversRegions;
      // A lone string (from untyped code) is one region, not a list of characters.
      const list = typeof regions === 'string' ? [regions] : [...regions];
      return list.filter((region): region is string => typeof region === 'string' && region !== '');
    } catch (error) {
      // NOTE: reporting fewer regions is safe: nothing is deleted where nothing was reported.
      this.#options.logger?.warn('coversRegions failed; reporting the listed regions only', {
        service: this.#options.service,
        region: this.#options.region,
        error: error instanceof Error ? error.message : String(error),
      });
      return [];
    }
  }
}
