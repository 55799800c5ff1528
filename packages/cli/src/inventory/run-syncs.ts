import type { CloudInventoryPlugin, SyncSummary } from '@cloud-inventory/core';
import type { SignalSource } from '../cli-context.ts';

/** Options of `runSyncs`. */
export interface RunSyncsOptions {
  /** Clouds synced at once. */
  concurrency: number;
  /** Compare without writing. @default false */
  dryRun?: boolean;
  /** Signals that stop the run: the first lets syncs in flight finish, the second aborts them. */
  signals: SignalSource;
  /** Told about stop requests (printed above the progress). */
  notify(message: string): void;
}

/** Summaries of the clouds, in the order asked, and whether a signal cut the run short. */
export interface RunSyncsResult {
  /** One summary per requested cloud (clouds never started are `skipped`). */
  summaries: SyncSummary[];
  /** A SIGINT/SIGTERM arrived. */
  interrupted: boolean;
}

/**
 * Sync clouds with bounded concurrency. Unlike `plugin.syncAll()`, a stop request keeps the pool from
 * starting more clouds, so Ctrl-C waits only for the syncs already in flight.
 */
export async function runSyncs(
  plugin: CloudInventoryPlugin,
  cloudIds: readonly string[],
  options: RunSyncsOptions,
): Promise<RunSyncsResult> {
  const summaries: Array<SyncSummary | undefined> = new Array(cloudIds.length);
  let next = 0;
  let stopping = false;
  let aborting = false;
  const unsubscribe = options.signals.onTerminate((signal) => {
    if (!stopping) {
      stopping = true;
      options.notify(
        `${signal}: finishing the syncs in flight, starting no more (press Ctrl-C again to abort them)`,
      );
      return;
    }
    if (!aborting) {
      aborting = true;
      options.notify(
        `${signal}: aborting the syncs in flight; the store stays consistent and the next sync resumes`,
      );
      void plugin.stop({ abort: true });
    }
  });
  try {
    const workers = Array.from(
      { length: Math.max(1, Math.min(options.concurrency, cloudIds.length)) },
      async () => {
        while (!stopping && next < cloudIds.length) {
          const position = next;
          next += 1;
          summaries[position] = await plugin.syncCloud(
            cloudIds[position] as string,
            options.dryRun ? { dryRun: true } : {},
          );
        }
      },
    );
    await Promise.all(workers);
  } finally {
    unsubscribe();
  }
  return {
    summaries: cloudIds.map(
      (cloudId, position) => summaries[position] ?? skippedSummary(cloudId, plugin),
    ),
    interrupted: stopping,
  };
}

function skippedSummary(cloudId: string, plugin: CloudInventoryPlugin): SyncSummary {
  const driver = plugin.clouds.find((cloud) => cloud.id === cloudId)?.driverName ?? 'unknown';
  return {
    cloudId,
    driver,
    runId: '',
    status: 'skipped',
    skipped: true,
    reason: 'interrupted before it started',
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
