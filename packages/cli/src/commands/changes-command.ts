import type { ChangeFilter } from '@cloud-inventory/core';
import type { CliContext } from '../cli-context.ts';
import { openInventory } from '../inventory/open-inventory.ts';
import { parseMoment } from '../parse/parse-time.ts';
import { parseChoice, parseInteger } from '../parse/parse-values.ts';
import { renderDiff, summarizeDiff } from '../render/diff.ts';
import { formatTimestamp } from '../render/format.ts';
import { renderTable } from '../render/table.ts';
import { booleanValue, type CommandDefinition, type CommandInput, stringValue } from './command.ts';

/** `cloud-inventory changes --since 24h`: what changed across clouds in a time window. */
export const changesCommand: CommandDefinition = {
  name: 'changes',
  summary: 'List changes (created, updated, deleted, restored) in a time window across clouds',
  usage: 'changes [--since 24h] [options]',
  description: [
    'Times are durations back from now (30m, 24h, 7d) or ISO times (2026-01-31T12:00:00Z).',
  ],
  options: {
    since: {
      type: 'string',
      valueName: '<time>',
      description: 'Changes at or after this time (default 24h)',
    },
    until: {
      type: 'string',
      valueName: '<time>',
      description: 'Changes at or before this time (default now)',
    },
    cloud: { type: 'string', valueName: '<id>', description: 'Only this cloud' },
    kind: {
      type: 'string',
      valueName: '<kind>',
      description: 'created, updated, deleted or restored',
    },
    type: { type: 'string', valueName: '<type>', description: 'Only this resource type' },
    service: { type: 'string', valueName: '<name>', description: 'Only this service' },
    diff: { type: 'boolean', description: 'Show each change’s diff' },
    limit: { type: 'string', valueName: '<n>', description: 'Changes per page (default 100)' },
    cursor: {
      type: 'string',
      valueName: '<cursor>',
      description: 'Continue after the previous page',
    },
  },
  json: true,
  usesConfig: true,
  usesStore: true,
  positionals: { minimum: 0, maximum: 0 },
  examples: [
    'changes --since 24h',
    'changes --since 7d --kind deleted --cloud aws-prod',
    'changes --since 2026-01-01T00:00:00Z --type aws.ec2.instance --diff',
  ],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const now = new Date();
    const since = parseMoment(stringValue(input, 'since') ?? '24h', '--since', now);
    const until = stringValue(input, 'until')
      ? parseMoment(stringValue(input, 'until') as string, '--until', now)
      : undefined;
    const kind = parseChoice(stringValue(input, 'kind'), '--kind', [
      'created',
      'updated',
      'deleted',
      'restored',
    ] as const);
    const limit = parseInteger(stringValue(input, 'limit'), '--limit', 1) ?? 100;
    const cursor = stringValue(input, 'cursor');
    const withDiff = booleanValue(input, 'diff');
    const filter: ChangeFilter = {
      since: since.toISOString(),
      ...(until ? { until: until.toISOString() } : {}),
      ...(kind ? { kind } : {}),
      withDiff,
    };
    const cloud = stringValue(input, 'cloud');
    const type = stringValue(input, 'type');
    const service = stringValue(input, 'service');
    if (cloud) filter.cloudId = cloud;
    if (type) filter.resourceType = type;
    if (service) filter.service = service;
    const inventory = await openInventory(context, { requireConfig: false });
    try {
      const page = await inventory.plugin.listChanges(filter, {
        limit,
        ...(cursor ? { cursor } : {}),
      });
      if (context.global.json) {
        context.json({
          since: filter.since,
          until: filter.until ?? now.toISOString(),
          items: page.items,
          ...(page.cursor ? { cursor: page.cursor } : {}),
        });
        return 0;
      }
      const palette = context.terminal.out;
      if (page.items.length === 0) {
        context.log(`no changes since ${formatTimestamp(filter.since)}`);
        return 0;
      }
      type Row = Record<string, any>;
      const kindColour = (text: string) =>
        text === 'created' || text === 'restored'
          ? palette.green(text)
          : text === 'deleted'
            ? palette.red(text)
            : palette.yellow(text);
      const columns = [
        { header: 'DETECTED', value: (row: Row) => formatTimestamp(row.detectedAt) },
        { header: 'KIND', value: (row: Row) => kindColour(String(row.kind)) },
        { header: 'CLOUD', value: (row: Row) => String(row.cloudId) },
        { header: 'TYPE', value: (row: Row) => String(row.resourceType) },
        {
          header: 'RESOURCE',
          value: (row: Row) => String(row.name ?? row.resourceId),
          maximumWidth: 40,
        },
        { header: 'VERSION', value: (row: Row) => String(row.version ?? '-'), alignRight: true },
      ];
      if (!withDiff) {
        for (const line of renderTable<Row>(page.items, columns, { header: palette.bold }))
          context.out(line);
      } else {
        for (const item of page.items) {
          const [, line] = renderTable<Row>([item], columns);
          context.out(line);
          context.out(palette.dim(`  ${String(item.snapshotId)}`));
          if (item.diff) {
            for (const diffLine of renderDiff(item.diff, {
              palette,
              indent: '    ',
              maximumEntries: 20,
            }))
              context.out(diffLine);
            context.out(palette.dim(`    ${summarizeDiff(item.diff)}`));
          }
        }
      }
      if (page.cursor)
        context.log(context.terminal.err.dim(`more changes: add --cursor ${page.cursor}`));
      return 0;
    } finally {
      await inventory.close();
    }
  },
};
