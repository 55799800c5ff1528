import {
  type CloudResource,
  DriverError,
  type ErrorClass,
  type InventoryLogger,
  type RuntimeContext,
} from '@cloud-inventory/core';
import { BoundedQueue } from './bounded-queue.ts';
import {
  classifyError as defaultClassifyError,
  isCredentialError,
  statusCodeOf,
} from './classify-error.ts';
import { type CoveredRegions, ScopeCoverage, type ScopeOutcome } from './scope-coverage.ts';

/** What a scope lister may return. */
export type ScopeListing =
  | AsyncIterable<CloudResource>
  | Iterable<CloudResource>
  | Promise<AsyncIterable<CloudResource> | Iterable<CloudResource>>;

/** One unit of listing: a service in a region (or `global`) and the function that lists it. */
export interface ListScope {
  /** Service name, as in the catalog. */
  service: string;
  /** Region, or `global` for services listed once. @default 'global' */
  region?: string;
  /** List the scope's resources; stop when `signal` aborts. */
  list: (signal: AbortSignal) => ScopeListing;
  /**
   * For account-wide APIs (one listing returns the resources of every region): the regions this
   * one listing covers. Its outcome (complete, failed with its class, or skipped) is then reported
   * once for the scope's own `region`, once for each of these, and once for every region a listed
   * resource carries, each report counting the resources listed in its region. A function is
   * called once the outcome is known, after the listing, so it may name regions found meanwhile.
   * Unset: one report, for `region`, counting every resource.
   */
  coversRegions?: CoveredRegions;
  /**
   * The listing is complete only for these resource types (filters kept some types of the
   * service): every report of the scope names them, so the engine deletes nothing of the other
   * types, and resources of other types are dropped (neither yielded nor counted).
   * Unset: complete for every type the service yields.
   */
  resourceTypes?: readonly string[];
  /** The provider call(s) the scope makes, named in its failure report so a user can grant it. */
  call?: string;
  /** Extra fields of the complete report (enrichment failures), read once the listing is done. */
  details?: () => Pick<ScopeOutcome, 'enrichmentErrors'>;
}

