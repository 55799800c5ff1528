import { DriverError } from '@cloud-inventory/core';
import {
  atlasPrivateKeyEnvironmentVariable,
  atlasPublicKeyEnvironmentVariable,
} from './atlas-options.ts';

/**
 * Atlas refused the API key (401 after the digest exchange) or denied it the project list (403,
 * e.g. the caller's IP is not on the key's access list): a DriverError of class `auth` that names
 * the credential fields and what to check; the original error (free of credentials) is the cause.
 */
export class AtlasCredentialsError extends DriverError {
  constructor(options: { error: DriverError; during: string }) {
    const { error } = options;
    const problem =
      error.statusCode === 401
        ? 'MongoDB Atlas refused the API key'
        : error.statusCode === undefined
          ? 'MongoDB Atlas denied the API key every call'
          : `MongoDB Atlas denied the API key (HTTP ${error.statusCode})`;
    super({
      message: `${problem} while ${options.during}. Check credentials.publicKey and credentials.privateKey (or the ${atlasPublicKeyEnvironmentVariable} and ${atlasPrivateKeyEnvironmentVariable} environment variables): they must be a programmatic API key with at least Organization Read Only (or Project Read Only on each project), and the key's API access list must allow this machine's IP address. ${error.message}`,
      errorClass: 'auth',
      ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
      ...(error.service === undefined ? {} : { service: error.service }),
      retryable: false,
      cause: error,
    });
    // NOTE: `name` stays 'DriverError': core recognises driver errors across package copies by it.
  }
}

/** Rethrow an auth failure as an AtlasCredentialsError; anything else as it is. */
export function toAtlasError(error: unknown, during: string): unknown {
  if (
    DriverError.isInstance(error) &&
    error.errorClass === 'auth' &&
    !(error instanceof AtlasCredentialsError)
  ) {
    return new AtlasCredentialsError({ error, during });
  }
  return error;
}
