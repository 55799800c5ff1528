import { CloudInventoryError } from '../errors/cloud-inventory-error.ts';
import { DriverError } from '../errors/driver-error.ts';
import { InvalidResourceError } from '../errors/invalid-resource-error.ts';
import { LockLostError } from '../errors/lock-lost-error.ts';
import { StorageError } from '../errors/storage-error.ts';
import { resourceKey } from '../storage/record-ids.ts';
import type { CloudResource, ListOptions, RuntimeContext } from '../types.ts';
import { flushBookkeeping } from './bookkeeping.ts';
import { driverListing, errorMessage, untilAborted } from './driver-iteration.ts';
import { InputDigester } from './input-digest.ts';
import { createPathRules } from './path-rules.ts';
import { type PersistContext, persistResourceChange } from './persist-changes.ts';
import {
  type PrepareContext,
  pendingResource,
  readResource,
  redactAndDigest,
} from './prepare-resource.ts';
import type { SyncRun } from './sync-run.ts';
import { WriteBatches } from './write-batches.ts';
import { WritePool } from './write-pool.ts';

// Store the bookkeeping after at least this many changes, and then after as many changes as the
// index held at its last flush: the flushed sizes double, so a first sync stays linear and a
// crash makes the next run redo at most half of what it added.
const minimumChangesPerFlush = 2000;

/** The write context of a run (shared with the deletion phase). */
export function persistContextOf(run: SyncRun): PersistContext {
  const rules = createPathRules({
    catalog: safeCatalog(run),
    ignorePaths: run.options.discovery.ignorePaths,
    redact: run.options.redact,
  });
  return {
    cloudId: run.cloud.id,
    driver: run.cloud.driverName,
    runId: run.runId,
    resources: run.resources,
    ...(run.lock ? { lock: run.lock } : {}),
    volatilePatterns: rules.volatilePatterns,
    maximumDiffEntries: 1000,
    rules,
  };
}

/**
 * List the cloud and store what changed: each listed resource is prepared (redacted, digested),
 * compared with the index and, when new or different, written in a journaled batch. A driver
 * failure ends the listing (the run is then partial or failed and deletes nothing); a storage or
 * lock failure is fatal.
 */
export async function listAndPersist(run: SyncRun, context: PersistContext): Promise<void> {
  const driver = run.driver!;
  const signal = run.abort.signal;
  run.writer = new WritePool(run.options.storage.writeConcurrency);
  const batches = new WriteBatches(run);
  run.batches = batches;
  const prepareContext: PrepareContext = {
    cloudId: run.cloud.id,
    driver: run.cloud.driverName,
    redactor: run.environment.redactor,
    rules: context.rules,
    ...(driver.accountId === undefined ? {} : { defaultAccountId: driver.accountId }),
  };
  const preparation = { context: prepareContext, digester: new InputDigester(prepareContext) };
  const listOptions: ListOptions = {
    runtime: createRuntime(run, batches),
    concurrency: run.options.discovery.concurrency,
    dryRun: run.dryRun,
    signal,
    include: run.options.discovery.include,
    exclude: run.options.discovery.exclude,
  };
  let changedSinceFlush = 0;
  let sizeAtFlush = run.index!.size;
  try {
    const listed = await untilAborted(Promise.resolve(driver.listResources(listOptions)), signal);
    for await (const item of driverListing(listed, signal)) {
      if (signal.aborted || run.writer.failed) break;
      if (!(await processResource(run, context, preparation, batches, item))) continue;
      if (run.changeLog?.hasFullSegment) await run.changeLog.flushFullSegments();
      changedSinceFlush += 1;
      if (changedSinceFlush >= Math.max(minimumChangesPerFlush, sizeAtFlush)) {
        await batches.cut();
        await flushBookkeeping(run);
        changedSinceFlush = 0;
        sizeAtFlush = run.index!.size;
      }
    }
    await batches.cut();
    run.driverFinished = !signal.aborted && !run.writer.failed;
  } catch (error) {
    // A failed write is the first cause; a lost lock the second.
    if (run.writer.failed) throw run.writer.error;
    if (run.lock?.signal.aborted) throw new LockLostError({ cloudId: run.cloud.id, cause: error });
    if (StorageError.isInstance(error) || LockLostError.isInstance(error)) throw error;
    if (!signal.aborted) recordDriverFailure(run, error);
  }
  if (run.writer.failed) throw run.writer.error;
  if (signal.aborted) {
    if (run.lock?.signal.aborted) throw new LockLostError({ cloudId: run.cloud.id });
    // Cancelled, not lost: what was listed is stored, so the next run need not redo it.
    await batches.cut();
    throw cancelled(run);
  }
  // What the driver listed before it failed is stored too.
  if (!run.driverFinished) await batches.cut();
}

/**
 * Prepare one listed resource and queue its write when it changed; true when it did. A resource
 * whose input digest matches the index is unchanged without being redacted or digested.
 */
