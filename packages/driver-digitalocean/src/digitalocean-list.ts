import type { CloudResource } from '@cloud-inventory/core';
import {
  buildResource,
  defaultNextLink,
  type HttpClient,
  paginateLinks,
  type ResourceEnrichment,
  type ResourceInput,
  tagsFromStrings,
} from '@cloud-inventory/driver-kit';

/** What every service lister receives. */
export interface DigitalOceanListContext {
  /** Client bound to `<endpoint>/v2` with the API token. */
  client: HttpClient;
  /** Page size of list calls. */
  perPage: number;
  /** Account id stamped on resources. */
  accountId: string | undefined;
  /** Aborts the listing. */
  signal: AbortSignal;
  /** Whether a resource type survives the run's include/exclude filters. */
  wants: (resourceType: string) => boolean;
}

/**
 * One listing step of a service: the resource types one list call (or one chain of calls) yields.
 * A denied or failing call fails exactly these types; the service's other steps still list.
 */
export interface DigitalOceanStep {
  /** Resource types the step lists and is complete for. */
  resourceTypes: readonly string[];
  /** The API call(s), as a user grants them (`GET /v2/registry/{name}/repositoriesV2`). */
  call: string;
  /** Yield the step's resources, each with its own region (or `global`). */
  list: (context: DigitalOceanListContext) => AsyncIterable<CloudResource>;
  /**
   * Per-resource reads (firewall rules of a database): read each through `reads.read(call, fn)`;
   * a failure keeps the resource, recorded in `metadata.enrichmentErrors`.
   */
  enrich?: (
    resource: CloudResource,
    reads: ResourceEnrichment,
    context: DigitalOceanListContext,
  ) => Promise<CloudResource>;
  /** The calls `enrich` reads, as named in `enrichmentErrors` (for the README). */
  enrichCalls?: readonly string[];
}

/** One service of the driver: its listing steps. */
export interface DigitalOceanService {
  /** Service name, as in the catalog. */
  name: string;
  /** The service's steps, one per list call. */
  steps: readonly DigitalOceanStep[];
}

/** A step listing one collection into one resource type (the common case). */
export function collectionStep<Item>(options: {
  /** Service name. */
  service: string;
  /** Path below `/v2`. */
  path: string;
  /** Body key of the items. */
  key: string;
  /** Resource type of every item. */
  resourceType: string;
  /** The resource of one item. */
  resource: (
    item: Item,
    context: DigitalOceanListContext,
  ) => Omit<ResourceInput, 'provider' | 'accountId' | 'tags' | 'service' | 'resourceType'> & {
    tags?: unknown;
  };
  /** Per-resource reads. */
  enrich?: DigitalOceanStep['enrich'];
  /** The calls `enrich` reads. */
  enrichCalls?: readonly string[];
}): DigitalOceanStep {
  return {
    resourceTypes: [options.resourceType],
    call: `GET /v2${options.path}`,
    async *list(context) {
      for await (const item of listCollection<Item>(context, options)) {
        yield digitalOceanResource(context, {
          service: options.service,
          resourceType: options.resourceType,
          ...options.resource(item, context),
        });
      }
    },
    ...(options.enrich ? { enrich: options.enrich } : {}),
    ...(options.enrichCalls ? { enrichCalls: options.enrichCalls } : {}),
  };
}

/** A DigitalOcean list response: the items under `key`, `links.pages.next` and `meta.total`. */
export type DigitalOceanPage = Record<string, unknown> & {
  links?: { pages?: { next?: string } };
  meta?: { total?: number };
};

/** Every item of a paginated DigitalOcean collection, following `links.pages.next`. */
export function listCollection<Item>(
  context: DigitalOceanListContext,
  options: {
    /** Path below `/v2`, e.g. `/droplets`. */
    path: string;
    /** Body key of the items, e.g. `droplets`. */
    key: string;
    /** Service label of requests, rate-limit reports and errors. */
    service: string;
  },
): AsyncGenerator<Item> {
  const separator = options.path.includes('?') ? '&' : '?';
  return paginateLinks<Item, DigitalOceanPage>({
    firstUrl: `${options.path}${separator}per_page=${context.perPage}`,
    signal: context.signal,
    label: `DigitalOcean GET /v2${options.path}`,
    fetchPage: ({ url, signal }) =>
      context.client.get<DigitalOceanPage>(url, { signal, service: options.service }),
    items: (body) => {
      const items = body?.[options.key];
      return Array.isArray(items) ? (items as Item[]) : [];
    },
    nextLink: (body, headers) => onEndpoint(context.client, defaultNextLink(body, headers)),
  });
}

// DigitalOcean's links name api.digitalocean.com; follow them on the configured endpoint (a proxy,
// the fake server) so the token is only ever sent there.
function onEndpoint(client: HttpClient, link: string | undefined): string | undefined {
  if (!link) return undefined;
  const url = new URL(link, `${client.baseUrl}/`);
  return `${client.baseUrl}${url.pathname.replace(/^\/v2(?=\/|$)/, '')}${url.search}`;
}

/** The region slug of a DigitalOcean `region` field (a slug or a region object); `global` when there is none. */
export function regionSlug(region: unknown): string {
  if (typeof region === 'string' && region !== '') return region;
  if (region && typeof region === 'object') {
    const slug = (region as { slug?: unknown }).slug;
    if (typeof slug === 'string' && slug !== '') return slug;
  }
  return 'global';
}

/** A CloudResource of the `digitalocean` provider; DigitalOcean tags (`env:prod`) become `{ env: 'prod' }`. */
export function digitalOceanResource(
  context: Pick<DigitalOceanListContext, 'accountId'>,
  input: Omit<ResourceInput, 'provider' | 'accountId' | 'tags'> & { tags?: unknown },
): CloudResource {
  const tags = Array.isArray(input.tags) ? tagsFromStrings(input.tags) : input.tags;
  return buildResource({
    ...input,
    provider: 'digitalocean',
    tags,
    ...(context.accountId === undefined ? {} : { accountId: context.accountId }),
  });
}

/** Percent-encode one path segment (domain names, registry and repository names). */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}
