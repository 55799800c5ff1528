import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { ConfigurationError } from '@cloud-inventory/core';
import * as common from 'oci-common';
import {
  type OracleCredentials,
  type OracleDriverConfig,
  oracleDefaultConfigFilePath,
  oracleDefaultProfile,
  oracleEnvironmentVariables as variables,
} from './oracle-options.ts';

/** How the driver signs its requests. */
export type OracleAuthMethod = 'api-key' | 'config-file' | 'instance-principal';

/** A signing identity: the SDK's provider, the tenancy and the region identity calls go to. */
export interface OracleIdentity {
  /** How the requests are signed. */
  method: OracleAuthMethod;
  /** The SDK's authentication details provider. */
  provider: common.AuthenticationDetailsProvider;
  /** Tenancy OCID. */
  tenancyId: string;
  /** Region of the credentials (home or configured), if any. */
  region: string | undefined;
  /** What to tell a user whose credentials were refused: the fields and variables to check. */
  credentialHint: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? `${homedir()}${path.slice(1)}` : path;
}

function invalid(path: string, expected: string, received: string): ConfigurationError {
  return new ConfigurationError({ issues: [{ path, expected, received }] });
}

const apiKeyHint = `credentials.tenancy, credentials.user, credentials.fingerprint and credentials.privateKey (or ${variables.tenancy}, ${variables.user}, ${variables.fingerprint}, ${variables.privateKey}/${variables.privateKeyFile}): the fingerprint must be that of the API key whose private key is given, uploaded to the user`;

/** The direct API-key fields, from the credentials or the OCI CLI environment variables. */
function apiKeyFields(credentials: OracleCredentials, environment: NodeJS.ProcessEnv) {
  const keyFile = text(environment[variables.privateKeyFile]);
  return {
    tenancy: text(credentials.tenancy) ?? text(environment[variables.tenancy]),
    user: text(credentials.user) ?? text(environment[variables.user]),
    fingerprint: text(credentials.fingerprint) ?? text(environment[variables.fingerprint]),
    privateKey:
      text(credentials.privateKey) ??
      text(environment[variables.privateKey]) ??
      (keyFile ? readKeyFile(keyFile) : undefined),
    passphrase: text(credentials.passphrase) ?? text(environment[variables.passphrase]),
    region: text(credentials.region) ?? text(environment[variables.region]),
  };
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(expandHome(path), 'utf8');
  } catch (error) {
    throw invalid(
      'credentials.privateKey',
      `a readable PEM key file in ${variables.privateKeyFile}`,
      `${path}: ${error instanceof Error ? error.message.slice(0, 80) : String(error)}`,
    );
  }
}

function signingKeyProvider(
  fields: ReturnType<typeof apiKeyFields>,
): common.SimpleAuthenticationDetailsProvider {
  const missing = (['tenancy', 'user', 'fingerprint', 'privateKey'] as const).filter(
    (field) => fields[field] === undefined,
  );
  if (missing.length > 0) {
    throw new ConfigurationError({
      issues: missing.map((field) => ({
        path: `credentials.${field}`,
        expected: `the API signing key's ${field} (all of tenancy, user, fingerprint and privateKey are needed, or use configFilePath/profile or instancePrincipal)`,
        received: 'nothing',
      })),
    });
  }
  const provider = new common.SimpleAuthenticationDetailsProvider(
    fields.tenancy!,
    fields.user!,
    fields.fingerprint!,
    fields.privateKey!,
    fields.passphrase ?? null,
  );
  try {
    // The signer parses the key: a malformed key is a configuration error, not a failed listing.
    new common.DefaultRequestSigner(provider);
  } catch (error) {
    throw invalid(
      'credentials.privateKey',
      `a PEM private key (PKCS#1 or PKCS#8)${fields.passphrase ? ' that the passphrase opens' : ', with credentials.passphrase if it is encrypted'}`,
      `a value the SDK could not parse (${error instanceof Error ? error.message.slice(0, 80) : 'unreadable'})`,
    );
  }
  return provider;
}

/**
 * Build the signing identity from the credentials: instance principal when asked
 * (`instancePrincipal: true` or `OCI_CLI_AUTH=instance_principal`), the API-key fields when any is
 * given, else the config file and profile. Throws a ConfigurationError naming the fields to fix.
 */
export async function resolveOracleIdentity(
  credentials: OracleCredentials | undefined,
  config: OracleDriverConfig,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<OracleIdentity> {
  const given = credentials ?? {};
  const configuredTenancy = text(config.tenancyId);
  if (given.instancePrincipal === true || environment[variables.auth] === 'instance_principal') {
    const builder = new common.InstancePrincipalsAuthenticationDetailsProviderBuilder();
    const provider = await builder.build();
    const tenancyId =
      configuredTenancy ?? text((builder as unknown as { tenancyId?: string }).tenancyId);
    if (!tenancyId) {
      throw invalid(
        'config.tenancyId',
        'the tenancy OCID (instance principals do not name it)',
        'nothing',
      );
    }
    return {
      method: 'instance-principal',
      provider,
      tenancyId,
      region: provider.getRegion()?.regionId,
      credentialHint:
        'the instance principal: the instance must be in a dynamic group that a policy allows to inspect and read the resources',
    };
  }
  const fields = apiKeyFields(given, environment);
  if (fields.tenancy || fields.user || fields.fingerprint || fields.privateKey) {
    const provider = signingKeyProvider(fields);
    return {
      method: 'api-key',
      provider,
      tenancyId: configuredTenancy ?? fields.tenancy!,
      region: fields.region,
      credentialHint: apiKeyHint,
    };
  }
  const path = text(given.configFilePath) ?? text(environment[variables.configFilePath]);
  const profile =
    text(given.profile) ?? text(environment[variables.profile]) ?? oracleDefaultProfile;
  const file = expandHome(path ?? oracleDefaultConfigFilePath);
  let provider: common.ConfigFileAuthenticationDetailsProvider;
  try {
    provider = new common.ConfigFileAuthenticationDetailsProvider(file, profile);
  } catch (error) {
    throw invalid(
      path ? 'credentials.configFilePath' : 'credentials',
      `a readable OCI config file with profile [${profile}] (credentials.configFilePath and credentials.profile, ${variables.configFilePath}/${variables.profile}), or the API-key fields, or instancePrincipal: true`,
      `${file}: ${error instanceof Error ? error.message.slice(0, 120) : String(error)}`,
    );
  }
  return {
    method: 'config-file',
    provider,
    tenancyId: configuredTenancy ?? provider.getTenantId(),
    region: text(given.region) ?? regionOf(provider),
    credentialHint: `the API key of profile [${profile}] in ${file} (credentials.configFilePath, credentials.profile): its fingerprint must be that of the key file it names, uploaded to the user`,
  };
}

function regionOf(provider: common.ConfigFileAuthenticationDetailsProvider): string | undefined {
  try {
    return provider.getRegion()?.regionId;
  } catch {
    // A profile without `region=` is fine when config.regions or the subscriptions name them.
    return undefined;
  }
}
