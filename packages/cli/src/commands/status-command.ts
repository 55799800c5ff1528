import type { CliContext } from '../cli-context.ts';
import { UsageError } from '../errors/usage-error.ts';
import { nextScheduledRuns } from '../inventory/next-runs.ts';
import { openInventory } from '../inventory/open-inventory.ts';
import { parseInteger } from '../parse/parse-values.ts';
import {
  formatCount,
  formatDuration,
  formatRelativeTime,
  formatTimestamp,
} from '../render/format.ts';
import { renderTable } from '../render/table.ts';
import type { CommandDefinition, CommandInput } from './command.ts';
import { stringValue } from './command.ts';

function withoutInternal(record: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!record) return null;
  return Object.fromEntries(
    Object.entries(record).filter(
      ([key]) =>
        !key.startsWith('_') &&
        key !== 'index' &&
        key !== 'checkpoint' &&
        key !== 'state' &&
        key !== 'coverage',
    ),
  );
}

/** `cloud-inventory status`: last run, outcome and next scheduled run of each cloud. */
export const statusCommand: CommandDefinition = {
  name: 'status',
  summary:
    'Show each cloud’s last run, its outcome and the next scheduled run (or one cloud’s recent runs)',
  usage: 'status [cloudId] [--runs N]',
  options: {
    runs: {
      type: 'string',
      valueName: '<n>',
      description: 'Recent runs listed with a cloud id (default 10)',
    },
  },
  json: true,
  usesConfig: true,
  usesStore: true,
  positionals: { minimum: 0, maximum: 1 },
  examples: ['status', 'status aws-prod --runs 5', 'status --json'],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const runLimit = parseInteger(stringValue(input, 'runs'), '--runs', 1) ?? 10;
    const inventory = await openInventory(context, { requireConfig: false });
    try {
      const { plugin } = inventory;
      const cloudIds = plugin.clouds.map((cloud) => cloud.id);
      const wanted = input.positionals[0];
      if (wanted && !cloudIds.includes(wanted))
        throw new UsageError({
          message: `unknown cloud "${wanted}"`,
          hint: `clouds: ${cloudIds.join(', ')}`,
        });
      const nextRuns = inventory.configPath
        ? nextScheduledRuns(inventory.pluginOptions, cloudIds)
        : {};
      const selected = wanted ? [wanted] : cloudIds;
      const clouds = await Promise.all(
        selected.map(async (cloudId) => {
          const summary = withoutInternal(await plugin.getCloudSummary(cloudId));
          return {
            cloudId,
            driver: String(summary?.driver ?? inventory.driverOf(cloudId)),
            summary,
            nextRun: nextRuns[cloudId] ?? null,
          };
        }),
      );
      const runs = wanted
        ? (await plugin.listRuns(wanted, { limit: runLimit })).map(
            (run) => withoutInternal(run) as Record<string, any>,
          )
        : undefined;
      if (context.global.json) {
        context.json({
          store: inventory.store.display,
          clouds: clouds.map(({ cloudId, driver, summary, nextRun }) => ({
            cloudId,
            driver,
            status: summary ? (summary.status ?? null) : 'never-synced',
            lastRunAt: summary?.lastRunAt ?? null,
            lastRunStatus: summary?.lastRunStatus ?? null,
            lastRunFinished: summary?.lastRunFinished ?? null,
            lastSuccessAt: summary?.lastSuccessAt ?? null,
            lastErrorAt: summary?.lastErrorAt ?? null,
            lastError: summary?.lastError ?? null,
            totalResources: summary?.totalResources ?? 0,
            totalVersions: summary?.totalVersions ?? 0,
            lastResult: summary?.lastResult ?? null,
            rateLimit: summary?.rateLimit ?? null,
            nextRun,
          })),
          ...(runs ? { runs } : {}),
        });
        return 0;
      }
      const palette = context.terminal.out;
      const outcome = (summary: Record<string, any> | null) => {
        if (!summary) return palette.dim('never synced');
        // A run whose lock is gone reads interrupted (killed, or lost its lock).
        if (summary.status === 'interrupted') return palette.red('interrupted');
        if (summary.status === 'running') return palette.cyan('running');
        const status = String(summary.lastRunStatus ?? summary.status ?? '-');
        return status === 'succeeded'
          ? palette.green(status)
          : status === 'failed'
            ? palette.red(status)
            : palette.yellow(status);
      };
      type Row = (typeof clouds)[number];
      const lines = renderTable<Row>(
        clouds,
        [
          { header: 'CLOUD', value: (row) => palette.cyan(row.cloudId) },
          { header: 'DRIVER', value: (row) => row.driver },
          {
            header: 'LAST RUN',
            value: (row) => formatRelativeTime(row.summary?.lastRunAt as string | undefined),
          },
          { header: 'OUTCOME', value: (row) => outcome(row.summary) },
          {
            header: 'RESOURCES',
            value: (row) => formatCount(Number(row.summary?.totalResources ?? 0)),
            alignRight: true,
          },
          {
            header: 'DURATION',
            value: (row) =>
              formatDuration(
                (row.summary?.lastResult as { durationMs?: number } | undefined)?.durationMs,
              ),
            alignRight: true,
          },
          {
            header: 'NEXT RUN',
            value: (row) =>
              row.nextRun
                ? `${formatRelativeTime(row.nextRun.at)} ${palette.dim(`(${row.nextRun.cron}${row.nextRun.source === 'global' ? ', global' : ''})`)}`
                : palette.dim('not scheduled'),
          },
        ],
        { header: palette.bold },
      );
      for (const line of lines) context.out(line);
      for (const { cloudId, summary } of clouds) {
        const error = summary?.lastError as { reason?: string } | undefined;
        if (summary?.lastRunStatus && summary.lastRunStatus !== 'succeeded' && error?.reason)
          context.log(context.terminal.err.yellow(`${cloudId}: ${error.reason}`));
      }
      if (runs) {
        context.out('');
        context.out(palette.bold(`recent runs of ${wanted}`));
        const runLines = renderTable<Record<string, any>>(
          runs,
          [
            { header: 'STARTED', value: (row) => formatTimestamp(row.startedAt) },
            { header: 'STATUS', value: (row) => String(row.status) },
            {
              header: 'RESOURCES',
              value: (row) => formatCount(row.counts?.processed),
              alignRight: true,
            },
            {
              header: 'CREATED',
              value: (row) => formatCount(row.counts?.created),
              alignRight: true,
            },
            {
              header: 'UPDATED',
              value: (row) => formatCount(row.counts?.updated),
              alignRight: true,
            },
            {
              header: 'DELETED',
              value: (row) => formatCount(row.counts?.deleted),
              alignRight: true,
            },
            {
              header: 'FAILED SCOPES',
              value: (row) =>
                String(
                  (row.scopes ?? []).filter(
                    (scope: { status: string }) => scope.status === 'failed',
                  ).length,
                ),
              alignRight: true,
            },
            {
              header: 'DURATION',
              value: (row) => formatDuration(row.durationMs),
              alignRight: true,
            },
            { header: 'WORKER', value: (row) => palette.dim(String(row.worker ?? '-')) },
          ],
          { header: palette.bold },
        );
        for (const line of runLines) context.out(line);
      }
      return 0;
    } finally {
      await inventory.close();
    }
  },
};
