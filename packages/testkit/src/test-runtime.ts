import type {
  ProgressReport,
  RateLimitReport,
  RuntimeContext,
  ScopeReport,
} from '@cloud-inventory/core';

/** A RuntimeContext that records everything a driver emits. */
export interface TestRuntime extends RuntimeContext {
  /** Scopes reported, in order. */
  readonly scopes: ScopeReport[];
  /** Rate-limit reports, in order. */
  readonly rateLimits: RateLimitReport[];
  /** Checkpoints emitted, in order. */
  readonly checkpoints: unknown[];
  /** States emitted, in order. */
  readonly states: unknown[];
  /** Progress reports, in order. */
  readonly progress: ProgressReport[];
  /** The last report of a scope. */
  scopeFor(service: string, region?: string): ScopeReport | undefined;
}

/** Build a recording runtime; `checkpoint` and `state` play the previous run's values. */
export function createTestRuntime(
  options: { checkpoint?: unknown; state?: unknown } = {},
): TestRuntime {
  const scopes: ScopeReport[] = [];
  const rateLimits: RateLimitReport[] = [];
  const checkpoints: unknown[] = [];
  const states: unknown[] = [];
  const progress: ProgressReport[] = [];
  return {
    checkpoint: options.checkpoint ?? null,
    state: options.state ?? null,
    scopes,
    rateLimits,
    checkpoints,
    states,
    progress,
    emitCheckpoint: (value) => void checkpoints.push(value),
    emitRateLimit: (value) => void rateLimits.push(value),
    emitState: (value) => void states.push(value),
    emitProgress: (value) => void progress.push(value),
    reportScope: (scope) => void scopes.push(scope),
    scopeFor(service, region) {
      return scopes.findLast(
        (scope) => scope.service === service && (region === undefined || scope.region === region),
      );
    },
  };
}
