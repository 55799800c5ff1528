import { type BaseCloudDriver, SUPPORTED_SPECIFICATION_VERSIONS } from '../base-cloud-driver.ts';
import type { CloudDriverFactory } from '../driver-registry.ts';
import { CloudInventoryError } from '../errors/cloud-inventory-error.ts';
import { DriverError } from '../errors/driver-error.ts';
import { InvalidResourceError } from '../errors/invalid-resource-error.ts';
import { LockLostError } from '../errors/lock-lost-error.ts';
import { StorageError } from '../errors/storage-error.ts';
import { UnsupportedDriverVersionError } from '../errors/unsupported-driver-version-error.ts';
import type { ResolvedPluginOptions } from '../options/plugin-options.ts';
import { ChangeLogWriter } from '../storage/change-log.ts';
import { CloudLock } from '../storage/cloud-lock.ts';
import { DigestIndex, type IndexEntry } from '../storage/digest-index.ts';
import type { InventoryResources } from '../storage/inventory-resources.ts';
import { isNotFound, type ObjectStore } from '../storage/object-store.ts';
import { createRunId, splitResourceKey } from '../storage/record-ids.ts';
import type {
  CloudResource,
  ErrorClass,
  InventoryLogger,
  ListOptions,
  RuntimeContext,
  ScopeReport,
} from '../types.ts';
import type { Redactor } from '../versioning/redaction.ts';
import { createPathRules } from './path-rules.ts';
import {
  compact,
  type PersistContext,
  persistDeletion,
  persistResourceChange,
  type StoredChange,
  stripInternal,
} from './persist-changes.ts';
import { prepareResource } from './prepare-resource.ts';
import { applyRetention } from './retention.ts';
import { SummaryWriter } from './summary-writer.ts';
import type { RejectedResource, SyncStatus, SyncSummary } from './sync-types.ts';
import { WritePool } from './write-pool.ts';

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

// Persist the index and checkpoint after this many changed resources, bounding crash replay.
const indexFlushEvery = 2000;

