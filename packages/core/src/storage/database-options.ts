/**
 * Errors worth retrying on S3. NOTE: s3db.js 21.6.2's operation pool retries *every* error when
 * this list is empty (its default), so each 404 and each lost conditional write (412) waits about
 * 7 s over S3 before it surfaces, which makes a busy lock look free late and first connects slow.
 */
export const transientStorageErrors: readonly string[] = [
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

/**
 * Options to pass to s3db.js's `Database` next to a connection string: quiet, no process-wide
 * signal handlers, and, for S3 connection strings, retries limited to transient errors and the AWS
 * SDK's own HTTP handler. NOTE: with the recker this workspace pins (1.0.56) s3db.js's default
 * handler throws on every 204 response, so DeleteObject (and lock release) would always fail.
 */
export function recommendedDatabaseOptions(connectionString: string): Record<string, unknown> {
  const isS3 = /^(https?|s3):/i.test(connectionString);
  return {
    connectionString,
    logLevel: 'silent',
    exitOnSignal: false,
    ...(isS3
      ? {
          executorPool: { retryableErrors: [...transientStorageErrors] },
          clientOptions: { httpClientOptions: { useReckerHandler: false } },
        }
      : {}),
  };
}
