import type { CliContext } from '../cli-context.ts';

/** One option of a command. */
export interface OptionDefinition {
  /** Takes a value (`string`) or is a flag (`boolean`). */
  type: 'string' | 'boolean';
  /** One-letter alias. */
  short?: string;
  /** May be given several times (values collected in an array). */
  multiple?: boolean;
  /** Help text. */
  description: string;
  /** Placeholder shown in help (`<id>`). */
  valueName?: string;
}

/** Parsed command line of one command. */
export interface CommandInput {
  /** Option values by long name. */
  values: Record<string, string | boolean | string[] | undefined>;
  /** Positional arguments after the command name. */
  positionals: string[];
}

/** A `cloud-inventory <name>` command. */
export interface CommandDefinition {
  /** Command name. */
  name: string;
  /** One-line summary for the command list. */
  summary: string;
  /** Usage line after `cloud-inventory ` (`diff <id> [--from N] [--to M]`). */
  usage: string;
  /** Longer help paragraphs. */
  description?: string[];
  /** Command options (global ones are added by the CLI). */
  options: Record<string, OptionDefinition>;
  /** Accepts `--json`. */
  json: boolean;
  /** Reads a config file (accepts `--config`). */
  usesConfig: boolean;
  /** Reads or writes a store (accepts `--store`). */
  usesStore: boolean;
  /** Number of positional arguments accepted. */
  positionals: { minimum: number; maximum: number };
  /** Example invocations (without the `cloud-inventory ` prefix). */
  examples: string[];
  /** Run; resolves to the exit code. */
  run(context: CliContext, input: CommandInput): Promise<number>;
}

/** A string option's value. */
export function stringValue(input: CommandInput, name: string): string | undefined {
  const value = input.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeated string option's values. */
export function stringValues(input: CommandInput, name: string): string[] | undefined {
  const value = input.values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : undefined;
}

/** A flag's value. */
export function booleanValue(input: CommandInput, name: string): boolean {
  return input.values[name] === true;
}
