import { DriverError } from '@cloud-inventory/core';
import { statusCodeOf } from '@cloud-inventory/driver-kit';
import { vultrApiKeyEnvironmentVariable } from './vultr-options.ts';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A DriverError of class `auth` saying Vultr refused the API key, where, and what to do; the
 * original error (already free of credentials) is kept as the cause and quoted.
 */
export function vultrCredentialError(error: unknown, during: string): DriverError {
  const statusCode = statusCodeOf(error);
  const service = DriverError.isInstance(error) ? error.service : undefined;
  return new DriverError({
    message: `Vultr refused the API key${statusCode === undefined ? '' : ` (HTTP ${statusCode})`} while ${during}. Check credentials.apiKey (or credentials.token, or the ${vultrApiKeyEnvironmentVariable} environment variable): it must be an API key with API access enabled, and the address this sync runs from must be on the key's access control list (Vultr answers 401 to addresses outside it). ${messageOf(error)}`,
    errorClass: 'auth',
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(service === undefined ? {} : { service }),
    retryable: false,
    cause: error,
  });
}

/** Rethrow what `runSteps` throws, naming Vultr and the credential when the API key was refused. */
export function toVultrError(error: unknown): unknown {
  if (!DriverError.isInstance(error) || error.errorClass !== 'auth') return error;
  // A refused key (401): runSteps stops at the first refusal and keeps it as the cause.
  if (DriverError.isInstance(error.cause)) {
    return vultrCredentialError(error.cause, `listing ${error.cause.service ?? 'the account'}`);
  }
  // Every step denied (403s): the key is valid, its user lacks the permissions.
  return new DriverError({
    message: `Vultr denied the API key every listing it tried. A user's API key carries that user's permissions: give the user "View Servers" (subscriptions_view) and the DNS, Firewall, Load Balancer and Object Storage permissions, or use a key of a user with "Manage Users". ${messageOf(error)}`,
    errorClass: 'auth',
    retryable: false,
    cause: error,
  });
}
