import type { BaseCloudDriver } from '../base-cloud-driver.ts';
import type { CloudDriverFactory } from '../driver-registry.ts';
import { CloudInventoryError } from '../errors/cloud-inventory-error.ts';
import { DriverError } from '../errors/driver-error.ts';
import type { InvalidResourceError } from '../errors/invalid-resource-error.ts';
import { LockLostError } from '../errors/lock-lost-error.ts';
import { StorageError } from '../errors/storage-error.ts';
import type { ResolvedPluginOptions } from '../options/plugin-options.ts';
import type { ChangeLogWriter } from '../storage/change-log.ts';
import type { CloudLock } from '../storage/cloud-lock.ts';
import type { DigestIndex } from '../storage/digest-index.ts';
import type { InventoryResources } from '../storage/inventory-resources.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { createRunId } from '../storage/record-ids.ts';
import type { RunJournal } from '../storage/run-journal.ts';
import type { InventoryLogger } from '../types.ts';
import type { Redactor } from '../versioning/redaction.ts';
import { credentialScrubber, errorMessage } from './driver-iteration.ts';
import type { StoredChange } from './persist-changes.ts';
import { ScopeLedger } from './scope-ledger.ts';
import type { SummaryWriter } from './summary-writer.ts';
import type { RejectedResource, SyncSummary } from './sync-types.ts';
import type { WriteBatches } from './write-batches.ts';
import type { WritePool } from './write-pool.ts';

/** A cloud definition after validation, with its driver resolved. */
export interface ResolvedCloud {
  id: string;
  driverName: string;
  factory: CloudDriverFactory;
  credentials: unknown;
  config: Record<string, unknown>;
  tags: Record<string, unknown>;
  metadata: Record<string, unknown>;
  schedule?: Record<string, unknown>;
}

/** Everything a sync needs from the plugin. */
export interface SyncEnvironment {
  options: ResolvedPluginOptions;
  resources: InventoryResources;
  store: ObjectStore;
  redactor: Redactor;
  logger: InventoryLogger;
  /** Emits plugin events (`resource.updated`, `sync.completed`, ...). */
  emit(event: string, payload: unknown): void;
  /** Cancels every sync (plugin stop). */
  signal: AbortSignal;
  /** Worker identity for locks and run records. */
  owner: string;
}

/** Options of one sync. */
export interface SyncOverrides {
  dryRun?: boolean;
  /** Skip when another worker's successful sync started at or after this (ISO). */
  skipIfSyncedSince?: string;
}

type ErrorGroup = keyof SyncSummary['errors'];

/**
 * The state of one sync, shared by its phases (lock, open, list and persist, deletions, finish):
 * the summary being built, the run's stores (fenced by its lock), index, change log, journal and
 * scope reports, and the one place a failure is recorded.
 */
export class SyncRun {
  readonly cloud: ResolvedCloud;
  readonly environment: SyncEnvironment;
  readonly options: ResolvedPluginOptions;
  readonly logger: InventoryLogger;
  readonly dryRun: boolean;
  readonly startedAt = new Date();
  readonly runId: string;
  readonly summary: SyncSummary;
  readonly scopes = new ScopeLedger();
  readonly abort = new AbortController();
  /** Credentials never reach a record or a log line, even when a driver error quotes them. */
  readonly scrub: (message: string) => string;

  lock: CloudLock | null = null;
  /** The bucket's objects and records, every write checking the lock. */
  store: ObjectStore;
  resources: InventoryResources;
  existing: Record<string, any> | null = null;
  index: DigestIndex | undefined;
  changeLog: ChangeLogWriter | undefined;
  journal: RunJournal | undefined;
  writer: WritePool | undefined;
  batches: WriteBatches | undefined;
  /** The driver reported no scope at all: a finished listing is complete for every scope. */
  implicitComplete = false;
  summaryWriter: SummaryWriter | undefined;
  driver: BaseCloudDriver<any, any> | undefined;
  /** The run records were written as `running` (so they must be finished). */
  started = false;
  /** The driver listed to its end without error and every write succeeded. */
  driverFinished = false;
  /** The previous run stopped early and stored a checkpoint this run resumes from. */
  resumedFromCheckpoint = false;
  /** Journal segments of earlier runs recovered by this one (removed once its bookkeeping is stored). */
  recoveredSegments: string[] = [];
  /** The first failure that ends the run (storage, lock, driver construction...). */
  fatal: unknown;
  /** Versions retention removed over the cloud's life (the summary's `totalVersions` excludes them). */
  prunedVersions = 0;
  /** Aborts the run when the plugin stops; removed when the run closes. */
  readonly onEnvironmentAbort = () => this.abort.abort(this.environment.signal.reason);

