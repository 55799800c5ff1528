import type { CloudInventoryPlugin, SyncSummary } from '@cloud-inventory/core';
import { countDiffPaths, renderDiff, summarizeDiff } from '../render/diff.ts';
import { formatCount, formatDuration } from '../render/format.ts';
import { overallStatus } from '../render/sync-table.ts';
import { renderTable } from '../render/table.ts';
import type { StoreLocation } from '../store/resolve-store.ts';
import type { Palette } from '../terminal/palette.ts';

/** One demo cycle: a sync of every cloud. */
export interface CycleResult {
  /** 1-based cycle number. */
  cycle: number;
  /** When the cycle started (ISO). */
  startedAt: string;
  /** Wall time of the cycle. */
  durationMs: number;
  /** One summary per cloud. */
  summaries: SyncSummary[];
}

/** Resources and versions of one demo cloud after the last cycle. */
export interface DemoCloudTotals {
  /** Cloud id. */
  cloudId: string;
  /** Driver name. */
  driver: string;
  /** Active resources. */
  resources: number;
  /** Versions stored. */
  versions: number;
}

/** An `updated` change of the last cycle with its diff, for the report. */
export type ExampleChange = Record<string, any> & { diff: Record<string, any> };

// Prefer a diff that touches the configuration and a few paths, beyond tags only: it reads best.
function exampleScore(item: ExampleChange): number {
  const paths = [
    ...Object.keys(item.diff.added ?? {}),
    ...Object.keys(item.diff.removed ?? {}),
    ...Object.keys(item.diff.updated ?? {}),
  ];
  const configurationPaths = paths.filter((path) => path.startsWith('configuration.')).length;
  const beyondTags = paths.some(
    (path) => path.startsWith('configuration.') && !/(tags?|labels?)\b/i.test(path),
  );
  return (
    (paths.length >= 3 && paths.length <= 8 ? 0 : Math.abs(paths.length - 5)) +
    (configurationPaths > 0 ? 0 : 10) +
    (beyondTags ? 0 : 4)
  );
}

/** An updated change from the last cycle whose diff reads well, looked for in up to four clouds. */
export async function pickExampleChange(
  plugin: CloudInventoryPlugin,
  cycle: CycleResult | undefined,
): Promise<ExampleChange | undefined> {
  if (!cycle) return undefined;
  const candidates = cycle.summaries
    .filter((summary) => summary.updated > 0)
    .map((summary) => summary.cloudId)
    .slice(0, 4);
  let best: ExampleChange | undefined;
  for (const cloudId of candidates) {
    const page = await plugin.listChanges(
      { cloudId, kind: 'updated', since: cycle.startedAt, withDiff: true },
      { limit: 25 },
    );
    for (const item of page.items as ExampleChange[]) {
      if (!item.diff || countDiffPaths(item.diff) === 0) continue;
      if (!best || exampleScore(item) < exampleScore(best)) best = item;
    }
    if (best && exampleScore(best) === 0) break;
  }
  return best;
}

function sum(
  summaries: readonly SyncSummary[],
  key: 'processed' | 'created' | 'updated' | 'unchanged' | 'deleted' | 'restored',
): number {
  return summaries.reduce((total, summary) => total + summary[key], 0);
}

/** The demo's closing report: resources per cloud, changes per cycle, an example diff and what to try next. */
export function renderDemoReport(options: {
  clouds: DemoCloudTotals[];
  cycles: CycleResult[];
  example: ExampleChange | undefined;
  store: StoreLocation;
  palette: Palette;
  /** The relative folder to show in the hints when the default store was used. */
  defaultStore?: string;
  /** How to invoke the CLI in the hints. @default 'cloud-inventory' */
  programName?: string;
}): string[] {
  const { palette } = options;
  const lines: string[] = [];
  lines.push(palette.bold('Resources per cloud'));
  const totals = options.clouds.reduce(
    (total, cloud) => ({
      resources: total.resources + cloud.resources,
      versions: total.versions + cloud.versions,
    }),
    { resources: 0, versions: 0 },
  );
  lines.push(
    ...renderTable(
      [...options.clouds, { cloudId: palette.bold('total'), driver: '', ...totals }],
      [
        { header: 'CLOUD', value: (row) => row.cloudId },
        { header: 'DRIVER', value: (row) => row.driver },
        { header: 'RESOURCES', value: (row) => formatCount(row.resources), alignRight: true },
        { header: 'VERSIONS', value: (row) => formatCount(row.versions), alignRight: true },
      ],
      { header: palette.dim },
    ),
  );
  lines.push('', palette.bold('Changes per cycle'));
  lines.push(
    ...renderTable(
      options.cycles,
      [
        { header: 'CYCLE', value: (row) => String(row.cycle), alignRight: true },
        { header: 'STATUS', value: (row) => overallStatus(row.summaries) },
        {
          header: 'RESOURCES',
          value: (row) => formatCount(sum(row.summaries, 'processed')),
          alignRight: true,
        },
        {
          header: 'CREATED',
          value: (row) => palette.green(formatCount(sum(row.summaries, 'created'))),
          alignRight: true,
        },
        {
          header: 'UPDATED',
          value: (row) => palette.yellow(formatCount(sum(row.summaries, 'updated'))),
          alignRight: true,
        },
        {
          header: 'UNCHANGED',
          value: (row) => formatCount(sum(row.summaries, 'unchanged')),
          alignRight: true,
        },
        {
          header: 'DELETED',
          value: (row) => palette.red(formatCount(sum(row.summaries, 'deleted'))),
          alignRight: true,
        },
        { header: 'DURATION', value: (row) => formatDuration(row.durationMs), alignRight: true },
      ],
      { header: palette.dim },
    ),
  );
  const example = options.example;
  if (example) {
    const previous = Number(example.version) - 1;
    lines.push(
      '',
      palette.bold(
        `Example change from the last cycle: ${palette.cyan(String(example.snapshotId))}`,
      ),
    );
    lines.push(
      palette.dim(
        `${String(example.resourceType)} "${String(example.name ?? example.resourceId)}" in ${String(example.region)}, version ${previous} → ${String(example.version)}: ${summarizeDiff(example.diff)}`,
      ),
    );
    lines.push(
      ...renderDiff(example.diff, {
        palette,
        indent: '  ',
        maximumEntries: 12,
        maximumValueWidth: 100,
      }),
    );
  } else {
    lines.push(
      '',
      palette.dim('No resource was updated in the last cycle (run more cycles to see drift).'),
    );
  }
  const program = options.programName ?? 'cloud-inventory';
  const storeFlag = options.defaultStore
    ? `--store ${options.defaultStore}`
    : `--store '${options.store.display}'`;
  lines.push('', palette.bold('Explore it'));
  lines.push(`  ${program} status ${storeFlag}`);
  lines.push(`  ${program} list ${storeFlag} --cloud aws-demo --limit 10`);
  lines.push(`  ${program} changes ${storeFlag} --since 1h --kind deleted`);
  // Only a real id: a placeholder would fail when pasted.
  if (example) {
    lines.push(`  ${program} history ${storeFlag} '${String(example.snapshotId)}'`);
    lines.push(`  ${program} diff ${storeFlag} '${String(example.snapshotId)}'`);
  }
  lines.push(`  ${program} export ${storeFlag} --format csv --output inventory.csv`);
  return lines;
}
