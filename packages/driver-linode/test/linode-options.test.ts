import { ConfigurationError } from '@cloud-inventory/core';
import { listAll, rejectionOf } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { createLinodeDriver } from '../src/driver.ts';
import {
  resolveLinodeBaseUrl,
  resolveLinodePageSize,
  resolveLinodeToken,
} from '../src/linode-options.ts';
import { createTestDriver, startLinodeApi } from './linode-test-helpers.ts';

describe('linode options', () => {
  test('reads the token from credentials.token, credentials.apiToken, then LINODE_TOKEN', () => {
    expect(resolveLinodeToken({ token: ' a ' }, {})).toBe('a');
    expect(resolveLinodeToken({ apiToken: 'b' }, {})).toBe('b');
    expect(resolveLinodeToken({}, { LINODE_TOKEN: 'c' })).toBe('c');
    expect(resolveLinodeToken({ token: 'a' }, { LINODE_TOKEN: 'c' })).toBe('a');
    const error = (() => {
      try {
        resolveLinodeToken(undefined, {});
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected a ConfigurationError');
    })();
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('LINODE_TOKEN');
  });

  test('checks page_size against the API’s 25..500', () => {
    expect(resolveLinodePageSize(undefined)).toBe(500);
    expect(resolveLinodePageSize(25)).toBe(25);
    for (const wrong of [24, 501, 2.5, '100']) {
      expect(() => resolveLinodePageSize(wrong)).toThrow(/config\.pageSize/);
    }
  });

  test('takes the endpoint without a version, and drops a trailing /v4 or /v4beta', () => {
    expect(resolveLinodeBaseUrl(undefined)).toBe('https://api.linode.com');
    expect(resolveLinodeBaseUrl('https://api.linode.com/v4')).toBe('https://api.linode.com');
    expect(resolveLinodeBaseUrl('https://proxy.example.com/linode/v4beta/')).toBe(
      'https://proxy.example.com/linode',
    );
    expect(resolveLinodeBaseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  test('refuses plain http to anything but a loopback address', () => {
    expect(() => resolveLinodeBaseUrl('http://api.linode.com', 'cloud prod')).toThrow(
      /cloud prod: config\.endpoint/,
    );
    expect(() => resolveLinodeBaseUrl('ftp://api.linode.com')).toThrow(ConfigurationError);
  });

  test('calls the versioned paths under a configured endpoint that already names /v4', async () => {
    const api = await startLinodeApi();
    try {
      const driver = createTestDriver(api, { endpoint: `${api.url}/v4`, services: ['volumes'] });
      const { resources } = await listAll(driver);
      expect(resources).toHaveLength(3);
      expect(api.requests.every((entry) => entry.path.startsWith('/v4/'))).toBe(true);
    } finally {
      await api.close();
    }
  });

  test('fails initialize() without a token, before any request', async () => {
    const previous = process.env.LINODE_TOKEN;
    delete process.env.LINODE_TOKEN;
    try {
      const driver = createLinodeDriver({
        id: 'linode-test',
        driver: 'linode',
        credentials: {},
        config: { endpoint: 'http://127.0.0.1:9' },
      });
      const error = await rejectionOf(driver.initialize());
      expect(error.message).toContain('credentials.token');
    } finally {
      if (previous !== undefined) process.env.LINODE_TOKEN = previous;
    }
  });
});
