import { DriverError } from '@cloud-inventory/core';
import { isCredentialError } from '@cloud-inventory/driver-kit';
import { describe, expect, test } from 'vitest';
import { createCredentialsProvider, memoizeCredentials } from '../src/aws-credentials.ts';
import { classifyAwsError, recordCallSite, toAwsDriverError } from '../src/aws-errors.ts';

const awsError = (name: string, status: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} message`), {
    name,
    $metadata: { httpStatusCode: status },
    ...extra,
  });

describe('classifyAwsError', () => {
  test.each([
    ['AccessDeniedException', 403, 'auth'],
    ['UnauthorizedOperation', 403, 'auth'],
    ['InvalidSignatureException', 400, 'auth'],
    ['AuthorizationErrorException', 403, 'auth'],
    ['ThrottlingException', 400, 'throttled'],
    ['RequestLimitExceeded', 503, 'throttled'],
    ['EC2ThrottledException', 502, 'throttled'],
    ['TooManyRequestsException', 429, 'throttled'],
    ['SlowDown', 503, 'throttled'],
    ['OptInRequired', 401, 'not-enabled'],
    ['SubscriptionRequiredException', 400, 'not-enabled'],
    ['InternalFailure', 500, 'server'],
    ['ServiceUnavailable', 503, 'server'],
  ])('%s (HTTP %i) is %s', (name, status, expected) => {
    expect(classifyAwsError(awsError(name, status))).toBe(expected);
  });

  test('a service with no endpoint in a region (DNS failure on amazonaws.com) is not-enabled', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND'), {
      code: 'ENOTFOUND',
      hostname: 'appsync.ap-east-2.amazonaws.com',
    });
    expect(classifyAwsError(error)).toBe('not-enabled');
    expect(
      classifyAwsError(
        Object.assign(new Error('x'), { code: 'ENOTFOUND', hostname: 'proxy.local' }),
      ),
    ).toBe('network');
  });

  test('refused credentials stay credential errors through the DriverError wrapper', () => {
    const wrapped = toAwsDriverError(awsError('InvalidClientTokenId', 403), {
      service: 'ec2',
      region: 'us-east-1',
    });
    expect(wrapped.errorClass).toBe('auth');
    expect(isCredentialError(wrapped)).toBe(true);
    const denied = toAwsDriverError(awsError('AccessDenied', 403), {
      service: 's3',
      region: 'global',
    });
    expect(isCredentialError(denied)).toBe(false);
  });

  test('messages name the operation recorded by the middleware, the code, the status and what to do', () => {
    const error = awsError('UnauthorizedOperation', 403);
    recordCallSite(error, { service: 'vpc', region: 'eu-west-1', operation: 'DescribeVpcs' });
    const wrapped = toAwsDriverError(error, { service: 'vpc', region: 'eu-west-1' });
    expect(DriverError.isInstance(wrapped)).toBe(true);
    expect(wrapped.message).toMatch(
      /^AWS vpc DescribeVpcs \(eu-west-1\) failed with UnauthorizedOperation, HTTP 403: UnauthorizedOperation message\. Grant/,
    );
    expect(wrapped).toMatchObject({
      statusCode: 403,
      service: 'vpc',
      region: 'eu-west-1',
      cause: error,
    });
  });
});

describe('credentials', () => {
  test('static keys resolve as given, with the session token', async () => {
    const provider = createCredentialsProvider(
      { accessKeyId: 'AKIDSTATIC', secretAccessKey: 'secret', sessionToken: 'token' },
      { region: 'us-east-1', maxAttempts: 1 },
    );
    await expect(provider()).resolves.toEqual({
      accessKeyId: 'AKIDSTATIC',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
  });

  test('a memoized provider resolves once, refreshes near expiry and retries after a failure', async () => {
    let calls = 0;
    let expiration = new Date(Date.now() + 3_600_000);
    const provider = memoizeCredentials(async () => {
      calls += 1;
      if (calls === 1) throw new Error('metadata service down');
      return { accessKeyId: `AKID${calls}`, secretAccessKey: 'secret', expiration };
    });
    await expect(provider()).rejects.toThrow('metadata service down');
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'AKID2' });
    await Promise.all([provider(), provider()]);
    expect(calls).toBe(2);
    expiration = new Date(Date.now() + 60_000);
    // The cached credentials still expire in an hour; force the next ones to be near expiry.
    calls = 2;
    const nearExpiry = memoizeCredentials(async () => {
      calls += 1;
      return { accessKeyId: `AKID${calls}`, secretAccessKey: 'secret', expiration };
    });
    await nearExpiry();
    await nearExpiry();
    expect(calls).toBe(4);
  });
});
