import { ConfigurationError } from '@cloud-inventory/core';
import { rejectionOf } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { resolveAtlasApiKey, resolveAtlasConfig } from '../src/atlas-options.ts';
import { createAtlasDriver } from '../src/driver.ts';

describe('mongodb-atlas options', () => {
  test('reads the key pair from the credentials, else from MONGODB_ATLAS_PUBLIC_KEY / MONGODB_ATLAS_PRIVATE_KEY', () => {
    expect(resolveAtlasApiKey({ publicKey: ' pub ', privateKey: 'priv' }, {})).toEqual({
      publicKey: 'pub',
      privateKey: 'priv',
    });
    expect(
      resolveAtlasApiKey(
        {},
        { MONGODB_ATLAS_PUBLIC_KEY: 'env-pub', MONGODB_ATLAS_PRIVATE_KEY: 'env-priv' },
      ),
    ).toEqual({ publicKey: 'env-pub', privateKey: 'env-priv' });
    expect(
      resolveAtlasApiKey({ publicKey: 'pub' }, { MONGODB_ATLAS_PRIVATE_KEY: 'env-priv' }),
    ).toEqual({ publicKey: 'pub', privateKey: 'env-priv' });
  });

  test('a missing key fails initialize() with a ConfigurationError naming the field and the variable', async () => {
    const driver = createAtlasDriver({
      id: 'atlas',
      driver: 'mongodb-atlas',
      credentials: { publicKey: 'pub' },
      config: {},
    });
    const previous = process.env.MONGODB_ATLAS_PRIVATE_KEY;
    delete process.env.MONGODB_ATLAS_PRIVATE_KEY;
    try {
      const failure = await rejectionOf(driver.initialize());
      expect(failure).toBeInstanceOf(ConfigurationError);
      expect(failure.message).toContain('credentials.privateKey');
      expect(failure.message).toContain('MONGODB_ATLAS_PRIVATE_KEY');
      expect(failure.message).not.toContain('credentials.publicKey');
    } finally {
      if (previous !== undefined) process.env.MONGODB_ATLAS_PRIVATE_KEY = previous;
    }
  });

  test('config.endpoint: https anywhere, plain http only for loopback; default cloud.mongodb.com', () => {
    expect(resolveAtlasConfig({}, {}).endpoint).toBe('https://cloud.mongodb.com');
    expect(resolveAtlasConfig({ endpoint: 'http://127.0.0.1:8080/' }, {}).endpoint).toBe(
      'http://127.0.0.1:8080',
    );
    expect(() => resolveAtlasConfig({ endpoint: 'http://atlas.example.com' }, {})).toThrow(
      ConfigurationError,
    );
  });

  test('itemsPerPage is 1 to 500 (500 by default); the organization comes from config or credentials', () => {
    expect(resolveAtlasConfig({}, {}).itemsPerPage).toBe(500);
    expect(() => resolveAtlasConfig({ itemsPerPage: 501 }, {})).toThrow(/config.itemsPerPage/);
    expect(() => resolveAtlasConfig({ eventsWindowDays: 0 }, {})).toThrow(/eventsWindowDays/);
    expect(resolveAtlasConfig({}, { organizationId: 'org-1' }).organizationId).toBe('org-1');
    expect(
      resolveAtlasConfig({ organizationId: 'org-2' }, { organizationId: 'org-1' }),
    ).toMatchObject({
      organizationId: 'org-2',
      projectIds: undefined,
    });
    expect(resolveAtlasConfig({ projectIds: ['a', ''] }, {}).projectIds).toEqual(['a']);
  });

  test('the account id is config.accountId, else the organization, else default', () => {
    const make = (config: Record<string, string>, credentials: Record<string, string> = {}) =>
      createAtlasDriver({ id: 'atlas', driver: 'mongodb-atlas', credentials, config }).accountId;
    expect(make({ accountId: 'acme' })).toBe('acme');
    expect(make({ organizationId: 'org-2' })).toBe('org-2');
    expect(make({}, { organizationId: 'org-1' })).toBe('org-1');
    expect(make({})).toBe('default');
  });

  test('a driver does not leak its private key through JSON', async () => {
    const driver = createAtlasDriver({
      id: 'atlas',
      driver: 'mongodb-atlas',
      credentials: { publicKey: 'pub', privateKey: 'very-secret-private-key' },
      config: {},
    });
    await driver.initialize();
    expect(JSON.stringify(driver)).not.toContain('very-secret-private-key');
  });
});
