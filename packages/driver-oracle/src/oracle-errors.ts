import { DriverError } from '@cloud-inventory/core';
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
    errorClass: classifyError(first.error),
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
