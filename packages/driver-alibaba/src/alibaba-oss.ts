import { createRequire } from 'node:module';
import { type CloudResource, DriverError } from '@cloud-inventory/core';
import type { ResourceEnrichment, StepContext } from '@cloud-inventory/driver-kit';
import type { AlibabaApi, AlibabaCallTarget } from './alibaba-api.ts';
import { ossEndpoint } from './alibaba-endpoints.ts';
import { AlibabaApiError } from './alibaba-errors.ts';
import {
  type AlibabaListingSettings,
  alibabaResource,
  withConfiguration,
} from './alibaba-listing.ts';
import type { ResolvedAlibabaCredentials } from './alibaba-options.ts';

const require = createRequire(import.meta.url);

/** The parts of an ali-oss client the driver uses. */
interface OssClient {
  listBuckets(
    query: Record<string, unknown>,
    options: Record<string, unknown>,
  ): Promise<{ buckets: OssBucket[] | null; isTruncated: boolean; nextMarker: string | null }>;
  getBucketInfo(name: string): Promise<{ bucket: Record<string, unknown> }>;
  getBucketTags(name: string): Promise<{ tag: Record<string, string> }>;
}

/** A bucket as ali-oss's listBuckets maps it (`region` is the `Location`, `oss-cn-hangzhou`). */
interface OssBucket {
  name: string;
  region: string;
  creationDate?: string;
  storageClass?: string;
  tag?: Record<string, string>;
}

/** RAM action of the bucket listing. */
export const ossBucketsCall = 'oss:ListBuckets';

/** ali-oss clients per region (each bucket is read through its own region's endpoint). */
export class OssClients {
  readonly #clients = new Map<string, OssClient>();
  readonly #credentials: ResolvedAlibabaCredentials;
  readonly #endpoint: string | undefined;
  readonly #timeoutMs: number;

  constructor(options: {
    credentials: ResolvedAlibabaCredentials;
    endpoint: string | undefined;
    timeoutMs: number;
  }) {
    this.#credentials = options.credentials;
    this.#endpoint = options.endpoint;
    this.#timeoutMs = options.timeoutMs;
  }

  /** The client of a region (`cn-hangzhou`). */
  forRegion(region: string): OssClient {
    let client = this.#clients.get(region);
    if (!client) {
      const OSS = require('ali-oss') as new (options: Record<string, unknown>) => OssClient;
      const endpoint = ossEndpoint(region, this.#endpoint);
      client = new OSS({
        accessKeyId: this.#credentials.accessKeyId,
        accessKeySecret: this.#credentials.accessKeySecret,
        ...(this.#credentials.securityToken ? { stsToken: this.#credentials.securityToken } : {}),
        region: `oss-${region}`,
        endpoint,
        secure: endpoint.startsWith('https:'),
        timeout: this.#timeoutMs,
        // The driver retries (with its policy and rate-limit reports); ali-oss would retry again.
        retryMax: 0,
      });
      this.#clients.set(region, client);
    }
    return client;
  }
}

/** An ali-oss error as an AlibabaApiError (the XML `Code`, the status); network failures as `network`. */
export function ossError(call: string, error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const record = error as {
    status?: unknown;
    code?: unknown;
    message?: unknown;
    requestId?: unknown;
  };
  const status = typeof record.status === 'number' ? record.status : undefined;
  if (status === undefined || status < 0) {
    return new DriverError({
      message: `${call} failed: ${typeof record.message === 'string' ? record.message.split(',')[0] : 'connection failed'}`,
      errorClass: 'network',
      cause: error,
    });
  }
  return new AlibabaApiError({
    call,
    statusCode: status,
    code: typeof record.code === 'string' && record.code !== '' ? record.code : undefined,
    message: typeof record.message === 'string' ? record.message : `HTTP ${status}`,
    requestId: typeof record.requestId === 'string' ? record.requestId : undefined,
  });
}

async function ossCall<Result>(
  api: AlibabaApi,
  target: AlibabaCallTarget,
  call: string,
  run: () => Promise<Result>,
): Promise<Result> {
  return api.retrying(target, call, async () => {
    try {
      return await run();
    } catch (error) {
      throw ossError(call, error);
    }
  });
}

/**
 * Every bucket of the account (ListBuckets is account-wide: `marker`/`max-keys`, `IsTruncated`/
 * `NextMarker`), kept when its region is selected; the resource region is the bucket's own.
 */
export async function* ossBucketResources(options: {
  clients: OssClients;
  callRegion: string;
  regions: ReadonlySet<string>;
  settings: AlibabaListingSettings;
  context: StepContext;
}): AsyncGenerator<CloudResource> {
  const { settings, context } = options;
  const client = options.clients.forRegion(options.callRegion);
  const target: AlibabaCallTarget = {
    product: 'ecs',
    region: options.callRegion,
    service: 'oss',
    signal: context.signal,
  };
  const seen = new Set<string>();
  let marker: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const answer = await ossCall(settings.api, target, ossBucketsCall, () =>
      client.listBuckets(
        { 'max-keys': Math.min(settings.pageSize, 1000), ...(marker ? { marker } : {}) },
        {},
      ),
    );
    for (const bucket of answer.buckets ?? []) {
      const region = bucket.region.replace(/^oss-/, '');
      if (!options.regions.has(region)) continue;
      // In the API's own names (ali-oss renames them), completed by GetBucketInfo.
      yield alibabaResource({
        accountId: settings.accountId,
        region,
        service: 'oss',
        resourceType: 'alibaba.oss.bucket',
        resourceId: bucket.name,
        name: bucket.name,
        tags: bucket.tag,
        item: {
          Name: bucket.name,
          Location: bucket.region,
          Region: region,
          CreationDate: bucket.creationDate,
          StorageClass: bucket.storageClass,
        },
      });
    }
    const next = answer.isTruncated ? (answer.nextMarker ?? undefined) : undefined;
    if (!next || seen.has(next)) return;
    seen.add(next);
    marker = next;
  }
}

/** Bucket details (GetBucketInfo, merged in) and tags (GetBucketTagging), read through the bucket's region endpoint. */
export async function enrichOssBucket(options: {
  clients: OssClients;
  api: AlibabaApi;
  resource: CloudResource;
  reads: ResourceEnrichment;
  signal: AbortSignal;
}): Promise<CloudResource> {
  const { resource, reads, api } = options;
  const region = resource.region ?? 'global';
  const client = options.clients.forRegion(region);
  const target: AlibabaCallTarget = {
    product: 'ecs',
    region,
    service: 'oss',
    signal: options.signal,
  };
  const info = await reads.read('oss:GetBucketInfo', () =>
    ossCall(api, target, 'oss:GetBucketInfo', () => client.getBucketInfo(resource.resourceId)),
  );
  const tagging = await reads.read('oss:GetBucketTagging', () =>
    ossCall(api, target, 'oss:GetBucketTagging', () => client.getBucketTags(resource.resourceId)),
  );
  let enriched = info?.bucket ? withConfiguration(resource, info.bucket) : resource;
  if (tagging) {
    const tags: Record<string, string> = {};
    for (const [key, value] of Object.entries(tagging.tag ?? {})) tags[key] = String(value ?? '');
    enriched = { ...enriched, tags };
  }
  return enriched;
}
