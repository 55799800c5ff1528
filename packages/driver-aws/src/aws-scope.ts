import type { CloudResource, InventoryLogger } from '@cloud-inventory/core';
import {
  buildResource,
  type EnrichmentTracker,
  normalizeTags,
  type ResourceEnrichment,
} from '@cloud-inventory/driver-kit';
import type { AwsClientConstructor, AwsClientFactory, AwsSdkClient } from './aws-clients.ts';
import { isNotFound, toAwsReadError } from './aws-errors.ts';

/**
 * The per-resource reads of one resource (tags, policies, settings), each named by its IAM
 * action: a read that fails leaves its part out and is recorded on the resource.
 */
export interface AwsReads {
  /** Run one read; undefined when it failed (recorded) or AWS answered one of `notFoundCodes`. */
  read<Result>(
    action: string,
    run: () => Promise<Result>,
    notFoundCodes?: readonly string[],
  ): Promise<Result | undefined>;
  /** The kit's record of this resource's failures. */
  readonly enrichment: ResourceEnrichment;
}

/** One resource as a service lister describes it. */
export interface AwsResourceInput {
  /** Resource type, `aws.<service>.<kind>`. */
  type: string;
  /** ARN where AWS has one, else the natural id. */
  id: string | undefined;
  /** Display name. */
  name?: string | undefined;
  /** Tags: AWS key/value pairs in any casing, or a map. */
  tags?: unknown;
  /** The API's description of the resource. */
  configuration: unknown;
  /** ARN of a resource whose id is not its ARN (EC2 family). */
  arn?: string | undefined;
  /** The resource's reads: their failures go to `metadata.enrichmentErrors`. */
  reads?: AwsReads | undefined;
}

/** Everything a service lister needs: its clients, region, account, filters and helpers. */
export interface AwsScope {
  /** Catalog service being listed. */
  readonly service: string;
  /** Region of the scope, or `global`. */
  readonly region: string;
  /** Region the API calls go to (the default region for global services). */
  readonly clientRegion: string;
  /** Account id. */
  readonly accountId: string;
  /** Partition (`aws`, `aws-cn`, `aws-us-gov`). */
  readonly partition: string;
  /** Aborted when the sync is cancelled. */
  readonly signal: AbortSignal;
  /** Per-call options of the SDK (`{ abortSignal }`), for `send` and paginators. */
  readonly call: { abortSignal: AbortSignal };
  /** Logger of the cloud. */
  readonly logger: InventoryLogger;
  /** The client of `Client` in the scope's region (or `region`). */
  client<Client extends AwsSdkClient>(
    Client: AwsClientConstructor<Client>,
    region?: string,
  ): Client;
  /** Whether a resource type of this service survives the discovery filters. */
  selected(type: string): boolean;
  /** Build a resource of this scope. */
  resource(input: AwsResourceInput): CloudResource;
  /** Start the per-resource reads of one resource; hand them to `resource`. */
  reads(): AwsReads;
  /** Map `items` with at most `config.detailConcurrency` calls in flight, yielding results in order. */
  mapConcurrent<Item, Result>(
    items: Iterable<Item> | AsyncIterable<Item>,
    map: (item: Item) => Promise<Result>,
  ): AsyncGenerator<Result>;
  /** An ARN in the scope's partition, region and account (`region: ''` for global resources). */
  arn(service: string, resource: string, options?: { region?: string; account?: string }): string;
}

/** Settings of one scope, from the driver. */
export interface AwsScopeSettings {
  /** Catalog service. */
  service: string;
  /** Region of the scope, or `global`. */
  region: string;
  /** Region the calls go to. */
  clientRegion: string;
  /** Account id. */
  accountId: string;
  /** Partition. */
  partition: string;
  /** Aborts the scope. */
  signal: AbortSignal;
  /** Logger of the cloud. */
  logger: InventoryLogger;
  /** The driver's client factory. */
  clients: AwsClientFactory;
  /** Per-resource calls in flight. */
  detailConcurrency: number;
  /** Whether a resource type survives the discovery filters. */
  isTypeSelected: (type: string) => boolean;
  /** The step's enrichment tracker (per-resource reads are recorded there). */
  enrichment: EnrichmentTracker;
}

/** The configuration as plain JSON: dates as ISO strings, bytes as base64, no `$metadata`, no undefined. */
export function toPlainJson(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((item) => toPlainJson(item));
  if (typeof value === 'object') {
    const plain: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || key === '$metadata') continue;
      plain[key] = toPlainJson(item);
    }
    return plain;
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** The `Name` tag of an EC2-style tag list, if any. */
export function nameTag(tags: readonly { Key?: string; Value?: string }[] | undefined) {
  return tags?.find((tag) => tag.Key === 'Name')?.Value;
}

