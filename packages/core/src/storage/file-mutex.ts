import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StorageError } from '../errors/storage-error.ts';

/** Runs `task` while holding a per-key mutex shared by every process on the machine. */
export type KeyMutex = <T>(key: string, task: () => Promise<T>) => Promise<T>;

// A holder keeps the mutex for one conditional write (milliseconds); one older than this was killed.
const staleAfterMs = 10_000;
const waitAtMostMs = 30_000;
// NOTE: named `*.meta.json` so s3db.js's file listing, which skips such names, never shows it.
const ownerFile = 'owner.meta.json';
const thisProcess = `${hostname()} ${process.pid}`;

// A holder on this host whose process is gone (killed inside the critical section).
async function holderIsDead(lockPath: string): Promise<boolean> {
  const holder = await readFile(join(lockPath, ownerFile), 'utf8').catch(() => '');
  const [host, pid] = holder.split(' ');
  if (host !== hostname() || !pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * A cross-process mutex for s3db.js's filesystem client. NOTE: that client checks `ifNoneMatch` /
 * `ifMatch` and then writes, with no lock between processes (or even inside one), so two workers
 * on one `file://` store could both "win" a conditional write. `mkdir` is atomic, so a directory
 * per key under `<basePath>/.cloud-inventory-mutex/` serializes the check and the write. A holder
 * killed inside it is detected by its pid (same host) or, elsewhere, after 10 s.
 */
export function createFileMutex(basePath: string): KeyMutex {
  const directory = join(basePath, '.cloud-inventory-mutex');
  return async (key, task) => {
    const lockPath = join(directory, createHash('sha256').update(key).digest('hex').slice(0, 40));
    await mkdir(directory, { recursive: true });
    const deadline = Date.now() + waitAtMostMs;
    for (;;) {
      try {
        await mkdir(lockPath);
        await writeFile(join(lockPath, ownerFile), thisProcess).catch(() => {});
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
          throw new StorageError({ operation: 'take file mutex', key, cause: error });
      }
      const info = await stat(lockPath).catch(() => null);
      if (info && (Date.now() - info.mtimeMs > staleAfterMs || (await holderIsDead(lockPath)))) {
        await rm(lockPath, { recursive: true, force: true }).catch(() => {});
      }
      if (Date.now() > deadline)
        throw new StorageError({ operation: 'take file mutex (still held after 30 s)', key });
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
    }
    try {
      return await task();
    } finally {
      await rm(lockPath, { recursive: true, force: true }).catch(() => {});
    }
  };
}

/** True for s3db.js's filesystem client (`file://`). */
export function isFileSystemClient(client: unknown): client is { basePath: string } {
  const candidate = client as { basePath?: unknown; constructor?: { name?: string } } | null;
  return (
    typeof candidate?.basePath === 'string' && candidate.constructor?.name === 'FileSystemClient'
  );
}
