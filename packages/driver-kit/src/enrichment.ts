import type {
  CloudResource,
  EnrichmentError,
  EnrichmentErrorSummary,
  ErrorClass,
  InventoryLogger,
} from '@cloud-inventory/core';
import { classifyError as defaultClassifyError } from './classify-error.ts';

/** Options of an `EnrichmentTracker`. */
export interface EnrichmentTrackerOptions {
  /** Service of the step (for the log line). */
  service: string;
  /** Region of the step (for the log line). */
  region: string;
  /** Aborted when the step stops: a failure after that is the abort, not the call's. */
  signal: AbortSignal;
  /** Error classifier. @default classifyError */
  classifyError?: ((error: unknown) => ErrorClass) | undefined;
  /** Warned once per failing call, not once per resource. */
  logger?: InventoryLogger | undefined;
}

function messageOf(error: unknown): string {
  // Provider errors from the kit's client and the SDKs carry no credentials (the client redacts).
  return error instanceof Error ? error.message : String(error);
}

/**
 * The enrichment calls of one listing step (tags, policies, node pools, records of a zone): a call
 * that fails for one resource keeps the resource, with what could be read, and records the failure
 * on it (`metadata.enrichmentErrors`, not digested, so it makes no version by itself); the step
 * stays complete and reports each failing call once, with how many resources it failed for.
 */
export class EnrichmentTracker {
  readonly #options: EnrichmentTrackerOptions;
  readonly #classify: (error: unknown) => ErrorClass;
  readonly #calls = new Map<string, EnrichmentErrorSummary>();
  readonly #attempts = new Map<string, number>();

  constructor(options: EnrichmentTrackerOptions) {
    this.#options = options;
    this.#classify = options.classifyError ?? defaultClassifyError;
  }

  /** The enrichment of one resource: read its calls, then `attach` the failures to it. */
  forResource(): ResourceEnrichment {
    return new ResourceEnrichment(this);
  }

  /** Run one enrichment call; undefined (and the failure recorded) when it fails. */
  async read<Result>(
    call: string,
    run: () => Promise<Result>,
    errors: EnrichmentError[],
  ): Promise<Result | undefined> {
    this.#attempts.set(call, (this.#attempts.get(call) ?? 0) + 1);
    try {
      return await run();
    } catch (error) {
      // Stopping the step is not the call's failure: let the abort end the listing.
      if (this.#options.signal.aborted) throw error;
      const failure: EnrichmentError = {
        call,
        errorClass: this.#classify(error),
        message: messageOf(error),
      };
      errors.push(failure);
      this.#record(failure);
      return undefined;
    }
  }

  /** One entry per failing call, with how many resources it failed for out of how many tried. */
  summaries(): EnrichmentErrorSummary[] {
    return [...this.#calls.values()].map((summary) => ({
      ...summary,
      attempted: this.#attempts.get(summary.call) ?? summary.failed,
    }));
  }

  #record(failure: EnrichmentError): void {
    const known = this.#calls.get(failure.call);
    if (known) {
      known.failed += 1;
      return;
    }
    this.#calls.set(failure.call, { ...failure, failed: 1, attempted: 0 });
    this.#options.logger?.warn('enrichment call failed; the resources are kept without it', {
      service: this.#options.service,
      region: this.#options.region,
      call: failure.call,
      errorClass: failure.errorClass,
      error: failure.message,
    });
  }
}

/** The enrichment calls made for one resource and the failures to record on it. */
export class ResourceEnrichment {
  readonly #tracker: EnrichmentTracker;
  readonly #errors: EnrichmentError[] = [];

  constructor(tracker: EnrichmentTracker) {
    this.#tracker = tracker;
  }

  /** Run one enrichment call for this resource; undefined when it failed (the failure is kept). */
  read<Result>(call: string, run: () => Promise<Result>): Promise<Result | undefined> {
    return this.#tracker.read(call, run, this.#errors);
  }

  /** Failures so far. */
  get errors(): readonly EnrichmentError[] {
    return this.#errors;
  }

  /** The resource with `metadata.enrichmentErrors` when a call failed; unchanged otherwise. */
  attach(resource: CloudResource): CloudResource {
    if (this.#errors.length === 0) return resource;
    return {
      ...resource,
      metadata: { ...resource.metadata, enrichmentErrors: [...this.#errors] },
    };
  }
}
