import { ConfigurationError } from '@cloud-inventory/core';
import { createFakeProviderServer, rejectionOf } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { createVultrDriver, VultrRequestPacer } from '../src/driver.ts';
import {
  resolveVultrApiKey,
  resolveVultrPerPage,
  resolveVultrRequestsPerSecond,
} from '../src/vultr-options.ts';

describe('vultr options', () => {
  test('the API key comes from credentials.apiKey, then credentials.token, then VULTR_API_KEY', () => {
    const environment = { VULTR_API_KEY: ' from-env ' };
    expect(resolveVultrApiKey({ apiKey: 'a', token: 'b' }, environment)).toBe('a');
    expect(resolveVultrApiKey({ apiKey: '  ', token: 'b' }, environment)).toBe('b');
    expect(resolveVultrApiKey({}, environment)).toBe('from-env');
    expect(resolveVultrApiKey(undefined, environment)).toBe('from-env');
  });

  test('without any API key initialize() fails naming the three places it looks', async () => {
    const saved = process.env.VULTR_API_KEY;
    delete process.env.VULTR_API_KEY;
    try {
      const driver = createVultrDriver({ id: 'v', driver: 'vultr', credentials: {}, config: {} });
      const failure = await rejectionOf(driver.initialize());
      expect(ConfigurationError.isInstance(failure)).toBe(true);
      for (const name of ['credentials.apiKey', 'credentials.token', 'VULTR_API_KEY']) {
        expect(failure.message).toContain(name);
      }
    } finally {
      if (saved !== undefined) process.env.VULTR_API_KEY = saved;
    }
  });

  test('perPage and requestsPerSecond are checked against the API’s limits', () => {
    expect(resolveVultrPerPage(undefined)).toBe(100);
    expect(resolveVultrPerPage(500)).toBe(500);
    expect(() => resolveVultrPerPage(501)).toThrow(/config\.perPage/);
    expect(() => resolveVultrPerPage(0)).toThrow(/config\.perPage/);
    expect(resolveVultrRequestsPerSecond(undefined)).toBe(20);
    expect(resolveVultrRequestsPerSecond(30)).toBe(30);
    expect(() => resolveVultrRequestsPerSecond(31)).toThrow(/config\.requestsPerSecond/);
    expect(() => resolveVultrRequestsPerSecond(2.5)).toThrow(/config\.requestsPerSecond/);
  });

  test('config.endpoint: plain http only to loopback addresses', async () => {
    const driver = createVultrDriver({
      id: 'vultr-main',
      driver: 'vultr',
      credentials: { apiKey: 'k' },
      config: { endpoint: 'http://api.vultr.example/v2' },
    });
    const failure = await rejectionOf(driver.initialize());
    expect(ConfigurationError.isInstance(failure)).toBe(true);
    expect(failure.message).toContain('config.endpoint');
  });

  test('calls go to config.endpoint with the key as a bearer token, never in the URL', async () => {
    const server = await createFakeProviderServer({
      auth: { type: 'bearer', token: 'k-123' },
      routes: {
        'GET /custom/v2/ssh-keys': {
          ssh_keys: [],
          meta: { total: 0, links: { next: '', prev: '' } },
        },
      },
    });
    try {
      const driver = createVultrDriver({
        id: 'v',
        driver: 'vultr',
        credentials: { token: 'k-123' },
        config: { endpoint: `${server.url}/custom/v2/`, services: ['sshkeys'] },
      });
      await driver.initialize();
      const { createTestRuntime, collectResources } = await import('@cloud-inventory/testkit');
      const runtime = createTestRuntime();
      expect(await collectResources(driver, { runtime })).toEqual([]);
      expect(runtime.scopeFor('sshkeys')?.status).toBe('complete');
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.query).toEqual({ per_page: '100' });
      expect(JSON.stringify(driver)).not.toContain('k-123');
    } finally {
      await server.close();
    }
  });

  test('the request pacer spaces slots by 1 / requestsPerSecond, across concurrent callers', async () => {
    let now = 1_000;
    const waits: number[] = [];
    const pacer = new VultrRequestPacer({
      requestsPerSecond: 4,
      clock: {
        now: () => now,
        sleep: async (milliseconds) => {
          waits.push(milliseconds);
        },
      },
    });
    const waited = await Promise.all([pacer.wait(), pacer.wait(), pacer.wait()]);
    expect(waited).toEqual([0, 250, 500]);
    now += 2_000;
    // After a quiet spell the next call goes at once.
    expect(await pacer.wait()).toBe(0);
    expect(waits).toEqual([250, 500]);
  });
});
