const marker = Symbol.for('cloud-inventory.serve.http-error');

/** An error the dashboard answers with its HTTP status and message (API: JSON, pages: an error page). */
export class HttpError extends Error {
  /** HTTP status of the response. */
  readonly status: 400 | 404;
  /** Short machine-readable code (`bad-parameter`, `not-found`). */
  readonly code: string;
  readonly [marker] = true;

  constructor(options: { status: 400 | 404; code: string; message: string; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpError';
    this.status = options.status;
    this.code = options.code;
  }

  /** True for any HttpError, also across duplicated package copies. */
  static isInstance(error: unknown): error is HttpError {
    return typeof error === 'object' && error !== null && (error as never)[marker] === true;
  }
}

/** A query parameter or path value that cannot be used: 400 with what was wrong and what works. */
export class BadParameterError extends HttpError {
  /** The parameter at fault. */
  readonly parameter: string;

  constructor(options: { parameter: string; message: string; cause?: unknown }) {
    super({ status: 400, code: 'bad-parameter', message: options.message, cause: options.cause });
    this.name = 'BadParameterError';
    this.parameter = options.parameter;
  }
}

/** Something asked for by id that the store does not hold: 404. */
export class NotFoundError extends HttpError {
  constructor(options: { message: string; cause?: unknown }) {
    super({ status: 404, code: 'not-found', message: options.message, cause: options.cause });
    this.name = 'NotFoundError';
  }
}
