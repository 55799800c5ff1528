/** The error classes a failed scope is put in; the engine and the run record group errors by them. */
export type ErrorClass = 'auth' | 'throttled' | 'not-enabled' | 'server' | 'network' | 'unknown';

/** One discovered resource, as a driver yields it. */
export interface CloudResource {
  /** Provider name (`aws`, `gcp`, `digitalocean`, ...). */
  provider?: string;
  /** Account, project, subscription or organisation the resource belongs to. */
  accountId?: string;
  /** Region, zone or `global`. */
  region?: string | null;
  /** Service that lists it (`ec2`, `droplets`); with `region`, the scope the resource belongs to. */
  service?: string;
  /** `<driver>.<service>.<kind>` in lower case, e.g. `aws.ec2.instance`. */
  resourceType: string;
  /** The provider's own stable identifier (ARNs, URLs and slashes are fine). */
  resourceId: string;
  /** Human name, when the provider has one. */
  name?: string | null;
  /** Key/value tags. */
  tags?: Record<string, unknown> | null;
  /** Key/value labels (GCP, Hetzner). */
  labels?: Record<string, unknown> | null;
  /** The full provider payload that is versioned and diffed. */
  configuration?: unknown;
  /** Extra driver metadata stored with the version but not digested. */
  metadata?: Record<string, unknown>;
  /** Raw payload kept for auditing inside the version record, not digested. */
  raw?: unknown;
}

/** A unit a driver lists (usually service x region); deletion is only decided inside complete scopes. */
export interface ScopeReport {
  /** Service listed. */
  service: string;
  /** Region listed, or `global`. */
  region: string;
  /** `complete` when every page was listed without error. */
  status: 'complete' | 'failed' | 'skipped';
  /** When set, the scope was complete only for these resource types (a type-filtered listing). */
  resourceTypes?: string[];
  /** Class of the error that failed the scope. */
  errorClass?: ErrorClass;
  /** Human readable error (never contains credentials). */
  error?: string;
  /** How long listing the scope took. */
  durationMs?: number;
  /** Resources the scope produced. */
  resourceCount?: number;
  /** The provider call that failed the scope (`ec2:DescribeImages`, `GET /v2/registry`), when known. */
  call?: string;
  /** Enrichment calls that failed for some resources of the scope, one entry per call. */
  enrichmentErrors?: EnrichmentErrorSummary[];
}

/** One enrichment call (tags, policy, node pools, ...) that failed for one resource. */
export interface EnrichmentError {
  /** The provider call (`s3:GetBucketVersioning`, `GET /v2/kubernetes/clusters/{id}/node_pools`). */
  call: string;
  /** Class of the failure. */
  errorClass: ErrorClass;
  /** Provider message (names the missing permission where the provider does); never credentials. */
  message: string;
}

/** One enrichment call's failures in one scope: reported once per run and scope, not per resource. */
export interface EnrichmentErrorSummary extends EnrichmentError {
  /** Resources for which the call failed. */
  failed: number;
  /** Resources for which the call was made. */
  attempted: number;
}

/** Rate-limit information a driver surfaces (persisted on the cloud summary). */
export interface RateLimitReport {
  /** Service that was throttled or reported a quota. */
  service?: string;
  /** Region of the call. */
  region?: string;
  /** Calls left in the window, when the provider says so. */
  remaining?: number;
  /** Window size, when the provider says so. */
  limit?: number;
  /** When the window resets (ISO). */
  resetAt?: string;
  /** How long the driver is waiting before the next call. */
  waitMs?: number;
  /** Anything else the driver wants to keep. */
  [key: string]: unknown;
}

/** Progress a driver reports for display. */
export interface ProgressReport {
  /** Service being listed. */
  service?: string;
  /** Region being listed. */
  region?: string;
  /** Resources listed so far. */
  processed?: number;
  /** Anything else. */
  [key: string]: unknown;
}

/** Helpers the engine gives a driver while it lists (`options.runtime`). */
export interface RuntimeContext {
  /** Checkpoint stored by the previous run, or null. */
  checkpoint: unknown;
  /** Opaque driver state stored by the previous run, or null. */
  state: unknown;
  /** Persist a new resume token (coalesced, written before the sync resolves). */
  emitCheckpoint(value: unknown): void;
  /** Persist rate-limit metadata on the cloud summary. */
  emitRateLimit(value: RateLimitReport): void;
  /** Persist opaque driver state. */
  emitState(value: unknown): void;
  /** Display-only progress. */
  emitProgress(value: ProgressReport): void;
  /** Report a scope as complete, failed or skipped. */
  reportScope(scope: ScopeReport): void;
}

/** Filters the engine passes to drivers. */
export interface DiscoveryFilters {
  /** Services, regions or resource types to include (drivers decide how to match). */
  include?: string[];
  /** Services, regions or resource types to leave out. */
  exclude?: string[];
}

/** Everything `listResources` receives. */
export interface ListOptions extends DiscoveryFilters {
  /** Runtime helpers. */
  runtime: RuntimeContext;
  /** Parallelism hint. */
  concurrency: number;
  /** When true the engine will persist nothing. */
  dryRun: boolean;
  /** Aborted when the sync is cancelled or the lock is lost. */
  signal: AbortSignal;
}

/** Minimal structured logger; `console` fits. */
export interface InventoryLogger {
  /** Debug detail. */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Normal progress. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Something odd that did not stop the sync. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** A failure. */
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One resource type a driver yields, with the paths that matter to versioning. */
export interface ResourceTypeDescriptor {
  /** `<driver>.<service>.<kind>`. */
  type: string;
  /** Short human description. */
  description?: string;
  /** Paths left out of the digest (timestamps, counters), e.g. `status.lastUpdated`, `items[*].age`. */
  volatilePaths?: string[];
  /** Paths whose values are replaced by a keyed hash before anything is stored. */
  secretPaths?: string[];
  /**
   * How Terraform (>= 1.5 `import` blocks) imports a resource of this type; with several, the first
   * whose `only` matches is used. Absent: no Terraform resource manages this type.
   */
  terraform?: TerraformImportDescriptor | TerraformImportDescriptor[];
}

/**
 * The Terraform resource type and import id of a resource type. A template, not a function: a
 * catalog stays plain data (printed by `cloud-inventory drivers --json`, checked against fixtures
 * for every placeholder, the same in every copy of a driver package).
 */
export interface TerraformImportDescriptor {
  /** Terraform resource type (`aws_instance`, `digitalocean_droplet`, `hcloud_server`). */
  type: string;
  /**
   * Import id template from the provider's documentation: `{resourceId}`, `{name}`, `{region}`,
   * `{accountId}`, `{configuration.Path.To.Value}`, `{tags.key}`, each optionally piped through
   * `|after:TEXT`, `|afterLast:TEXT`, `|before:TEXT` or `|trimEnd:TEXT` (`{resourceId|after:service/}`).
   * With several descriptors, the first whose `only` matches and whose values are all present wins.
   */
  importId: string;
  /** Use this descriptor only when the value at `path` (same syntax) is one of `values`. */
  only?: { path: string; values: string[] };
}

/** One service of a driver's catalog. */
export interface ServiceDescriptor {
  /** Service name as used in `config.services`. */
  name: string;
  /** Short human description. */
  description?: string;
  /** True when the service is listed once, not per region. */
  global?: boolean;
  /** Resource types the service yields. */
  resourceTypes: ResourceTypeDescriptor[];
}

/** What a driver can list; docs, the CLI and the conformance suite read it. */
export interface DriverCatalog {
  /** Driver name. */
  driver: string;
  /** Services with their resource types. */
  services: ServiceDescriptor[];
}
