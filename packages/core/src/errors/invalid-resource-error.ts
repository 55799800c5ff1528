import { CloudInventoryError } from './cloud-inventory-error.ts';

/** A resource the driver yielded cannot be stored; it is rejected and named in the run record. */
export class InvalidResourceError extends CloudInventoryError {
  /** Resource type as given, if any. */
  readonly resourceType?: string;
  /** Resource id as given, if any. */
  readonly resourceId?: string;
  /** Field that is wrong. */
  readonly field: string;

  constructor(options: {
    message: string;
    field: string;
    cloudId?: string;
    driver?: string;
    service?: string;
    resourceType?: string;
    resourceId?: string;
    cause?: unknown;
  }) {
    super({ ...options, name: 'InvalidResourceError' });
    this.field = options.field;
    if (options.resourceType !== undefined) this.resourceType = options.resourceType;
    if (options.resourceId !== undefined) this.resourceId = options.resourceId;
  }

  /** True for an InvalidResourceError from any copy of the package. */
  static override isInstance(error: unknown): error is InvalidResourceError {
    return CloudInventoryError.isInstance(error) && error.name === 'InvalidResourceError';
  }
}
