import { CloudInventoryError } from './cloud-inventory-error.ts';

/** This worker's lock on a cloud expired or was taken over; it stopped writing. */
export class LockLostError extends CloudInventoryError {
  constructor(options: { cloudId: string; cause?: unknown; reason?: string }) {
    super({
      name: 'LockLostError',
      message: options.reason
        ? `Lost the lock on cloud ${options.cloudId}: ${options.reason}; this worker stopped writing.`
        : `Lost the lock on cloud ${options.cloudId} (expired or taken over by another worker); this worker stopped writing. Raise lock.ttl if syncs take longer than it.`,
      cloudId: options.cloudId,
      cause: options.cause,
    });
  }

  /** True for a LockLostError from any copy of the package. */
  static override isInstance(error: unknown): error is LockLostError {
    return CloudInventoryError.isInstance(error) && error.name === 'LockLostError';
  }
}
