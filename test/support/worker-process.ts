import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerJob } from './sync-worker.ts';

const workerScript = fileURLToPath(new URL('./sync-worker.ts', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const started = new Set<ChildProcess>();

/** A worker child process and what it printed. */
export interface WorkerHandle {
  child: ChildProcess;
  pid: number;
  /** Parsed JSON lines from stdout, in order. */
  messages: any[];
  /** Raw stderr. */
  stderr: () => string;
  /** Resolves with the first message matching `predicate` (rejects after `timeoutMs` or on exit). */
  waitFor(predicate: (message: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Resolves when the process exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Send the go line (for `waitForGo`). */
  go(): void;
}

/** Start `sync-worker.ts` under Node with the `source` condition. */
export function startWorker(
  job: WorkerJob,
  environment: Record<string, string> = {},
): WorkerHandle {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--no-warnings', workerScript, JSON.stringify(job)],
    {
      cwd: repositoryRoot,
      env: { ...process.env, ...environment },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  started.add(child);
  const messages: any[] = [];
  const waiters = new Set<{
    predicate: (message: any) => boolean;
    resolve: (message: any) => void;
  }>();
  let buffer = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      let message: any;
      try {
        message = JSON.parse(line);
      } catch {
        message = { type: 'text', line };
      }
      messages.push(message);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(message)) {
          waiters.delete(waiter);
          waiter.resolve(message);
        }
      }
    }
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      started.delete(child);
      resolve({ code, signal });
    });
  });
  return {
    child,
    pid: child.pid as number,
    messages,
    stderr: () => stderr,
    exited,
    go: () => child.stdin?.write('go\n'),
    waitFor(predicate, timeoutMs = 30_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (message: any) => {
            clearTimeout(timer);
            resolve(message);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `worker ${child.pid}: no matching message within ${timeoutMs} ms; stderr: ${stderr.slice(-2000)}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
        void exited.then(() => {
          if (!waiters.has(waiter)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          const recent = messages
            .slice(-5)
            .map((message) => JSON.stringify(message).slice(0, 400))
            .join('\n');
          reject(
            new Error(
              `worker ${child.pid} exited before a matching message; last output:\n${recent}\nstderr: ${stderr.slice(-2000)}`,
            ),
          );
        });
      });
    },
  };
}

/** SIGKILL every worker this process started that is still running. */
export async function killAllWorkers(): Promise<void> {
  const waiting = [...started].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  );
  await Promise.all(waiting);
}
