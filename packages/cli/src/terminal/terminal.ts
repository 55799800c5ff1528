import type { Writable } from 'node:stream';
import { createPalette, type Palette } from './palette.ts';

/** Where output goes and how it may be decorated. */
export interface Terminal {
  /** Data stream (stdout). */
  stdout: Writable;
  /** Progress and log stream (stderr). */
  stderr: Writable;
  /** Styles for text written to stdout. */
  out: Palette;
  /** Styles for text written to stderr. */
  err: Palette;
  /** True when stderr is a TTY and live progress may redraw lines. */
  liveProgress: boolean;
  /** Columns of the stdout terminal, when it is one. */
  columns: number | undefined;
}

/** Options of `detectTerminal`. */
export interface TerminalOptions {
  /** `--no-color` was given. */
  noColor: boolean;
  /** Environment (for `NO_COLOR`, `FORCE_COLOR`, `TERM`). */
  environment: NodeJS.ProcessEnv;
  /** Data stream. @default process.stdout */
  stdout?: Writable & { isTTY?: boolean; columns?: number };
  /** Progress stream. @default process.stderr */
  stderr?: Writable & { isTTY?: boolean };
}

// NO_COLOR (https://no-color.org) wins over everything; FORCE_COLOR only turns colours on for non-TTYs.
function colourAllowed(isTTY: boolean | undefined, options: TerminalOptions): boolean {
  const environment = options.environment;
  if (options.noColor) return false;
  if (environment.NO_COLOR !== undefined && environment.NO_COLOR !== '') return false;
  if (environment.FORCE_COLOR !== undefined && environment.FORCE_COLOR !== '0') return true;
  if (environment.TERM === 'dumb') return false;
  return Boolean(isTTY);
}

/** Decide colours and live progress from the streams and the environment. */
export function detectTerminal(options: TerminalOptions): Terminal {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const stderrColour = colourAllowed(stderr.isTTY, options);
  return {
    stdout,
    stderr,
    out: createPalette(colourAllowed(stdout.isTTY, options)),
    err: createPalette(stderrColour),
    // Progress bars need a TTY and are off with NO_COLOR / --no-color too (plain lines instead).
    liveProgress: Boolean(stderr.isTTY) && stderrColour && options.environment.TERM !== 'dumb',
    columns: stdout.isTTY ? stdout.columns : undefined,
  };
}
