import { DriverError, type ErrorClass } from '@cloud-inventory/core';
import { classifyError, statusCodeOf } from '@cloud-inventory/driver-kit';

/** The OCI error code and message of an SDK error (`OciError`), or the message of any other. */
export function describeOracleError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const record = error as { statusCode?: unknown; serviceCode?: unknown; message?: unknown };
  const message = typeof record.message === 'string' ? record.message : String(error);
  if (typeof record.statusCode === 'number' && typeof record.serviceCode === 'string') {
    return `HTTP ${record.statusCode} ${record.serviceCode}: ${message}`;
  }
  return message;
}

/**
 * The kit's classifier, plus OCI's `SignUpRequired` (402/403: the service needs an opt-in, so it is
 * not enabled, not a missing permission). NotAuthorizedOrNotFound (404) stays `auth`.
 */
export function classifyOracleError(error: unknown): ErrorClass {
  for (
    let link: unknown = error, depth = 0;
    link && typeof link === 'object' && depth < 5;
    depth++
  ) {
    if ((link as { serviceCode?: unknown }).serviceCode === 'SignUpRequired') return 'not-enabled';
    link = (link as { cause?: unknown }).cause;
  }
  return classifyError(error);
}

/**
 * The failure of one listing step after every compartment was tried: names the call, how many
 * compartments failed and why; classed like the first failure (auth for NotAuthorizedOrNotFound).
 */
export function oracleListingError(options: {
  call: string;
  service: string;
  region: string;
  failures: { compartmentId: string; error: unknown }[];
  compartmentCount: number;
}): DriverError {
  const first = options.failures[0]!;
  const shown = options.failures
    .slice(0, 3)
    .map((failure) => `${failure.compartmentId}: ${describeOracleError(failure.error)}`)
    .join('; ');
  const more = options.failures.length > 3 ? `; and ${options.failures.length - 3} more` : '';
  return new DriverError({
    message: `${options.call} failed in ${options.failures.length} of ${options.compartmentCount} compartment(s) (${shown}${more}). The other compartments were listed; nothing of this type is marked deleted in ${options.region} until every compartment can be listed.`,
    errorClass: classifyOracleError(first.error),
    statusCode: statusCodeOf(first.error),
    service: options.service,
    region: options.region,
    cause: first.error,
  });
}

/** A DriverError of class auth saying OCI refused the credentials, and which fields to check. */
export function oracleCredentialError(options: {
  error: unknown;
  during: string;
  hint: string;
}): DriverError {
  const status = statusCodeOf(options.error);
  return new DriverError({
    message: `Oracle Cloud refused the credentials while ${options.during}${status ? ` (HTTP ${status})` : ''}. Check ${options.hint}. ${describeOracleError(options.error)}`,
    errorClass: 'auth',
    ...(status === undefined ? {} : { statusCode: status }),
    retryable: false,
    cause: options.error,
  });
}