/** Options of `runScopes`. */
export interface RunScopesOptions {
  /** Scopes to list. */
  scopes: Iterable<ListScope>;
  /** Scopes listed at the same time. @default 4 */
  concurrency?: number;
  /** Runtime of the sync: scopes go to `reportScope`, per-scope progress to `emitProgress`. */
  runtime: Pick<RuntimeContext, 'reportScope'> & Partial<Pick<RuntimeContext, 'emitProgress'>>;
  /** Aborts every scope; the generator then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Error classifier. @default classifyError */
  classifyError?: (error: unknown) => ErrorClass;
  /**
   * Stop everything when the first scope to fail does so because the credentials were refused and
   * no scope has completed yet (or pass a test of your own); the remaining scopes are reported
   * failed with class `auth` and a DriverError is thrown. @default true (uses isCredentialError)
   */
  abortOnAuthError?: boolean | ((error: unknown) => boolean);
  /** Resources buffered between listers and the consumer before listers wait. @default 64 */
  bufferSize?: number;
  /** Logs scope failures. */
  logger?: InventoryLogger;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * List scopes with at most `concurrency` in flight, yielding resources as they arrive through a
 * bounded buffer, reporting every scope to `runtime.reportScope` (once per covered region for an
 * account-wide scope), isolating failures.
 */
export async function* runScopes(options: RunScopesOptions): AsyncGenerator<CloudResource> {
  const scopes = [...options.scopes].map((scope) => ({
    ...scope,
    region: scope.region ?? 'global',
  }));
  const coverages = scopes.map(
    (scope) =>
      new ScopeCoverage({
        service: scope.service,
        region: scope.region,
        coversRegions: scope.coversRegions,
        resourceTypes: scope.resourceTypes,
        logger: options.logger,
      }),
  );
  const classify = options.classifyError ?? defaultClassifyError;
  const abortRule = options.abortOnAuthError ?? true;
  const shouldAbortOnAuth =
    typeof abortRule === 'function' ? abortRule : abortRule ? isCredentialError : () => false;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const queue = new BoundedQueue<CloudResource>(options.bufferSize ?? 64);
  const controller = new AbortController();
  const reported = new Set<number>();
  const failedClasses: ErrorClass[] = [];
  let completedCount = 0;
  let nextIndex = 0;
  let settled = false;
  let authFailure: { error: unknown; index: number } | undefined;

  options.signal?.throwIfAborted();
  const onCallerAbort = () => {
    controller.abort(options.signal?.reason);
    queue.fail(options.signal?.reason);
  };
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const report = (index: number, outcome: ScopeOutcome) => {
    if (settled || reported.has(index)) return;
    reported.add(index);
    for (const scope of coverages[index]!.reports(outcome)) options.runtime.reportScope(scope);
  };

  const listOne = async (index: number) => {
    const scope = scopes[index]!;
    const coverage = coverages[index]!;
    const startedAt = Date.now();
    let resourceCount = 0;
    try {
      const listing = await scope.list(controller.signal);
      for await (const resource of listing) {
        if (!coverage.accepts(resource)) continue;
        // Only wait (a promise and a turn of the microtask queue) when the buffer is full.
        if (!queue.offer(resource, controller.signal))
          await queue.push(resource, controller.signal);
        resourceCount += 1;
        coverage.count(resource);
      }
      controller.signal.throwIfAborted();
      completedCount += 1;
      report(index, {
        status: 'complete',
        durationMs: Date.now() - startedAt,
        resourceCount,
        ...scope.details?.(),
      });
      options.runtime.emitProgress?.({
        service: scope.service,
        region: scope.region,
        processed: resourceCount,
        scopesDone: reported.size,
        scopesTotal: scopes.length,
      });
    } catch (error) {
      // Stopped by someone else (the caller or another scope's auth failure): reported below.
      if (controller.signal.aborted) return;
      const errorClass = classify(error);
      failedClasses.push(errorClass);
      options.logger?.warn('scope failed', {
        service: scope.service,
        region: scope.region,
        ...(scope.call ? { call: scope.call } : {}),
        errorClass,
        error: messageOf(error),
      });
      report(index, {
        status: 'failed',
        errorClass,
        error: messageOf(error),
        ...(scope.call ? { call: scope.call } : {}),
        ...scope.details?.(),
        durationMs: Date.now() - startedAt,
        resourceCount,
      });
      if (errorClass === 'auth' && completedCount === 0 && shouldAbortOnAuth(error)) {
        authFailure = { error, index };
        controller.abort(error);
        // Hand the consumer what is buffered, then finish without waiting for the other listers.
        queue.close();
      }
    }
  };

  const worker = async () => {
    while (!controller.signal.aborted && nextIndex < scopes.length) {
      const index = nextIndex;
      nextIndex += 1;
      await listOne(index);
    }
  };
  const workers = Array.from({ length: Math.min(concurrency, scopes.length) }, () => worker());
  // listOne never rejects, so neither does this; the queue closes once every worker is done.
  void Promise.allSettled(workers).then(() => queue.close());

  try {
    for (;;) {
      const next = await queue.next();
      if (next.done) break;
      yield next.value;
    }
  } finally {
    options.signal?.removeEventListener('abort', onCallerAbort);
    if (!controller.signal.aborted) controller.abort(new Error('runScopes: the consumer stopped'));
    const unreported = scopes.map((_, index) => index).filter((index) => !reported.has(index));
    if (authFailure) {
      const origin = scopes[authFailure.index]!;
      for (const index of unreported) {
        report(index, {
          status: 'failed',
          errorClass: 'auth',
          error: `Not listed: the credentials were refused while listing ${origin.service} in ${origin.region}.`,
        });
      }
    } else {
      // Cancelled, or the consumer stopped early: nothing is known about these scopes.
      for (const index of unreported) {
        report(index, { status: 'skipped', error: 'Listing stopped before this scope completed.' });
      }
    }
    settled = true;
  }

  if (authFailure) {
    const origin = scopes[authFailure.index]!;
    throw new DriverError({
      message: `The provider refused the credentials while listing ${origin.service} in ${origin.region}; stopped the other ${scopes.length - 1} scope(s). ${messageOf(authFailure.error)}`,
      errorClass: 'auth',
      statusCode: statusCodeOf(authFailure.error),
      service: origin.service,
      region: origin.region,
      retryable: false,
      cause: authFailure.error,
    });
  }
  if (
    abortRule !== false &&
    scopes.length > 0 &&
    failedClasses.length === scopes.length &&
    failedClasses.every((errorClass) => errorClass === 'auth')
  ) {
    throw new DriverError({
      message: `Every scope (${scopes.length}) failed with an authorization error; check the credentials and their permissions.`,
      errorClass: 'auth',
      retryable: false,
    });
  }
}