/** Run `call`; answer `undefined` when AWS says the thing (or its configuration) does not exist. */
export async function optional<Result>(
  call: () => Promise<Result>,
  notFoundCodes: readonly string[],
): Promise<Result | undefined> {
  try {
    return await call();
  } catch (error) {
    if (isNotFound(error, notFoundCodes)) return undefined;
    throw error;
  }
}

/** Split `items` into chunks of `size` (batch APIs take 10, 20 or 100 ids at a time). */
export function chunks<Item>(items: readonly Item[], size: number): Item[][] {
  const result: Item[][] = [];
  for (let start = 0; start < items.length; start += size)
    result.push(items.slice(start, start + size));
  return result;
}

/** Collect an async iterable into an array. */
export async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const result: Item[] = [];
  for await (const item of items) result.push(item);
  return result;
}

async function* mapConcurrent<Item, Result>(
  items: Iterable<Item> | AsyncIterable<Item>,
  map: (item: Item) => Promise<Result>,
  limit: number,
  signal: AbortSignal,
): AsyncGenerator<Result> {
  const window: Promise<Result>[] = [];
  try {
    for await (const item of items) {
      signal.throwIfAborted();
      const pending = map(item);
      // Settled later in order; keep a rejection from being reported as unhandled meanwhile.
      pending.catch(() => {});
      window.push(pending);
      if (window.length >= limit) yield await window.shift()!;
    }
    while (window.length > 0) yield await window.shift()!;
  } finally {
    // Abandoned (error or consumer stopped): wait for what is in flight so nothing runs on.
    await Promise.allSettled(window);
  }
}

function createReads(settings: AwsScopeSettings): AwsReads {
  const enrichment = settings.enrichment.forResource();
  return {
    enrichment,
    read: (action, run, notFoundCodes = []) =>
      enrichment.read(action, async () => {
        try {
          return await optional(run, notFoundCodes);
        } catch (error) {
          // Stopping is not the read's failure; anything else gets a message naming the call.
          if (settings.signal.aborted) throw error;
          throw toAwsReadError(error, { service: settings.service, region: settings.region });
        }
      }),
  };
}

/** A function calling `fetch` once, however often it is called (a batch read shared by resources). */
export function once<Result>(fetch: () => Promise<Result>): () => Promise<Result> {
  let pending: Promise<Result> | undefined;
  return () => {
    pending ??= fetch();
    return pending;
  };
}

/** Create the scope object handed to a service lister. */
export function createAwsScope(settings: AwsScopeSettings): AwsScope {
  const call = { abortSignal: settings.signal };
  return {
    service: settings.service,
    region: settings.region,
    clientRegion: settings.clientRegion,
    accountId: settings.accountId,
    partition: settings.partition,
    signal: settings.signal,
    call,
    logger: settings.logger,
    client: (Client, region) =>
      settings.clients.get(Client, region ?? settings.clientRegion, settings.service),
    selected: settings.isTypeSelected,
    reads: () => createReads(settings),
    resource: (input) => {
      const resource = buildResource({
        provider: 'aws',
        accountId: settings.accountId,
        region: settings.region,
        service: settings.service,
        resourceType: input.type,
        resourceId: input.id ?? '',
        name: input.name ?? null,
        tags: normalizeTags(input.tags),
        configuration: toPlainJson(input.configuration),
        ...(input.arn ? { metadata: { arn: input.arn } } : {}),
      });
      return input.reads ? input.reads.enrichment.attach(resource) : resource;
    },
    mapConcurrent: (items, map) =>
      mapConcurrent(items, map, settings.detailConcurrency, settings.signal),
    arn: (service, resource, options = {}) =>
      `arn:${settings.partition}:${service}:${options.region ?? (settings.region === 'global' ? '' : settings.region)}:${options.account ?? settings.accountId}:${resource}`,
  };
}

/**
 * Pages of a call the SDK ships no paginator for: `fetch(token)` until no (or a repeated) token
 * comes back, or a page comes back empty (some WAF calls always answer a marker).
 */
export async function* tokenPages<Page>(
  fetch: (token: string | undefined) => Promise<Page>,
  nextToken: (page: Page) => string | undefined,
  itemCount: (page: Page) => number,
): AsyncGenerator<Page> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await fetch(token);
    yield page;
    const next = nextToken(page);
    if (!next || seen.has(next) || itemCount(page) === 0) return;
    seen.add(next);
    token = next;
  }
}
