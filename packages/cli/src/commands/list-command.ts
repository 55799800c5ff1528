import type { CliContext } from '../cli-context.ts';
import { openInventory } from '../inventory/open-inventory.ts';
import { parseInteger } from '../parse/parse-values.ts';
import { formatTimestamp } from '../render/format.ts';
import { renderTable } from '../render/table.ts';
import type { CommandDefinition, CommandInput } from './command.ts';
import { stringValue } from './command.ts';
import { resourceFilterFrom, resourceFilterOptions } from './resource-filter-options.ts';

/** `cloud-inventory list`: resources of the inventory, filtered. */
export const listCommand: CommandDefinition = {
  name: 'list',
  summary: 'List resources, filtered by cloud, driver, service, type, region, tag, status or name',
  usage: 'list [options]',
  description: [
    'Shows the latest state of each resource. Pages with --limit and the --cursor printed after the table.',
  ],
  options: {
    ...resourceFilterOptions,
    limit: { type: 'string', valueName: '<n>', description: 'Resources per page (default 100)' },
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
    'list --cloud aws-prod --type aws.ec2.instance',
    'list --tag env=prod --region eu-west-1 --limit 20',
    'list --status deleted --json',
  ],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const filter = resourceFilterFrom(input);
    const limit = parseInteger(stringValue(input, 'limit'), '--limit', 1) ?? 100;
    const cursor = stringValue(input, 'cursor');
    const inventory = await openInventory(context, { requireConfig: false });
    try {
      const page = await inventory.plugin.listResources(filter, {
        limit,
        ...(cursor ? { cursor } : {}),
      });
      if (context.global.json) {
        context.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) });
        return 0;
      }
      const palette = context.terminal.out;
      type Row = Record<string, any>;
      const lines = renderTable<Row>(
        page.items,
        [
          { header: 'ID', value: (row) => palette.cyan(String(row.id)), maximumWidth: 90 },
          { header: 'NAME', value: (row) => String(row.name ?? '-'), maximumWidth: 40 },
          { header: 'REGION', value: (row) => String(row.region ?? '-') },
          { header: 'VERSION', value: (row) => String(row.latestVersion ?? '-'), alignRight: true },
          {
            header: 'STATUS',
            value: (row) =>
              row.status === 'deleted' ? palette.red('deleted') : String(row.status ?? '-'),
          },
          {
            header: 'LAST CHANGED',
            value: (row) => formatTimestamp(row.lastChangedAt ?? row.firstSeenAt),
          },
        ],
        { header: palette.bold },
      );
      if (page.items.length === 0) context.log('no resources match');
      else for (const line of lines) context.out(line);
      if (page.cursor)
        context.log(context.terminal.err.dim(`more resources: add --cursor ${page.cursor}`));
      return 0;
    } finally {
      await inventory.close();
    }
  },
};
