import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from 's3db.js/lite';

/** A fixed redaction key so every process of a test marks secrets alike. */
export const testRedactionKey = 'reliability-test-redaction-key-0123456789';

/**
 * Errors worth retrying. NOTE: s3db.js 21.6.2's operation pool retries *every* error when this
 * list is empty (its default), so each 404 and each lost conditional write (412) waits about 7 s
 * over S3 before it surfaces. docs/running-workers.md explains why workers set this list.
 */
export const transientStorageErrors = [
  'SlowDown',
  'ServiceUnavailable',
  'InternalError',
  'RequestTimeout',
  'ThrottlingException',
  'NetworkingError',
  'TimeoutError',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNREFUSED',
  'UnknownError',
];

/** Database options the workers in these tests use for S3 connection strings (see the docs). */
export function s3DatabaseOptions(): Record<string, unknown> {
  return {
    executorPool: { retryableErrors: transientStorageErrors, retryDelay: 100 },
    // NOTE: with the recker this workspace pins (1.0.56), s3db.js's default HTTP handler throws on
    // every 204 response, so DeleteObject always fails; the AWS SDK's own handler does not.
    clientOptions: { httpClientOptions: { useReckerHandler: false } },
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
