import { randomBytes } from 'node:crypto';
import { Plugin } from 's3db.js/plugins/plugin.class';
import { deduplicateCloudIds, defaultCloudId } from './cloud-ids.ts';
import {
  type CloudDriverFactory,
  getCloudDriverFactory,
  registerCloudDriver,
  resolveDriverName,
  toDriverFactory,
} from './driver-registry.ts';
import { type ResolvedCloud, type SyncEnvironment, syncCloud } from './engine/sync-cloud.ts';
import type { SyncSummary } from './engine/sync-types.ts';
import { type VerifyReport, verifyCloud } from './engine/verify-cloud.ts';
import { CloudInventoryError } from './errors/cloud-inventory-error.ts';
import { ConfigurationError } from './errors/configuration-error.ts';
import {
  type ChangeFilter,
  type InventoryAtEntry,
  InventoryQueries,
  type Page,
  type ResourceReference,
} from './history/inventory-queries.ts';
import type { ResourceFilter } from './history/resource-filter.ts';
import { readLockState, withLiveStatus } from './history/run-status.ts';
import { createConsoleLogger, silentLogger } from './logger.ts';
import { WebhookDispatcher } from './notifications/webhook-dispatcher.ts';
import type {
  CloudInventoryPluginOptions,
  ResolvedPluginOptions,
} from './options/plugin-options.ts';
import { validatePluginOptions } from './options/validate-options.ts';
import { Scheduler } from './scheduling/scheduler.ts';
import { defaultLockOwner } from './storage/cloud-lock.ts';
import {
  ensureInventoryResources,
  type InventoryResources,
} from './storage/inventory-resources.ts';
import {
  createObjectStore,
  internalPrefix,
  isPreconditionFailed,
  type ObjectStore,
} from './storage/object-store.ts';
import type { InventoryLogger } from './types.ts';
import type { ConfigurationDiff } from './versioning/diff.ts';
import { Redactor } from './versioning/redaction.ts';

const pinoSilent: Record<string, unknown> = {
  level: 'silent',
  silent() {},
  msgPrefix: '',
  debug() {},
  info() {},
  warn() {},
  error() {},
  trace() {},
  fatal() {},
  child() {
    return pinoSilent;
  },
};
let inlineDriverCounter = 0;

/** The s3db.js plugin that keeps a versioned inventory of cloud resources. */
export class CloudInventoryPlugin extends Plugin {
  /** Validated options with defaults. */
  readonly config: ResolvedPluginOptions;
  /** Clouds with resolved drivers and ids. */
  readonly clouds: ResolvedCloud[];
  /** Logger used for sync messages (silent unless `verbose` or `logger`). */
  readonly inventoryLogger: InventoryLogger;
  #resources: InventoryResources | undefined;
  #store: ObjectStore | undefined;
  #redactor: Redactor | undefined;
  #scheduler: Scheduler | undefined;
  #queries: InventoryQueries | undefined;
  #dispatcher: WebhookDispatcher | undefined;
  readonly #running = new Map<string, Promise<SyncSummary>>();
  #stopController = new AbortController();
  #stopping = false;
  readonly #owner = defaultLockOwner();

  constructor(options: CloudInventoryPluginOptions) {
    const resolved = validatePluginOptions(options);
    super({ slug: 'cloud-inventory', logLevel: 'silent', logger: pinoSilent as never });
    this.config = resolved;
    this.inventoryLogger =
      resolved.logger ?? (resolved.verbose ? createConsoleLogger() : silentLogger);
    this.clouds = this.resolveClouds(resolved);
  }

  private resolveClouds(options: ResolvedPluginOptions): ResolvedCloud[] {
    const drafts = options.clouds.map((cloud, position) => {
      let driverName: string;
      let factory: CloudDriverFactory;
      if (typeof cloud.driver === 'string') {
        factory = getCloudDriverFactory(cloud.driver);
        driverName = cloud.driver;
      } else {
        inlineDriverCounter += 1;
        const className = (cloud.driver as { name?: string }).name || 'driver';
        driverName = `inline-${className.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-${inlineDriverCounter}`;
        factory = toDriverFactory(cloud.driver);
        registerCloudDriver(driverName, factory);
      }
      const config = cloud.config ?? {};
      return {
        position,
        id:
          cloud.id ??
          defaultCloudId(
            typeof cloud.driver === 'string'
              ? (resolveDriverName(cloud.driver) ?? cloud.driver)
              : driverName.replace(/-\d+$/, ''),
            config,
            cloud.credentials,
          ),
        driverName,
        factory,
        credentials: cloud.credentials ?? {},
        config,
        tags: cloud.tags ?? {},
        metadata: cloud.metadata ?? {},
        ...(cloud.scheduled ? { schedule: cloud.scheduled as Record<string, unknown> } : {}),
      };
    });
    const { ids, renamed } = deduplicateCloudIds(drafts.map((draft) => draft.id));
    for (const { from, to } of renamed)
      this.inventoryLogger.warn(`duplicate cloud id "${from}" renamed to "${to}"`);
    return drafts.map(({ position: _position, ...draft }, index) => ({
      ...draft,
      id: ids[index] as string,
    }));
  }

