import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recommendedDatabaseOptions, transientStorageErrors } from '@cloud-inventory/core';
import { Database } from 's3db.js/lite';

/** A fixed redaction key so every process of a test marks secrets alike. */
export const testRedactionKey = 'reliability-test-redaction-key-0123456789';

/** Database options the workers in these tests use for S3 connection strings (see the docs). */
export function s3DatabaseOptions(): Record<string, unknown> {
  const { connectionString: _unused, ...options } = recommendedDatabaseOptions('s3://bucket');
  return {
    ...options,
    executorPool: { retryableErrors: [...transientStorageErrors], retryDelay: 100 },
  };
}

/** A connected s3db.js database for a connection string (signal handlers off). */
export async function connectDatabase(
  connectionString: string,
  extra: Record<string, unknown> = {},
): Promise<any> {
  const isS3 = /^(https?|s3):/.test(connectionString);
  const database = new Database({
    connectionString,
    logLevel: 'silent',
    exitOnSignal: false,
    ...(isS3 ? s3DatabaseOptions() : {}),
    ...extra,
  } as never);
  await database.connect();
  return database;
}

/** A temp folder for a `file://` store; `remove()` deletes it. */
export function createTempStore(label: string): {
  path: string;
  connectionString: string;
  remove(): void;
} {
  const path = mkdtempSync(join(tmpdir(), `ci-${label}-`));
  return {
    path,
    connectionString: `file://${path}`,
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}