/** Run one sync of one cloud: list, compare, persist changes, decide deletions, record the run. */
export async function syncCloud(
  cloud: ResolvedCloud,
  environment: SyncEnvironment,
  overrides: { dryRun?: boolean; skipIfSyncedSince?: string } = {},
): Promise<SyncSummary> {
  const { options, resources, store, logger } = environment;
  const dryRun = overrides.dryRun ?? options.discovery.dryRun;
  const startedAt = new Date();
  const runId = createRunId(startedAt);
  const summary: SyncSummary = {
    cloudId: cloud.id,
    driver: cloud.driverName,
    runId,
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
    ...(dryRun ? { dryRun: true } : {}),
  };
  // Credentials never reach a record or a log line, even when a driver error quotes them.
  const scrub = credentialScrubber(cloud.credentials);
  const addError = (errorClass: keyof SyncSummary['errors'], message: string) => {
    const list = summary.errors[errorClass] ?? [];
    summary.errors[errorClass] = list;
    if (list.length < 50) list.push(scrub(message));
  };

  let lock: CloudLock | null = null;
  if (!dryRun) {
    lock = await CloudLock.acquire(store, cloud.id, {
      ttlMs: options.lock.ttl * 1000,
      timeoutMs: options.lock.timeout * 1000,
      owner: environment.owner,
    });
    if (!lock) {
      summary.status = 'skipped';
      summary.skipped = true;
      summary.reason = `cloud ${cloud.id} is being synced by another worker (lock held); lock.timeout is ${options.lock.timeout}s`;
      summary.durationMs = Date.now() - startedAt.getTime();
      logger.info(`sync skipped: ${summary.reason}`, { cloudId: cloud.id });
      return summary;
    }
    // Several workers running `syncAll` together: one that reaches a cloud another worker synced
    // after this cycle began skips it, so each cloud is synced once per cycle.
    const since = overrides.skipIfSyncedSince;
    const latest = since ? await resources.clouds.get(cloud.id).catch(() => null) : null;
    if (
      since &&
      latest?.lastRunFinished === true &&
      latest.lastRunStatus === 'succeeded' &&
      String(latest.lastRunAt) >= since
    ) {
      await lock.release().catch(() => {});
      summary.status = 'skipped';
      summary.skipped = true;
      summary.reason = `cloud ${cloud.id} was synced by another worker at ${latest.lastRunAt}, after this cycle began`;
      summary.durationMs = Date.now() - startedAt.getTime();
      logger.info(`sync skipped: ${summary.reason}`, { cloudId: cloud.id });
      return summary;
    }
  }

  const abort = new AbortController();
  const onAbort = () => abort.abort(environment.signal.reason ?? lock?.signal.reason);
  environment.signal.addEventListener('abort', onAbort, { once: true });
  // A signal that is already aborted never fires its event.
  if (environment.signal.aborted) onAbort();
  lock?.signal.addEventListener('abort', onAbort, { once: true });

  let existing: Record<string, any> | null = null;
  let summaryWriter: SummaryWriter | undefined;
  let driver: BaseCloudDriver<any, any> | undefined;
  let fatal: unknown;
  const scopes = new Map<string, ScopeReport>();
  // Counted, not kept: a first sync of 10^5 resources must not hold every change in memory.
  let newVersions = 0;
  let resumedFromCheckpoint = false;
  let driverFinished = false;

  try {
    existing = await resources.clouds.get(cloud.id).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw new StorageError({
        operation: 'read cloud summary',
        key: cloud.id,
        cloudId: cloud.id,
        cause: error,
      });
    });
    const previousRunUnfinished = existing?.lastRunFinished === false;
    resumedFromCheckpoint =
      previousRunUnfinished && existing?.checkpoint !== undefined && existing?.checkpoint !== null;
    const index = await DigestIndex.load(store, cloud.id, existing?.index);

    summaryWriter = new SummaryWriter(
      compact({
        ...stripInternal(existing ?? {}),
        driver: cloud.driverName,
        status: 'running',
        lastRunAt: startedAt.toISOString(),
        lastRunId: runId,
        totalResources: existing?.totalResources ?? 0,
        totalVersions: existing?.totalVersions ?? 0,
        schedule: cloud.schedule,
        tags: cloud.tags,
        metadata: cloud.metadata,
        lastRunFinished: false,
      }),
      async (record) => {
        lock?.assertHeld();
        await resources.clouds.replace(cloud.id, record);
      },
    );
    if (dryRun) summaryWriter.disable();
    else {
      await summaryWriter.flush();
      await resources.runs.insert(
        compact({
          id: `${cloud.id}:${runId}`,
          cloudId: cloud.id,
          driver: cloud.driverName,
          runId,
          status: 'running',
          startedAt: startedAt.toISOString(),
          worker: environment.owner,
        }),
      );
    }
    environment.emit('sync.started', {
      cloudId: cloud.id,
      driver: cloud.driverName,
      runId,
      startedAt: startedAt.toISOString(),
      dryRun,
    });

    driver = cloud.factory({
      id: cloud.id,
      driver: cloud.driverName,
      credentials: cloud.credentials,
      config: cloud.config,
      logger,
      tags: cloud.tags,
      metadata: cloud.metadata,
    });
    if (!driver || typeof driver.listResources !== 'function') {
      throw new CloudInventoryError({
        message: `Driver factory for "${cloud.driverName}" did not return a driver with listResources()`,
        cloudId: cloud.id,
        driver: cloud.driverName,
      });
    }
    const specificationVersion = driver.specificationVersion ?? 'v1';
    if (!(SUPPORTED_SPECIFICATION_VERSIONS as readonly string[]).includes(specificationVersion)) {
      throw new UnsupportedDriverVersionError({
        driver: cloud.driverName,
        specificationVersion,
        supported: SUPPORTED_SPECIFICATION_VERSIONS,
      });
    }
    await untilAborted(driver.initialize(), abort.signal);

    const rules = createPathRules({
      catalog: safeCatalog(driver),
      ignorePaths: options.discovery.ignorePaths,
      redact: options.redact,
    });
    const writer = new WritePool(options.storage.writeConcurrency);
    const persistContext: PersistContext = {
      cloudId: cloud.id,
      driver: cloud.driverName,
      runId,
      resources,
      ...(lock ? { lock } : {}),
      volatilePatterns: rules.volatilePatterns,
      maximumDiffEntries: 1000,
    };
    const changeLog = new ChangeLogWriter(store, cloud.id, runId);
    let changedSinceFlush = 0;
    // Entries held at the last flush: the next flush waits for as many changes (geometric growth).
    let sizeAtFlush = index.size;
    const flushIndex = async () => {
      if (dryRun || !index.dirty) return;
      await writer.drain();
      lock?.assertHeld();
      await changeLog.flush();
      const result = await index.flush(options.storage.indexShardSize);
      summaryWriter?.update({ index: result.layout });
      if (result.replaced) {
        await summaryWriter?.flush();
        await index.removeLayout(result.replaced);
      }
      changedSinceFlush = 0;
      sizeAtFlush = index.size;
    };

    const runtime: RuntimeContext = {
      checkpoint: existing?.checkpoint ?? null,
      state: existing?.state ?? null,
      emitCheckpoint: (value) => summaryWriter?.update({ checkpoint: value ?? null }),
      emitState: (value) => summaryWriter?.update({ state: value ?? null }),
      emitRateLimit: (value) => {
        summaryWriter?.update({ rateLimit: { ...value, at: new Date().toISOString() } });
        environment.emit('sync.rateLimit', { cloudId: cloud.id, runId, ...value });
      },
      emitProgress: (value) => {
        summaryWriter?.update({
          progress: { ...value, processed: summary.processed, at: new Date().toISOString() },
        });
        environment.emit('sync.progress', {
          cloudId: cloud.id,
          runId,
          processed: summary.processed,
          ...value,
        });
      },
      reportScope: (scope) => {
        if (!scope || typeof scope.service !== 'string') return;
        const region = scope.region || 'global';
        const key = scopeKey(scope.service, region);
        const previous = scopes.get(key);
        // A scope that failed once in a run stays failed even if a later report says complete.
        if (previous?.status === 'failed' && scope.status === 'complete') return;
        scopes.set(key, { ...scope, region });
      },
    };
    const listOptions: ListOptions = {
      runtime,
      concurrency: options.discovery.concurrency,
      dryRun,
      signal: abort.signal,
      include: options.discovery.include,
      exclude: options.discovery.exclude,
    };

    const record = (change: StoredChange) => {
      if (change.versionWritten) newVersions += 1;
      changeLog.add({
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
        runId,
      });
      summary[
        change.kind === 'created'
          ? 'created'
          : change.kind === 'updated'
            ? 'updated'
            : change.kind === 'deleted'
              ? 'deleted'
              : 'restored'
      ] += 1;
      environment.emit(`resource.${change.kind}`, {
        cloudId: cloud.id,
        driver: cloud.driverName,
        runId,
        ...change,
      });
    };

    try {
      const listed = await untilAborted(
        Promise.resolve(driver.listResources(listOptions)),
        abort.signal,
      );
      for await (const item of toAsyncIterable(listed, abort.signal)) {
        if (abort.signal.aborted) break;
        if (writer.failed) break;
        summary.processed += 1;
        let prepared: ReturnType<typeof prepareResource>;
        try {
          prepared = prepareResource(item, {
            cloudId: cloud.id,
            driver: cloud.driverName,
            redactor: environment.redactor,
            rules,
            defaultAccountId: driver.accountId,
          });
        } catch (error) {
          if (!InvalidResourceError.isInstance(error)) throw error;
          reject(summary, error, addError);
          continue;
        }
        if (!index.markSeen(prepared.key)) {
          reject(
            summary,
            new InvalidResourceError({
              message: `${prepared.resourceType} "${prepared.resourceId}" was yielded twice in one run; the first copy was kept`,
              field: 'resourceId',
              resourceType: prepared.resourceType,
              resourceId: prepared.resourceId,
              cloudId: cloud.id,
              driver: cloud.driverName,
            }),
            addError,
          );
          continue;
        }
        const entry = index.get(prepared.key);
        if (entry && entry.status === 'active' && entry.digest === prepared.digests.digest) {
          summary.unchanged += 1;
          continue;
        }
        const kind = !entry ? 'created' : entry.status === 'deleted' ? 'restored' : 'updated';
        if (dryRun) {
          summary[kind] += 1;
          continue;
        }
        const now = new Date().toISOString();
        await writer.submit(async () => {
          const result = await persistResourceChange(persistContext, prepared, entry, kind, now);
          index.set(prepared.key, result.entry);
          record(result.change);
        });
        changedSinceFlush += 1;
        // Keys spread over every shard, so a flush rewrites the whole index: flushing only after as
        // many changes as the index held at the last flush keeps an initial sync linear (the
        // flushed sizes double) instead of quadratic, and bounds what a crash makes a run redo.
        if (changedSinceFlush >= Math.max(indexFlushEvery, sizeAtFlush)) await flushIndex();
      }
      driverFinished = !abort.signal.aborted && !writer.failed;
    } catch (error) {
      if (abort.signal.aborted && lock?.signal.aborted)
        throw new LockLostError({ cloudId: cloud.id, cause: error });
      const classified = DriverError.isInstance(error)
        ? error
        : new DriverError({
            message: `Driver ${cloud.driverName} failed while listing cloud ${cloud.id}: ${errorMessage(error)}`,
            errorClass: 'unknown',
            cloudId: cloud.id,
            driver: cloud.driverName,
            cause: error,
          });
      addError(classified.errorClass, classified.message);
      summary.reason = scrub(classified.message);
      logger.error(`driver failed while listing`, {
        cloudId: cloud.id,
        driver: cloud.driverName,
        error: summary.reason,
      });
    }
    await writer.drain();
    if (abort.signal.aborted) {
      if (lock?.signal.aborted) throw new LockLostError({ cloudId: cloud.id });
      // Cancelled, not lost: what was written is recorded so the next run need not redo it.
      await flushIndex();
      throw new CloudInventoryError({
        message: `Sync of cloud ${cloud.id} was cancelled`,
        cloudId: cloud.id,
      });
    }

    // Deleted means deleted: only inside scopes that were listed completely in this run.
    const reported = [...scopes.values()];
    const failedScopes = reported.filter((scope) => scope.status === 'failed');
    const filtered = options.discovery.include.length > 0 || options.discovery.exclude.length > 0;
    const implicitComplete = driverFinished && reported.length === 0 && !filtered;
    // A scope complete for some types only (a type-filtered listing) can delete only those types.
    const completeScopes = new Map<string, Set<string> | 'all'>();
    for (const scope of reported) {
      if (scope.status !== 'complete') continue;
      const key = scopeKey(scope.service, scope.region);
      const previous = completeScopes.get(key);
      if (!scope.resourceTypes || previous === 'all') completeScopes.set(key, 'all');
      else completeScopes.set(key, new Set([...(previous ?? []), ...scope.resourceTypes]));
    }
    const scopeCovers = (key: string, entry: IndexEntry) => {
      const covered = completeScopes.get(scopeKey(entry.service, entry.region));
      return covered === 'all' || (covered?.has(splitResourceKey(key).resourceType) ?? false);
    };
    if (driverFinished && !resumedFromCheckpoint) {
      const deletions: Array<[string, IndexEntry]> = [];
      for (const [key, entry] of index.activeUnseen()) {
        if (implicitComplete || scopeCovers(key, entry)) deletions.push([key, entry]);
      }
      for (const [key, entry] of deletions) {
        if (dryRun) {
          summary.deleted += 1;
          continue;
        }
        const now = new Date().toISOString();
        await writer.submit(async () => {
          const result = await persistDeletion(persistContext, key, entry, now);
          index.set(key, result.entry);
          if (result.change) record(result.change);
        });
      }
      await writer.drain();
    }
    for (const scope of failedScopes)
      addError(
        scope.errorClass ?? 'unknown',
        `${scope.service}/${scope.region}: ${scope.error ?? 'failed'}`,
      );
    await flushIndex();
    if (!dryRun && options.retention?.maxAgeDays) {
      const pruned = await applyRetention({
        store,
        resources,
        cloudId: cloud.id,
        index,
        maxAgeDays: options.retention.maxAgeDays,
        keepLast: options.retention.keepLast,
        ...(lock ? { lock } : {}),
      });
      if (pruned.segmentsCompacted > 0)
        logger.info('retention applied', { cloudId: cloud.id, ...pruned });
    }

    summary.scopes = reported;
    summary.status = !driverFinished
      ? summary.processed > 0
        ? 'partial'
        : 'failed'
      : failedScopes.length > 0 || summary.rejected > 0
        ? 'partial'
        : 'succeeded';
    if (!driverFinished && summary.processed === 0 && Object.keys(summary.errors).length === 0)
      addError('unknown', 'driver stopped without listing anything');

    const activeCount = index.countActive();
    const finishedAt = new Date();
    summary.durationMs = finishedAt.getTime() - startedAt.getTime();
    summary.checkpoint = summaryWriter.record.checkpoint;
    const coverage: Record<string, string> = { ...(existing?.coverage ?? {}) };
    const implicitScopes = implicitComplete
      ? new Set(index.scopes().map((scope) => scopeKey(scope.service, scope.region)))
      : new Set([...completeScopes].filter(([, covered]) => covered === 'all').map(([key]) => key));
    for (const key of implicitScopes) coverage[key] = finishedAt.toISOString();
    if (!dryRun) {
      await summaryWriter.flush(
        compact({
          status: summary.status === 'failed' ? 'error' : 'idle',
          lastResult: resultRecord(summary),
          lastRunStatus: summary.status,
          lastRunFinished: true,
          totalResources: activeCount,
          totalVersions: (existing?.totalVersions ?? 0) + newVersions,
          coverage,
          lastSuccessAt:
            summary.status === 'succeeded' ? finishedAt.toISOString() : existing?.lastSuccessAt,
          lastErrorAt:
            summary.status !== 'succeeded' ? finishedAt.toISOString() : existing?.lastErrorAt,
          lastError:
            summary.status !== 'succeeded'
              ? { reason: summary.reason ?? firstError(summary), at: finishedAt.toISOString() }
              : undefined,
        }),
      );
      await writeRunRecord(resources, cloud, summary, startedAt, finishedAt, environment.owner);
    }
  } catch (error) {
    fatal = error;
  }

  if (fatal !== undefined) {
    const finishedAt = new Date();
    summary.status = 'failed';
    summary.durationMs = finishedAt.getTime() - startedAt.getTime();
    const errorClass: keyof SyncSummary['errors'] = LockLostError.isInstance(fatal)
      ? 'lock'
      : StorageError.isInstance(fatal)
        ? 'storage'
        : DriverError.isInstance(fatal)
          ? fatal.errorClass
          : 'unknown';
    const message = scrub(describeFatal(fatal, cloud));
    summary.reason = message;
    addError(errorClass, message);
    summary.scopes = [...scopes.values()];
    logger.error(`sync failed`, { cloudId: cloud.id, driver: cloud.driverName, error: message });
    if (!dryRun && !LockLostError.isInstance(fatal) && summaryWriter) {
      // Best effort: the store stays consistent without these (the next run sees an unfinished run).
      await summaryWriter
        .flush({
          status: 'error',
          lastErrorAt: finishedAt.toISOString(),
          lastRunStatus: 'failed',
          lastRunFinished: true,
          lastResult: resultRecord(summary),
          lastError: { reason: message, at: finishedAt.toISOString() },
        })
        .catch(() => {});
      await writeRunRecord(
        resources,
        cloud,
        summary,
        startedAt,
        finishedAt,
        environment.owner,
      ).catch(() => {});
    }
  }

  environment.signal.removeEventListener('abort', onAbort);
  await driver?.destroy?.().catch(() => {});
  await lock?.release().catch(() => {});
  environment.emit(summary.status === 'failed' ? 'sync.failed' : 'sync.completed', { ...summary });
  logger.info(`sync ${summary.status}`, {
    cloudId: cloud.id,
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    deleted: summary.deleted,
    durationMs: summary.durationMs,
  });
  return summary;
}

