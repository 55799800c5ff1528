import { CloudInventoryError } from './cloud-inventory-error.ts';

/** A storage (s3db.js / S3) operation failed after retries. */
export class StorageError extends CloudInventoryError {
  /** What the engine was doing (`write version`, `read index shard`). */
  readonly operation: string;
  /** Object key or record id involved. */
  readonly key?: string;

  constructor(options: { operation: string; key?: string; cloudId?: string; cause?: unknown }) {
    const causeMessage = options.cause instanceof Error ? `: ${options.cause.message}` : '';
    super({
      name: 'StorageError',
      message: `Storage failed to ${options.operation}${options.key ? ` (${options.key})` : ''}${options.cloudId ? ` for cloud ${options.cloudId}` : ''}${causeMessage}`,
      cloudId: options.cloudId,
      cause: options.cause,
    });
    this.operation = options.operation;
    if (options.key !== undefined) this.key = options.key;
  }

  /** True for a StorageError from any copy of the package. */
  static override isInstance(error: unknown): error is StorageError {
    return CloudInventoryError.isInstance(error) && error.name === 'StorageError';
  }
}
