import { ConfigurationError, NoSuchDriverError } from '@cloud-inventory/core';
import { configurationUsageError } from '../config/config-errors.ts';
import { CliError, exitCodes } from '../errors/cli-error.ts';
import { maskCredentials } from '../store/mask-credentials.ts';
import type { Palette } from '../terminal/palette.ts';

/** What to print for an error and the exit code to use. */
export interface ErrorReport {
  /** Lines for stderr. */
  lines: string[];
  /** Exit code. */
  exitCode: number;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).trim();
}

function stackOf(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const text = current instanceof Error ? (current.stack ?? current.message) : String(current);
    lines.push(...(depth === 0 ? [] : ['caused by:']), ...maskCredentials(text).split('\n'));
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines;
}

/** One error line (credentials masked) with a hint, and the stack chain when `verbose`. */
export function reportError(
  error: unknown,
  options: { verbose: boolean; palette: Palette },
): ErrorReport {
  const { palette } = options;
  let cliError: CliError;
  if (error instanceof CliError) cliError = error;
  else if (ConfigurationError.isInstance(error))
    cliError = configurationUsageError(error, undefined) as CliError;
  else if (NoSuchDriverError.isInstance(error))
    cliError = new CliError({
      message: error.message,
      exitCode: exitCodes.usage,
      hint: '`cloud-inventory drivers` lists the installed drivers',
    });
  else {
    const message = error instanceof Error ? error.message : String(error);
    cliError = new CliError({
      message: firstLine(message) || 'unexpected error',
      ...(options.verbose ? {} : { hint: 'run again with --verbose for the stack trace' }),
    });
  }
  // The CLI's own errors may add an indented excerpt (a config's failing line) under the message.
  const [headline = '', ...details] = (
    error instanceof CliError ? cliError.message : firstLine(cliError.message)
  ).split('\n');
  const lines = [
    `${palette.red(palette.bold('error:'))} ${maskCredentials(headline.trim())}`,
    ...details.map((line) => maskCredentials(line)),
  ];
  if (cliError.hint) lines.push(`${palette.dim('hint:')} ${maskCredentials(cliError.hint)}`);
  if (options.verbose) lines.push(...stackOf(error).map((line) => palette.dim(line)));
  return { lines, exitCode: cliError.exitCode };
}