  /** The managed s3db.js resources (after install). */
  get inventoryResources(): InventoryResources {
    if (!this.#resources)
      throw new CloudInventoryError({
        message:
          'CloudInventoryPlugin is not installed: call plugin.install(database) or database.usePlugin(plugin) first',
      });
    return this.#resources;
  }

  /** Raw object access used by the engine (after install). */
  get objectStore(): ObjectStore {
    if (!this.#store)
      throw new CloudInventoryError({ message: 'CloudInventoryPlugin is not installed' });
    return this.#store;
  }

  /** Install on a connected s3db.js database: creates the five resources; runs `syncAll` when `discovery.runOnInstall`. */
  override async install(database: any): Promise<void> {
    this.database = database;
    await this.onInstall();
  }

  override async onInstall(): Promise<void> {
    const database = this.database as any;
    if (!database?.client)
      throw new CloudInventoryError({
        message: 'CloudInventoryPlugin.install needs a connected s3db.js Database',
      });
    this.#stopController = new AbortController();
    this.#stopping = false;
    this.#resources = await ensureInventoryResources(database, this.config.resources);
    this.#store = createObjectStore(database.client);
    this.#redactor = new Redactor(await this.redactionKey());
    if (this.config.notifications.length > 0)
      this.#dispatcher = new WebhookDispatcher({
        targets: this.config.notifications,
        logger: this.inventoryLogger,
      });
    this.#queries = new InventoryQueries({
      resources: this.#resources,
      store: this.#store,
      client: database.client,
      cloudIds: () => this.clouds.map((cloud) => cloud.id),
    });
    if (this.config.discovery.runOnInstall) await this.syncAll();
  }

  override async onStart(): Promise<void> {
    const jobs: Array<{
      name: string;
      cron: string;
      timezone?: string;
      runOnStart: boolean;
      run: () => Promise<unknown>;
    }> = [];
    if (this.config.scheduled.enabled && this.config.scheduled.cron) {
      jobs.push({
        name: 'global',
        cron: this.config.scheduled.cron,
        ...(this.config.scheduled.timezone ? { timezone: this.config.scheduled.timezone } : {}),
        runOnStart: this.config.scheduled.runOnStart,
        run: () => this.syncAll(),
      });
    }
    for (const cloud of this.clouds) {
      const schedule = cloud.schedule as
        | { enabled?: boolean; cron?: string; timezone?: string; runOnStart?: boolean }
        | undefined;
      if (schedule?.enabled && schedule.cron) {
        jobs.push({
          name: cloud.id,
          cron: schedule.cron,
          ...(schedule.timezone ? { timezone: schedule.timezone } : {}),
          runOnStart: schedule.runOnStart ?? false,
          run: () => this.syncCloud(cloud.id),
        });
      }
    }
    if (jobs.length > 0) {
      this.#scheduler ??= new Scheduler(this.inventoryLogger);
      for (const job of jobs) this.#scheduler.add(job);
    }
    const startNow = jobs.filter((job) => job.runOnStart);
    if (startNow.some((job) => job.name === 'global')) void this.syncAll().catch(() => {});
    else for (const job of startNow) void job.run().catch(() => {});
  }

  /** Start schedules (s3db.js calls this after `usePlugin`). */
  override async start(): Promise<void> {
    this.#stopping = false;
    if (this.#stopController.signal.aborted) this.#stopController = new AbortController();
    await this.onStart();
  }

  /** Stop schedules; waits for syncs in flight unless `abort` is set, in which case they are cancelled. */
  override async stop(options: { abort?: boolean } = {}): Promise<void> {
    // From here on no new sync starts: syncAll skips the clouds still queued.
    this.#stopping = true;
    await this.#scheduler?.stopAll();
    if (options.abort)
      this.#stopController.abort(new CloudInventoryError({ message: 'plugin stopped' }));
    await Promise.allSettled([...this.#running.values()]);
    await this.#dispatcher?.flush();
  }

  /** Deliver queued webhook batches now (they are otherwise sent in the background). */
  async flushNotifications(): Promise<void> {
    await this.#dispatcher?.flush();
  }

  override async onStop(): Promise<void> {
    await this.stop();
  }

  /** Next scheduled run per job name (`global` or a cloud id). */
  nextScheduledRuns(): Record<string, string | null> {
    const output: Record<string, string | null> = {};
    for (const name of this.#scheduler?.names ?? [])
      output[name] = this.#scheduler?.nextRun(name)?.toISOString() ?? null;
    return output;
  }

  /** Sync every cloud, up to `discovery.concurrency` at once. */
  async syncAll(options: { dryRun?: boolean } = {}): Promise<SyncSummary[]> {
    const queue = [...this.clouds];
    const cycle = { ...options, skipIfSyncedSince: new Date().toISOString() };
    const results: SyncSummary[] = new Array(queue.length);
    let next = 0;
    const workers = Array.from(
      { length: Math.min(this.config.discovery.concurrency, queue.length) },
      async () => {
        while (next < queue.length) {
          const position = next;
          next += 1;
          results[position] = await this.syncCloud((queue[position] as ResolvedCloud).id, cycle);
        }
      },
    );
    await Promise.all(workers);
    return results;
  }

  /** Sync one cloud; a cloud already syncing in this process is joined, not run twice. */
  async syncCloud(
    cloudId: string,
    /** `skipIfSyncedSince` (ISO): skip when another worker's successful sync started at or after it. */
    options: { dryRun?: boolean; skipIfSyncedSince?: string } = {},
  ): Promise<SyncSummary> {
    const cloud = this.clouds.find((candidate) => candidate.id === cloudId);
    if (!cloud) {
      throw new ConfigurationError({
        issues: [
          {
            path: 'cloudId',
            expected: `one of ${this.clouds.map((candidate) => candidate.id).join(', ')}`,
            received: `"${cloudId}"`,
          },
        ],
      });
    }
    const inFlight = this.#running.get(cloudId);
    if (inFlight) return inFlight;
    if (this.#stopping) return skippedSummary(cloud, 'the plugin is stopping; no new sync starts');
    const run = syncCloud(cloud, this.environment(), options).finally(() =>
      this.#running.delete(cloudId),
    );
    this.#running.set(cloudId, run);
    return run;
  }

  /** Ids of clouds syncing right now in this process. */
  get runningClouds(): string[] {
    return [...this.#running.keys()];
  }

  private environment(): SyncEnvironment {
    if (!this.#resources || !this.#store || !this.#redactor) {
      throw new CloudInventoryError({
        message:
          'CloudInventoryPlugin is not installed: call plugin.install(database) or database.usePlugin(plugin) first',
      });
    }
    return {
      options: this.config,
      resources: this.#resources,
      store: this.#store,
      redactor: this.#redactor,
      logger: this.inventoryLogger,
      emit: (event, payload) => {
        // A listener that throws must not break a sync.
        try {
          this.emit(event, payload);
        } catch (error) {
          this.inventoryLogger.warn('event listener threw', {
            event,
            error: error instanceof Error ? error.message : String(error),
          });
        }
        this.#dispatcher?.publish(event, payload);
      },
      signal: this.#stopController.signal,
      owner: this.#owner,
    };
  }

  private get queries(): InventoryQueries {
    if (!this.#queries)
      throw new CloudInventoryError({
        message:
          'CloudInventoryPlugin is not installed: call plugin.install(database) or database.usePlugin(plugin) first',
      });
    return this.#queries;
  }

  /** Resources matching a filter, a page at a time; follow `cursor` for the next page. */
  listResources(
    filter: ResourceFilter = {},
    options: { limit?: number; cursor?: string } = {},
  ): Promise<Page<Record<string, unknown>>> {
    return this.queries.listResources(filter, options);
  }

  /** Every resource matching a filter, streamed page by page. */
  iterateResources(filter: ResourceFilter = {}): AsyncGenerator<Record<string, unknown>> {
    return this.queries.iterateResources(filter);
  }

  /** One resource's snapshot, or null. */
  getResource(reference: ResourceReference): Promise<Record<string, unknown> | null> {
    return this.queries.getResource(reference);
  }

  /** A resource's versions and changes, oldest first; null when unknown. */
  getHistory(reference: ResourceReference) {
    return this.queries.getHistory(reference);
  }

  /** One frozen version, or null. */
  getVersion(
    reference: ResourceReference,
    version: number,
  ): Promise<Record<string, unknown> | null> {
    return this.queries.getVersion(reference, version);
  }

  /** Diff between any two versions of a resource. */
  diffVersions(reference: ResourceReference, from: number, to: number): Promise<ConfigurationDiff> {
    return this.queries.diffVersions(reference, from, to);
  }

  /** Changes in a time window across clouds. */
  listChanges(
    filter: ChangeFilter = {},
    options: { limit?: number; cursor?: string } = {},
  ): Promise<Page<Record<string, unknown>>> {
    return this.queries.listChanges(filter, options);
  }

  /**
   * The inventory as it was at a moment, including resources deleted since (`deletedSince`, one
   * snapshot read per entry unless `withDeletedSince: false`).
   */
  inventoryAt(
    at: string | Date,
    filter: ResourceFilter = {},
    options: { withConfiguration?: boolean; withDeletedSince?: boolean } = {},
  ): Promise<InventoryAtEntry[]> {
    return this.queries.inventoryAt(at, filter, options);
  }

  /** A cloud's summary record, or null before its first sync; a run killed mid-way reads `interrupted`. */
  async getCloudSummary(cloudId: string): Promise<Record<string, unknown> | null> {
    const record = await this.inventoryResources.clouds.get(cloudId).then(
      (found: Record<string, unknown>) => publicRecord(found),
      () => null,
    );
    if (record?.status !== 'running') return record;
    return withLiveStatus(record, await readLockState(this.objectStore, cloudId), 'summary');
  }

  /**
   * Check a cloud's store (versions, index, change feed, stuck runs, counters); with `repair`,
   * rebuild what can be rebuilt without touching any version. What a user runs after an incident.
   */
  async verify(options: { cloudId: string; repair?: boolean }): Promise<VerifyReport> {
    return verifyCloud({
      cloudId: options.cloudId,
      resources: this.inventoryResources,
      store: this.objectStore,
      client: (this.database as any).client,
      repair: options.repair ?? false,
      lock: {
        ttlMs: this.config.lock.ttl * 1000,
        timeoutMs: this.config.lock.timeout * 1000,
        owner: this.#owner,
      },
      indexShardSize: this.config.storage.indexShardSize,
    });
  }

  /** Run records of a cloud, newest first. */
  async listRuns(
    cloudId: string,
    options: { limit?: number } = {},
  ): Promise<Record<string, unknown>[]> {
    const runs = this.inventoryResources.runs;
    const prefix = runs.getResourceKey(`${cloudId}:x`).replace(/x$/, '');
    const keys: string[] = await (this.database as any).client.getAllKeys({ prefix });
    const ids = keys
      .map((key) => key.slice(key.indexOf('/data/id=') + '/data/id='.length))
      .sort()
      .reverse()
      .slice(0, options.limit ?? 20);
    const records = await Promise.all(ids.map(async (id) => publicRecord(await runs.get(id))));
    if (!records.some((record) => record.status === 'running')) return records;
    const lock = await readLockState(this.objectStore, cloudId);
    return records.map((record) => withLiveStatus(record, lock, 'run'));
  }

  // Key order: option, environment variable, a key stored once in the bucket.
  private async redactionKey(): Promise<string> {
    if (this.config.redactionKey) return this.config.redactionKey;
    const fromEnvironment = process.env.CLOUD_INVENTORY_REDACTION_KEY;
    if (fromEnvironment && fromEnvironment.length >= 16) return fromEnvironment;
    const store = this.objectStore;
    const key = `${internalPrefix}/redaction-key.json`;
    const existing = await store.getJson<{ key: string }>(key);
    if (existing?.value.key) return existing.value.key;
    const generated = randomBytes(32).toString('hex');
    if (this.config.discovery.dryRun) return generated;
    try {
      await store.putJson(
        key,
        { key: generated, createdAt: new Date().toISOString() },
        { ifNoneMatch: '*' },
      );
      return generated;
    } catch (error) {
      if (!isPreconditionFailed(error)) throw error;
      const winner = await store.getJson<{ key: string }>(key);
      if (!winner?.value.key) throw error;
      return winner.value.key;
    }
  }
}

function skippedSummary(cloud: ResolvedCloud, reason: string): SyncSummary {
  return {
    cloudId: cloud.id,
    driver: cloud.driverName,
    runId: '',
    status: 'skipped',
    skipped: true,
    reason,
    created: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    restored: 0,
    processed: 0,
    rejected: 0,
    durationMs: 0,
    scopes: [],
    errors: {},
  };
}

// Records without s3db.js bookkeeping fields (`_etag`, `_v`, ...).
function publicRecord(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('_')));
}
