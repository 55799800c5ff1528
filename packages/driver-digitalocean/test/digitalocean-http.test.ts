import { DriverError } from '@cloud-inventory/core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  type FakeDigitalOcean,
  fakeDriver,
  listWith,
  startFakeDigitalOcean,
} from './digitalocean-test-helpers.ts';
import { digitalOceanCredentials } from './fixtures/digitalocean-fixtures.ts';

async function failure(promise: Promise<unknown>): Promise<DriverError> {
  try {
    await promise;
  } catch (error) {
    if (DriverError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the run to fail');
}

describe('DigitalOcean HTTP behaviour', () => {
  let fake: FakeDigitalOcean;
  beforeEach(async () => {
    fake = await startFakeDigitalOcean();
  });
  afterEach(async () => {
    await fake.server.close();
  });

  test('reports DigitalOcean rate-limit headers (reset in epoch seconds) through emitRateLimit', async () => {
    const { runtime } = await listWith(fake.server, { config: { services: ['volumes'] } });
    const report = runtime.rateLimits.find((entry) => entry.service === 'volumes');
    expect(report).toMatchObject({ limit: 5000, reason: 'headers', status: 200 });
    expect(report?.remaining).toBeLessThan(5000);
    const resetAt = Date.parse(String(report?.resetAt));
    expect(resetAt - Date.now()).toBeGreaterThan(30_000);
    expect(resetAt - Date.now()).toBeLessThan(90_000);
  });

  test('waits out a 429 with Retry-After on the second page, reports it, and completes', async () => {
    fake.server.injectFault({
      path: '/v2/droplets',
      match: (request) => request.query.page === '2',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    const { resources, runtime } = await listWith(fake.server, {
      config: { services: ['droplets'] },
    });
    expect(resources).toHaveLength(3);
    const pages = fake.server
      .requestsTo('/v2/droplets')
      .filter((entry) => entry.query.page === '2');
    expect(pages.map((entry) => entry.status)).toEqual([429, 200]);
    expect(pages[1]!.receivedAt - pages[0]!.receivedAt).toBeGreaterThanOrEqual(900);
    expect(runtime.rateLimits).toContainEqual(
      expect.objectContaining({
        service: 'droplets',
        reason: 'throttled',
        status: 429,
        retryAfterMs: 1000,
      }),
    );
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('retries a 5xx and completes', async () => {
    const fault = fake.server.injectFault({ path: '/v2/volumes', status: 503, times: 2 });
    const { resources, runtime } = await listWith(fake.server, {
      config: { services: ['volumes'] },
    });
    expect(fault.hits).toBe(2);
    expect(resources).toHaveLength(3);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('one service failing with 500 leaves the others complete', async () => {
    fake.server.injectFault({ service: 'databases', status: 500, times: Number.POSITIVE_INFINITY });
    const { resources, runtime } = await listWith(fake.server);
    const databases = runtime.scopes.filter((scope) => scope.service === 'databases');
    expect(databases.length).toBeGreaterThan(1);
    for (const scope of databases) {
      expect(scope).toMatchObject({ status: 'failed', errorClass: 'server' });
      expect(scope.error).toMatch(/^DigitalOcean listing databases failed: GET \/v2\/databases/);
    }
    expect(
      runtime.scopes
        .filter((scope) => scope.service !== 'databases')
        .every((scope) => scope.status === 'complete'),
    ).toBe(true);
    expect(resources.some((resource) => resource.service === 'databases')).toBe(false);
    expect(resources.filter((resource) => resource.service === 'droplets')).toHaveLength(3);
  });

  test('a refused token fails the cloud with a message naming DigitalOcean and the service', async () => {
    fake.server.injectFault({
      status: 401,
      times: Number.POSITIVE_INFINITY,
      match: (request) =>
        request.path.startsWith('/v2/') && !['/v2/account', '/v2/regions'].includes(request.path),
    });
    const error = await failure(listWith(fake.server, { list: { concurrency: 1 } }));
    expect(error.errorClass).toBe('auth');
    expect(error.statusCode).toBe(401);
    expect(error.message).toMatch(
      /^DigitalOcean listing droplets failed: GET \/v2\/droplets\?per_page=2 failed: HTTP 401/,
    );
    expect(error.message).toMatch(/DigitalOcean refused the API token: check credentials\.token/);
    expect(error.message).toMatch(/The other services were not listed\./);
    expect(error.message).not.toContain(digitalOceanCredentials.token);
  });

  test('a refused token on the first call (the account lookup) fails initialize() clearly', async () => {
    fake.server.injectFault({ status: 401, times: Number.POSITIVE_INFINITY });
    const driver = fakeDriver(fake.server);
    const error = await failure(driver.initialize());
    expect(error.errorClass).toBe('auth');
    expect(error.message).toMatch(
      /^DigitalOcean reading the account \(GET \/v2\/account\) failed: .*HTTP 401/,
    );
    // A refused token is not fixed by config.accountId: the hint is left out.
    expect(error.message).not.toMatch(/config\.accountId/);
    const withAccount = await failure(listWith(fake.server, { config: { accountId: 'acct' } }));
    expect(withAccount.message).toMatch(
      /^DigitalOcean listing regions \(GET \/v2\/regions\) failed: .*HTTP 401/,
    );
  });

  test('a token without one scope (403) fails that service only, with the scope to add', async () => {
    fake.server.injectFault({
      service: 'kubernetes',
      status: 403,
      times: Number.POSITIVE_INFINITY,
    });
    const { resources, runtime } = await listWith(fake.server);
    const kubernetes = runtime.scopes.filter((scope) => scope.service === 'kubernetes');
    expect(
      kubernetes.every((scope) => scope.status === 'failed' && scope.errorClass === 'auth'),
    ).toBe(true);
    expect(kubernetes[0]?.error).toMatch(/kubernetes:read/);
    expect(resources.filter((resource) => resource.service === 'droplets')).toHaveLength(3);
  });

  test('no container registry (404) is an empty, complete listing', async () => {
    fake.estate.registry = null;
    const { resources, runtime } = await listWith(fake.server, {
      config: { services: ['registry'] },
    });
    expect(resources).toHaveLength(0);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('a cancelled run stops promptly', async () => {
    fake.server.injectFault({ path: '/v2/droplets', latencyMs: 5_000, times: 1 });
    const controller = new AbortController();
    const started = Date.now();
    const run = listWith(fake.server, {
      config: { services: ['droplets'] },
      list: { signal: controller.signal },
    });
    setTimeout(() => controller.abort(new Error('cancelled by the test')), 200);
    await expect(run).rejects.toThrow(/cancelled by the test/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