async function processResource(
  run: SyncRun,
  context: PersistContext,
  preparation: { context: PrepareContext; digester: InputDigester },
  batches: WriteBatches,
  item: CloudResource,
): Promise<boolean> {
  const index = run.index!;
  run.summary.processed += 1;
  let prepared: ReturnType<typeof redactAndDigest>;
  let inputDigest: Buffer | undefined;
  let markedSeen = false;
  try {
    const listed = readResource(item, preparation.context);
    if (!index.markSeen(listed.key)) {
      rejectDuplicate(run, listed);
      return false;
    }
    markedSeen = true;
    inputDigest = preparation.digester.digest(listed);
    if (inputDigest && index.matchesInput(listed.key, inputDigest)) {
      run.summary.unchanged += 1;
      return false;
    }
    prepared = redactAndDigest(listed, preparation.context);
  } catch (error) {
    if (!InvalidResourceError.isInstance(error)) throw error;
    // Listed means it exists: its last good version stays active, whatever was wrong this time.
    const key = identityKey(item);
    const protectedKey = markedSeen || (key !== undefined && index.markSeen(key));
    run.reject(error, protectedKey ? 'protected' : item);
    return false;
  }
  const inputHex = inputDigest?.toString('hex');
  const entry = index.get(prepared.key);
  if (entry && entry.status === 'active' && entry.digest === prepared.digests.digest) {
    run.summary.unchanged += 1;
    // Same digest from a different input (no input digest yet, or the rules or the key order
    // changed): remember this input so the next sync skips it.
    if (!run.dryRun && inputHex !== undefined && entry.inputDigest !== inputHex)
      index.set(prepared.key, { ...entry, inputDigest: inputHex });
    return false;
  }
  const kind = !entry ? 'created' : entry.status === 'deleted' ? 'restored' : 'updated';
  if (run.dryRun) {
    run.summary[kind] += 1;
    return false;
  }
  const pending = pendingResource(prepared);
  await batches.add({
    key: pending.key,
    write: async () => {
      const now = new Date().toISOString();
      const result = await persistResourceChange(context, pending, entry, kind, now);
      index.set(
        pending.key,
        inputHex === undefined ? result.entry : { ...result.entry, inputDigest: inputHex },
      );
      run.record(result.change);
    },
  });
  return true;
}

function rejectDuplicate(run: SyncRun, listed: { resourceType: string; resourceId: string }) {
  run.reject(
    new InvalidResourceError({
      message: `${listed.resourceType} "${listed.resourceId}" was yielded twice in one run; the first copy was kept`,
      field: 'resourceId',
      resourceType: listed.resourceType,
      resourceId: listed.resourceId,
      cloudId: run.cloud.id,
      driver: run.cloud.driverName,
    }),
    'protected',
  );
}

function createRuntime(run: SyncRun, batches: WriteBatches): RuntimeContext {
  const { existing } = run;
  return {
    checkpoint: existing?.checkpoint ?? null,
    state: existing?.state ?? null,
    emitCheckpoint: (value) => batches.checkpoint(value),
    emitState: (value) => run.summaryWriter?.update({ state: value ?? null }),
    emitRateLimit: (value) => {
      run.summaryWriter?.update({ rateLimit: { ...value, at: new Date().toISOString() } });
      run.emit('sync.rateLimit', { ...value });
    },
    emitProgress: (value) => {
      run.summaryWriter?.update({
        progress: { ...value, processed: run.summary.processed, at: new Date().toISOString() },
      });
      run.emit('sync.progress', { processed: run.summary.processed, ...value });
    },
    reportScope: (scope) => run.scopes.report(scope),
  };
}

// The key a rejected resource would have had, when its type and id are usable.
function identityKey(item: CloudResource): string | undefined {
  const type = (item as { resourceType?: unknown })?.resourceType;
  const id = (item as { resourceId?: unknown })?.resourceId;
  if (typeof type !== 'string' || type === '') return undefined;
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) return undefined;
  const text = String(id);
  return text.trim() === '' || text.length > 2048 ? undefined : resourceKey(type, text);
}

function recordDriverFailure(run: SyncRun, error: unknown): void {
  const { cloud } = run;
  const classified = DriverError.isInstance(error)
    ? error
    : new DriverError({
        message: `Driver ${cloud.driverName} failed while listing cloud ${cloud.id}: ${errorMessage(error)}`,
        errorClass: 'unknown',
        cloudId: cloud.id,
        driver: cloud.driverName,
        cause: error,
      });
  run.addError(classified.errorClass, classified.message);
  run.summary.reason = run.scrub(classified.message);
  run.logger.error('driver failed while listing', {
    cloudId: cloud.id,
    driver: cloud.driverName,
    error: run.summary.reason,
  });
}

function cancelled(run: SyncRun): CloudInventoryError {
  return new CloudInventoryError({
    message: `Sync of cloud ${run.cloud.id} was cancelled`,
    cloudId: run.cloud.id,
  });
}

function safeCatalog(run: SyncRun) {
  try {
    return run.driver?.catalog;
  } catch {
    return undefined;
  }
}