function scopeKey(service: string, region: string): string {
  return `${service}|${region}`;
}

function safeCatalog(driver: BaseCloudDriver<any, any>) {
  try {
    return driver.catalog;
  } catch {
    return undefined;
  }
}

function reject(
  summary: SyncSummary,
  error: InvalidResourceError,
  addError: (errorClass: 'invalid-resource', message: string) => void,
): void {
  summary.rejected += 1;
  addError('invalid-resource', error.message);
  const rejected: RejectedResource = {
    field: error.field,
    message: error.message,
    ...(error.resourceType ? { resourceType: error.resourceType } : {}),
    ...(error.resourceId ? { resourceId: error.resourceId } : {}),
  };
  (summary as SyncSummary & { rejectedResources?: RejectedResource[] }).rejectedResources ??= [];
  const list = (summary as SyncSummary & { rejectedResources: RejectedResource[] })
    .rejectedResources;
  if (list.length < 100) list.push(rejected);
}

// NOTE: a driver that ignores its AbortSignal and never settles must not hold a sync (and
// `plugin.stop({ abort: true })`) forever, so every wait on driver code races the signal.
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function* toAsyncIterable(value: unknown, signal: AbortSignal): AsyncIterable<CloudResource> {
  if (value === null || value === undefined) return;
  let iterator: AsyncIterator<CloudResource> | Iterator<CloudResource>;
  if (typeof (value as AsyncIterable<CloudResource>)[Symbol.asyncIterator] === 'function') {
    iterator = (value as AsyncIterable<CloudResource>)[Symbol.asyncIterator]();
  } else if (typeof (value as Iterable<CloudResource>)[Symbol.iterator] === 'function') {
    iterator = (value as Iterable<CloudResource>)[Symbol.iterator]();
  } else {
    throw new DriverError({
      message: 'listResources must return an array or an (async) iterable of resources',
      errorClass: 'unknown',
    });
  }
  let finished = false;
  try {
    for (;;) {
      const result = await untilAborted(Promise.resolve(iterator.next()), signal);
      if (result.done) {
        finished = true;
        return;
      }
      yield result.value;
    }
  } finally {
    // A hung generator queues return() behind its pending next(): do not wait for it then.
    const closing = finished ? undefined : Promise.resolve(iterator.return?.()).catch(() => {});
    if (closing && !signal.aborted) await closing;
  }
}

