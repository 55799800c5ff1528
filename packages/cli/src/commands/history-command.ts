import type { CliContext } from '../cli-context.ts';
import { findResource } from '../inventory/find-resource.ts';
import { openInventory } from '../inventory/open-inventory.ts';
import { summarizeDiff } from '../render/diff.ts';
import { formatQuantity, formatTimestamp } from '../render/format.ts';
import { renderTable } from '../render/table.ts';
import type { CommandDefinition, CommandInput } from './command.ts';

/** `cloud-inventory history <id>`: every change of one resource. */
export const historyCommand: CommandDefinition = {
  name: 'history',
  summary: 'Show the versions and changes of one resource, oldest first',
  usage: 'history <id>',
  options: {},
  json: true,
  usesConfig: true,
  usesStore: true,
  positionals: { minimum: 1, maximum: 1 },
  examples: [
    'history aws-prod:aws.ec2.instance:i-0abc123',
    'history aws-prod:aws.ec2.instance:i-0abc123 --json',
  ],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const inventory = await openInventory(context, { requireConfig: false });
    try {
      const { reference, snapshot } = await findResource(
        inventory.plugin,
        input.positionals[0] as string,
      );
      const history = await inventory.plugin.getHistory(reference);
      const versions = history?.versions ?? [];
      const changes = history?.changes ?? [];
      if (context.global.json) {
        context.json({ resource: history?.snapshot ?? snapshot, versions, changes });
        return 0;
      }
      const palette = context.terminal.out;
      context.out(
        `${palette.bold(palette.cyan(String(snapshot.id)))}  ${palette.dim(`${String(snapshot.name ?? '')} · ${formatQuantity(versions.length, 'version')} · ${formatQuantity(changes.length, 'change')}`)}`,
      );
      type Row = Record<string, any>;
      const kindColour = (kind: string) =>
        kind === 'created' || kind === 'restored'
          ? palette.green(kind)
          : kind === 'deleted'
            ? palette.red(kind)
            : palette.yellow(kind);
      const lines = renderTable<Row>(
        changes,
        [
          { header: '#', value: (row) => String(row.sequence), alignRight: true },
          { header: 'KIND', value: (row) => kindColour(String(row.kind)) },
          {
            header: 'VERSION',
            value: (row) =>
              row.kind === 'deleted'
                ? `${row.fromVersion ?? '-'}`
                : row.fromVersion
                  ? `${row.fromVersion} → ${row.toVersion}`
                  : String(row.toVersion ?? '-'),
          },
          { header: 'DETECTED', value: (row) => formatTimestamp(row.detectedAt) },
          {
            header: 'WHAT CHANGED',
            value: (row) =>
              row.kind === 'updated' || row.kind === 'restored'
                ? `${summarizeDiff(row.diff)}${Array.isArray(row.changedSections) && row.changedSections.length > 0 ? palette.dim(` (${row.changedSections.join(', ')})`) : ''}`
                : '-',
            maximumWidth: 80,
          },
        ],
        { header: palette.bold },
      );
      for (const line of lines) context.out(line);
      if (versions.length > 1)
        context.log(
          palette.dim(
            `see a change: cloud-inventory diff${context.global.store && !context.global.store.includes('@') ? ` --store '${context.global.store}'` : ''} '${String(snapshot.id)}' --from ${versions.length - 1} --to ${versions.length}`,
          ),
        );
      return 0;
    } finally {
      await inventory.close();
    }
  },
};
