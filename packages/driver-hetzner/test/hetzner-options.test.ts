import { ConfigurationError } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hetznerCredentials } from './fixtures/hetzner-fixtures.ts';
import { createTestDriver, startHetznerApi } from './hetzner-test-helpers.ts';

describe('hetzner credentials and options', () => {
  let server: FakeProviderServer;
  const savedToken = process.env.HCLOUD_TOKEN;
  beforeEach(async () => {
    server = await startHetznerApi();
    delete process.env.HCLOUD_TOKEN;
  });
  afterEach(async () => {
    await server.close();
    if (savedToken === undefined) delete process.env.HCLOUD_TOKEN;
    else process.env.HCLOUD_TOKEN = savedToken;
  });

  test('takes the token from credentials.token, credentials.apiToken or HCLOUD_TOKEN', async () => {
    const config = { services: ['sshkeys'] };
    const apiToken = await listAll(
      createTestDriver(server, config, { apiToken: hetznerCredentials.token }),
    );
    expect(apiToken.resources).toHaveLength(3);
    process.env.HCLOUD_TOKEN = hetznerCredentials.token;
    const environment = await listAll(createTestDriver(server, config, {}));
    expect(environment.resources).toHaveLength(3);
    // credentials win over the environment.
    const wrong = await rejectionOf(
      listAll(createTestDriver(server, config, { token: 'another-token-1234' })),
    );
    expect(wrong.message).toMatch(/Hetzner Cloud refused the API token/);
    expect(wrong.message).not.toContain('another-token-1234');
  });

  test('without any token, initialize fails with a ConfigurationError naming the three sources', async () => {
    const failure = await rejectionOf(createTestDriver(server, {}, {}).initialize());
    expect(ConfigurationError.isInstance(failure)).toBe(true);
    expect(failure.message).toContain('credentials.token');
    expect(failure.message).toContain('credentials.apiToken');
    expect(failure.message).toContain('HCLOUD_TOKEN');
    expect(server.requests).toHaveLength(0);
  });

  test('config.perPage must be 1 to 50', async () => {
    for (const perPage of [0, 51, 2.5]) {
      const failure = await rejectionOf(createTestDriver(server, { perPage }).initialize());
      expect(ConfigurationError.isInstance(failure)).toBe(true);
      expect(failure.message).toContain('config.perPage');
    }
  });

  test('the default page size is the API maximum, 50', async () => {
    const driver = createTestDriver(server, { services: ['servers'] });
    (driver.config as { perPage?: number }).perPage = undefined;
    await listAll(driver);
    expect(server.requestsTo('/v1/servers').map((entry) => entry.query.per_page)).toEqual(['50']);
  });

  test('the driver and its client never show the token', async () => {
    const driver = createTestDriver(server);
    await driver.initialize();
    expect(JSON.stringify(driver)).not.toContain(hetznerCredentials.token);
    expect(String(Object.keys(driver))).not.toContain('credentials');
  });
});
