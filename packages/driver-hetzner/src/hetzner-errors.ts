import { DriverError } from '@cloud-inventory/core';
import { hetznerTokenEnvironmentVariable } from './hetzner-options.ts';

/**
 * A DriverError of class `auth` that says Hetzner refused the token, where, and what to do; the
 * original error (already free of credentials) is kept as the cause and quoted.
 */
export function hetznerCredentialError(error: DriverError, during: string): DriverError {
  const refused = error.statusCode === 401 || error.statusCode === undefined;
  const problem = refused
    ? 'Hetzner Cloud refused the API token'
    : `Hetzner Cloud denied the API token access (HTTP ${error.statusCode})`;
  return new DriverError({
    message: `${problem} while ${during}. Check credentials.token (or credentials.apiToken, or the ${hetznerTokenEnvironmentVariable} environment variable): it must be an API token of the project to inventory; a read-only token is enough. ${error.message}`,
    errorClass: 'auth',
    ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
    ...(error.service === undefined ? {} : { service: error.service }),
    retryable: false,
    cause: error,
  });
}

/** Rethrow what `runScopes` throws, naming Hetzner when the token was refused. */
export function toHetznerError(error: unknown): unknown {
  if (DriverError.isInstance(error) && error.errorClass === 'auth') {
    return hetznerCredentialError(error, `listing ${error.service ?? 'the project'}`);
  }
  return error;
}
