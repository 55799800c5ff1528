import type { CliContext } from '../cli-context.ts';
import { UsageError } from '../errors/usage-error.ts';
import { openInventory } from '../inventory/open-inventory.ts';
import { runSyncs } from '../inventory/run-syncs.ts';
import { parseInteger } from '../parse/parse-values.ts';
import { SyncProgress } from '../render/sync-progress.ts';
import {
  describeProblem,
  overallStatus,
  renderSyncTable,
  summaryForJson,
  syncExitCode,
} from '../render/sync-table.ts';
import { booleanValue, type CommandDefinition, type CommandInput, stringValue } from './command.ts';

/** `cloud-inventory sync [cloudId...]`: list the clouds now and store what changed. */
export const syncCommand: CommandDefinition = {
  name: 'sync',
  summary: 'Sync every cloud (or the ones named) into the store, with live progress',
  usage: 'sync [cloudId...] [options]',
  description: [
    'Lists each cloud through its driver, stores new versions of what changed and marks deleted what is gone',
    '(only inside scopes listed completely). Progress goes to stderr, the final table to stdout.',
    'Exit code 0 when every cloud succeeded, 3 when a sync was partial (failed scopes, failed or skipped clouds), 1 when all failed.',
  ],
  options: {
    'dry-run': { type: 'boolean', description: 'List and compare, write nothing' },
    concurrency: {
      type: 'string',
      valueName: '<n>',
      description: 'Clouds synced at once (default: discovery.concurrency, 3)',
    },
  },
  json: true,
  usesConfig: true,
  usesStore: true,
  positionals: { minimum: 0, maximum: Number.POSITIVE_INFINITY },
  examples: ['sync', 'sync aws-prod do-team --dry-run', 'sync --json > last-sync.json'],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const concurrencyOption = parseInteger(stringValue(input, 'concurrency'), '--concurrency', 1);
    const inventory = await openInventory(context, {
      requireConfig: true,
      needsCredentials: true,
    });
    try {
      const { plugin } = inventory;
      const known = plugin.clouds.map((cloud) => cloud.id);
      const unknown = input.positionals.filter((cloudId) => !known.includes(cloudId));
      if (unknown.length > 0) {
        throw new UsageError({
          message: `unknown cloud ${unknown.map((cloudId) => `"${cloudId}"`).join(', ')}`,
          hint: `configured clouds: ${known.join(', ')}`,
        });
      }
      const cloudIds = input.positionals.length > 0 ? [...new Set(input.positionals)] : known;
      const progress = new SyncProgress({
        stream: context.terminal.stderr,
        palette: context.terminal.err,
        live: context.terminal.liveProgress && !context.global.verbose,
        cloudIds,
      });
      context.log(
        context.terminal.err.dim(
          `syncing ${cloudIds.length} cloud${cloudIds.length === 1 ? '' : 's'} into ${inventory.store.display}${booleanValue(input, 'dry-run') ? ' (dry run: nothing is written)' : ''}`,
        ),
      );
      progress.attach(plugin);
      let result: Awaited<ReturnType<typeof runSyncs>>;
      try {
        result = await runSyncs(plugin, cloudIds, {
          concurrency: concurrencyOption ?? plugin.config.discovery.concurrency,
          dryRun: booleanValue(input, 'dry-run'),
          signals: context.signals,
          notify: (message) => progress.note(context.terminal.err.yellow(message)),
        });
      } finally {
        progress.detach();
      }
      const { summaries } = result;
      if (context.global.json) {
        context.json({
          status: overallStatus(summaries),
          store: inventory.store.display,
          interrupted: result.interrupted,
          clouds: summaries.map(summaryForJson),
        });
      } else {
        for (const line of renderSyncTable(summaries, context.terminal.out)) context.out(line);
        for (const summary of summaries) {
          const problem = describeProblem(summary);
          if (problem)
            context.log(
              context.terminal.err.yellow(`${summary.cloudId}: ${summary.status}: ${problem}`),
            );
        }
      }
      return syncExitCode(summaries);
    } finally {
      await inventory.close();
    }
  },
};
