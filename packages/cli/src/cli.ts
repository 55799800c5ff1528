import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { CliContext, SignalSource } from './cli-context.ts';
import type { CommandDefinition, CommandInput } from './commands/command.ts';
import { commands } from './commands/command-list.ts';
import { globalOptionsOf } from './commands/global-options.ts';
import { exitCodes } from './errors/cli-error.ts';
import { UsageError } from './errors/usage-error.ts';
import { withProgramName } from './program-name.ts';
import { reportError } from './render/error-report.ts';
import { renderCommandHelp, renderMainHelp } from './render/help.ts';
import { detectTerminal, type Terminal } from './terminal/terminal.ts';

/** Where the CLI runs; every field defaults to the current process. */
export interface CliEnvironment {
  /** Working directory. @default process.cwd() */
  cwd?: string;
  /** Environment variables. @default process.env */
  environment?: NodeJS.ProcessEnv;
  /** Output streams. */
  stdout?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Progress stream. */
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Signals. @default process SIGINT/SIGTERM */
  signals?: SignalSource;
  /** How the CLI was invoked, for hints. @default 'cloud-inventory' */
  programName?: string;
}

/** The package version. */
export function cliVersion(): string {
  try {
    return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const processSignals: SignalSource = {
  onTerminate(handler) {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
};

function closestCommand(name: string): string | undefined {
  const distance = (left: string, right: string) => {
    const row = Array.from({ length: right.length + 1 }, (_, index) => index);
    for (let i = 1; i <= left.length; i += 1) {
      let previous = row[0] as number;
      row[0] = i;
      for (let j = 1; j <= right.length; j += 1) {
        const current = row[j] as number;
        row[j] = Math.min(
          (row[j] as number) + 1,
          (row[j - 1] as number) + 1,
          previous + (left[i - 1] === right[j - 1] ? 0 : 1),
        );
        previous = current;
      }
    }
    return row[right.length] as number;
  };
  const best = commands
    .map((command) => ({ name: command.name, score: distance(name, command.name) }))
    .sort((left, right) => left.score - right.score)[0];
  return best && best.score <= 2 ? best.name : undefined;
}

function parseCommandLine(command: CommandDefinition, argv: string[]): CommandInput {
  const definitions = { ...command.options, ...globalOptionsOf(command) };
  const options = Object.fromEntries(
    Object.entries(definitions).map(([name, option]) => [
      name,
      {
        type: option.type,
        ...(option.short ? { short: option.short } : {}),
        ...(option.multiple ? { multiple: true } : {}),
      },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: options as never,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as CommandInput['values'], positionals };
  } catch (error) {
    const message =
      error instanceof Error
        ? error.message.replace(/\. To specify a positional argument.*$/s, '')
        : String(error);
    throw new UsageError({
      message: `${command.name}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
      hint: `see cloud-inventory ${command.name} --help`,
    });
  }
}

function createContext(
  terminal: Terminal,
  environment: Required<Pick<CliEnvironment, 'cwd' | 'environment' | 'signals' | 'programName'>>,
  values: CommandInput['values'],
): CliContext {
  return {
    cwd: environment.cwd,
    environment: environment.environment,
    terminal,
    global: {
      ...(typeof values.config === 'string' ? { config: values.config } : {}),
      ...(typeof values.store === 'string' ? { store: values.store } : {}),
      json: values.json === true,
      verbose: values.verbose === true,
    },
    out: (line = '') => terminal.stdout.write(`${line}\n`),
    log: (line = '') =>
      terminal.stderr.write(`${withProgramName(line, environment.programName)}\n`),
    json: (value) => terminal.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    signals: environment.signals,
    programName: environment.programName,
  };
}

/** Run `cloud-inventory` with the given arguments; resolves to the exit code. */
export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment = {},
): Promise<number> {
  const settings = {
    cwd: environment.cwd ?? process.cwd(),
    environment: environment.environment ?? process.env,
    signals: environment.signals ?? processSignals,
    programName: environment.programName ?? 'cloud-inventory',
  };
  const noColor = argv.includes('--no-color');
  const terminal = detectTerminal({
    noColor,
    environment: settings.environment,
    ...(environment.stdout ? { stdout: environment.stdout as never } : {}),
    ...(environment.stderr ? { stderr: environment.stderr as never } : {}),
  });
  const verbose = argv.includes('--verbose');
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const command = topic ? commands.find((candidate) => candidate.name === topic) : undefined;
      if (topic && !command)
        throw new UsageError({
          message: `unknown command "${topic}"`,
          hint: 'run cloud-inventory --help for the list of commands',
        });
      const lines = command
        ? renderCommandHelp(command, terminal.out)
        : renderMainHelp(commands, cliVersion(), terminal.out);
      const stream = name === undefined ? terminal.stderr : terminal.stdout;
      stream.write(`${withProgramName(lines.join('\n'), settings.programName)}\n`);
      return name === undefined ? exitCodes.usage : exitCodes.success;
    }
    if (name === '--version' || name === '-v' || name === 'version') {
      terminal.stdout.write(`${cliVersion()}\n`);
      return exitCodes.success;
    }
    const command = commands.find((candidate) => candidate.name === name);
    if (!command) {
      const suggestion = name.startsWith('-') ? undefined : closestCommand(name);
      throw new UsageError({
        message: name.startsWith('-')
          ? `expected a command before ${name}`
          : `unknown command "${name}"`,
        hint: suggestion
          ? `did you mean \`cloud-inventory ${suggestion}\`? (cloud-inventory --help lists them all)`
          : 'run cloud-inventory --help for the list of commands',
      });
    }
    const input = parseCommandLine(command, rest);
    if (input.values.help === true) {
      const help = renderCommandHelp(command, terminal.out).join('\n');
      terminal.stdout.write(`${withProgramName(help, settings.programName)}\n`);
      return exitCodes.success;
    }
    const { minimum, maximum } = command.positionals;
    if (input.positionals.length < minimum || input.positionals.length > maximum) {
      throw new UsageError({
        message:
          input.positionals.length < minimum
            ? `${command.name}: missing argument (usage: cloud-inventory ${command.usage})`
            : `${command.name}: unexpected argument "${input.positionals[maximum]}"`,
        hint: `e.g. cloud-inventory ${command.examples[0]}`,
      });
    }
    return await command.run(createContext(terminal, settings, input.values), input);
  } catch (error) {
    const report = reportError(error, { verbose, palette: terminal.err });
    terminal.stderr.write(`${withProgramName(report.lines.join('\n'), settings.programName)}\n`);
    return report.exitCode;
  }
}
