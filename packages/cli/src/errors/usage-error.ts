import { CliError, exitCodes } from './cli-error.ts';

/** Bad usage (unknown option, bad argument, bad config); exits with code 2. */
export class UsageError extends CliError {
  constructor(options: { message: string; hint?: string; cause?: unknown }) {
    super({ ...options, exitCode: exitCodes.usage });
    this.name = 'UsageError';
  }
}
