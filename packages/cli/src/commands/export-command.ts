import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import type { CloudInventoryPlugin, ResourceFilter } from '@cloud-inventory/core';
import { type CliContext, writeChunk } from '../cli-context.ts';
import { UsageError } from '../errors/usage-error.ts';
import { openInventory } from '../inventory/open-inventory.ts';
import { loadTerraformDeclarations } from '../inventory/terraform-declarations.ts';
import { parseMoment } from '../parse/parse-time.ts';
import { parseChoice } from '../parse/parse-values.ts';
import {
  createExportEncoder,
  type ExportFormat,
  inventoryAtColumns,
  resourceColumns,
} from '../render/export-writers.ts';
import { formatQuantity } from '../render/format.ts';
import { booleanValue, type CommandDefinition, type CommandInput, stringValue } from './command.ts';
import { resourceFilterFrom, resourceFilterOptions } from './resource-filter-options.ts';

async function* currentResources(
  plugin: CloudInventoryPlugin,
  filter: ResourceFilter,
  withConfiguration: boolean,
): AsyncGenerator<Record<string, unknown>> {
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (withConfiguration) {
      await Promise.all(
        batch.map(async (record) => {
          const version = await plugin.getVersion(String(record.id), Number(record.latestVersion));
          record.configuration = version?.configuration ?? null;
        }),
      );
    }
    const output = batch;
    batch = [];
    return output;
  };
  for await (const record of plugin.iterateResources(filter)) {
    batch.push(record);
    if (batch.length >= 32) yield* await flush();
  }
  yield* await flush();
}

async function* resourcesAt(
  plugin: CloudInventoryPlugin,
  at: Date,
  filter: ResourceFilter,
  withConfiguration: boolean,
): AsyncGenerator<Record<string, unknown>> {
  const entries = await plugin.inventoryAt(at, filter, { withConfiguration });
  for (const entry of entries) yield entry as unknown as Record<string, unknown>;
}

/** `cloud-inventory export`: the whole (filtered) inventory as JSON, NDJSON or CSV. */
export const exportCommand: CommandDefinition = {
  name: 'export',
  summary:
    'Export the inventory (now, or as it was at a time) as json, ndjson, csv or Terraform imports',
  usage: 'export [--format json|ndjson|csv|terraform] [--at <time>] [--output file] [filters]',
  description: [
    'Streams to stdout, or to --output (written to a temporary file first, then renamed). --json is --format json.',
    '--at rebuilds the inventory as it was then, deleted-since resources included.',
    '--format terraform writes Terraform (>= 1.5) import blocks for every resource whose type a provider can import, with a leading comment listing the skipped ones and why.',
  ],
  options: {
    format: {
      type: 'string',
      valueName: '<format>',
      description: 'json (default), ndjson, csv or terraform',
    },
    at: {
      type: 'string',
      valueName: '<time>',
      description: 'Point in time: a duration back (7d) or an ISO time',
    },
    output: {
      type: 'string',
      short: 'o',
      valueName: '<file>',
      description: 'Write to this file instead of stdout',
    },
    'with-configuration': {
      type: 'boolean',
      description: 'Include each resource’s configuration (one read per resource)',
    },
    ...resourceFilterOptions,
  },
  json: true,
  usesConfig: true,
  usesStore: true,
  positionals: { minimum: 0, maximum: 0 },
  examples: [
    'export --format csv --output inventory.csv',
    'export --format ndjson --cloud aws-prod | jq .name',
    'export --at 7d --format json --output last-week.json',
    'export --format terraform --cloud aws-prod --output imports.tf',
  ],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const chosen = parseChoice(stringValue(input, 'format'), '--format', [
      'json',
      'ndjson',
      'csv',
      'terraform',
    ] as const);
    if (context.global.json && chosen && chosen !== 'json') {
      throw new UsageError({
        message: `--json conflicts with --format ${chosen}`,
        hint: 'use one of them; --json is the same as --format json',
      });
    }
    const format: ExportFormat = chosen ?? 'json';
    const atOption = stringValue(input, 'at');
    const at = atOption ? parseMoment(atOption, '--at') : undefined;
    const filter = resourceFilterFrom(input);
    if (chosen === 'terraform' && at) {
      throw new UsageError({
        message: '--format terraform imports what exists now; it does not take --at',
        hint: 'drop --at, or use --format json|ndjson|csv for a past inventory',
      });
    }
    // Import ids may read the configuration (`{configuration.Name}`): one read per resource.
    const withConfiguration = booleanValue(input, 'with-configuration') || chosen === 'terraform';
    const outputOption = stringValue(input, 'output');
    const inventory = await openInventory(context, { requireConfig: false });
    const outputPath = outputOption ? resolve(context.cwd, outputOption) : undefined;
    const temporaryPath = outputPath ? `${outputPath}.${process.pid}.partial` : undefined;
    const fileStream = temporaryPath ? createWriteStream(temporaryPath) : undefined;
    const stream = fileStream ?? context.terminal.stdout;
    try {
      const columns = [
        ...(at ? inventoryAtColumns : resourceColumns),
        ...(withConfiguration ? ['configuration'] : []),
      ];
      const encoder = createExportEncoder(
        format,
        columns,
        format === 'terraform' ? await loadTerraformDeclarations(context) : undefined,
      );
      const records = at
        ? resourcesAt(inventory.plugin, at, filter, withConfiguration)
        : currentResources(inventory.plugin, filter, withConfiguration);
      let count = 0;
      await writeChunk(stream, encoder.start());
      for await (const record of records) {
        await writeChunk(stream, encoder.record(record));
        count += 1;
      }
      await writeChunk(stream, encoder.end());
      if (fileStream && temporaryPath && outputPath) {
        fileStream.end();
        await finished(fileStream);
        await rename(temporaryPath, outputPath);
        context.log(
          `exported ${formatQuantity(count, 'resource')}${at ? ` as of ${at.toISOString()}` : ''} to ${outputPath}`,
        );
      } else {
        context.log(
          context.terminal.err.dim(
            `exported ${formatQuantity(count, 'resource')}${at ? ` as of ${at.toISOString()}` : ''}`,
          ),
        );
      }
      return 0;
    } catch (error) {
      if (fileStream && temporaryPath) {
        fileStream.destroy();
        await rm(temporaryPath, { force: true });
      }
      throw error;
    } finally {
      await inventory.close();
    }
  },
};
