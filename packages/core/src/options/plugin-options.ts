import type { CloudDriverClass, CloudDriverFactory } from '../driver-registry.ts';
import type { InventoryLogger } from '../types.ts';

/** A cron schedule, global or per cloud. */
export interface ScheduleOptions {
  /** Turn the schedule on. @default false */
  enabled?: boolean;
  /** Cron expression (5 or 6 fields); required when enabled. */
  cron?: string;
  /** IANA timezone such as `UTC`. */
  timezone?: string;
  /** Run once right after the plugin starts. @default false */
  runOnStart?: boolean;
}

/** One cloud account to inventory. */
export interface CloudDefinition {
  /** Cloud id; defaults to `<driver>-<account>` from credential or config hints. */
  id?: string;
  /** Registered driver name (`aws`, `do`, `aws-mock`), or a driver class or factory. */
  driver: string | CloudDriverClass | CloudDriverFactory;
  /** Opaque credentials handed to the driver; never stored or logged. */
  credentials?: unknown;
  /** Driver-specific configuration (regions, services, accountId...). */
  config?: Record<string, unknown>;
  /** Tags stored on the cloud summary and snapshots. */
  tags?: Record<string, unknown>;
  /** Metadata stored on the cloud summary. */
  metadata?: Record<string, unknown>;
  /** Per-cloud schedule, in addition to the global one. */
  scheduled?: ScheduleOptions;
}

/** A webhook that receives batched inventory events. */
export interface NotificationTarget {
  /** HTTP(S) URL that receives POSTed JSON batches. */
  url: string;
  /** Event names to deliver (`resource.updated`, `sync.completed`, ...); all when omitted. */
  events?: string[];
  /** Only deliver resource events that match this filter. */
  filter?: { cloudId?: string; resourceType?: string; service?: string; kind?: string };
  /** Shared secret for the `X-Cloud-Inventory-Signature` HMAC-SHA256 header. */
  secret?: string;
}

/** Options of `CloudInventoryPlugin`, as in the product description plus additions. */
export interface CloudInventoryPluginOptions {
  /** Clouds to inventory (required, at least one). */
  clouds: CloudDefinition[];
  /** Discovery behaviour. */
  discovery?: {
    /** Parallelism: clouds synced at once by syncAll and the hint passed to drivers. @default 3 */
    concurrency?: number;
    /** Filters passed to drivers (services, regions, resource types). */
    include?: string[];
    /** Filters passed to drivers. */
    exclude?: string[];
    /** Run `syncAll()` during install. @default true */
    runOnInstall?: boolean;
    /** List and compare but write nothing. @default false */
    dryRun?: boolean;
    /** Extra paths left out of the digest, per resource type or `*`. */
    ignorePaths?: Record<string, string[]>;
  };
  /** Names of the managed s3db.js resources. */
  resources?: {
    /** @default 'plg_cloud_inventory_snapshots' */
    snapshots?: string;
    /** @default 'plg_cloud_inventory_versions' */
    versions?: string;
    /** @default 'plg_cloud_inventory_changes' */
    changes?: string;
    /** @default 'plg_cloud_inventory_clouds' */
    clouds?: string;
    /** @default 'plg_cloud_inventory_runs' */
    runs?: string;
  };
  /** Informational logs through the logger (console on stderr by default). @default false */
  verbose?: boolean;
  /** Logger to use instead of the console. */
  logger?: InventoryLogger;
  /** Global schedule that triggers `syncAll()`. */
  scheduled?: ScheduleOptions;
  /** Distributed per-cloud lock. */
  lock?: {
    /** Lock time to live in seconds; renewed while a sync runs. @default 300 */
    ttl?: number;
    /** Seconds to wait for a busy lock; 0 skips at once. @default 0 */
    timeout?: number;
  };
  /** Extra secret paths to redact, per resource type or `*`, or a flat list for every type. */
  redact?: string[] | Record<string, string[]>;
  /** Key for the redaction HMAC; else `CLOUD_INVENTORY_REDACTION_KEY`, else one generated and stored once. */
  redactionKey?: string;
  /** Prune old versions and changes. */
  retention?: {
    /** Versions and changes older than this many days may be pruned. */
    maxAgeDays?: number;
    /** Always keep at least this many latest versions per resource. @default 1 */
    keepLast?: number;
  };
  /** Webhooks. */
  notifications?: NotificationTarget[];
  /** Storage tuning. */
  storage?: {
    /** Parallel storage writes per sync. @default 16 */
    writeConcurrency?: number;
    /** Index entries per shard before the index is split. @default 4000 */
    indexShardSize?: number;
  };
}

/** Options after validation with every default applied. */
export interface ResolvedPluginOptions {
  clouds: CloudDefinition[];
  discovery: {
    concurrency: number;
    include: string[];
    exclude: string[];
    runOnInstall: boolean;
    dryRun: boolean;
    ignorePaths: Record<string, string[]>;
  };
  resources: { snapshots: string; versions: string; changes: string; clouds: string; runs: string };
  verbose: boolean;
  logger?: InventoryLogger;
  scheduled: Required<Pick<ScheduleOptions, 'enabled' | 'runOnStart'>> &
    Pick<ScheduleOptions, 'cron' | 'timezone'>;
  lock: { ttl: number; timeout: number };
  redact: Record<string, string[]>;
  redactionKey?: string;
  retention?: { maxAgeDays?: number; keepLast: number };
  notifications: NotificationTarget[];
  storage: { writeConcurrency: number; indexShardSize: number };
}

/** Default resource names from the product description. */
export const defaultResourceNames = {
  snapshots: 'plg_cloud_inventory_snapshots',
  versions: 'plg_cloud_inventory_versions',
  changes: 'plg_cloud_inventory_changes',
  clouds: 'plg_cloud_inventory_clouds',
  runs: 'plg_cloud_inventory_runs',
} as const;
