import { readFile } from 'node:fs/promises';
import { ConfigurationError, DriverError } from '@cloud-inventory/core';
import { classifyError, statusCodeOf } from '@cloud-inventory/driver-kit';
import { type GcpEndpoints, rewriteGoogleUrl } from './gcp-endpoints.ts';
import {
  type GcpCredentials,
  type GcpServiceAccountKey,
  gcpAccessTokenEnvironmentVariable,
  gcpApplicationCredentialsEnvironmentVariable,
  gcpReadOnlyScope,
} from './gcp-options.ts';

/** Where the `Authorization` header of every call comes from. */
export interface GcpTokenSource {
  /** Which credential is used (`credentials.accessToken`, `credentials.keyFile`, `ADC`...), for messages. */
  readonly source: string;
  /** The `Authorization` header value (`Bearer ...`); refreshed by the auth library when it expires. */
  authorization(): Promise<string>;
}

/** The credential fields and variables a user can set, named in every credential error. */
export const gcpCredentialHint = `credentials.keyFile, credentials.credentials, credentials.accessToken (or the ${gcpAccessTokenEnvironmentVariable} environment variable), or Application Default Credentials (${gcpApplicationCredentialsEnvironmentVariable}, gcloud auth application-default login, the metadata server)`;

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A DriverError of class auth (or network/server when the token endpoint itself failed) naming the credential. */
function tokenError(error: unknown, source: string): DriverError {
  const status = statusCodeOf(error);
  const errorClass = status === undefined || status < 500 ? classifyOrAuth(error) : 'server';
  const reason = error instanceof Error ? error.message : String(error);
  return new DriverError({
    message: `Could not get a Google access token from ${source}: ${reason}. Set ${gcpCredentialHint}.`,
    errorClass,
    ...(status === undefined ? {} : { statusCode: status }),
    retryable: errorClass !== 'auth',
    cause: error,
  });
}

function classifyOrAuth(error: unknown): 'auth' | 'network' {
  return classifyError(error) === 'network' ? 'network' : 'auth';
}

/** The keyFile / credentials / accessToken / ADC choice, in that order of precedence after accessToken. */
export function describeGcpCredentials(
  credentials: GcpCredentials | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): { accessToken: string; source: string } | { keyFile?: string; key?: object; source: string } {
  const accessToken = nonEmpty(credentials?.accessToken);
  if (accessToken) return { accessToken, source: 'credentials.accessToken' };
  const keyFile = nonEmpty(credentials?.keyFile);
  if (credentials?.keyFile !== undefined && !keyFile) {
    throw new ConfigurationError({
      issues: [
        {
          path: 'credentials.keyFile',
          expected: 'the path of a service-account key file',
          received: JSON.stringify(credentials.keyFile),
        },
      ],
    });
  }
  if (keyFile) return { keyFile, source: `credentials.keyFile (${keyFile})` };
  const key = credentials?.credentials;
  if (key !== undefined) {
    if (typeof key !== 'object' || key === null || Array.isArray(key)) {
      throw new ConfigurationError({
        issues: [
          {
            path: 'credentials.credentials',
            expected: 'a service-account key object (the JSON of a key file)',
            received: typeof key,
          },
        ],
      });
    }
    return { key, source: 'credentials.credentials' };
  }
  const environmentToken = nonEmpty(environment[gcpAccessTokenEnvironmentVariable]);
  if (environmentToken) {
    return { accessToken: environmentToken, source: gcpAccessTokenEnvironmentVariable };
  }
  return { source: 'Application Default Credentials' };
}

async function readKeyFile(path: string, source: string): Promise<object> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw tokenError(error, source);
  }
  try {
    return JSON.parse(text) as object;
  } catch {
    // NOTE: JSON.parse quotes the text it failed on, which could be part of a private key.
    throw tokenError(new Error('the file is not valid JSON'), source);
  }
}

/** The auth library's client for a key (service account or gcloud user), or ADC when there is none. */
async function createAuthClient(
  key: GcpServiceAccountKey | undefined,
  fetchImplementation: typeof fetch,
): Promise<{ getRequestHeaders(): Promise<Headers> }> {
  const library = await import('google-auth-library');
  const transporterOptions = { fetchImplementation };
  // NOTE: the key's own type picks the client; the library's generic `credentials`/`keyFilename`
  // options are deprecated because they would also run external-account configs from any file.
  if (key === undefined) {
    return new library.GoogleAuth({
      scopes: [gcpReadOnlyScope],
      clientOptions: { transporterOptions },
    });
  }
  if (key.type === 'service_account') {
    return new library.JWT({
      email: String(key.client_email),
      key: String(key.private_key),
      ...(typeof key.private_key_id === 'string' ? { keyId: key.private_key_id } : {}),
      scopes: [gcpReadOnlyScope],
      transporterOptions,
    });
  }
  if (key.type === 'authorized_user') {
    return new library.UserRefreshClient({
      clientId: String(key.client_id),
      clientSecret: String(key.client_secret),
      refreshToken: String(key.refresh_token),
      transporterOptions,
    });
  }
  throw new ConfigurationError({
    issues: [
      {
        path: 'credentials',
        expected: `a key of type service_account or authorized_user (for workload identity federation or impersonation, point ${gcpApplicationCredentialsEnvironmentVariable} at the configuration and leave the credentials empty)`,
        received: JSON.stringify(key.type ?? 'no type'),
      },
    ],
  });
}

/**
 * Build the token source. An access token is used as is; a key file, a key object or ADC go
 * through google-auth-library (read-only cloud-platform scope), loaded only then, with its token
 * requests sent to `config.endpoint` when one is set. A key file is read here.
 */
export async function createGcpTokenSource(options: {
  credentials: GcpCredentials | undefined;
  endpoints: GcpEndpoints;
  environment?: NodeJS.ProcessEnv;
}): Promise<GcpTokenSource> {
  const choice = describeGcpCredentials(options.credentials, options.environment);
  if ('accessToken' in choice) {
    const header = `Bearer ${choice.accessToken}`;
    return { source: choice.source, authorization: async () => header };
  }
  const { endpoints } = options;
  const fetchImplementation: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return fetch(rewriteGoogleUrl(url, endpoints), init);
  };
  const key = choice.keyFile ? await readKeyFile(choice.keyFile, choice.source) : choice.key;
  const auth = await createAuthClient(key as GcpServiceAccountKey | undefined, fetchImplementation);
  return {
    source: choice.source,
    authorization: async () => {
      let headers: Headers;
      try {
        headers = await auth.getRequestHeaders();
      } catch (error) {
        throw tokenError(error, choice.source);
      }
      const authorization = headers.get('authorization');
      if (!authorization) {
        throw tokenError(
          new Error('the auth library returned no Authorization header'),
          choice.source,
        );
      }
      return authorization;
    },
  };
}
