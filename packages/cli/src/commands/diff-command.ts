import type { CliContext } from '../cli-context.ts';
import { CliError } from '../errors/cli-error.ts';
import { findResource } from '../inventory/find-resource.ts';
import { openInventory } from '../inventory/open-inventory.ts';
import { parseInteger } from '../parse/parse-values.ts';
import { renderDiff, summarizeDiff } from '../render/diff.ts';
import { formatTimestamp } from '../render/format.ts';
import type { CommandDefinition, CommandInput } from './command.ts';
import { stringValue } from './command.ts';

/** `cloud-inventory diff <id>`: what changed between two versions. */
export const diffCommand: CommandDefinition = {
  name: 'diff',
  summary: 'Show what changed between two versions of a resource (default: previous vs latest)',
  usage: 'diff <id> [--from N] [--to M]',
  description: [
    'Lines start with + (added), - (removed) or ~ (updated, followed by the old and the new value).',
  ],
  options: {
    from: {
      type: 'string',
      valueName: '<n>',
      description: 'Older version (default: the one before --to)',
    },
    to: { type: 'string', valueName: '<m>', description: 'Newer version (default: the latest)' },
  },
  json: true,
  usesConfig: true,
  usesStore: true,
  positionals: { minimum: 1, maximum: 1 },
  examples: [
    'diff aws-prod:aws.ec2.instance:i-0abc123',
    'diff aws-prod:aws.ec2.instance:i-0abc123 --from 1 --to 4 --json',
  ],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const fromOption = parseInteger(stringValue(input, 'from'), '--from', 1);
    const toOption = parseInteger(stringValue(input, 'to'), '--to', 1);
    const inventory = await openInventory(context, { requireConfig: false });
    try {
      const { reference, snapshot } = await findResource(
        inventory.plugin,
        input.positionals[0] as string,
      );
      const latest = Number(snapshot.latestVersion ?? 0);
      const to = toOption ?? latest;
      const from = fromOption ?? to - 1;
      if (from < 1) {
        throw new CliError({
          message: `${String(snapshot.id)} has only version ${latest}; there is nothing to compare`,
          hint: '`cloud-inventory show <id>` prints its configuration',
        });
      }
      for (const version of [from, to]) {
        if (version > latest)
          throw new CliError({
            message: `${String(snapshot.id)} has no version ${version} (latest is ${latest})`,
            hint: '`cloud-inventory history <id>` lists the versions',
          });
      }
      const [diff, before, after] = await Promise.all([
        inventory.plugin.diffVersions(reference, from, to),
        inventory.plugin.getVersion(reference, from),
        inventory.plugin.getVersion(reference, to),
      ]);
      if (context.global.json) {
        context.json({
          id: snapshot.id,
          from,
          to,
          fromCapturedAt: before?.capturedAt ?? null,
          toCapturedAt: after?.capturedAt ?? null,
          diff,
        });
        return 0;
      }
      const palette = context.terminal.out;
      context.out(
        `${palette.bold(palette.cyan(String(snapshot.id)))}  ${palette.dim(String(snapshot.name ?? ''))}`,
      );
      context.out(palette.red(`--- version ${from}  ${formatTimestamp(before?.capturedAt)}`));
      context.out(palette.green(`+++ version ${to}  ${formatTimestamp(after?.capturedAt)}`));
      for (const line of renderDiff(diff, { palette })) context.out(line);
      context.out(palette.dim(summarizeDiff(diff)));
      return 0;
    } finally {
      await inventory.close();
    }
  },
};
