const marker = Symbol.for('cloud-inventory.error');

/** Base of every error this project throws; `isInstance` works across duplicated package copies. */
export class CloudInventoryError extends Error {
  /** Cloud the error is about, when known. */
  readonly cloudId?: string;
  /** Driver name, when known. */
  readonly driver?: string;
  /** Service, when known. */
  readonly service?: string;

  constructor(options: {
    name?: string;
    message: string;
    cause?: unknown;
    cloudId?: string;
    driver?: string;
    service?: string;
  }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = options.name ?? 'CloudInventoryError';
    Object.defineProperty(this, marker, { value: true });
    if (options.cloudId !== undefined) this.cloudId = options.cloudId;
    if (options.driver !== undefined) this.driver = options.driver;
    if (options.service !== undefined) this.service = options.service;
  }

  /** True for any error of this project, even from another copy of the package. */
  static isInstance(error: unknown): error is CloudInventoryError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[marker] === true
    );
  }
}
