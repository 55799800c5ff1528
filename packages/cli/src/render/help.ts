import type { CommandDefinition, OptionDefinition } from '../commands/command.ts';
import { globalOptionsOf } from '../commands/global-options.ts';
import type { Palette } from '../terminal/palette.ts';

function optionLines(options: Record<string, OptionDefinition>, palette: Palette): string[] {
  const entries = Object.entries(options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.valueName ? ` ${option.valueName}` : ''}`;
    return [flag, option.description] as const;
  });
  const width = Math.max(...entries.map(([flag]) => flag.length));
  return entries.map(
    ([flag, description]) => `  ${palette.cyan(flag.padEnd(width))}  ${description}`,
  );
}

/** `cloud-inventory --help`. */
export function renderMainHelp(
  commands: readonly CommandDefinition[],
  version: string,
  palette: Palette,
): string[] {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    `${palette.bold('cloud-inventory')} ${palette.dim(version)} — a versioned multi-cloud resource inventory stored in s3db.js`,
    '',
    `${palette.bold('Usage:')} cloud-inventory <command> [options]`,
    '',
    palette.bold('Commands:'),
    ...commands.map(
      (command) => `  ${palette.cyan(command.name.padEnd(width))}  ${command.summary}`,
    ),
    '',
    palette.bold('Common options:'),
    '  --config <file>   Config file (default: cloud-inventory.config.{ts,mjs,js,json,yaml,yml} here)',
    '  --store <conn>    Store: s3db.js connection string or folder (default ./.cloud-inventory)',
    '  --json            Machine-readable output on read commands',
    '  --verbose         Engine logs and stack traces on stderr',
    '  --no-color        No colours (also with NO_COLOR or when not a terminal)',
    '  -h, --help        Help of a command: cloud-inventory <command> --help',
    '  --version         Print the version',
    '',
    `${palette.bold('Exit codes:')} 0 ok, 1 failure, 2 bad usage or config, 3 partial sync`,
    '',
    palette.bold('Examples:'),
    '  cloud-inventory demo',
    '  cloud-inventory init && cloud-inventory sync',
    '  cloud-inventory changes --since 24h',
  ];
}

/** `cloud-inventory <command> --help`. */
export function renderCommandHelp(command: CommandDefinition, palette: Palette): string[] {
  const lines = [`${palette.bold('Usage:')} cloud-inventory ${command.usage}`, '', command.summary];
  if (command.description) lines.push('', ...command.description);
  if (Object.keys(command.options).length > 0)
    lines.push('', palette.bold('Options:'), ...optionLines(command.options, palette));
  lines.push(
    '',
    palette.bold('Global options:'),
    ...optionLines(globalOptionsOf(command), palette),
  );
  lines.push(
    '',
    palette.bold('Examples:'),
    ...command.examples.map((example) => `  cloud-inventory ${example}`),
  );
  return lines;
}
