import { CloudInventoryError } from './cloud-inventory-error.ts';

/** One problem found while validating the plugin options. */
export interface ConfigurationIssue {
  /** Path of the bad option, e.g. `clouds[2].scheduled.cron`. */
  path: string;
  /** What was expected there. */
  expected: string;
  /** A short rendering of what was found. */
  received: string;
}

/** The plugin options are invalid; nothing was written. */
export class ConfigurationError extends CloudInventoryError {
  /** Every problem found, not only the first. */
  readonly issues: ConfigurationIssue[];

  constructor(options: { issues: ConfigurationIssue[]; cause?: unknown }) {
    const lines = options.issues.map(
      (issue) => `${issue.path}: expected ${issue.expected}, received ${issue.received}`,
    );
    super({
      name: 'ConfigurationError',
      message: `Invalid cloud inventory configuration (${options.issues.length} problem${options.issues.length === 1 ? '' : 's'}):\n  ${lines.join('\n  ')}`,
      cause: options.cause,
    });
    this.issues = options.issues;
  }

  /** True for a ConfigurationError from any copy of the package. */
  static override isInstance(error: unknown): error is ConfigurationError {
    return CloudInventoryError.isInstance(error) && error.name === 'ConfigurationError';
  }
}
