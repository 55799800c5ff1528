import { DriverError, type ErrorClass } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import {
  classifyError,
  errorClassForStatus,
  isCredentialError,
  toDriverError,
  withRetry,
} from '../src/index.ts';

function named(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} happened`), { name, ...extra });
}

function withCode(code: string | number, message = 'failed'): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyError', () => {
  test.each<[string, unknown, ErrorClass]>([
    [
      'DriverError keeps its class',
      new DriverError({ message: 'x', errorClass: 'not-enabled' }),
      'not-enabled',
    ],
    ['ECONNREFUSED', withCode('ECONNREFUSED'), 'network'],
    ['ECONNRESET', withCode('ECONNRESET'), 'network'],
    ['ETIMEDOUT', withCode('ETIMEDOUT'), 'network'],
    ['ENOTFOUND', withCode('ENOTFOUND'), 'network'],
    [
      'undici socket error in fetch cause',
      new TypeError('fetch failed', { cause: withCode('UND_ERR_SOCKET', 'other side closed') }),
      'network',
    ],
    ['bare fetch failed', new TypeError('fetch failed'), 'network'],
    ['socket hang up', new Error('socket hang up'), 'network'],
    ['AbortError', new DOMException('aborted', 'AbortError'), 'network'],
    ['TimeoutError', new DOMException('timed out', 'TimeoutError'), 'network'],
    ['AWS ThrottlingException', named('ThrottlingException'), 'throttled'],
    ['AWS Throttling', named('Throttling'), 'throttled'],
    ['AWS TooManyRequestsException', named('TooManyRequestsException'), 'throttled'],
    ['AWS RequestLimitExceeded', named('RequestLimitExceeded'), 'throttled'],
    ['AWS AccessDenied', named('AccessDenied'), 'auth'],
    ['AWS AccessDeniedException', named('AccessDeniedException'), 'auth'],
    ['AWS UnauthorizedOperation', named('UnauthorizedOperation'), 'auth'],
    ['AWS AuthFailure', named('AuthFailure'), 'auth'],
    ['AWS InvalidClientTokenId', named('InvalidClientTokenId'), 'auth'],
    ['AWS ExpiredToken', named('ExpiredToken'), 'auth'],
    ['AWS OptInRequired', named('OptInRequired'), 'not-enabled'],
    ['AWS SubscriptionRequiredException', named('SubscriptionRequiredException'), 'not-enabled'],
    ['AWS InvalidSignatureException', named('InvalidSignatureException'), 'auth'],
    ['AWS AuthorizationErrorException', named('AuthorizationErrorException'), 'auth'],
    ['AWS RequestExpired', named('RequestExpired'), 'auth'],
    ['AWS MissingAuthenticationToken', named('MissingAuthenticationToken'), 'auth'],
    [
      'AWS MissingAuthenticationTokenException',
      named('MissingAuthenticationTokenException'),
      'auth',
    ],
    ['AWS EC2ThrottledException', named('EC2ThrottledException'), 'throttled'],
    ['AWS RegionDisabledException', named('RegionDisabledException'), 'not-enabled'],
    ['AWS InvalidAction', named('InvalidAction'), 'not-enabled'],
    ['AWS UnknownOperationException', named('UnknownOperationException'), 'not-enabled'],
    ['AWS UnrecognizedServiceException', named('UnrecognizedServiceException'), 'not-enabled'],
    [
      'AWS code in Code (query protocol), HTTP 400',
      named('Error', { Code: 'InvalidSignatureException', $metadata: { httpStatusCode: 400 } }),
      'auth',
    ],
    [
      'AWS EC2ThrottledException despite HTTP 502',
      named('EC2ThrottledException', { $metadata: { httpStatusCode: 502 } }),
      'throttled',
    ],
    [
      'AWS InvalidAction despite HTTP 400 in a cause',
      new Error('wrapped', {
        cause: named('InvalidAction', { $metadata: { httpStatusCode: 400 } }),
      }),
      'not-enabled',
    ],
    [
      'ENOTFOUND on an amazonaws.com host is a network failure in general',
      Object.assign(withCode('ENOTFOUND', 'getaddrinfo ENOTFOUND'), {
        hostname: 'appsync.ap-east-2.amazonaws.com',
      }),
      'network',
    ],
    [
      'AWS by $metadata 503',
      named('SomethingOdd', { $metadata: { httpStatusCode: 503 } }),
      'server',
    ],
    [
      'AWS by $metadata 429',
      named('SomethingOdd', { $metadata: { httpStatusCode: 429 } }),
      'throttled',
    ],
    [
      'Azure RestError AuthorizationFailed',
      named('RestError', { code: 'AuthorizationFailed', statusCode: 403 }),
      'auth',
    ],
    [
      'Azure MissingSubscriptionRegistration',
      named('RestError', { code: 'MissingSubscriptionRegistration', statusCode: 409 }),
      'not-enabled',
    ],
    [
      'GCP API disabled (403)',
      Object.assign(
        new Error('Compute Engine API has not been used in project 123 before or it is disabled.'),
        { code: 403 },
      ),
      'not-enabled',
    ],
    ['gRPC RESOURCE_EXHAUSTED', withCode(8), 'throttled'],
    ['gRPC UNAUTHENTICATED', withCode(16), 'auth'],
    ['gRPC UNAVAILABLE', withCode(14), 'server'],
    ['HTTP 401 status', { status: 401 }, 'auth'],
    ['HTTP 500 statusCode', { statusCode: '500' }, 'server'],
    ['HTTP 404', { statusCode: 404 }, 'unknown'],
    ['plain Error', new Error('boom'), 'unknown'],
    ['a string', 'boom', 'unknown'],
  ])('%s', (_, error, expected) => {
    expect(classifyError(error)).toBe(expected);
  });

  test('errorClassForStatus', () => {
    expect([401, 403, 429, 408, 500, 503, 404, 400].map(errorClassForStatus)).toEqual([
      'auth',
      'auth',
      'throttled',
      'network',
      'server',
      'server',
      'unknown',
      'unknown',
    ]);
  });

  test('isCredentialError tells refused credentials from missing permissions', () => {
    expect(isCredentialError({ status: 401 })).toBe(true);
    expect(isCredentialError(named('InvalidClientTokenId'))).toBe(true);
    expect(isCredentialError(named('ExpiredToken'))).toBe(true);
    expect(isCredentialError(named('InvalidSignatureException'))).toBe(true);
    expect(isCredentialError(named('AuthorizationErrorException'))).toBe(false);
    expect(isCredentialError(named('RequestExpired'))).toBe(false);
    expect(isCredentialError(named('MissingAuthenticationTokenException'))).toBe(false);
    expect(isCredentialError({ status: 403 })).toBe(false);
    expect(isCredentialError(named('AccessDeniedException'))).toBe(false);
    expect(isCredentialError(new Error('boom'))).toBe(false);
  });

  test('toDriverError wraps with class, status, labels and cause', () => {
    const original = named('ThrottlingException', { $metadata: { httpStatusCode: 400 } });
    const wrapped = toDriverError(original, { service: 'ec2', region: 'eu-west-1' });
    expect(wrapped.errorClass).toBe('throttled');
    expect(wrapped.statusCode).toBe(400);
    expect(wrapped.retryable).toBe(true);
    expect(wrapped.message).toBe(
      'Listing ec2 in eu-west-1 failed (throttled): ThrottlingException happened',
    );
    expect(wrapped.cause).toBe(original);
    expect(toDriverError(wrapped)).toBe(wrapped);
  });

  test('withRetry retries retryable errors with backoff and gives up on others', async () => {
    let attempts = 0;
    const result = await withRetry(
      async () => {
        attempts += 1;
        if (attempts < 3) throw named('ThrottlingException');
        return 'ok';
      },
      { baseDelayMs: 1, maximumDelayMs: 2 },
    );
    expect(result).toBe('ok');
    expect(attempts).toBe(3);
    let denied = 0;
    await expect(
      withRetry(
        async () => {
          denied += 1;
          throw named('AccessDenied');
        },
        { baseDelayMs: 1 },
      ),
    ).rejects.toThrow('AccessDenied happened');
    expect(denied).toBe(1);
  });
});
