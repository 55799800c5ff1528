import { silentLogger } from './logger.ts';
import type { CloudResource, DriverCatalog, InventoryLogger, ListOptions } from './types.ts';

/** Options every driver constructor receives. */
export interface CloudDriverOptions<
  Credentials = unknown,
  Config extends object = Record<string, unknown>,
> {
  /** Cloud id (`aws-123456789012`). */
  id: string;
  /** Registered driver name. */
  driver: string;
  /** Opaque credentials, never logged or stored. */
  credentials: Credentials;
  /** Driver-specific configuration. */
  config: Config;
  /** Logger scoped to this cloud. */
  logger?: InventoryLogger;
  /** Tags from the cloud definition. */
  tags?: Record<string, unknown>;
  /** Metadata from the cloud definition. */
  metadata?: Record<string, unknown>;
}

/** The contract versions this core understands. */
export const SUPPORTED_SPECIFICATION_VERSIONS = ['v1'] as const;

/** Base class of every cloud driver. */
export abstract class BaseCloudDriver<
  Credentials = unknown,
  Config extends object = Record<string, unknown>,
> {
  /** Driver contract version; core refuses versions it does not know. */
  readonly specificationVersion: string = 'v1';
  /** Cloud id. */
  readonly id: string;
  /** Driver name. */
  readonly driver: string;
  /** Credentials (kept private to the driver; never persisted). */
  protected readonly credentials: Credentials;
  /** Driver configuration. */
  readonly config: Config;
  /** Logger. */
  protected readonly logger: InventoryLogger;
  /** Cloud tags. */
  readonly tags: Record<string, unknown>;
  /** Cloud metadata. */
  readonly metadata: Record<string, unknown>;

  constructor(options: CloudDriverOptions<Credentials, Config>) {
    this.id = options.id;
    this.driver = options.driver;
    this.credentials = options.credentials;
    this.config = (options.config ?? {}) as Config;
    this.logger = options.logger ?? silentLogger;
    this.tags = options.tags ?? {};
    this.metadata = options.metadata ?? {};
    // Credentials must never leak through JSON.stringify or util.inspect of a driver.
    Object.defineProperty(this, 'credentials', { enumerable: false });
  }

  /** Services and resource types this driver yields; undefined for ad-hoc drivers. */
  get catalog(): DriverCatalog | undefined {
    return undefined;
  }

  /** Account id the driver resolved, used for cloud ids and records. */
  get accountId(): string | undefined {
    const configured = (this.config as Record<string, unknown>).accountId;
    return typeof configured === 'string' ? configured : undefined;
  }

  /** Build clients and check credentials. */
  async initialize(): Promise<void> {}

  /** List the resources: an array or, better, an async iterable. */
  abstract listResources(
    options: ListOptions,
  ):
    | AsyncIterable<CloudResource>
    | Iterable<CloudResource>
    | Promise<CloudResource[] | AsyncIterable<CloudResource>>;

  /** Release clients and sockets. */
  async destroy(): Promise<void> {}
}
