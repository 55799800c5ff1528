import type { Bucket, S3Client } from '@aws-sdk/client-s3';
import type { CloudResource, RateLimitReport } from '@cloud-inventory/core';
import {
  backoffDelay,
  classifyError,
  PaginationGuard,
  parseRetryAfter,
  type RetryOptions,
  resolveRetryOptions,
  sleep,
  statusCodeOf,
} from '@cloud-inventory/driver-kit';
import { digitalOceanError } from './digitalocean-errors.ts';
import { digitalOceanResource } from './digitalocean-list.ts';
import { type SpacesKeys, spacesEndpointFor } from './digitalocean-options.ts';

/** Options of the Spaces listing. */
export interface SpacesListerOptions {
  /** Spaces key pair. */
  keys: SpacesKeys;
  /** Endpoint template (`https://{region}.digitaloceanspaces.com`). */
  endpointTemplate?: string;
  /** Retry policy (429, 5xx, network errors). */
  retry?: RetryOptions;
  /** Cap of a Retry-After wait. @default 60000 */
  maximumWaitMs?: number;
  /** Timeout of one request. @default 30000 */
  timeoutMs?: number;
  /** Receives throttling reports (wire to `runtime.emitRateLimit`). */
  onRateLimit?: (report: RateLimitReport) => void;
}

function retryAfterOf(error: unknown): string | undefined {
  const headers = (error as { $response?: { headers?: Record<string, string | undefined> } })
    ?.$response?.headers;
  if (!headers) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'retry-after' && typeof value === 'string') return value;
  }
  return undefined;
}

// NOTE: the S3 SDK is loaded on the first Spaces call, so importing the driver (or running it
// without Spaces keys) does not pay for loading it.
let s3Module: Promise<typeof import('@aws-sdk/client-s3')> | undefined;
function loadS3(): Promise<typeof import('@aws-sdk/client-s3')> {
  s3Module ??= import('@aws-sdk/client-s3');
  return s3Module;
}

/** Lists Spaces buckets per region through the S3 API (one S3Client per region, built on first use). */
export class SpacesLister {
  readonly #options: SpacesListerOptions;
  readonly #clients = new Map<string, S3Client>();

  constructor(options: SpacesListerOptions) {
    this.#options = options;
    // NOTE: the key pair must not show up in util.inspect or JSON of the driver.
    Object.defineProperty(this, 'toJSON', { value: () => ({}), enumerable: false });
  }

  async #client(region: string): Promise<S3Client> {
    let client = this.#clients.get(region);
    if (!client) {
      const { S3Client } = await loadS3();
      const timeoutMs = this.#options.timeoutMs ?? 30_000;
      client = new S3Client({
        region,
        endpoint: spacesEndpointFor(this.#options.endpointTemplate, region),
        forcePathStyle: true,
        credentials: { ...this.#options.keys },
        // Retries (and Retry-After) are handled below, like the API client does.
        maxAttempts: 1,
        requestHandler: { requestTimeout: timeoutMs, connectionTimeout: timeoutMs },
      });
      this.#clients.set(region, client);
    }
    return client;
  }

  /** Every bucket of one region; follows `ContinuationToken` when the server pages. */
  async *list(
    region: string,
    context: { accountId: string | undefined; signal: AbortSignal },
  ): AsyncGenerator<CloudResource> {
    const guard = new PaginationGuard({ label: `Spaces ListBuckets in ${region}` });
    let continuationToken: string | undefined;
    try {
      const client = await this.#client(region);
      const { ListBucketsCommand } = await loadS3();
      do {
        context.signal.throwIfAborted();
        guard.countPage();
        const token = continuationToken;
        const page = await this.#send(region, context.signal, () =>
          client.send(new ListBucketsCommand(token ? { ContinuationToken: token } : {}), {
            abortSignal: context.signal,
          }),
        );
        for (const bucket of page.Buckets ?? []) {
          if (!bucket.Name) continue;
          yield bucketResource(bucket, region, context.accountId);
        }
        continuationToken = page.ContinuationToken || undefined;
        if (continuationToken) guard.visit('cursor', continuationToken);
      } while (continuationToken);
    } catch (error) {
      if (context.signal.aborted) throw error;
      throw digitalOceanError(error, {
        service: 'spaces',
        region,
        action: 'listing Spaces buckets (S3 ListBuckets)',
        secrets: [this.#options.keys.accessKeyId, this.#options.keys.secretAccessKey],
      });
    }
  }

  async #send<Result>(
    region: string,
    signal: AbortSignal,
    operation: () => Promise<Result>,
  ): Promise<Result> {
    const retry = resolveRetryOptions(this.#options.retry);
    const maximumWaitMs = this.#options.maximumWaitMs ?? 60_000;
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        const errorClass = classifyError(error);
        const retryable =
          errorClass === 'throttled' ||
          errorClass === 'server' ||
          (errorClass === 'network' && retry.retryNetworkErrors);
        if (signal.aborted || !retryable || attempt >= retry.maximumAttempts) throw error;
        const retryAfterMs = parseRetryAfter(retryAfterOf(error));
        const waitMs = Math.min(retryAfterMs ?? backoffDelay(attempt, retry), maximumWaitMs);
        if (errorClass === 'throttled' || retryAfterMs !== undefined) {
          const status = statusCodeOf(error);
          this.#options.onRateLimit?.({
            service: 'spaces',
            region,
            reason: 'throttled',
            attempt,
            waitMs,
            ...(status === undefined ? {} : { status }),
            ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
          });
        }
        await sleep(waitMs, signal);
      }
    }
  }

  /** Close every S3 client's sockets. */
  destroy(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }
}

function bucketResource(bucket: Bucket, region: string, accountId: string | undefined) {
  const creationDate =
    bucket.CreationDate instanceof Date ? bucket.CreationDate.toISOString() : bucket.CreationDate;
  return digitalOceanResource(
    { accountId },
    {
      service: 'spaces',
      region,
      resourceType: 'digitalocean.spaces.bucket',
      resourceId: `${region}/${bucket.Name}`,
      name: bucket.Name,
      configuration: {
        Name: bucket.Name,
        ...(creationDate === undefined ? {} : { CreationDate: creationDate }),
        ...(bucket.BucketRegion === undefined ? {} : { BucketRegion: bucket.BucketRegion }),
        region,
      },
    },
  );
}
