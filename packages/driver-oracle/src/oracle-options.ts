import type { RetryOptions } from '@cloud-inventory/driver-kit';

/** Environment variables read when the credentials leave a field out (the names the OCI CLI uses). */
export const oracleEnvironmentVariables = {
  configFilePath: 'OCI_CLI_CONFIG_FILE',
  profile: 'OCI_CLI_PROFILE',
  auth: 'OCI_CLI_AUTH',
  tenancy: 'OCI_CLI_TENANCY',
  user: 'OCI_CLI_USER',
  fingerprint: 'OCI_CLI_FINGERPRINT',
  privateKey: 'OCI_CLI_KEY_CONTENT',
  privateKeyFile: 'OCI_CLI_KEY_FILE',
  passphrase: 'OCI_CLI_PASSPHRASE',
  region: 'OCI_CLI_REGION',
} as const;

/** Default config file of the OCI SDKs and CLI. */
export const oracleDefaultConfigFilePath = '~/.oci/config';

/** Default profile of an OCI config file. */
export const oracleDefaultProfile = 'DEFAULT';

/** Page size asked of every list call (most OCI list APIs accept up to 1000). @default 100 */
export const oracleDefaultPageSize = 100;

/**
 * Credentials of the Oracle driver: one of a config file and profile, instance principal, or the
 * API signing key fields given directly.
 */
export interface OracleCredentials {
  /** OCI config file (`~/.oci/config`); `OCI_CLI_CONFIG_FILE`. */
  configFilePath?: string;
  /** Profile of the config file; `OCI_CLI_PROFILE`. @default 'DEFAULT' */
  profile?: string;
  /** Sign as the compute instance the process runs on (instance principal); `OCI_CLI_AUTH=instance_principal`. */
  instancePrincipal?: boolean;
  /** Tenancy OCID; `OCI_CLI_TENANCY`. */
  tenancy?: string;
  /** User OCID; `OCI_CLI_USER`. */
  user?: string;
  /** Fingerprint of the API signing key; `OCI_CLI_FINGERPRINT`. */
  fingerprint?: string;
  /** PEM private key of the API signing key; `OCI_CLI_KEY_CONTENT` (or a file in `OCI_CLI_KEY_FILE`). */
  privateKey?: string;
  /** Passphrase of the private key, if it has one; `OCI_CLI_PASSPHRASE`. */
  passphrase?: string;
  /** Region the identity calls go to (`us-ashburn-1`); `OCI_CLI_REGION`. */
  region?: string;
}

/** Retry policy of the driver's HTTP layer, plus the cap of a Retry-After wait. */
export interface OracleRetryOptions extends RetryOptions {
  /** Cap of one Retry-After wait. @default 60000 */
  maximumWaitMs?: number;
}

/** `config` of an Oracle cloud definition. */
export interface OracleDriverConfig {
  /** Account id recorded on every resource. @default the tenancy OCID */
  accountId?: string;
  /** Tenancy OCID, when the credentials do not carry it (instance principal). */
  tenancyId?: string;
  /** Compartment to inventory with all its children. @default the tenancy (every compartment) */
  compartmentId?: string;
  /** Services to list (`compute`, `vcn`, ...); all when empty. */
  services?: string[];
  /** Regions to list (`us-ashburn-1`, ...); every subscribed region when empty. */
  regions?: string[];
  /**
   * Base URL of every service, `{region}` replaced per region (`http://127.0.0.1:8080/{region}`):
   * proxies and tests. Plain http only for loopback addresses.
   */
  endpoint?: string;
  /** Page size of list calls. @default 100 */
  pageSize?: number;
  /** Timeout of one HTTP attempt in milliseconds. @default 60000 */
  timeoutMs?: number;
  /** Retries of 429, 5xx and network errors. */
  retry?: OracleRetryOptions;
}
