import { recommendedDatabaseOptions } from './database-options.ts';

/** A connected s3db.js `Database` (typed loosely: s3db.js is a peer dependency). */
export type InventoryDatabase = InstanceType<typeof import('s3db.js/lite').Database>;

/**
 * Build and connect an s3db.js `Database` for the inventory with `recommendedDatabaseOptions`:
 * nothing on stdout (s3db.js otherwise logs `database connected` there at info level), no
 * process-wide signal handlers, retries only for transient S3 errors. `overrides` win.
 */
export async function connectInventoryDatabase(
  connectionString: string,
  overrides: Record<string, unknown> = {},
): Promise<InventoryDatabase> {
  // Loaded here, not at import time: s3db.js takes about half a second to load.
  const { Database } = await import('s3db.js/lite');
  const database = new Database({
    ...recommendedDatabaseOptions(connectionString),
    ...overrides,
  } as never);
  await database.connect();
  return database;
}