  constructor(cloud: ResolvedCloud, environment: SyncEnvironment, overrides: SyncOverrides) {
    this.cloud = cloud;
    this.environment = environment;
    this.options = environment.options;
    this.logger = environment.logger;
    this.store = environment.store;
    this.resources = environment.resources;
    this.dryRun = overrides.dryRun ?? environment.options.discovery.dryRun;
    this.runId = createRunId(this.startedAt);
    this.scrub = credentialScrubber(cloud.credentials);
    this.summary = {
      cloudId: cloud.id,
      driver: cloud.driverName,
      runId: this.runId,
      status: 'succeeded',
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
      ...(this.dryRun ? { dryRun: true } : {}),
    };
  }

  /** True once the lock was lost: nothing more may be written. */
  get lockLost(): boolean {
    return this.lock !== null && !this.lock.held && this.lock.signal.aborted;
  }

  /** Add an error message to its group (at most 50 per group, credentials scrubbed). */
  addError(group: ErrorGroup, message: string): void {
    const list = this.summary.errors[group] ?? [];
    this.summary.errors[group] = list;
    if (list.length < 50) list.push(this.scrub(message));
  }

  /** Record the failure that ends the run; the first one wins. */
  fail(error: unknown): void {
    if (this.fatal !== undefined) return;
    // A write that failed because the lock was lost says so; a storage failure stays one (it is
    // also why renewals stopped).
    const lost =
      this.lock?.signal.aborted &&
      !LockLostError.isInstance(error) &&
      !StorageError.isInstance(error);
    this.fatal = lost
      ? (this.lock?.lostReason ?? new LockLostError({ cloudId: this.cloud.id, cause: error }))
      : error;
    // A lock lost because storage failed is a storage failure too: say both.
    const cause = LockLostError.isInstance(this.fatal) ? this.fatal.cause : undefined;
    if (StorageError.isInstance(cause)) this.addError('storage', cause.message);
  }

  /** The error group of the fatal failure. */
  fatalGroup(): ErrorGroup {
    const fatal = this.fatal;
    if (LockLostError.isInstance(fatal)) return 'lock';
    if (StorageError.isInstance(fatal)) return 'storage';
    if (DriverError.isInstance(fatal)) return fatal.errorClass;
    return 'unknown';
  }

  /** A message for the fatal failure that names the cloud. */
  fatalMessage(): string {
    const fatal = this.fatal;
    if (CloudInventoryError.isInstance(fatal)) return this.scrub(fatal.message);
    return this.scrub(
      `Sync of cloud ${this.cloud.id} (driver ${this.cloud.driverName}) failed: ${errorMessage(fatal)}`,
    );
  }

  /**
   * Count a resource the engine refused and name it in the run record. A listed resource exists:
   * when its key was marked seen (`'protected'`), its last good version simply stays; otherwise
   * its type is kept from deleting anything in its scope this run.
   */
  reject(
    error: InvalidResourceError,
    origin: 'protected' | { service?: unknown; region?: unknown },
  ): void {
    this.summary.rejected += 1;
    this.addError('invalid-resource', error.message);
    const rejected: RejectedResource = {
      field: error.field,
      message: this.scrub(error.message),
      ...(error.resourceType ? { resourceType: error.resourceType } : {}),
      ...(error.resourceId ? { resourceId: error.resourceId } : {}),
    };
    this.summary.rejectedResources ??= [];
    if (this.summary.rejectedResources.length < 100) this.summary.rejectedResources.push(rejected);
    if (origin === 'protected') return;
    // A driver may yield anything (null, a string): read what it says only from an object.
    const source: { service?: unknown; region?: unknown } =
      origin && typeof origin === 'object' ? origin : {};
    // Without an explicit service a resource belongs to the one its type names (as when stored).
    const service =
      typeof source.service === 'string' && source.service !== ''
        ? source.service
        : error.resourceType?.split('.')[1];
    this.scopes.rejected({
      ...(service ? { service } : {}),
      ...(typeof source.region === 'string' && source.region !== ''
        ? { region: source.region }
        : {}),
      ...(error.resourceType ? { resourceType: error.resourceType } : {}),
    });
  }

  /** Count a stored change, log it for time queries and emit its event. */
  record(change: StoredChange): void {
    this.changeLog?.add({
      snapshotId: change.snapshotId,
      kind: change.kind,
      version: change.version,
      sequence: change.sequence,
      detectedAt: change.detectedAt,
      resourceType: change.resourceType,
      resourceId: change.resourceId,
      service: change.service,
      region: change.region,
      name: change.name,
      runId: this.runId,
    });
    this.summary[change.kind] += 1;
    this.environment.emit(`resource.${change.kind}`, {
      cloudId: this.cloud.id,
      driver: this.cloud.driverName,
      runId: this.runId,
      ...change,
    });
  }

  /** Emit a plugin event with the run's ids. */
  emit(event: string, payload: Record<string, unknown>): void {
    this.environment.emit(event, { cloudId: this.cloud.id, runId: this.runId, ...payload });
  }
}
