import type { CloudResource, ErrorClass } from '@cloud-inventory/core';
import { EnrichmentTracker, type ResourceEnrichment } from './enrichment.ts';
import { type ListScope, type RunScopesOptions, runScopes, type ScopeListing } from './fan-out.ts';
import type { CoveredRegions } from './scope-coverage.ts';

/** What a step's `list` and `enrich` receive. */
export interface StepContext {
  /** Aborted when the sync stops or the run gives up; pass it to every call. */
  readonly signal: AbortSignal;
  /** Service of the step. */
  readonly service: string;
  /** Region of the step, or `global`. */
  readonly region: string;
  /** Enrichment calls made while listing (when a step has no `enrich`): `enrichment.forResource()`. */
  readonly enrichment: EnrichmentTracker;
}

/**
 * One listing step: the resource types one list call (or one chain of calls) yields, in one
 * region. A step that fails fails exactly its types in its region; the service's other steps
 * still list and report complete, so a denied call never hides what other calls can see.
 */
export interface ListStep {
  /** Service name, as in the catalog. */
  service: string;
  /** Region, or `global` for account-wide listings. @default 'global' */
  region?: string;
  /** The resource types the step lists and is complete for; resources of other types are dropped. */
  resourceTypes: readonly string[];
  /** The provider call(s), named as a user would grant them (`ec2:DescribeImages`, `GET /v2/registry`). */
  call?: string;
  /** List the step's resources. */
  list: (context: StepContext) => ScopeListing;
  /**
   * Per-resource enrichment (tags, policies, child objects). Called for every listed resource
   * with at most `enrichConcurrency` in flight; read each call through `reads.read(call, fn)`.
   * A failing call (or a throwing `enrich`) keeps the resource as listed, with the failure in
   * `metadata.enrichmentErrors`, and leaves the step complete.
   */
  enrich?: (
    resource: CloudResource,
    reads: ResourceEnrichment,
    context: StepContext,
  ) => Promise<CloudResource | CloudResource[]>;
  /** Account-wide listing: the regions it covers (see `ListScope.coversRegions`). */
  coversRegions?: CoveredRegions;
}

/** Options of `runSteps`: those of `runScopes`, with steps instead of scopes. */
export interface RunStepsOptions extends Omit<RunScopesOptions, 'scopes'> {
  /** Steps to run. */
  steps: Iterable<ListStep>;
  /** Enrichment calls in flight per step. @default 4 */
  enrichConcurrency?: number;
  /** Error classifier, also used for enrichment failures. @default classifyError */
  classifyError?: (error: unknown) => ErrorClass;
}

/**
 * Run listing steps with failure isolation per step: each step is a scope limited to its resource
 * types, reported complete, failed (with the call that failed) or skipped on its own, with the
 * enrichment calls that failed summarized once per call.
 */
export function runSteps(options: RunStepsOptions): AsyncGenerator<CloudResource> {
  const { steps, enrichConcurrency, ...rest } = options;
  const scopes = [...steps].map((step) =>
    stepScope(step, {
      enrichConcurrency: Math.max(1, Math.floor(enrichConcurrency ?? 4)),
      classifyError: options.classifyError,
      logger: options.logger,
    }),
  );
  return runScopes({ ...rest, scopes });
}

interface StepSettings {
  enrichConcurrency: number;
  classifyError: ((error: unknown) => ErrorClass) | undefined;
  logger: RunScopesOptions['logger'];
}

function stepScope(step: ListStep, settings: StepSettings): ListScope {
  const region = step.region ?? 'global';
  let tracker: EnrichmentTracker | undefined;
  return {
    service: step.service,
    region,
    resourceTypes: step.resourceTypes,
    ...(step.call ? { call: step.call } : {}),
    ...(step.coversRegions ? { coversRegions: step.coversRegions } : {}),
    details: () => {
      const summaries = tracker?.summaries() ?? [];
      return summaries.length > 0 ? { enrichmentErrors: summaries } : {};
    },
    list: (signal) => {
      tracker = new EnrichmentTracker({
        service: step.service,
        region,
        signal,
        classifyError: settings.classifyError,
        logger: settings.logger,
      });
      const context: StepContext = { signal, service: step.service, region, enrichment: tracker };
      const listing = step.list(context);
      return step.enrich ? enrichAll(listing, step, context, settings) : listing;
    },
  };
}

async function* enrichAll(
  listing: ScopeListing,
  step: ListStep,
  context: StepContext,
  settings: StepSettings,
): AsyncGenerator<CloudResource> {
  const enrich = step.enrich!;
  const enrichOne = async (resource: CloudResource): Promise<CloudResource[]> => {
    const reads = context.enrichment.forResource();
    const enriched = await reads.read(`enrich ${resource.resourceType}`, async () =>
      enrich(resource, reads, context),
    );
    const results = enriched === undefined ? [resource] : [enriched].flat();
    // The failures belong to the listed resource (the first one); children are as read.
    return results.map((result, index) => (index === 0 ? reads.attach(result) : result));
  };
  // Results keep the listing's order, with at most `enrichConcurrency` enrichments in flight.
  const window: Promise<CloudResource[]>[] = [];
  try {
    for await (const resource of await listing) {
      window.push(enrichOne(resource));
      if (window.length >= settings.enrichConcurrency) yield* await window.shift()!;
    }
    while (window.length > 0) yield* await window.shift()!;
  } finally {
    // Settle what is still in flight so nothing rejects unobserved.
    await Promise.allSettled(window);
  }
}
