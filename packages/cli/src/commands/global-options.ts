import type { CommandDefinition, OptionDefinition } from './command.ts';

/** Options every command accepts. */
export const alwaysOptions: Record<string, OptionDefinition> = {
  help: { type: 'boolean', short: 'h', description: 'Show this help' },
  verbose: { type: 'boolean', description: 'Engine logs on stderr; stack traces on errors' },
  'no-color': {
    type: 'boolean',
    description: 'No colours (also when NO_COLOR is set or output is not a terminal)',
  },
};

/** `--json`, for commands that print data. */
export const jsonOption: OptionDefinition = {
  type: 'boolean',
  description: 'Machine-readable JSON on stdout (nothing else there)',
};

/** `--config`, for commands that read the config. */
export const configOption: OptionDefinition = {
  type: 'string',
  valueName: '<file>',
  description:
    'Config file (default: cloud-inventory.config.{ts,mjs,js,json,yaml,yml} in the working directory)',
};

/** `--store`, for commands that use a store. */
export const storeOption: OptionDefinition = {
  type: 'string',
  valueName: '<conn>',
  description:
    'Store: s3db.js connection string or folder (overrides the config and CLOUD_INVENTORY_STORE)',
};

/** The global options a command accepts besides its own. */
export function globalOptionsOf(command: CommandDefinition): Record<string, OptionDefinition> {
  return {
    ...(command.usesConfig ? { config: configOption } : {}),
    ...(command.usesStore ? { store: storeOption } : {}),
    ...(command.json ? { json: jsonOption } : {}),
    ...alwaysOptions,
  };
}
