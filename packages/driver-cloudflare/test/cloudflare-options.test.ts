import { ConfigurationError } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { CloudflareApiError } from '../src/cloudflare-errors.ts';
import {
  resolveCloudflareAuthentication,
  resolveR2Jurisdictions,
} from '../src/cloudflare-options.ts';
import { createCloudflareDriver } from '../src/driver.ts';

describe('cloudflare credentials and config', () => {
  test('takes the token from apiToken, token, then CLOUDFLARE_API_TOKEN', () => {
    expect(resolveCloudflareAuthentication({ apiToken: 'a', token: 'b' }, {})).toMatchObject({
      auth: { type: 'bearer', token: 'a' },
      source: 'credentials.apiToken',
    });
    expect(resolveCloudflareAuthentication({ token: 'b' }, {}).source).toBe('credentials.token');
    expect(resolveCloudflareAuthentication({}, { CLOUDFLARE_API_TOKEN: 'from-env' })).toMatchObject(
      { auth: { token: 'from-env' }, source: 'CLOUDFLARE_API_TOKEN' },
    );
  });

  test('accepts a legacy global key only with its e-mail', () => {
    expect(
      resolveCloudflareAuthentication({ apiKey: 'key', email: 'ops@example.com' }, {}),
    ).toMatchObject({
      auth: { type: 'header', name: 'X-Auth-Key', value: 'key' },
      headers: { 'X-Auth-Email': 'ops@example.com' },
    });
    expect(() => resolveCloudflareAuthentication({ apiKey: 'key' }, {})).toThrow(
      ConfigurationError,
    );
    expect(
      resolveCloudflareAuthentication(
        {},
        { CLOUDFLARE_API_KEY: 'key', CLOUDFLARE_EMAIL: 'ops@example.com' },
      ).source,
    ).toBe('CLOUDFLARE_API_KEY and CLOUDFLARE_EMAIL');
  });

  test('names every credential source when there is none', () => {
    expect(() => resolveCloudflareAuthentication({}, {})).toThrow(/CLOUDFLARE_API_TOKEN/);
  });

  test('requires config.accountId, refuses plain http off loopback and unknown jurisdictions', async () => {
    const driver = (config: Record<string, unknown>) =>
      createCloudflareDriver({
        id: 'cf',
        driver: 'cloudflare',
        credentials: { apiToken: 'token' },
        config,
      });
    await expect(driver({}).initialize()).rejects.toThrow(/config\.accountId/);
    await expect(
      driver({ accountId: 'a', endpoint: 'http://api.example.com/client/v4' }).initialize(),
    ).rejects.toThrow(/loopback/);
    await expect(driver({ accountId: 'a' }).initialize()).resolves.toBeUndefined();
    expect(() => resolveR2Jurisdictions(['mars'])).toThrow(ConfigurationError);
    expect(resolveR2Jurisdictions(undefined)).toEqual(['default', 'eu']);
  });
});

describe('cloudflare error classification', () => {
  const error = (statusCode: number, code: number, message: string) =>
    new CloudflareApiError({
      call: 'GET /zones',
      statusCode,
      errors: [{ code, message }],
      hint: ' The API token needs Zone → Zone → Read.',
    });

  test('tells a refused credential from a missing permission and a product not enabled', () => {
    expect(error(403, 10000, 'Authentication error')).toMatchObject({
      errorClass: 'auth',
      credentialRefused: false,
    });
    expect(error(403, 9109, 'Unauthorized to access requested resource')).toMatchObject({
      errorClass: 'auth',
      credentialRefused: false,
    });
    expect(error(403, 9109, 'Invalid access token').credentialRefused).toBe(true);
    expect(error(403, 9109, 'Cannot use the access token from location: 192.0.2.1')).toMatchObject({
      credentialRefused: true,
    });
    expect(error(400, 6003, 'Invalid request headers')).toMatchObject({
      errorClass: 'auth',
      credentialRefused: true,
    });
    expect(error(403, 10042, 'Please enable R2 through the Cloudflare Dashboard.')).toMatchObject({
      errorClass: 'not-enabled',
      credentialRefused: false,
    });
    expect(error(404, 7003, 'Could not route to /zones/x').errorClass).toBe('unknown');
  });

  test('reads nested error chains and names the permission in auth errors', () => {
    const nested = new CloudflareApiError({
      call: 'GET /zones',
      statusCode: 400,
      errors: [
        {
          code: 6003,
          message: 'Invalid request headers',
          error_chain: [{ code: 6111, message: 'Invalid format for Authorization header' }],
        },
      ],
    });
    expect(nested.codes).toEqual([6003, 6111]);
    expect(nested.message).toContain('6111: Invalid format for Authorization header');
    expect(error(403, 10000, 'Authentication error').message).toContain('Zone → Zone → Read');
    expect(CloudflareApiError.isCloudflareApiError(nested)).toBe(true);
  });
});
