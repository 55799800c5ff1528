/** Exit codes of the `cloud-inventory` command. */
export const exitCodes = {
  /** Everything worked. */
  success: 0,
  /** The command failed. */
  failure: 1,
  /** Bad usage: unknown option, bad config, missing driver package. */
  usage: 2,
  /** A sync finished only partly (failed scopes, failed or skipped clouds). */
  partial: 3,
} as const;

/** An error the CLI prints as one line, with an optional hint and a chosen exit code. */
export class CliError extends Error {
  /** Exit code of the process. @default 1 */
  readonly exitCode: number;
  /** What to do about it, printed under the message. */
  readonly hint?: string;

  constructor(options: { message: string; hint?: string; exitCode?: number; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? exitCodes.failure;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}
