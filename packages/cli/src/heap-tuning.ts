import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * V8 flags the long-running commands run with. V8 sizes its heap for the machine: on a 23 GB host a
 * sync of 10^5 resources over S3 whose live heap stayed under ~100 MB peaked at ~280–450 MB RSS
 * (young-generation pages sized for the host, and an old generation allowed to grow to several times
 * what is live). A 4 MB semi-space and `--optimize-for-size` (a smaller heap growing factor) keep
 * the same syncs at 190–255 MB for 10–35% more CPU (bench/RESULTS.md). Both only take effect when
 * the process starts (`v8.setFlagsFromString` does not resize a heap that exists), hence a re-exec.
 */
export const workerNodeFlags = ['--max-semi-space-size=4', '--optimize-for-size'];

/**
 * glibc malloc settings the long-running commands run with (other C libraries ignore them). NOTE:
 * glibc raises its trim threshold as large blocks are freed, so memory that index shards, file
 * reads and compiler zones used once stays in the process. A fixed 128 kB threshold: at 2·10^5
 * resources on file:// syncs peaked at 209–213 MB instead of 244–257; at 10^6 at 338–361 MB
 * instead of 383–424, for no more CPU (bench/RESULTS.md). `MALLOC_ARENA_MAX=2` as well saved
 * another 0–10 MB at 10^6 but cost 6–11% more CPU (that run was 92% futex calls: likely threads
 * waiting on a shared arena's lock): left out. Read when the process starts, hence set for the
 * re-exec; a value the user set is kept.
 */
export const workerEnvironment: Readonly<Record<string, string>> = {
  MALLOC_TRIM_THRESHOLD_: '131072',
};

/** The environment of a re-executed worker: `environment` plus what it lacks of `workerEnvironment`. */
export function workerProcessEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return { ...workerEnvironment, ...environment };
}

const commandsThatRunLong = new Set(['sync', 'run']);
const marker = 'CLOUD_INVENTORY_HEAP_TUNED';

/** True when this process should start itself again with `workerNodeFlags`. */
export function needsHeapTuning(args: string[], environment = process.env): boolean {
  if (process.platform === 'win32' || environment[marker]) return false;
  // Any word naming one is enough: a needless re-exec costs a few tens of milliseconds, nothing else.
  if (!args.some((arg) => commandsThatRunLong.has(arg))) return false;
  // Help and the version print a few lines: a second process would only double their start-up.
  if (args.some((arg) => arg === '--help' || arg === '-h' || arg === '--version')) return false;
  // Whoever sets either flag has chosen their own heap settings.
  const given = `${process.execArgv.join(' ')} ${environment.NODE_OPTIONS ?? ''}`;
  return !/--max-semi-space-size|--optimize-for-size/.test(given);
}

/**
 * Run this script again with `workerNodeFlags` and resolve with its exit code. The child gets a
 * process group of its own so a terminal's Ctrl-C reaches it exactly once, forwarded by this
 * process (the `run` command treats a second SIGINT as "abort now"); it exits if this process dies.
 */
export function runWithHeapTuning(script: string, args: string[]): Promise<number> {
  const child = spawn(
    process.execPath,
    [...workerNodeFlags, ...process.execArgv, script, ...args],
    {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      detached: true,
      env: { ...workerProcessEnvironment(), [marker]: '1' },
    },
  );
  const forward = (signal: NodeJS.Signals) => () => {
    child.kill(signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const handlers = signals.map((signal) => [signal, forward(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(`error: could not start ${process.execPath}: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const [name, handler] of handlers) process.off(name, handler);
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}

/** In the re-executed child: exit when the parent that forwards signals is gone. */
export function exitWithParent(): void {
  if (!process.env[marker] || typeof process.send !== 'function') return;
  process.on('disconnect', () => {
    process.kill(process.pid, 'SIGTERM');
  });
  // The IPC channel must not keep a finished command alive.
  process.channel?.unref();
}
