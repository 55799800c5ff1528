import { ConfigurationError, type ConfigurationIssue } from '@cloud-inventory/core';

/**
 * How the driver authenticates. Leave everything out to use the SDK's default chain
 * (environment, shared config and credentials files, SSO, web identity, ECS and EC2 metadata).
 */
export interface AwsCredentials {
  /** Access key id of static credentials (with `secretAccessKey`). */
  accessKeyId?: string;
  /** Secret access key of static credentials. */
  secretAccessKey?: string;
  /** Session token of temporary static credentials. */
  sessionToken?: string;
  /** Named profile of the shared config and credentials files (`~/.aws/config`). */
  profile?: string;
  /** Role to assume (STS AssumeRole) with the credentials above or the default chain. */
  roleArn?: string;
  /** External id the role's trust policy asks for. */
  externalId?: string;
  /** Session name of the assumed role, visible in CloudTrail. @default 'cloud-inventory' */
  roleSessionName?: string;
  /** Lifetime of the assumed role's credentials, in seconds. @default 3600 */
  roleDurationSeconds?: number;
}

/** Driver configuration (the cloud definition's `config`). */
export interface AwsDriverConfig {
  /** Account id; asked from STS GetCallerIdentity when left out. */
  accountId?: string;
  /** Regions to list; every region enabled for the account (EC2 DescribeRegions) when left out. */
  regions?: string[];
  /** Services to list (catalog names: `ec2`, `s3`, `rds`...); every service when left out. */
  services?: string[];
  /** Region of the home-region calls: STS, DescribeRegions and the global services. @default 'us-east-1' */
  defaultRegion?: string;
  /** One endpoint for every service (LocalStack, a proxy, the test suite's fake server). */
  endpoint?: string;
  /** Attempts per API call in the SDK's adaptive retry mode, the first included. @default 5 */
  maxAttempts?: number;
  /** Per-resource calls (tags, details) in flight inside one scope. @default 5 */
  detailConcurrency?: number;
  /** Time allowed for one HTTP request before it is abandoned (and retried). @default 30000 */
  requestTimeoutMs?: number;
}

/** Defaults of the optional settings. */
export const awsDefaults = {
  defaultRegion: 'us-east-1',
  maxAttempts: 5,
  detailConcurrency: 5,
  requestTimeoutMs: 30_000,
  roleSessionName: 'cloud-inventory',
} as const;

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const accountPattern = /^\d{12}$/;

function describe(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** Check the credentials and configuration shapes; throws one ConfigurationError listing every problem. */
export function validateAwsOptions(
  credentials: AwsCredentials | undefined,
  config: AwsDriverConfig,
): void {
  const issues: ConfigurationIssue[] = [];
  const credentialsValue = credentials ?? {};
  if (typeof credentialsValue !== 'object' || credentialsValue === null) {
    issues.push({ path: 'credentials', expected: 'an object', received: typeof credentials });
  } else {
    if (Boolean(credentialsValue.accessKeyId) !== Boolean(credentialsValue.secretAccessKey)) {
      issues.push({
        path: credentialsValue.accessKeyId
          ? 'credentials.secretAccessKey'
          : 'credentials.accessKeyId',
        expected: 'both accessKeyId and secretAccessKey, or neither',
        // NOTE: never echo a credential value.
        received: 'only one of them',
      });
    }
    if (credentialsValue.sessionToken && !credentialsValue.accessKeyId) {
      issues.push({
        path: 'credentials.sessionToken',
        expected: 'accessKeyId and secretAccessKey alongside the session token',
        received: 'a session token alone',
      });
    }
    if (credentialsValue.profile !== undefined && typeof credentialsValue.profile !== 'string') {
      issues.push({
        path: 'credentials.profile',
        expected: 'a profile name',
        received: describe(credentialsValue.profile),
      });
    }
    if (
      credentialsValue.roleArn !== undefined &&
      !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(String(credentialsValue.roleArn))
    ) {
      issues.push({
        path: 'credentials.roleArn',
        expected: 'a role ARN like arn:aws:iam::123456789012:role/inventory-reader',
        received: describe(credentialsValue.roleArn),
      });
    }
  }
  if (config.accountId !== undefined && !accountPattern.test(String(config.accountId))) {
    issues.push({
      path: 'config.accountId',
      expected: 'a 12-digit account id',
      received: describe(config.accountId),
    });
  }
  if (config.regions !== undefined && config.regions !== null) {
    if (!Array.isArray(config.regions)) {
      issues.push({
        path: 'config.regions',
        expected: 'an array of region names',
        received: describe(config.regions),
      });
    } else {
      config.regions.forEach((region, index) => {
        if (typeof region !== 'string' || !(regionPattern.test(region) || region.includes('*'))) {
          issues.push({
            path: `config.regions[${index}]`,
            expected: 'a region name like us-east-1 (or a pattern like eu-*)',
            received: describe(region),
          });
        }
      });
    }
  }
  if (config.defaultRegion !== undefined && !regionPattern.test(String(config.defaultRegion))) {
    issues.push({
      path: 'config.defaultRegion',
      expected: 'a region name like us-east-1',
      received: describe(config.defaultRegion),
    });
  }
  if (config.endpoint !== undefined && !URL.canParse(String(config.endpoint))) {
    issues.push({
      path: 'config.endpoint',
      expected: 'an absolute URL',
      received: describe(config.endpoint),
    });
  }
  for (const field of ['maxAttempts', 'detailConcurrency', 'requestTimeoutMs'] as const) {
    const value = config[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      issues.push({
        path: `config.${field}`,
        expected: 'a positive integer',
        received: describe(value),
      });
    }
  }
  if (issues.length > 0) throw new ConfigurationError({ issues });
}

/** The partition of a region: `aws`, `aws-cn` or `aws-us-gov`. */
export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
