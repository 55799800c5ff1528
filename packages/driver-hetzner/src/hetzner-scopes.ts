import type { RuntimeContext, ScopeReport, ServiceDescriptor } from '@cloud-inventory/core';
import { matchesNamePattern } from '@cloud-inventory/driver-kit';

/** What a scope reporter forwards to: `reportScope`, and `emitProgress` when there is one. */
export type HetznerScopeRuntime = Pick<RuntimeContext, 'reportScope'> &
  Partial<Pick<RuntimeContext, 'emitProgress'>>;

/**
 * The resource types of a selected service that `include` / `exclude` keep: all of them unless
 * `include` names some of its types (and not the service itself), minus the excluded types.
 */
export function selectResourceTypes(
  service: ServiceDescriptor,
  filters: { include?: readonly string[]; exclude?: readonly string[] },
): string[] {
  const all = service.resourceTypes.map((descriptor) => descriptor.type);
  const includes = filters.include ?? [];
  const typePatterns = includes.filter((pattern) =>
    all.some((type) => matchesNamePattern(pattern, type)),
  );
  const serviceNamed = includes.some((pattern) => matchesNamePattern(pattern, service.name));
  const included =
    serviceNamed || typePatterns.length === 0
      ? all
      : all.filter((type) => typePatterns.some((pattern) => matchesNamePattern(pattern, type)));
  const excludes = filters.exclude ?? [];
  return included.filter((type) => !excludes.some((pattern) => matchesNamePattern(pattern, type)));
}

/**
 * Hetzner list endpoints are project-wide, so each service is listed once, as one `global`
 * scope. The engine decides deletions per (service, region) of each stored resource, though: a
 * server in fsn1 is only marked deleted when `servers@fsn1` was listed completely. This reporter
 * forwards every scope report and, for a regional service's `global` scope, repeats it (complete,
 * failed or skipped alike) for every selected location and every location seen while listing,
 * each with its own resource count. When filters keep only some types of a service, its reports
 * name them (`resourceTypes`), so the engine deletes nothing of the other types.
 */
export class HetznerScopeReporter {
  readonly #runtime: HetznerScopeRuntime;
  readonly #regionalServices: ReadonlySet<string>;
  readonly #regions: readonly string[];
  readonly #partialTypes: ReadonlyMap<string, string[]>;
  readonly #counts = new Map<string, Map<string, number>>();

  constructor(options: {
    /** The sync's runtime. */
    runtime: HetznerScopeRuntime;
    /** Services whose resources carry a location. */
    regionalServices: Iterable<string>;
    /** Selected locations. */
    regions: readonly string[];
    /** Services listed for some of their types only, with those types. */
    partialTypes?: ReadonlyMap<string, string[]>;
  }) {
    this.#runtime = options.runtime;
    this.#regionalServices = new Set(options.regionalServices);
    this.#regions = options.regions;
    this.#partialTypes = options.partialTypes ?? new Map();
  }

  /** Count one resource yielded by `service` in `region`. */
  count(service: string, region: string): void {
    const counts = this.#counts.get(service) ?? new Map<string, number>();
    counts.set(region, (counts.get(region) ?? 0) + 1);
    this.#counts.set(service, counts);
  }

  /** The runtime to hand to `runScopes`. */
  get runtime(): HetznerScopeRuntime {
    const emitProgress = this.#runtime.emitProgress?.bind(this.#runtime);
    return {
      reportScope: (scope) => this.#report(scope),
      ...(emitProgress ? { emitProgress } : {}),
    };
  }

  #report(scope: ScopeReport): void {
    const resourceTypes = this.#partialTypes.get(scope.service);
    const typed: ScopeReport = resourceTypes ? { ...scope, resourceTypes } : scope;
    if (scope.region !== 'global' || !this.#regionalServices.has(scope.service)) {
      this.#runtime.reportScope(typed);
      return;
    }
    const counts = this.#counts.get(scope.service) ?? new Map<string, number>();
    const inRegion = (region: string): ScopeReport => ({
      ...typed,
      region,
      ...(scope.resourceCount === undefined ? {} : { resourceCount: counts.get(region) ?? 0 }),
    });
    this.#runtime.reportScope(inRegion('global'));
    const regions = new Set([...this.#regions, ...counts.keys()]);
    regions.delete('global');
    for (const region of regions) this.#runtime.reportScope(inRegion(region));
  }
}
