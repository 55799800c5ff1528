import type { ErrorClass } from '@cloud-inventory/core';
import { classifyError, isCredentialError } from '@cloud-inventory/driver-kit';

// Errors `@azure/identity` throws when it cannot get a token: the credentials are the problem,
// whatever the HTTP status (often none) of the request that asked for it.
const identityFailureNames = new Set([
  'AuthenticationError',
  'AggregateAuthenticationError',
  'AuthenticationRequiredError',
  'CredentialUnavailableError',
]);

function* causeChain(error: unknown): Generator<unknown> {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/** True when `@azure/identity` could not get a token (service principal refused, no credential found). */
export function isAzureIdentityFailure(error: unknown): boolean {
  for (const link of causeChain(error)) {
    const name = (link as { name?: unknown }).name;
    if (typeof name === 'string' && identityFailureNames.has(name)) return true;
  }
  return false;
}

/** The kit's classification, with `@azure/identity` failures as `auth`. */
export function classifyAzureError(error: unknown): ErrorClass {
  return isAzureIdentityFailure(error) ? 'auth' : classifyError(error);
}

/** True when the credentials themselves were refused (a 401, or no token from `@azure/identity`): the whole sync stops. */
export function isAzureCredentialFailure(error: unknown): boolean {
  return isAzureIdentityFailure(error) || isCredentialError(error);
}
