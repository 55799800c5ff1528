import type { RetryOptions } from '@cloud-inventory/driver-kit';

/**
 * Environment variables read when the credentials leave a field out: the seed's names first, then
 * the ones the Alibaba Cloud CLI and SDKs read.
 */
export const alibabaEnvironmentVariables = {
  accessKeyId: ['ALIBABA_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_ID'],
  accessKeySecret: ['ALIBABA_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'],
  securityToken: ['ALIBABA_SECURITY_TOKEN', 'ALIBABA_CLOUD_SECURITY_TOKEN'],
} as const;

/** Region the account-wide calls (DescribeRegions, OSS ListBuckets) go to. @default 'cn-hangzhou' */
export const alibabaDefaultRegion = 'cn-hangzhou';

/** Page size asked of every list call (most Describe* APIs accept up to 50 or 100). @default 50 */
export const alibabaDefaultPageSize = 50;

/** Credentials of the Alibaba driver: an AccessKey pair of a RAM user, or an STS token with its pair. */
export interface AlibabaCredentials {
  /** AccessKey ID; `ALIBABA_ACCESS_KEY_ID` or `ALIBABA_CLOUD_ACCESS_KEY_ID`. */
  accessKeyId?: string;
  /** AccessKey secret; `ALIBABA_ACCESS_KEY_SECRET` or `ALIBABA_CLOUD_ACCESS_KEY_SECRET`. */
  accessKeySecret?: string;
  /** STS security token, with a temporary AccessKey pair; `ALIBABA_CLOUD_SECURITY_TOKEN`. */
  securityToken?: string;
}

/** The credentials after the environment fallbacks: both key fields present. */
export interface ResolvedAlibabaCredentials {
  /** AccessKey ID. */
  accessKeyId: string;
  /** AccessKey secret. */
  accessKeySecret: string;
  /** STS security token, if any. */
  securityToken?: string;
}

/** Retry policy of the driver's calls, plus the cap of a Retry-After wait. */
export interface AlibabaRetryOptions extends RetryOptions {
  /** Cap of one Retry-After wait. @default 60000 */
  maximumWaitMs?: number;
}

/** `config` of an Alibaba Cloud definition. */
export interface AlibabaDriverConfig {
  /** Account id recorded on every resource. @default the account UID (sts:GetCallerIdentity) */
  accountId?: string;
  /** Services to list (`ecs`, `vpc`, `oss`, ...); all when empty. */
  services?: string[];
  /** Regions to list (`cn-hangzhou`, ...); every region DescribeRegions returns when empty. */
  regions?: string[];
  /** Region of the account-wide calls (DescribeRegions, OSS ListBuckets). @default 'cn-hangzhou' */
  defaultRegion?: string;
  /**
   * Base URL of every API, OSS included (`http://127.0.0.1:8080`): proxies and tests. Plain http
   * only for loopback addresses.
   */
  endpoint?: string;
  /** Page size of list calls. @default 50 */
  pageSize?: number;
  /** Timeout of one HTTP attempt in milliseconds. @default 60000 */
  timeoutMs?: number;
  /** Retries of throttling, 5xx and network errors. */
  retry?: AlibabaRetryOptions;
}
