import type { ScopeReport } from '../types.ts';

/** Key of a (service, region) scope. */
export function scopeKey(service: string, region: string): string {
  return `${service}|${region}`;
}

interface ScopeState {
  service: string;
  region: string;
  reports: ScopeReport[];
  /** Complete for every type (an unlimited complete report). */
  completeAll: boolean;
  /** Types some limited complete report covered. */
  completeTypes: Set<string>;
  /** Failed for every type (an unlimited failed report), or a rejected resource without a type. */
  failedAll: boolean;
  /** Types some limited failed report named, or whose resources were rejected. */
  failedTypes: Set<string>;
}

/**
 * Every scope report of a run, combined per (service, region): a driver that lists a service in
 * several steps reports each step's types; the scope may delete the union of the types that were
 * listed completely, minus any type that failed (or had a resource rejected) in this run. A report
 * without types speaks for every type of the scope.
 */
export class ScopeLedger {
  readonly #scopes = new Map<string, ScopeState>();
  #anyRejectedWithoutScope = false;

  /** Record one report from the driver. */
  report(scope: ScopeReport): void {
    if (!scope || typeof scope.service !== 'string') return;
    const region = scope.region || 'global';
    const state = this.#state(scope.service, region);
    const report: ScopeReport = { ...scope, region };
    state.reports.push(report);
    const types = Array.isArray(scope.resourceTypes) ? scope.resourceTypes : undefined;
    if (scope.status === 'complete') {
      if (types) for (const type of types) state.completeTypes.add(type);
      else state.completeAll = true;
    } else if (scope.status === 'failed') {
      if (types) for (const type of types) state.failedTypes.add(type);
      else state.failedAll = true;
    }
  }

  /**
   * A resource the engine rejected: its type keeps its other resources from being deleted in its
   * scope (it was listed, so it exists). Without a known scope, nothing is deleted in this run.
   */
  rejected(resource: { service?: string; region?: string; resourceType?: string }): void {
    if (typeof resource.service !== 'string' || resource.service === '') {
      this.#anyRejectedWithoutScope = true;
      return;
    }
    const state = this.#state(resource.service, resource.region || 'global');
    if (typeof resource.resourceType === 'string') state.failedTypes.add(resource.resourceType);
    else state.failedAll = true;
  }

  /**
   * True when a resource of `type` in (service, region) may be deleted if it was not listed.
   * `implicit`: the driver reported no scope and finished, so every scope counts as complete.
   */
  mayDelete(service: string, region: string, type: string, implicit = false): boolean {
    if (this.#anyRejectedWithoutScope) return false;
    const state = this.#scopes.get(scopeKey(service, region));
    if (!state) return implicit;
    if (state.failedAll || state.failedTypes.has(type)) return false;
    return implicit || state.completeAll || state.completeTypes.has(type);
  }

  /** Number of reports the driver made. */
  get reportCount(): number {
    let count = 0;
    for (const state of this.#scopes.values()) count += state.reports.length;
    return count;
  }

  /**
   * Coverage keys this run listed completely: `service|region` for a scope complete for every
   * type, `service|region|type` for each type a step listed completely (drivers on list steps
   * report every scope limited to its types). `lastSeenAt` of a resource is derived from them.
   */
  completeCoverageKeys(): string[] {
    if (this.#anyRejectedWithoutScope) return [];
    const keys: string[] = [];
    for (const [key, state] of this.#scopes) {
      if (state.failedAll) continue;
      if (state.completeAll && state.failedTypes.size === 0) keys.push(key);
      for (const type of state.completeTypes)
        if (!state.failedTypes.has(type)) keys.push(`${key}|${type}`);
    }
    return keys;
  }

  /** Every report as the driver made it, in order. */
  reports(): ScopeReport[] {
    return [...this.#scopes.values()].flatMap((state) => state.reports);
  }

  /** Reports that failed. */
  failedReports(): ScopeReport[] {
    return this.reports().filter((report) => report.status === 'failed');
  }

  #state(service: string, region: string): ScopeState {
    const key = scopeKey(service, region);
    let state = this.#scopes.get(key);
    if (!state) {
      state = {
        service,
        region,
        reports: [],
        completeAll: false,
        completeTypes: new Set(),
        failedAll: false,
        failedTypes: new Set(),
      };
      this.#scopes.set(key, state);
    }
    return state;
  }
}
