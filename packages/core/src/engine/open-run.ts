import { SUPPORTED_SPECIFICATION_VERSIONS } from '../base-cloud-driver.ts';
import { CloudInventoryError } from '../errors/cloud-inventory-error.ts';
import { StorageError } from '../errors/storage-error.ts';
import { UnsupportedDriverVersionError } from '../errors/unsupported-driver-version-error.ts';
import { ChangeLogWriter } from '../storage/change-log.ts';
import { DigestIndex } from '../storage/digest-index.ts';
import { isNotFound } from '../storage/object-store.ts';
import { recordWriter } from '../storage/record-writer.ts';
import { RunJournal } from '../storage/run-journal.ts';
import { untilAborted } from './driver-iteration.ts';
import { compact, stripInternal } from './persist-changes.ts';
import { recoverUnfinishedRuns } from './run-recovery.ts';
import { SummaryWriter } from './summary-writer.ts';
import type { SyncRun } from './sync-run.ts';

/**
 * Open the run: read the cloud summary, recover what an unfinished earlier run left, load the
 * index, store the summary and run record as `running`, and build and initialize the driver.
 */
export async function openRun(run: SyncRun): Promise<void> {
  const { cloud } = run;
  run.existing = await run.resources.clouds.get(cloud.id).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw new StorageError({
      operation: 'read cloud summary',
      key: cloud.id,
      cloudId: cloud.id,
      cause: error,
    });
  });
  const existing = run.existing;
  run.prunedVersions = Number(existing?.prunedVersions ?? 0);
  run.resumedFromCheckpoint =
    existing?.lastRunFinished === false &&
    existing?.checkpoint !== undefined &&
    existing?.checkpoint !== null;
  const index = await DigestIndex.load(run.store, cloud.id, existing?.index);
  run.index = index;
  run.changeLog = new ChangeLogWriter(run.store, cloud.id, run.runId);
  run.journal = new RunJournal(run.store, cloud.id, run.runId);
  await recoverUnfinishedRuns(run, index);
  await startRecords(run);
  run.emit('sync.started', {
    driver: cloud.driverName,
    startedAt: run.startedAt.toISOString(),
    dryRun: run.dryRun,
  });
  await createDriver(run);
}

async function startRecords(run: SyncRun): Promise<void> {
  const { cloud, existing } = run;
  run.summaryWriter = new SummaryWriter(
    compact({
      ...stripInternal(existing ?? {}),
      driver: cloud.driverName,
      status: 'running',
      lastRunAt: run.startedAt.toISOString(),
      lastRunId: run.runId,
      totalResources: existing?.totalResources ?? 0,
      totalVersions: existing?.totalVersions ?? 0,
      schedule: cloud.schedule,
      tags: cloud.tags,
      metadata: cloud.metadata,
      lastRunFinished: false,
    }),
    async (record) => {
      // Past the record API (see record-writer.ts), so the fenced resources do not check the lock.
      run.lock?.assertHeld();
      await recordWriter.replace(run.resources.clouds, cloud.id, record);
    },
  );
  if (run.dryRun) {
    run.summaryWriter.disable();
    return;
  }
  await run.summaryWriter.flush();
  await run.resources.runs.insert(
    compact({
      id: `${cloud.id}:${run.runId}`,
      cloudId: cloud.id,
      driver: cloud.driverName,
      runId: run.runId,
      status: 'running',
      startedAt: run.startedAt.toISOString(),
      worker: run.environment.owner,
    }),
  );
  run.started = true;
}

async function createDriver(run: SyncRun): Promise<void> {
  const { cloud } = run;
  const driver = cloud.factory({
    id: cloud.id,
    driver: cloud.driverName,
    credentials: cloud.credentials,
    config: cloud.config,
    logger: run.logger,
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
  run.driver = driver;
  const specificationVersion = driver.specificationVersion ?? 'v1';
  if (!(SUPPORTED_SPECIFICATION_VERSIONS as readonly string[]).includes(specificationVersion)) {
    throw new UnsupportedDriverVersionError({
      driver: cloud.driverName,
      specificationVersion,
      supported: SUPPORTED_SPECIFICATION_VERSIONS,
    });
  }
  await untilAborted(driver.initialize(), run.abort.signal);
}
