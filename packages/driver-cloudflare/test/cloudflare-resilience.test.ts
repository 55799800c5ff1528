import { DriverError } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestDriver, scopesOf, startCloudflareApi } from './cloudflare-test-helpers.ts';
import { accountId } from './fixtures/cloudflare-estate.ts';
import { cloudflareCredentials, errorEnvelope } from './fixtures/cloudflare-fixtures.ts';

const apps = `/client/v4/accounts/${accountId}/access/apps`;

describe('cloudflare throttling, retries and credentials', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startCloudflareApi();
  });
  afterEach(async () => {
    await server.close();
  });

  test('reads the Ratelimit / Ratelimit-Policy headers Cloudflare sends and reports them', async () => {
    const { runtime } = await listAll(createTestDriver(server, { services: ['kv'] }));
    const reading = runtime.rateLimits.find((report) => report.reason === 'headers');
    expect(reading).toMatchObject({ service: 'kv', status: 200, limit: 1200 });
    expect(reading?.remaining).toBeGreaterThanOrEqual(600);
    // `t=240`: the window resets in 240 s.
    const resetIn = Date.parse(String(reading?.resetAt)) - Date.now();
    expect(resetIn).toBeGreaterThan(230_000);
    expect(resetIn).toBeLessThanOrEqual(241_000);
  });

  test('waits out a 429 for its Retry-After and completes', async () => {
    server.injectFault({
      path: `/client/v4/accounts/${accountId}/storage/kv/namespaces`,
      status: 429,
      times: 1,
      retryAfterSeconds: 1,
      headers: { ratelimit: '"default";r=0;t=1', 'ratelimit-policy': '"default";q=1200;w=300' },
      body: errorEnvelope(971, 'Please wait and consider throttling your request speed'),
    });
    const { resources, runtime } = await listAll(createTestDriver(server, { services: ['kv'] }));
    expect(resources).toHaveLength(3);
    expect(runtime.scopeFor('kv')?.status).toBe('complete');
    const throttled = runtime.rateLimits.find((report) => report.reason === 'throttled');
    expect(throttled).toMatchObject({ service: 'kv', status: 429, retryAfterMs: 1000 });
    const firstPage = server
      .requestsTo(`/client/v4/accounts/${accountId}/storage/kv/namespaces`)
      .filter((entry) => entry.query.page === '1');
    expect(firstPage).toHaveLength(2);
    expect(firstPage[1]!.receivedAt - firstPage[0]!.receivedAt).toBeGreaterThanOrEqual(950);
  });

  test('retries a 5xx and completes', async () => {
    const fault = server.injectFault({
      path: `/client/v4/accounts/${accountId}/d1/database`,
      status: 502,
      times: 1,
    });
    const { resources, runtime } = await listAll(createTestDriver(server, { services: ['d1'] }));
    expect(fault.hits).toBe(1);
    expect(resources).toHaveLength(3);
    expect(runtime.scopeFor('d1')?.status).toBe('complete');
  });

  test('a refused token (401) fails the cloud naming the credential, without the token', async () => {
    server.injectFault({
      status: 401,
      times: Number.POSITIVE_INFINITY,
      body: errorEnvelope(10000, 'Authentication error'),
    });
    const failure = await rejectionOf(listAll(createTestDriver(server), { concurrency: 1 }));
    expect(DriverError.isInstance(failure)).toBe(true);
    expect((failure as DriverError).errorClass).toBe('auth');
    expect((failure as DriverError).statusCode).toBe(401);
    expect(failure.message).toMatch(/^Cloudflare refused the credentials while listing zones\./);
    expect(failure.message).toContain('credentials.apiToken');
    expect(failure.message).toContain('CLOUDFLARE_API_TOKEN');
    expect(failure.message).toContain('10000: Authentication error');
    expect(failure.message).not.toContain(cloudflareCredentials.apiToken);
  });

  test('an invalid token answered 403/9109 stops the sync too (the credential, not a permission)', async () => {
    server.injectFault({
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: errorEnvelope(9109, 'Invalid access token'),
    });
    const failure = await rejectionOf(listAll(createTestDriver(server), { concurrency: 1 }));
    expect((failure as DriverError).errorClass).toBe('auth');
    expect(failure.message).toContain('9109: Invalid access token');
    // The first failing step stopped the others: only the first call was made (and not retried).
    expect(server.requests).toHaveLength(1);
  });

  test('a token without the Access permission (403/10000) fails only the applications step', async () => {
    server.injectFault({
      path: apps,
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: errorEnvelope(10000, 'Authentication error'),
    });
    const { resources, runtime } = await listAll(createTestDriver(server), { concurrency: 2 });
    const denied = scopesOf(runtime, 'cloudflare.access.application');
    expect(denied).toEqual([
      expect.objectContaining({
        service: 'access',
        status: 'failed',
        errorClass: 'auth',
        call: 'GET /accounts/{account_id}/access/apps',
        resourceTypes: ['cloudflare.access.application'],
      }),
    ]);
    expect(denied[0]?.error).toContain('Access: Apps and Policies');
    // The other type of the same service, and every other step, completed.
    expect(scopesOf(runtime, 'cloudflare.access.policy')[0]?.status).toBe('complete');
    const others = runtime.scopes.filter(
      (scope) => !scope.resourceTypes?.includes('cloudflare.access.application'),
    );
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((scope) => scope.status === 'complete')).toBe(true);
    expect(
      resources.filter((item) => item.resourceType === 'cloudflare.access.policy'),
    ).toHaveLength(3);
  });

  test("a denied enrichment (a Worker's schedules) keeps the script and completes the step", async () => {
    server.injectFault({
      path: `/client/v4/accounts/${accountId}/workers/scripts/nightly-report/schedules`,
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: errorEnvelope(10000, 'Authentication error'),
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['workers'] }),
    );
    const scripts = resources.filter((item) => item.resourceType === 'cloudflare.workers.script');
    expect(scripts.map((item) => item.resourceId)).toEqual(['router', 'nightly-report', 'auth']);
    const nightly = scripts[1]!;
    expect(nightly.metadata?.enrichmentErrors).toEqual([
      expect.objectContaining({
        call: 'GET /accounts/{account_id}/workers/scripts/{script_name}/schedules',
        errorClass: 'auth',
      }),
    ]);
    const configuration = nightly.configuration as Record<string, unknown>;
    expect(configuration.schedules).toBeUndefined();
    expect(configuration.settings).toBeDefined();
    expect((scripts[0]!.configuration as Record<string, unknown>).schedules).toEqual([]);
    const scope = scopesOf(runtime, 'cloudflare.workers.script')[0];
    expect(scope).toMatchObject({ status: 'complete', resourceCount: 3 });
    expect(scope?.enrichmentErrors).toEqual([
      expect.objectContaining({ failed: 1, attempted: 3, errorClass: 'auth' }),
    ]);
  });

  test('a failing account-level list fails its own step only', async () => {
    server.injectFault({ service: 'kv', status: 500, times: Number.POSITIVE_INFINITY });
    const { runtime } = await listAll(createTestDriver(server), { concurrency: 2 });
    const failed = runtime.scopes.filter((scope) => scope.status !== 'complete');
    expect(failed).toEqual([
      expect.objectContaining({ service: 'kv', status: 'failed', errorClass: 'server' }),
    ]);
  });

  test('a failing zone list fails every zone-scoped step and nothing else', async () => {
    server.injectFault({ path: '/client/v4/zones', status: 500, times: Number.POSITIVE_INFINITY });
    const { resources, runtime } = await listAll(createTestDriver(server), { concurrency: 2 });
    const failedTypes = runtime.scopes
      .filter((scope) => scope.status === 'failed')
      .flatMap((scope) => scope.resourceTypes ?? [])
      .sort();
    expect(failedTypes).toEqual([
      'cloudflare.loadbalancers.load-balancer',
      'cloudflare.ruleset',
      'cloudflare.ssl.certificate-pack',
      'cloudflare.workers.route',
      'cloudflare.zones.dns-record',
      'cloudflare.zones.zone',
    ]);
    // The zones were listed once (with its retries), not once per step.
    expect(server.requestsTo('/client/v4/zones')).toHaveLength(3);
    expect(resources.some((item) => item.resourceType === 'cloudflare.workers.script')).toBe(true);
  });

  test('R2 not enabled on the account (10042) fails the R2 step as not-enabled, nothing else', async () => {
    server.injectFault({
      path: `/client/v4/accounts/${accountId}/r2/buckets`,
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: errorEnvelope(10042, 'Please enable R2 through the Cloudflare Dashboard.'),
    });
    const { runtime } = await listAll(createTestDriver(server, { services: ['r2', 'kv'] }));
    expect(runtime.scopeFor('r2', 'global')).toMatchObject({
      status: 'failed',
      errorClass: 'not-enabled',
      call: 'GET /accounts/{account_id}/r2/buckets',
    });
    expect(runtime.scopeFor('kv', 'global')?.status).toBe('complete');
  });
});
