import type { CliContext } from '../cli-context.ts';
import { CliError } from '../errors/cli-error.ts';
import { findResource } from '../inventory/find-resource.ts';
import { openInventory } from '../inventory/open-inventory.ts';
import { parseInteger } from '../parse/parse-values.ts';
import { formatTimestamp } from '../render/format.ts';
import type { CommandDefinition, CommandInput } from './command.ts';
import { stringValue } from './command.ts';

function formatTags(tags: unknown): string {
  if (!tags || typeof tags !== 'object') return '-';
  const entries = Object.entries(tags as Record<string, unknown>);
  return entries.length === 0
    ? '-'
    : entries.map(([key, value]) => `${key}=${String(value)}`).join(', ');
}

/** `cloud-inventory show <id>`: one resource and its configuration. */
export const showCommand: CommandDefinition = {
  name: 'show',
  summary: 'Show one resource: its record and the configuration of its latest (or a given) version',
  usage: 'show <id> [--version N]',
  options: {
    version: {
      type: 'string',
      valueName: '<n>',
      description: 'Show this version instead of the latest',
    },
  },
  json: true,
  usesConfig: true,
  usesStore: true,
  positionals: { minimum: 1, maximum: 1 },
  examples: [
    'show aws-prod:aws.ec2.instance:i-0abc123',
    'show aws-prod:aws.ec2.instance:i-0abc123 --version 2 --json',
  ],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const requested = parseInteger(stringValue(input, 'version'), '--version', 1);
    const inventory = await openInventory(context, { requireConfig: false });
    try {
      const { reference, snapshot } = await findResource(
        inventory.plugin,
        input.positionals[0] as string,
      );
      const versionNumber = requested ?? Number(snapshot.latestVersion ?? 0);
      const version =
        versionNumber > 0 ? await inventory.plugin.getVersion(reference, versionNumber) : null;
      if (requested !== undefined && !version) {
        throw new CliError({
          message: `${String(snapshot.id)} has no version ${requested} (latest is ${String(snapshot.latestVersion)})`,
          hint: '`cloud-inventory history <id>` lists the versions',
        });
      }
      if (context.global.json) {
        context.json({ resource: snapshot, version });
        return 0;
      }
      const palette = context.terminal.out;
      const field = (label: string, value: string) =>
        context.out(`  ${palette.dim(label.padEnd(13))}${value}`);
      context.out(palette.bold(palette.cyan(String(snapshot.id))));
      field('name', String(snapshot.name ?? '-'));
      field('cloud', `${String(snapshot.cloudId)} (${String(snapshot.driver)})`);
      field('type', String(snapshot.resourceType));
      field('resource id', String(snapshot.resourceId));
      field('account', String(snapshot.accountId ?? '-'));
      field('service', String(snapshot.service ?? '-'));
      field('region', String(snapshot.region ?? '-'));
      field(
        'status',
        snapshot.status === 'deleted'
          ? palette.red(`deleted at ${formatTimestamp(snapshot.deletedAt)}`)
          : String(snapshot.status),
      );
      field(
        'version',
        `${String(snapshot.latestVersion)} (${String(snapshot.changelogSize ?? 0)} changes)`,
      );
      field('first seen', formatTimestamp(snapshot.firstSeenAt));
      field('last seen', formatTimestamp(snapshot.lastSeenAt));
      field('last changed', formatTimestamp(snapshot.lastChangedAt));
      field('tags', formatTags(snapshot.tags));
      if (snapshot.labels && Object.keys(snapshot.labels as object).length > 0)
        field('labels', formatTags(snapshot.labels));
      if (version) {
        context.out('');
        context.out(
          palette.bold(
            `configuration (version ${String(version.version)}, captured ${formatTimestamp(version.capturedAt)})`,
          ),
        );
        for (const line of JSON.stringify(version.configuration ?? null, null, 2).split('\n'))
          context.out(`  ${line}`);
      }
      return 0;
    } finally {
      await inventory.close();
    }
  },
};
