import { ConfigurationError } from '@cloud-inventory/core';
import {
  type AlibabaCredentials,
  alibabaEnvironmentVariables,
  type ResolvedAlibabaCredentials,
} from './alibaba-options.ts';

function fromEnvironment(
  names: readonly string[],
  environment: NodeJS.ProcessEnv,
): string | undefined {
  for (const name of names) {
    const value = environment[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The AccessKey pair (and STS token): the credentials' fields, else the environment variables. */
export function resolveAlibabaCredentials(
  credentials: AlibabaCredentials | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): ResolvedAlibabaCredentials {
  const pick = (field: keyof AlibabaCredentials) => {
    const value = credentials?.[field];
    return typeof value === 'string' && value.trim() !== ''
      ? value.trim()
      : fromEnvironment(alibabaEnvironmentVariables[field], environment);
  };
  const accessKeyId = pick('accessKeyId');
  const accessKeySecret = pick('accessKeySecret');
  const securityToken = pick('securityToken');
  const issues = [];
  if (!accessKeyId) {
    issues.push({
      path: 'credentials.accessKeyId',
      expected: `an AccessKey ID (or ${alibabaEnvironmentVariables.accessKeyId.join(' / ')})`,
      received: 'nothing',
    });
  }
  if (!accessKeySecret) {
    issues.push({
      path: 'credentials.accessKeySecret',
      expected: `an AccessKey secret (or ${alibabaEnvironmentVariables.accessKeySecret.join(' / ')})`,
      received: 'nothing',
    });
  }
  if (!accessKeyId || !accessKeySecret) throw new ConfigurationError({ issues });
  return { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) };
}
