import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { AzureCredentialSource } from './azure-options.ts';

// NOTE: a pre-issued token carries its own expiry, which the driver cannot read reliably; an hour
// from now keeps the SDK's bearer policy from asking again during one sync, and ARM answers 401
// once the token has really expired.
const assumedTokenLifetimeMs = 60 * 60 * 1000;

/** A TokenCredential that hands out one pre-issued ARM access token. */
export class StaticAccessTokenCredential implements TokenCredential {
  readonly #token: string;

  constructor(token: string) {
    this.#token = token;
  }

  /** The pre-issued token, whatever the scopes. */
  async getToken(): Promise<AccessToken> {
    return { token: this.#token, expiresOnTimestamp: Date.now() + assumedTokenLifetimeMs };
  }
}

/** The TokenCredential of a credential source (built in `initialize()`; `@azure/identity` loads only when needed). */
export async function createAzureCredential(
  source: AzureCredentialSource,
): Promise<TokenCredential> {
  if (source.kind === 'access-token') return new StaticAccessTokenCredential(source.token);
  const { ClientSecretCredential, DefaultAzureCredential } = await import('@azure/identity');
  return source.kind === 'service-principal'
    ? new ClientSecretCredential(source.tenantId, source.clientId, source.clientSecret)
    : new DefaultAzureCredential();
}
