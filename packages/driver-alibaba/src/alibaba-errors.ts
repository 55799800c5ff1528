import { DriverError, type ErrorClass } from '@cloud-inventory/core';
import { classifyError, isCredentialError } from '@cloud-inventory/driver-kit';

/** A failed Alibaba Cloud API call: the body's `Code` (or the OSS XML `Code`), its message and the HTTP status. */
export class AlibabaApiError extends Error {
  override readonly name = 'AlibabaApiError';
  /** Error code of the body (`Throttling.User`, `Forbidden.RAM`), when the API gave one. */
  readonly code: string | undefined;
  /** HTTP status, when there was a response. */
  readonly statusCode: number | undefined;
  /** The call (`ecs:DescribeInstances`). */
  readonly call: string;
  /** Milliseconds a Retry-After header asked to wait. */
  readonly retryAfterMs: number | undefined;
  /** Request id the API returned, for support tickets. */
  readonly requestId: string | undefined;

  constructor(options: {
    call: string;
    code?: string | undefined;
    statusCode?: number | undefined;
    message: string;
    retryAfterMs?: number | undefined;
    requestId?: string | undefined;
    cause?: unknown;
  }) {
    const status = options.statusCode === undefined ? '' : `HTTP ${options.statusCode} `;
    const code = options.code ? `${options.code}: ` : '';
    super(`${options.call} failed: ${status}${code}${options.message}`, { cause: options.cause });
    this.call = options.call;
    this.code = options.code;
    this.statusCode = options.statusCode;
    this.retryAfterMs = options.retryAfterMs;
    this.requestId = options.requestId;
  }
}

// Codes from the Alibaba Cloud error center and the API references' error tables.
const credentialCodes =
  /^(InvalidAccessKeyId(\..*)?|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken(\..*)?|SecurityTokenExpired|InvalidAccessKeySecret|InvalidAccessKeyId\.Inactive|MissingSecurityToken)$/i;
const permissionCodes =
  /^(Forbidden(\..*)?|NoPermission(\..*)?|AccessDenied(\..*)?|Forbbiden|UnauthorizedOperation|NotAuthorized|InvalidOperation\.NotAuthorized|.*\.NoPermission|.*\.Forbidden)$/i;
const throttleCodes =
  /^(Throttling(\..*)?|ServiceUnavailable\.Throttling|Throttled|TooManyRequests|RequestLimitExceeded|.*\.Throttling|QpsLimitExceeded)$/i;
const notEnabledCodes =
  /^(.*ServiceNotEnabled|.*\.NotOpen|.*NotActivated|.*\.ServiceNotOpen|UserNotActivated|InvalidRegionId(\..*)?|Unsupported\.Region|ServiceUnavailable\.NotOpen|OperationDenied\.NotOpenService|NotApplicable)$/i;
const serverCodes =
  /^(InternalError|ServiceUnavailable|UnknownError|ServiceTimeout|.*InternalError)$/i;

/** The error class of an Alibaba error code, if the code tells. */
export function errorClassForCode(code: string | undefined): ErrorClass | undefined {
  if (!code) return undefined;
  if (throttleCodes.test(code)) return 'throttled';
  if (credentialCodes.test(code) || permissionCodes.test(code)) return 'auth';
  if (notEnabledCodes.test(code)) return 'not-enabled';
  if (serverCodes.test(code)) return 'server';
  return undefined;
}

/** True when the code says the credentials themselves were refused (not a missing permission). */
export function isCredentialCode(code: string | undefined): boolean {
  return code !== undefined && credentialCodes.test(code);
}

/**
 * Classify by the body's `Code` first (the RPC API answers some errors with HTTP 200 or 400 and
 * the reason in the body), then by the HTTP status, then as the kit does.
 */
export function classifyAlibabaError(error: unknown): ErrorClass {
  if (error instanceof AlibabaApiError) {
    const byCode = errorClassForCode(error.code);
    if (byCode) return byCode;
    const status = error.statusCode;
    if (status === 401 || status === 403) return 'auth';
    if (status === 429) return 'throttled';
    if (status !== undefined && status >= 500) return 'server';
    if (status === 404) return 'not-enabled';
    return 'unknown';
  }
  if (DriverError.isInstance(error)) return error.errorClass;
  return classifyError(error);
}

/** True when an error means the AccessKey (or STS token) was refused: the whole cloud fails. */
export function isAlibabaCredentialError(error: unknown): boolean {
  // The kit's fan-out wraps the first refusal in its own DriverError: look through the causes.
  for (let link: unknown = error, depth = 0; link && depth < 5; depth++) {
    if (link instanceof AlibabaApiError) {
      return isCredentialCode(link.code) || (link.code === undefined && link.statusCode === 401);
    }
    link = (link as { cause?: unknown }).cause;
  }
  return isCredentialError(error);
}

/** A DriverError of class auth saying Alibaba Cloud refused the credentials, and which fields to check. */
export function alibabaCredentialError(error: unknown, during: string): DriverError {
  const status = error instanceof AlibabaApiError ? error.statusCode : undefined;
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return new DriverError({
    message: `Alibaba Cloud refused the credentials while ${during}${detail}. Check credentials.accessKeyId / credentials.accessKeySecret (ALIBABA_ACCESS_KEY_ID / ALIBABA_ACCESS_KEY_SECRET) and, for STS, credentials.securityToken.`,
    errorClass: 'auth',
    ...(status === undefined ? {} : { statusCode: status }),
    retryable: false,
    cause: error,
  });
}
