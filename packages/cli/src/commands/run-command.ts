import type { CloudInventoryPluginOptions } from '@cloud-inventory/core';
import type { CliContext } from '../cli-context.ts';
import { UsageError } from '../errors/usage-error.ts';
import { openInventory } from '../inventory/open-inventory.ts';
import { formatRelativeTime } from '../render/format.ts';
import { SyncProgress } from '../render/sync-progress.ts';
import { booleanValue, type CommandDefinition, type CommandInput, stringValue } from './command.ts';

function hasSchedule(options: CloudInventoryPluginOptions): boolean {
  return (
    Boolean(options.scheduled?.enabled) || options.clouds.some((cloud) => cloud.scheduled?.enabled)
  );
}

/** `cloud-inventory run`: keep the schedules running in the foreground until SIGINT/SIGTERM. */
export const runCommand: CommandDefinition = {
  name: 'run',
  summary: 'Run the configured schedules in the foreground until Ctrl-C (SIGINT) or SIGTERM',
  usage: 'run [--cron <expr>] [--now]',
  description: [
    'Starts the global `scheduled` cron and every cloud’s own schedule. The first SIGINT/SIGTERM stops the',
    'schedules and waits for the syncs in flight; a second one aborts them. Exits 0 after a clean stop.',
  ],
  options: {
    cron: {
      type: 'string',
      valueName: '<expr>',
      description: 'Global schedule to use instead of the config’s `scheduled.cron`',
    },
    now: {
      type: 'boolean',
      description:
        'Also sync right away (the global schedule, else each cloud with its own schedule)',
    },
  },
  json: false,
  usesConfig: true,
  usesStore: true,
  positionals: { minimum: 0, maximum: 0 },
  examples: ['run', 'run --cron "*/15 * * * *" --now'],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const cron = stringValue(input, 'cron');
    const now = booleanValue(input, 'now');
    const inventory = await openInventory(context, {
      requireConfig: true,
      needsCredentials: true,
      adjustOptions: (options) => {
        const scheduled = { ...options.scheduled, ...(cron ? { enabled: true, cron } : {}) };
        if (now && scheduled.enabled) scheduled.runOnStart = true;
        // Without a global schedule, --now starts every cloud that has its own schedule.
        const clouds =
          now && !scheduled.enabled
            ? options.clouds.map((cloud) =>
                cloud.scheduled?.enabled
                  ? { ...cloud, scheduled: { ...cloud.scheduled, runOnStart: true } }
                  : cloud,
              )
            : options.clouds;
        const adjusted = { ...options, scheduled, clouds };
        if (!hasSchedule(adjusted)) {
          throw new UsageError({
            message: `nothing is scheduled in ${context.global.config ?? 'the config'}`,
            hint: 'add `scheduled: { enabled: true, cron: "0 * * * *" }` to the config, or pass --cron "0 * * * *"',
          });
        }
        return adjusted;
      },
    });
    const { plugin } = inventory;
    const palette = context.terminal.err;
    const progress = new SyncProgress({
      stream: context.terminal.stderr,
      palette,
      live: false,
      timestamps: true,
      cloudIds: [],
    });
    let stopRequests = 0;
    let wake: () => void = () => {};
    const stopped = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const unsubscribe = context.signals.onTerminate((signal) => {
      stopRequests += 1;
      if (stopRequests === 1) {
        const running = plugin.runningClouds;
        progress.note(
          palette.yellow(
            `${signal}: stopping${running.length > 0 ? `; waiting for the sync of ${running.join(', ')} to finish (Ctrl-C again to abort it)` : ''}`,
          ),
        );
        wake();
      } else if (stopRequests === 2) {
        progress.note(
          palette.yellow(
            `${signal}: aborting the syncs in flight; the next sync resumes where they stopped`,
          ),
        );
        void plugin.stop({ abort: true });
      }
    });
    // node-cron timers may be unref'd; this keeps the process up until a signal arrives.
    const keepAlive = setInterval(() => {}, 1 << 30);
    try {
      progress.attach(plugin);
      await plugin.start();
      progress.note(
        `watching ${plugin.clouds.length} cloud${plugin.clouds.length === 1 ? '' : 's'} into ${inventory.store.display}; press Ctrl-C to stop`,
      );
      for (const [job, at] of Object.entries(plugin.nextScheduledRuns())) {
        progress.note(
          `schedule ${job}: next run ${at ? `${at} (${formatRelativeTime(at)})` : 'unknown'}`,
        );
      }
      await stopped;
      // stop() starts no new sync (a scheduled syncAll skips the clouds it had not reached) and
      // waits for the ones in flight.
      await plugin.stop();
      progress.note('stopped cleanly');
      return 0;
    } finally {
      clearInterval(keepAlive);
      unsubscribe();
      progress.detach();
      await inventory.close();
    }
  },
};