/** Replaces every credential value (strings of 8+ characters, at any depth) in a message. */
function credentialScrubber(credentials: unknown): (message: string) => string {
  const values = new Set<string>();
  const collect = (value: unknown, depth: number) => {
    if (typeof value === 'string' && value.length >= 8) values.add(value);
    else if (value && typeof value === 'object' && depth < 5)
      for (const item of Object.values(value)) collect(item, depth + 1);
  };
  collect(credentials, 0);
  const secrets = [...values].sort((left, right) => right.length - left.length);
  return (message) =>
    secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), message);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstError(summary: SyncSummary): string | undefined {
  for (const messages of Object.values(summary.errors))
    if (messages && messages.length > 0) return messages[0];
  return undefined;
}

function describeFatal(error: unknown, cloud: ResolvedCloud): string {
  if (CloudInventoryError.isInstance(error)) return error.message;
  return `Sync of cloud ${cloud.id} (driver ${cloud.driverName}) failed: ${errorMessage(error)}`;
}

function resultRecord(summary: SyncSummary): Record<string, unknown> {
  const { scopes, ...rest } = summary;
  return {
    ...rest,
    scopeCount: scopes.length,
    failedScopes: scopes.filter((scope) => scope.status === 'failed').length,
  };
}

async function writeRunRecord(
  resources: InventoryResources,
  cloud: ResolvedCloud,
  summary: SyncSummary,
  startedAt: Date,
  finishedAt: Date,
  worker: string,
): Promise<void> {
  const errors: Record<string, { count: number; messages: string[] }> = {};
  for (const [errorClass, messages] of Object.entries(summary.errors))
    if (messages) errors[errorClass] = { count: messages.length, messages };
  await resources.runs.replace(
    `${cloud.id}:${summary.runId}`,
    compact({
      cloudId: cloud.id,
      driver: cloud.driverName,
      runId: summary.runId,
      status: summary.status,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: summary.durationMs,
      counts: {
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        deleted: summary.deleted,
        restored: summary.restored,
        processed: summary.processed,
        rejected: summary.rejected,
      },
      scopes: summary.scopes,
      errors,
      rejected: (summary as SyncSummary & { rejectedResources?: RejectedResource[] })
        .rejectedResources,
      worker,
    }),
  );
}

/** Error classes for grouping; re-exported for run-record readers. */
export type RunErrorClass = ErrorClass | 'storage' | 'invalid-resource' | 'lock';
/** Statuses a run can end with. */
export type RunStatus = SyncStatus;
