import type { CloudResource } from '@cloud-inventory/core';
import type { ResourceEnrichment, StepContext } from '@cloud-inventory/driver-kit';
import { buildResource } from '@cloud-inventory/driver-kit';
import type { GcpApiClient } from './gcp-api-client.ts';
import type { GcpApi } from './gcp-endpoints.ts';

/** What a listing function receives. */
export interface GcpListContext {
  /** REST client. */
  client: GcpApiClient;
  /** Project listed. */
  project: string;
  /** Region of the step (`global` for a project-wide listing). */
  region: string;
  /** Every region of the project (turns locations into regions). */
  regions: ReadonlySet<string>;
  /** Whether a region is selected (`global` always is): skips calls for locations left out. */
  keepsRegion: (region: string) => boolean;
  /** Service of the step, as in the catalog. */
  service: string;
  /** Aborts the listing. */
  signal: AbortSignal;
}

/** One resource type of the catalog, with its volatile and secret paths. */
export interface GcpTypeEntry {
  /** `gcp.<service>.<kind>`. */
  type: string;
  /** What it is and the call that lists it. */
  description: string;
  /** Paths left out of the digest. */
  volatilePaths?: string[];
  /** Paths hashed before storage. */
  secretPaths?: string[];
}

/**
 * One listing of the driver: the call, the permission it needs, where it runs, the types it yields
 * and how. The driver turns each into one step per project (and per region for `per-region`).
 */
export interface GcpListingDefinition {
  /** Service, as in `config.services`. */
  service: string;
  /** Types the listing yields (the first is the listed one; others are children in its payload). */
  types: GcpTypeEntry[];
  /** API called. */
  api: GcpApi;
  /** REST method id (`compute.instances.aggregatedList`), named in failed scopes. */
  method: string;
  /** IAM permission the call needs (`compute.instances.list`). */
  permission: string;
  /**
   * `global`: every resource is global (networks, firewalls); `regional`: one project-wide call
   * (aggregated list, `locations/-`) covering every region; `per-region`: one call per region.
   */
  placement: 'global' | 'regional' | 'per-region';
  /** List the resources. */
  list: (context: GcpListContext) => AsyncIterable<CloudResource>;
  /** Per-resource extra call (a full `get` where the list returns a summary). */
  enrich?: (
    resource: CloudResource,
    reads: ResourceEnrichment,
    context: GcpListContext & { step: StepContext },
  ) => Promise<CloudResource | CloudResource[]>;
}

/** Input of `gcpResource`. */
export interface GcpResourceInput {
  /** Listing context. */
  context: GcpListContext;
  /** Resource type. */
  type: string;
  /** Stable id: the full resource name (`//compute.googleapis.com/projects/p/zones/z/instances/n`). */
  id: string;
  /** Display name. */
  name: unknown;
  /** Region (`global` for global resources). */
  region: string;
  /** The full API payload. */
  configuration: unknown;
  /** Labels (`labels`, `resourceLabels`, `settings.userLabels`). */
  labels?: unknown;
  /** Network tags mirrored as tags (instances and templates). */
  tags?: unknown;
}

/** Build a GCP resource: the project is the account, labels stay labels, network tags become tags. */
export function gcpResource(input: GcpResourceInput): CloudResource {
  return buildResource({
    provider: 'gcp',
    accountId: input.context.project,
    region: input.region,
    service: input.context.service,
    resourceType: input.type,
    resourceId: input.id,
    name: typeof input.name === 'string' ? input.name : null,
    labels: input.labels ?? {},
    tags: input.tags ?? {},
    configuration: input.configuration,
  });
}

/** `//<api>.googleapis.com/<relative name>`: the full resource name Cloud Asset Inventory uses. */
export function fullResourceName(api: string, relativeName: string): string {
  return `//${api}.googleapis.com/${relativeName.replace(/^\/+/, '')}`;
}

/** `projects/p` with the project id escaped for a URL path. */
export function projectPath(project: string): string {
  return `projects/${encodeURIComponent(project)}`;
}

/** A record view of an item of unknown shape. */
export type GcpItem = Record<string, any>;
