import type { CloudInventoryPlugin, SyncSummary } from '@cloud-inventory/core';
import type { CliContext } from '../cli-context.ts';
import { loadConfiguredDrivers } from '../config/load-drivers.ts';
import { demoClouds } from '../demo/demo-estates.ts';
import { type CycleResult, pickExampleChange, renderDemoReport } from '../demo/demo-report.ts';
import { createInventory } from '../inventory/open-inventory.ts';
import { runSyncs } from '../inventory/run-syncs.ts';
import { parseInteger } from '../parse/parse-values.ts';
import { formatCount, formatDuration, formatQuantity } from '../render/format.ts';
import { SyncProgress } from '../render/sync-progress.ts';
import { overallStatus, summaryForJson, syncExitCode } from '../render/sync-table.ts';
import { resolveStore } from '../store/resolve-store.ts';
import type { CommandDefinition, CommandInput } from './command.ts';
import { stringValue } from './command.ts';

// What an earlier demo left in the store, so a second run says it continues that history.
async function existingDemoHistory(
  plugin: CloudInventoryPlugin,
  cloudIds: readonly string[],
): Promise<{ resources: number; versions: number } | undefined> {
  let resources = 0;
  let versions = 0;
  let found = false;
  for (const cloudId of cloudIds) {
    const summary = await plugin.getCloudSummary(cloudId);
    if (!summary) continue;
    found = true;
    resources += Number(summary.totalResources ?? 0);
    versions += Number(summary.totalVersions ?? 0);
  }
  return found ? { resources, versions } : undefined;
}

/** Folder of the demo's default store, under the working directory. */
export const demoStoreFolder = '.cloud-inventory/demo';

/** `cloud-inventory demo`: eleven mock clouds through several sync cycles, then a short report. */
export const demoCommand: CommandDefinition = {
  name: 'demo',
  summary: 'Sync eleven mock clouds through several cycles of drift and deletions, then report',
  usage: 'demo [--store <conn>] [--cycles 4] [--resources 300]',
  description: [
    `Uses its own store (default ./${demoStoreFolder}) and ignores the config file. Running it again on the same`,
    'store continues the history: the mock estates keep drifting from where they were.',
  ],
  options: {
    cycles: { type: 'string', valueName: '<n>', description: 'Sync cycles to run (default 4)' },
    resources: {
      type: 'string',
      valueName: '<n>',
      description: 'Resources per mock cloud at the first cycle (default 300)',
    },
    concurrency: {
      type: 'string',
      valueName: '<n>',
      description: 'Clouds synced at once (default 4)',
    },
  },
  json: true,
  usesConfig: false,
  usesStore: true,
  positionals: { minimum: 0, maximum: 0 },
  examples: [
    'demo',
    'demo --cycles 2 --resources 50',
    'demo --store memory://demo/inventory --json',
  ],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const cycles = parseInteger(stringValue(input, 'cycles'), '--cycles', 1) ?? 4;
    const resourcesPerCloud =
      parseInteger(stringValue(input, 'resources'), '--resources', 1) ?? 300;
    const concurrency = parseInteger(stringValue(input, 'concurrency'), '--concurrency', 1) ?? 4;
    const store = resolveStore({
      ...(context.global.store ? { flag: context.global.store } : {}),
      environment: {},
      cwd: context.cwd,
      defaultFolder: demoStoreFolder,
    });
    const draft = { clouds: demoClouds({ resourcesPerCloud }), discovery: { concurrency } };
    await loadConfiguredDrivers(draft, {
      configPath: undefined,
      searchFrom: [context.cwd],
      cwd: context.cwd,
      environment: context.environment,
    });
    const onDisk = store.connectionString.startsWith('file:');
    const pluginOptions = onDisk
      ? {
          ...draft,
          clouds: demoClouds({ resourcesPerCloud }),
        }
      : draft;
    const inventory = await createInventory(context, {
      pluginOptions,
      store,
      configPath: undefined,
    });
    const errPalette = context.terminal.err;
    try {
      const { plugin } = inventory;
      const cloudIds = plugin.clouds.map((cloud) => cloud.id);
      context.log(
        errPalette.bold(
          `Cloud Inventory demo: ${cloudIds.length} mock clouds × ${formatCount(resourcesPerCloud)} resources, ${cycles} cycle${cycles === 1 ? '' : 's'} → ${store.display}`,
        ),
      );
      const earlier = await existingDemoHistory(plugin, cloudIds);
      if (earlier)
        context.log(
          errPalette.dim(
            `continuing the existing history in ${store.display} (${formatQuantity(earlier.resources, 'resource')}, ${formatQuantity(earlier.versions, 'version')} so far); delete the folder or pass --store to start over`,
          ),
        );
      const results: CycleResult[] = [];
      for (let cycle = 1; cycle <= cycles; cycle += 1) {
        const startedAt = new Date();
        const progress = new SyncProgress({
          stream: context.terminal.stderr,
          palette: errPalette,
          live: context.terminal.liveProgress && !context.global.verbose,
          cloudIds,
          quiet: true,
        });
        progress.attach(plugin);
        let summaries: SyncSummary[];
        let interrupted: boolean;
        try {
          ({ summaries, interrupted } = await runSyncs(plugin, cloudIds, {
            concurrency,
            signals: context.signals,
            notify: (message) => progress.note(errPalette.yellow(message)),
          }));
        } finally {
          progress.detach({ erase: true });
        }
        const result: CycleResult = {
          cycle,
          startedAt: startedAt.toISOString(),
          durationMs: Date.now() - startedAt.getTime(),
          summaries,
        };
        results.push(result);
        const sum = (key: 'processed' | 'created' | 'updated' | 'unchanged' | 'deleted') =>
          summaries.reduce((total, summary) => total + summary[key], 0);
        context.log(
          `cycle ${cycle}/${cycles}: ${overallStatus(summaries)}, ${formatCount(sum('processed'))} resources, ${formatCount(sum('created'))} created, ${formatCount(sum('updated'))} updated, ${formatCount(sum('deleted'))} deleted in ${formatDuration(result.durationMs)}`,
        );
        if (interrupted) break;
      }
      const clouds = await Promise.all(
        cloudIds.map(async (cloudId) => {
          const summary = await plugin.getCloudSummary(cloudId);
          return {
            cloudId,
            driver: inventory.driverOf(cloudId),
            resources: Number(summary?.totalResources ?? 0),
            versions: Number(summary?.totalVersions ?? 0),
          };
        }),
      );
      const example = await pickExampleChange(plugin, results.at(-1));
      const allSummaries = results.flatMap((result) => result.summaries);
      if (context.global.json) {
        context.json({
          store: store.display,
          status: overallStatus(allSummaries),
          clouds,
          cycles: results.map((result) => ({
            ...result,
            summaries: result.summaries.map(summaryForJson),
          })),
          exampleChange: example ?? null,
        });
      } else {
        for (const line of renderDemoReport({
          clouds,
          cycles: results,
          example,
          store,
          palette: context.terminal.out,
          programName: context.programName,
          defaultStore: store.source === 'default' ? demoStoreFolder : undefined,
        }))
          context.out(line);
      }
      return syncExitCode(allSummaries);
    } finally {
      await inventory.close();
    }
  },
};
