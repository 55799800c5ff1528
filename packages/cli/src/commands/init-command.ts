import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliContext } from '../cli-context.ts';
import { findConfigFile } from '../config/find-config.ts';
import { starterConfig, starterConfigFileName } from '../config/starter-config.ts';
import { UsageError } from '../errors/usage-error.ts';
import { booleanValue, type CommandDefinition, type CommandInput } from './command.ts';

/** `cloud-inventory init`: write a starter config. */
export const initCommand: CommandDefinition = {
  name: 'init',
  summary: `Write a starter ${starterConfigFileName} (mock clouds, with real providers in comments)`,
  usage: 'init [--force]',
  options: {
    force: { type: 'boolean', description: 'Overwrite an existing config' },
  },
  json: false,
  usesConfig: false,
  usesStore: false,
  positionals: { minimum: 0, maximum: 0 },
  examples: ['init', 'init --force'],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const target = join(context.cwd, starterConfigFileName);
    const existing = findConfigFile(context.cwd);
    if (existing && !booleanValue(input, 'force')) {
      throw new UsageError({
        message: `${existing} already exists; not overwriting it`,
        hint: 'pass --force to replace it with the starter config',
      });
    }
    await writeFile(target, starterConfig, 'utf8');
    context.log(`wrote ${target}`);
    if (existing && existing !== target)
      context.log(
        context.terminal.err.yellow(
          `note: ${existing} is read before ${starterConfigFileName}; remove it to use the new file`,
        ),
      );
    context.log('next: cloud-inventory sync, then cloud-inventory list');
    return 0;
  },
};
