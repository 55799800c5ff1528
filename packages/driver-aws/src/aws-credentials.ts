import {
  fromIni,
  fromNodeProviderChain,
  fromTemporaryCredentials,
} from '@aws-sdk/credential-providers';
import { type AwsCredentials, awsDefaults } from './aws-driver-options.ts';

/** A function resolving AWS credentials (the SDK's `AwsCredentialIdentityProvider`). */
export type AwsCredentialIdentityProvider = ReturnType<typeof fromNodeProviderChain>;
/** Resolved AWS credentials (the SDK's `AwsCredentialIdentity`). */
export type AwsCredentialIdentity = Awaited<ReturnType<AwsCredentialIdentityProvider>>;

/** Settings the credential providers need besides the credentials themselves. */
export interface AwsCredentialSettings {
  /** Region of the STS client used for role assumption. */
  region: string;
  /** Endpoint override, also applied to STS. */
  endpoint?: string;
  /** Attempts of the STS calls. */
  maxAttempts: number;
}

// Refresh temporary credentials this long before they expire.
const refreshMarginMs = 5 * 60 * 1000;

/**
 * One credentials provider shared by every client of the driver: dozens of (service, region)
 * clients must not each assume the role or read the shared files again.
 */
export function memoizeCredentials(
  provider: AwsCredentialIdentityProvider,
): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (pending) {
      const current = await pending.catch(() => undefined);
      const expiresAt = current?.expiration?.getTime();
      if (current && (expiresAt === undefined || expiresAt - Date.now() > refreshMarginMs)) {
        return current;
      }
    }
    const next = provider();
    pending = next;
    // A failed lookup is not cached: the next call tries again.
    next.catch(() => {
      if (pending === next) pending = undefined;
    });
    return next;
  };
}

/**
 * Build the credentials provider: static keys, a named profile or the default chain, optionally
 * wrapped in an STS AssumeRole (`roleArn`, `externalId`, `roleSessionName`).
 */
export function createCredentialsProvider(
  credentials: AwsCredentials | undefined,
  settings: AwsCredentialSettings,
): AwsCredentialIdentityProvider {
  const value = credentials ?? {};
  let base: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  if (value.accessKeyId && value.secretAccessKey) {
    base = {
      accessKeyId: value.accessKeyId,
      secretAccessKey: value.secretAccessKey,
      ...(value.sessionToken ? { sessionToken: value.sessionToken } : {}),
    };
  } else if (value.profile) {
    base = fromIni({ profile: value.profile });
  } else {
    base = fromNodeProviderChain();
  }
  if (!value.roleArn) {
    const identity = base;
    return typeof identity === 'function' ? memoizeCredentials(identity) : async () => identity;
  }
  const assumed = fromTemporaryCredentials({
    masterCredentials: base,
    params: {
      RoleArn: value.roleArn,
      RoleSessionName: value.roleSessionName ?? awsDefaults.roleSessionName,
      ...(value.externalId ? { ExternalId: value.externalId } : {}),
      ...(value.roleDurationSeconds ? { DurationSeconds: value.roleDurationSeconds } : {}),
    },
    clientConfig: {
      region: settings.region,
      maxAttempts: settings.maxAttempts,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    },
  });
  return memoizeCredentials(assumed);
}
