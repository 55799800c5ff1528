import type { Writable } from 'node:stream';
import type { Terminal } from './terminal/terminal.ts';

/** Options every command understands (some only where the command declares them). */
export interface GlobalOptions {
  /** `--config <file>`. */
  config?: string;
  /** `--store <connection string>`. */
  store?: string;
  /** `--json`: machine-readable output on stdout, nothing else there. */
  json: boolean;
  /** `--verbose`: engine logs on stderr and stacks on errors. */
  verbose: boolean;
}

/** What a command runs with: where it is, where output goes, and the global options. */
export interface CliContext {
  /** Working directory. */
  cwd: string;
  /** Environment variables. */
  environment: NodeJS.ProcessEnv;
  /** Streams and styles. */
  terminal: Terminal;
  /** Global options. */
  global: GlobalOptions;
  /** Write one line of data to stdout. */
  out(line?: string): void;
  /** Write one line of progress or log to stderr. */
  log(line?: string): void;
  /** Write a value as pretty JSON to stdout. */
  json(value: unknown): void;
  /** Process signals the command can listen to (SIGINT, SIGTERM). */
  signals: SignalSource;
  /** How the user invoked the CLI, for hints (`cloud-inventory`, or `node path/to/bin.mjs`). */
  programName: string;
}

/** Subscribe to termination signals; returns an unsubscribe function. */
export interface SignalSource {
  /** Call `handler` on SIGINT and SIGTERM until unsubscribed. */
  onTerminate(handler: (signal: NodeJS.Signals) => void): () => void;
}

/** Write to a stream, waiting for it to drain when its buffer is full (large exports). */
export async function writeChunk(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
