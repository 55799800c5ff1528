import type { ErrorClass } from '../types.ts';
import { CloudInventoryError } from './cloud-inventory-error.ts';

/** A driver or provider call failed. */
export class DriverError extends CloudInventoryError {
  /** Error class used for scope outcomes and run records. */
  readonly errorClass: ErrorClass;
  /** Region of the failing call. */
  readonly region?: string;
  /** HTTP status, when there was one. */
  readonly statusCode?: number;
  /** True when trying again later could succeed. */
  readonly retryable: boolean;

  constructor(options: {
    message: string;
    errorClass: ErrorClass;
    cloudId?: string;
    driver?: string;
    service?: string;
    region?: string;
    statusCode?: number;
    retryable?: boolean;
    cause?: unknown;
  }) {
    super({ ...options, name: 'DriverError' });
    this.errorClass = options.errorClass;
    if (options.region !== undefined) this.region = options.region;
    if (options.statusCode !== undefined) this.statusCode = options.statusCode;
    this.retryable =
      options.retryable ??
      (options.errorClass === 'throttled' ||
        options.errorClass === 'server' ||
        options.errorClass === 'network');
  }

  /** True for a DriverError from any copy of the package. */
  static override isInstance(error: unknown): error is DriverError {
    return CloudInventoryError.isInstance(error) && error.name === 'DriverError';
  }
}
