import { DriverError } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hetznerCredentials } from './fixtures/hetzner-fixtures.ts';
import { createTestDriver, startHetznerApi } from './hetzner-test-helpers.ts';

// Hetzner's own error body (docs: "Errors").
const unauthorized = {
  error: { code: 'unauthorized', message: 'unable to authenticate', details: {} },
};

describe('hetzner throttling, retries and credentials', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startHetznerApi();
  });
  afterEach(async () => {
    await server.close();
  });

  test('reports the RateLimit-* headers of every response through runtime.emitRateLimit', async () => {
    const { runtime } = await listAll(createTestDriver(server, { services: ['sshkeys'] }));
    const reading = runtime.rateLimits.find((report) => report.service === 'sshkeys');
    expect(reading).toMatchObject({ reason: 'headers', limit: 3600, status: 200 });
    expect(reading?.remaining).toBeGreaterThan(3000);
    expect(Date.parse(String(reading?.resetAt))).toBeGreaterThan(Date.now());
  });

  test('waits out a 429 until RateLimit-Reset (no Retry-After, as Hetzner sends it) and completes', async () => {
    const resetAt = Math.floor(Date.now() / 1000) + 1;
    server.injectFault({
      path: '/v1/servers',
      status: 429,
      times: 1,
      headers: {
        'ratelimit-limit': '3600',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(resetAt),
      },
      body: {
        error: {
          code: 'rate_limit_exceeded',
          message: 'limit of 3600 requests per hour reached',
          details: {},
        },
      },
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['servers'] }),
    );
    expect(resources).toHaveLength(4);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
    const throttled = runtime.rateLimits.find((report) => report.reason === 'throttled');
    expect(throttled).toMatchObject({ service: 'servers', status: 429, remaining: 0, limit: 3600 });
    const calls = server.requestsTo('/v1/servers').filter((entry) => entry.query.page === '1');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.receivedAt).toBeGreaterThanOrEqual(resetAt * 1000 - 50);
  });

  test('retries a 5xx and completes', async () => {
    const fault = server.injectFault({ path: '/v1/volumes', status: 503, times: 1 });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['volumes'] }),
    );
    expect(fault.hits).toBe(1);
    expect(resources).toHaveLength(3);
    expect(runtime.scopeFor('volumes', 'global')?.status).toBe('complete');
    expect(
      server.requestsTo('/v1/volumes').filter((entry) => entry.query.page === '1'),
    ).toHaveLength(2);
  });

  test('a refused token fails the cloud with an auth error that names Hetzner, without the token', async () => {
    server.injectFault({ status: 401, times: Number.POSITIVE_INFINITY, body: unauthorized });
    const failure = await rejectionOf(listAll(createTestDriver(server)));
    expect(DriverError.isInstance(failure)).toBe(true);
    expect((failure as DriverError).errorClass).toBe('auth');
    expect((failure as DriverError).statusCode).toBe(401);
    expect(failure.message).toMatch(
      /^Hetzner Cloud refused the API token while listing locations\./,
    );
    expect(failure.message).toContain('credentials.token');
    expect(failure.message).toContain('unauthorized: unable to authenticate');
    expect(failure.message).not.toContain(hetznerCredentials.token);
    // Nothing else was called once the token was refused.
    expect(server.requests.every((entry) => entry.path === '/v1/locations')).toBe(true);
  });

  test('a token refused after the locations were listed stops every scope, naming Hetzner', async () => {
    server.injectFault({
      status: 401,
      times: Number.POSITIVE_INFINITY,
      body: unauthorized,
      match: (request) => request.path !== '/v1/locations',
    });
    const driver = createTestDriver(server, { services: ['servers', 'sshkeys'] });
    const { createTestRuntime, collectResources } = await import('@cloud-inventory/testkit');
    const runtime = createTestRuntime();
    await driver.initialize();
    const failure = await rejectionOf(collectResources(driver, { runtime, concurrency: 1 }));
    expect((failure as DriverError).errorClass).toBe('auth');
    expect(failure.message).toMatch(/^Hetzner Cloud refused the API token while listing servers\./);
    expect(
      runtime.scopes.every((scope) => scope.status === 'failed' && scope.errorClass === 'auth'),
    ).toBe(true);
  });

  test('a token with no access to one service (403) fails only that service', async () => {
    server.injectFault({
      service: 'certificates',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: { error: { code: 'forbidden', message: 'insufficient permissions', details: {} } },
    });
    const { runtime } = await listAll(
      createTestDriver(server, { services: ['sshkeys', 'certificates'] }),
      {
        concurrency: 1,
      },
    );
    expect(runtime.scopeFor('sshkeys')?.status).toBe('complete');
    expect(runtime.scopeFor('certificates')).toMatchObject({
      status: 'failed',
      errorClass: 'auth',
    });
  });
});
