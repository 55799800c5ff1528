import { randomUUID } from 'node:crypto';
import { Database } from 's3db.js/lite';

/** s3db.js Database options. */
type DatabaseOptions = ConstructorParameters<typeof Database>[0];

/** Options of `createMemoryDatabase`; any other s3db.js Database option passes through. */
export type MemoryDatabaseOptions = Omit<DatabaseOptions, 'connectionString' | 'bucket'> & {
  /** Bucket name; unique per call by default, so tests never share storage. */
  bucket?: string;
  /** Key prefix inside the bucket. */
  keyPrefix?: string;
};

/** A connected s3db.js Database on `memory://` that never evicts, installs no signal handlers and logs nothing. */
export async function createMemoryDatabase(options: MemoryDatabaseOptions = {}): Promise<Database> {
  const { bucket, keyPrefix, clientOptions, ...databaseOptions } = options;
  const name = bucket ?? `testkit-${randomUUID()}`;
  const database = new Database({
    logLevel: 'silent',
    ...databaseOptions,
    connectionString: `memory://${encodeURIComponent(name)}${keyPrefix ? `/${keyPrefix}` : ''}`,
    exitOnSignal: false,
    // NOTE: MemoryStorage evicts least-recently-used objects past maxMemoryMB (512) without a word
    // unless `evictionEnabled` is false; Database forwards clientOptions to the MemoryClient.
    clientOptions: { ...clientOptions, evictionEnabled: false },
  });
  await database.connect();
  return database;
}

/** Disconnect a memory database and free its bucket's storage. */
export async function destroyMemoryDatabase(database: Database): Promise<void> {
  const client = database.client as unknown as { clear?: () => Promise<void> | void };
  await database.disconnect();
  await client?.clear?.();
}
