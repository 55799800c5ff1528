import { describe, expect, test } from 'vitest';
import { extractProviderMessage, redactHeaders, redactSecrets, redactUrl } from '../src/index.ts';

describe('redaction', () => {
  test('redactUrl drops userinfo and secret-looking query values', () => {
    expect(
      redactUrl(
        'https://user:pass@api.example.com/v1/x?page=2&api_key=abc&X-Amz-Signature=def&sig=ghi',
      ),
    ).toBe(
      'https://api.example.com/v1/x?page=2&api_key=REDACTED&X-Amz-Signature=REDACTED&sig=REDACTED',
    );
    expect(redactUrl('/v1/x?access_token=abc&per_page=10')).toBe(
      '/v1/x?access_token=REDACTED&per_page=10',
    );
    expect(redactUrl(new URL('http://127.0.0.1:3000/a'))).toBe('http://127.0.0.1:3000/a');
  });

  test('redactHeaders hides credentials and keeps the rest', () => {
    expect(
      redactHeaders(
        new Headers({
          Authorization: 'Bearer abc',
          'X-Auth-Key': 'k',
          Cookie: 'c',
          'X-Amz-Security-Token': 't',
          'Content-Type': 'application/json',
          'X-RateLimit-Remaining': '5',
        }),
      ),
    ).toEqual({
      authorization: 'REDACTED',
      'x-auth-key': 'REDACTED',
      cookie: 'REDACTED',
      'x-amz-security-token': 'REDACTED',
      'content-type': 'application/json',
      'x-ratelimit-remaining': '5',
    });
    expect(redactHeaders({ 'Proxy-Authorization': 'Basic x', accept: ['a', 'b'] })).toEqual({
      'proxy-authorization': 'REDACTED',
      accept: 'a, b',
    });
  });

  test('redactSecrets scrubs known values', () => {
    expect(redactSecrets('token abcdef leaked twice: abcdef', ['abcdef', undefined, 'ab'])).toBe(
      'token REDACTED leaked twice: REDACTED',
    );
  });

  test('extractProviderMessage reads the error shapes of the providers', () => {
    expect(
      extractProviderMessage({ id: 'not_found', message: 'The resource was not found.' }),
    ).toBe('not_found: The resource was not found.');
    expect(
      extractProviderMessage({ error: { code: 'rate_limit_exceeded', message: 'slow down' } }),
    ).toBe('rate_limit_exceeded: slow down');
    expect(extractProviderMessage({ errors: [{ reason: 'Invalid Token' }] })).toBe('Invalid Token');
    expect(
      extractProviderMessage({ errors: [{ code: 10000, message: 'Authentication error' }] }),
    ).toBe('10000: Authentication error');
    expect(
      extractProviderMessage({ detail: 'You are not authorized.', errorCode: 'USER_UNAUTHORIZED' }),
    ).toBe('USER_UNAUTHORIZED: You are not authorized.');
    expect(extractProviderMessage({ error: 'Invalid API key' })).toBe('Invalid API key');
    expect(
      extractProviderMessage(
        '<Response><Errors><Error><Code>AuthFailure</Code><Message>bad</Message></Error></Errors></Response>',
      ),
    ).toBe('AuthFailure: bad');
    expect(extractProviderMessage('')).toBeUndefined();
    expect(extractProviderMessage('x'.repeat(400))?.length).toBe(303);
  });
});
