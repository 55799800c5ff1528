import { setTimeout as sleep } from 'node:timers/promises';
import { type CloudResource, DriverError, type RuntimeContext } from '@cloud-inventory/core';
import type { MockFailScope } from './mock-driver-options.ts';

/** One (service, region) the mock lists, with the resources it yields. */
export interface MockScopePlan {
  /** Service. */
  service: string;
  /** Region or `global`. */
  region: string;
  /** Types listed in this scope. */
  listedTypes: string[];
  /** Types of the scope left out by `config.services` or the include/exclude filters. */
  omittedTypes: string[];
  /** The resources, generated lazily. */
  resources(): Iterable<CloudResource>;
}

/** What the runner needs besides the plans. */
export interface MockScopeRunnerOptions {
  /** Runtime helpers (scopes and progress are reported through it). */
  runtime: Partial<RuntimeContext> | undefined;
  /** Abort signal of the sync. */
  signal: AbortSignal | undefined;
  /** Scopes to fail. */
  failScopes: readonly MockFailScope[];
  /** Throw after this many resources. */
  failAfter: number | undefined;
  /** Delay before each scope. */
  latencyMs: number;
  /** Driver name (for errors). */
  driver: string;
  /** Cloud id (for errors). */
  cloudId: string;
}

function findFailure(
  plan: MockScopePlan,
  failScopes: readonly MockFailScope[],
): MockFailScope | undefined {
  return failScopes.find(
    (scope) =>
      scope.service === plan.service &&
      (scope.region === undefined || scope.region === plan.region),
  );
}

/**
 * Lists the scopes one after the other, yielding their resources and reporting each scope as
 * complete, skipped (some types filtered out, so nothing in it may be deleted) or failed.
 */
export async function* runMockScopes(
  plans: Iterable<MockScopePlan>,
  options: MockScopeRunnerOptions,
): AsyncGenerator<CloudResource, void, undefined> {
  const { runtime, signal } = options;
  let yielded = 0;
  for (const plan of plans) {
    signal?.throwIfAborted();
    const started = performance.now();
    if (options.latencyMs > 0)
      await sleep(options.latencyMs, undefined, signal ? { signal } : undefined);
    const failure = findFailure(plan, options.failScopes);
    if (failure) {
      runtime?.reportScope?.({
        service: plan.service,
        region: plan.region,
        status: 'failed',
        errorClass: failure.errorClass ?? 'server',
        error: `Mock failure injected by config.failScopes for ${plan.service} in ${plan.region}.`,
        durationMs: Math.round(performance.now() - started),
      });
      continue;
    }
    let count = 0;
    for (const resource of plan.resources()) {
      if (signal?.aborted) signal.throwIfAborted();
      if (options.failAfter !== undefined && yielded >= options.failAfter) {
        const message = `Mock failure injected by config.failAfter after ${yielded} resources while listing ${plan.service} in ${plan.region}.`;
        runtime?.reportScope?.({
          service: plan.service,
          region: plan.region,
          status: 'failed',
          errorClass: 'server',
          error: message,
          durationMs: Math.round(performance.now() - started),
          resourceCount: count,
        });
        throw new DriverError({
          message,
          errorClass: 'server',
          statusCode: 503,
          driver: options.driver,
          cloudId: options.cloudId,
          service: plan.service,
          region: plan.region,
        });
      }
      yield resource;
      yielded += 1;
      count += 1;
    }
    const durationMs = Math.round(performance.now() - started);
    if (plan.omittedTypes.length > 0) {
      runtime?.reportScope?.({
        service: plan.service,
        region: plan.region,
        status: 'skipped',
        error: `Listed only ${plan.listedTypes.join(', ')}; ${plan.omittedTypes.join(', ')} filtered out, so the scope is not complete.`,
        durationMs,
        resourceCount: count,
      });
    } else {
      runtime?.reportScope?.({
        service: plan.service,
        region: plan.region,
        status: 'complete',
        durationMs,
        resourceCount: count,
      });
    }
    runtime?.emitProgress?.({ service: plan.service, region: plan.region, processed: yielded });
  }
}
