import { CloudInventoryError } from './cloud-inventory-error.ts';

/** A driver implements a contract version this core does not know. */
export class UnsupportedDriverVersionError extends CloudInventoryError {
  /** Version the driver declared. */
  readonly specificationVersion: string;

  constructor(options: {
    driver: string;
    specificationVersion: string;
    supported: readonly string[];
  }) {
    super({
      name: 'UnsupportedDriverVersionError',
      message: `Driver "${options.driver}" implements contract ${options.specificationVersion}; this @cloud-inventory/core supports ${options.supported.join(', ')}. Upgrade @cloud-inventory/core or use a matching driver version.`,
      driver: options.driver,
    });
    this.specificationVersion = options.specificationVersion;
  }

  /** True for an UnsupportedDriverVersionError from any copy of the package. */
  static override isInstance(error: unknown): error is UnsupportedDriverVersionError {
    return CloudInventoryError.isInstance(error) && error.name === 'UnsupportedDriverVersionError';
  }
}
