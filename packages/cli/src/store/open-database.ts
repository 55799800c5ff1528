import { recommendedDatabaseOptions } from '@cloud-inventory/core';
import type { Database } from 's3db.js/lite';
import { CliError } from '../errors/cli-error.ts';
import { maskCredentials } from './mask-credentials.ts';
import type { StoreLocation } from './resolve-store.ts';

/** A connected s3db.js database. */
export type ConnectedDatabase = InstanceType<typeof Database>;

// NOTE: s3db.js 21.6.2 installs SIGINT/SIGTERM handlers in several places even with
// `exitOnSignal: false`: the filesystem client's global CronManager calls process.exit(0) on SIGINT
// (it is built without options), and the Database removes every listener on SIGINT (autoCleanup).
// The CLI stops syncs gracefully itself, so all of them are turned off or removed.
function detachSignalHandlers(database: any): void {
  for (const manager of [
    database.processManager,
    database.cronManager,
    database.client?.storage?.cronManager,
  ]) {
    if (typeof manager?.removeSignalHandlers === 'function') manager.removeSignalHandlers();
  }
}

/** Connect to the store; a failure is one line naming the (masked) store. */
export async function openDatabase(store: StoreLocation): Promise<ConnectedDatabase> {
  // s3db.js's own cron jobs are not used by the CLI; disabled, they register no signal handlers.
  process.env.S3DB_DISABLE_CRON ??= 'true';
  // Its default "pretty" log format starts a pino-pretty worker thread at load time, even when silent.
  process.env.S3DB_LOG_FORMAT ??= 'json';
  try {
    // Loaded on demand: s3db.js takes about half a second to import, which --help and init need not pay.
    const { Database: DatabaseClass } = await import('s3db.js/lite');
    const database = new DatabaseClass({
      ...recommendedDatabaseOptions(store.connectionString),
      autoCleanup: false,
    } as never);
    detachSignalHandlers(database);
    await database.connect();
    detachSignalHandlers(database);
    return database;
  } catch (error) {
    const reason = maskCredentials(
      error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
    );
    throw new CliError({
      message: `could not open the store ${store.display}: ${reason}`,
      hint: 'check --store / the config `store` (s3://key:secret@bucket/prefix, http://key:secret@host:9000/bucket, file:///path)',
      cause: error,
    });
  }
}
