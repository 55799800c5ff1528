import { DriverError, type ErrorClass } from '@cloud-inventory/core';
import { isCredentialError } from '@cloud-inventory/driver-kit';

/** One entry of the envelope's `errors` (codes are documented per product; the common ones below). */
export interface CloudflareErrorDetail {
  /** Numeric error code (10000 authentication error, 9109 invalid access token, 7003 bad identifier...). */
  code?: number;
  /** Human-readable message. */
  message?: string;
  /** Nested causes (6003 "Invalid request headers" carries 6111 here). */
  error_chain?: CloudflareErrorDetail[];
}

// Codes that say the credential itself is unusable (so every other call would fail the same way):
// bad Authorization/X-Auth-* headers (6003, 6100-6111), unknown key/e-mail (9103), missing key or
// e-mail (9106, 9107), invalid API token (1000).
const credentialCodes = new Set([1000, 6003, 6100, 6101, 6102, 6103, 6111, 9103, 9106, 9107]);

// 9109 means "Invalid access token" or "Cannot use the access token from location: <ip>" (IP
// filter) for the credential, but "Unauthorized to access requested resource" for one endpoint.
const refusedTokenMessage = /invalid (access|api) token|cannot use the access token/i;

// 10042: "Please enable R2 through the Cloudflare Dashboard."; other products say it in words.
const notEnabledCodes = new Set([10042]);
const notEnabledMessage = /please enable|not enabled|not entitled|not subscribed/i;

const marker = Symbol.for('cloud-inventory.driver-cloudflare.CloudflareApiError');

function flatten(details: readonly CloudflareErrorDetail[]): CloudflareErrorDetail[] {
  return details.flatMap((detail) => [detail, ...flatten(detail.error_chain ?? [])]);
}

/** Options of a CloudflareApiError. */
export interface CloudflareApiErrorOptions {
  /** `GET /zones/{zone_id}/dns_records`: the call as a user grants it. */
  call: string;
  /** HTTP status of the answer. */
  statusCode: number;
  /** The envelope's `errors`. */
  errors: readonly CloudflareErrorDetail[];
  /** Service label. */
  service?: string;
  /** What a user can do about it (the permission the call needs). */
  hint?: string;
}

/**
 * A Cloudflare API call answered with an error status or `success: false`, classified by the
 * envelope's error codes: the credential refused (stops the sync), a permission missing on one
 * endpoint (fails that step), the product not enabled, or anything else.
 * NOTE: its `name` stays `DriverError` so core and the kit recognise it across package copies;
 * `isCloudflareApiError` recognises the subclass.
 */
export class CloudflareApiError extends DriverError {
  /** Every error code of the envelope, nested causes included. */
  readonly codes: readonly number[];
  /** True when the credential itself was refused, not one permission. */
  readonly credentialRefused: boolean;
  /** The call that failed. */
  readonly call: string;

  constructor(options: CloudflareApiErrorOptions) {
    const details = flatten(options.errors);
    const codes = details
      .map((detail) => detail.code)
      .filter((code): code is number => typeof code === 'number');
    const messages = details
      .map((detail) =>
        detail.code === undefined ? detail.message : `${detail.code}: ${detail.message ?? ''}`,
      )
      .filter(Boolean);
    const credentialRefused =
      options.statusCode === 401 ||
      codes.some((code) => credentialCodes.has(code)) ||
      details.some(
        (detail) => detail.code === 9109 && refusedTokenMessage.test(detail.message ?? ''),
      );
    const errorClass = classOf(options.statusCode, codes, details, credentialRefused);
    const said = messages.length > 0 ? ` - ${messages.join('; ')}` : '';
    super({
      message: `${options.call} failed: HTTP ${options.statusCode}${said} (${errorClass})${errorClass === 'auth' || errorClass === 'not-enabled' ? (options.hint ?? '') : ''}`,
      errorClass,
      statusCode: options.statusCode,
      retryable: false,
      ...(options.service === undefined ? {} : { service: options.service }),
    });
    this.codes = codes;
    this.credentialRefused = credentialRefused;
    this.call = options.call;
    Object.defineProperty(this, marker, { value: true });
  }

  /** True for a CloudflareApiError from any copy of the package. */
  static isCloudflareApiError(error: unknown): error is CloudflareApiError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

function classOf(
  statusCode: number,
  codes: readonly number[],
  details: readonly CloudflareErrorDetail[],
  credentialRefused: boolean,
): ErrorClass {
  if (
    codes.some((code) => notEnabledCodes.has(code)) ||
    details.some((detail) => notEnabledMessage.test(detail.message ?? ''))
  ) {
    return 'not-enabled';
  }
  if (credentialRefused || statusCode === 403 || codes.includes(10000) || codes.includes(9109)) {
    return 'auth';
  }
  if (statusCode === 429) return 'throttled';
  if (statusCode >= 500) return 'server';
  return 'unknown';
}

/** True when an error means the credential itself was refused (the sync stops), not one permission. */
export function isCloudflareCredentialError(error: unknown): boolean {
  if (CloudflareApiError.isCloudflareApiError(error)) return error.credentialRefused;
  return isCredentialError(error);
}

/**
 * Rethrow what listing throws with a message naming Cloudflare and the credential to check when
 * the credentials were refused; other errors are returned as they are.
 */
export function toCloudflareError(error: unknown, credentialSource: string): unknown {
  if (!DriverError.isInstance(error) || error.errorClass !== 'auth') return error;
  const where = error.service ? ` while listing ${error.service}` : '';
  return new DriverError({
    message: `Cloudflare refused the credentials${where}. Check ${credentialSource} (credentials.apiToken, credentials.token or the CLOUDFLARE_API_TOKEN environment variable; or a legacy credentials.apiKey with credentials.email): the token must be valid, not IP-restricted away from this host, and carry the Read permissions of the listed services. ${error.message}`,
    errorClass: 'auth',
    ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
    ...(error.service === undefined ? {} : { service: error.service }),
    retryable: false,
    cause: error,
  });
}
