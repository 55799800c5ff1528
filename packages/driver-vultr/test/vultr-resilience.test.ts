import { DriverError } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { byId, listAll, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { vultrCredentials } from './fixtures/vultr-fixtures.ts';
import { createTestDriver, startVultrApi } from './vultr-test-helpers.ts';

// Vultr's 4xx body (API reference, "Response Codes"): `{ "error": "...", "status": ... }`.
const unauthorized = { error: 'Invalid API token.', status: 401 };
const forbidden = { error: 'You are not allowed to perform that action.', status: 403 };

describe('vultr throttling, retries and credentials', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startVultrApi();
  });
  afterEach(async () => {
    await server.close();
  });

  test('waits out a 429 for its Retry-After, reports the throttle and completes', async () => {
    server.injectFault({
      path: '/v2/instances',
      status: 429,
      times: 1,
      retryAfterSeconds: 1,
      body: { error: 'Rate limit exceeded', status: 429 },
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['instances'] }),
    );
    expect(resources).toHaveLength(4);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
    expect(runtime.rateLimits).toContainEqual(
      expect.objectContaining({ reason: 'throttled', status: 429, service: 'instances' }),
    );
    const firstPage = server
      .requestsTo('/v2/instances')
      .filter((entry) => entry.query.cursor === undefined);
    expect(firstPage).toHaveLength(2);
    expect(firstPage[1]!.receivedAt - firstPage[0]!.receivedAt).toBeGreaterThanOrEqual(950);
  });

  test('retries a 503 (what Vultr answered to bursts before 429) and a 500, and completes', async () => {
    const unavailable = server.injectFault({ path: '/v2/blocks', status: 503, times: 1 });
    const failing = server.injectFault({
      path: '/v2/firewalls/:group/rules',
      status: 500,
      times: 1,
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['blockstorage', 'firewalls'] }),
    );
    expect(unavailable.hits).toBe(1);
    expect(failing.hits).toBe(1);
    expect(byId(resources, 'vultr.blockstorage.volume').size).toBe(3);
    expect(byId(resources, 'vultr.firewall.rule').size).toBe(9);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('a 5xx that does not go away fails its step with class server; the others complete', async () => {
    server.injectFault({ path: '/v2/snapshots', status: 502, times: Number.POSITIVE_INFINITY });
    const { runtime } = await listAll(
      createTestDriver(server, { services: ['snapshots', 'sshkeys'] }),
    );
    expect(runtime.scopeFor('snapshots')).toMatchObject({
      status: 'failed',
      errorClass: 'server',
      call: 'GET /v2/snapshots',
    });
    expect(runtime.scopeFor('sshkeys')?.status).toBe('complete');
    // 3 attempts (the test retry policy), then the step gives up.
    expect(server.requestsTo('/v2/snapshots')).toHaveLength(3);
  });

  test('a refused API key fails the cloud with an auth error naming the credential, not the key', async () => {
    server.injectFault({ status: 401, times: Number.POSITIVE_INFINITY, body: unauthorized });
    const failure = await rejectionOf(listAll(createTestDriver(server)));
    expect(DriverError.isInstance(failure)).toBe(true);
    expect((failure as DriverError).errorClass).toBe('auth');
    expect((failure as DriverError).statusCode).toBe(401);
    expect(failure.message).toMatch(
      /^Vultr refused the API key \(HTTP 401\) while listing regions\./,
    );
    expect(failure.message).toContain('credentials.apiKey');
    expect(failure.message).toContain('VULTR_API_KEY');
    expect(failure.message).toContain('access control list');
    expect(failure.message).toContain('Invalid API token.');
    expect(failure.message).not.toContain(vultrCredentials.apiKey);
    // Nothing else was called once the key was refused.
    expect(server.requests.every((entry) => entry.path === '/v2/regions')).toBe(true);
  });

  test('a key refused after the regions were read stops every step, naming Vultr', async () => {
    server.injectFault({
      status: 401,
      times: Number.POSITIVE_INFINITY,
      body: unauthorized,
      match: (request) => request.path !== '/v2/regions',
    });
    const { collectResources, createTestRuntime } = await import('@cloud-inventory/testkit');
    const driver = createTestDriver(server, { services: ['instances', 'sshkeys'] });
    const runtime = createTestRuntime();
    await driver.initialize();
    const failure = await rejectionOf(collectResources(driver, { runtime, concurrency: 1 }));
    expect((failure as DriverError).errorClass).toBe('auth');
    expect(failure.message).toMatch(
      /^Vultr refused the API key \(HTTP 401\) while listing instances\./,
    );
    expect(runtime.scopes.length).toBeGreaterThan(0);
    expect(
      runtime.scopes.every((scope) => scope.status === 'failed' && scope.errorClass === 'auth'),
    ).toBe(true);
  });

  test('a key whose user may list nothing fails the cloud, saying which permissions to give', async () => {
    server.injectFault({ status: 403, times: Number.POSITIVE_INFINITY, body: forbidden });
    const failure = await rejectionOf(
      listAll(createTestDriver(server, { services: ['sshkeys', 'snapshots'] })),
    );
    expect((failure as DriverError).errorClass).toBe('auth');
    expect(failure.message).toMatch(/^Vultr denied the API key every listing it tried\./);
    expect(failure.message).toContain('subscriptions_view');
    expect(failure.message).not.toContain(vultrCredentials.apiKey);
  });

  test('a denied GET /v2/databases fails only the databases step; every other step completes', async () => {
    server.injectFault({
      path: '/v2/databases',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: forbidden,
    });
    const { resources, runtime } = await listAll(createTestDriver(server));
    const databaseScopes = runtime.scopes.filter((scope) => scope.service === 'databases');
    expect(databaseScopes.length).toBeGreaterThan(1);
    for (const scope of databaseScopes) {
      expect(scope).toMatchObject({
        status: 'failed',
        errorClass: 'auth',
        call: 'GET /v2/databases',
        resourceTypes: ['vultr.database'],
      });
      expect(scope.error).toContain('You are not allowed to perform that action.');
    }
    const others = runtime.scopes.filter((scope) => scope.service !== 'databases');
    expect(others.every((scope) => scope.status === 'complete')).toBe(true);
    expect(resources.some((resource) => resource.service === 'databases')).toBe(false);
    expect(resources.length).toBeGreaterThan(60);
  });

  test('a denied GET /v2/vpc2 fails VPC 2.0 while the (legacy) VPCs of the same service complete', async () => {
    server.injectFault({
      path: '/v2/vpc2',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: forbidden,
    });
    const { resources, runtime } = await listAll(createTestDriver(server, { services: ['vpc'] }));
    const ewr = runtime.scopes.filter((scope) => scope.region === 'ewr');
    expect(ewr).toHaveLength(2);
    expect(ewr).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          status: 'complete',
          resourceTypes: ['vultr.vpc'],
          resourceCount: 1,
        }),
        expect.objectContaining({
          status: 'failed',
          errorClass: 'auth',
          call: 'GET /v2/vpc2',
          resourceTypes: ['vultr.vpc2'],
        }),
      ]),
    );
    expect(byId(resources, 'vultr.vpc').size).toBe(3);
    expect(byId(resources, 'vultr.vpc2').size).toBe(0);
  });

  test('a denied rules call of one firewall group fails the rules step, not the groups', async () => {
    server.injectFault({
      path: '/v2/firewalls/2b5c9a6f-1a72-4b7c-8f4d-3e6b8d2f1c02/rules',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: forbidden,
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['firewalls'] }),
    );
    expect(runtime.scopes).toHaveLength(2);
    expect(runtime.scopes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'complete', resourceTypes: ['vultr.firewall.group'] }),
        expect.objectContaining({
          status: 'failed',
          errorClass: 'auth',
          resourceTypes: ['vultr.firewall.rule'],
          call: 'GET /v2/firewalls, GET /v2/firewalls/{firewall-group-id}/rules',
        }),
      ]),
    );
    expect(byId(resources, 'vultr.firewall.group').size).toBe(3);
  });

  test('a denied startup script body keeps the script, records the failure on it and once on the scope', async () => {
    server.injectFault({
      path: '/v2/startup-scripts/8f0b2d4f-6b8d-4f0b-8d4f-6b8d0f2b4d6f',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: forbidden,
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['startupscripts'] }),
    );
    const scripts = byId(resources, 'vultr.startup-script');
    expect(scripts.size).toBe(3);
    const denied = scripts.get('8f0b2d4f-6b8d-4f0b-8d4f-6b8d0f2b4d6f');
    expect(denied?.name).toBe('pxe-rescue');
    expect(denied?.configuration).not.toHaveProperty('script');
    expect(denied?.metadata?.enrichmentErrors).toEqual([
      expect.objectContaining({
        call: 'GET /v2/startup-scripts/{startup-id}',
        errorClass: 'auth',
        message: expect.stringContaining('You are not allowed to perform that action.'),
      }),
    ]);
    const bootstrap = scripts.get('7e9a1c3e-5a7c-4e9a-9c3e-5a7c9e1a3c5e');
    expect(bootstrap?.configuration).toHaveProperty('script', expect.any(String));
    expect(bootstrap?.metadata).toBeUndefined();
    expect(runtime.scopeFor('startupscripts')).toMatchObject({
      status: 'complete',
      resourceCount: 3,
      enrichmentErrors: [
        expect.objectContaining({
          call: 'GET /v2/startup-scripts/{startup-id}',
          failed: 1,
          attempted: 3,
        }),
      ],
    });
  });

  test('keeps under requestsPerSecond, spacing the starts of concurrent requests', async () => {
    await listAll(
      createTestDriver(server, { services: ['instances', 'sshkeys'], requestsPerSecond: 5 }),
      {
        concurrency: 4,
      },
    );
    const starts = server.requests.map((entry) => entry.receivedAt).sort((a, b) => a - b);
    expect(starts.length).toBe(6);
    // 6 requests at 5 per second: the last starts at least 5 intervals (1 s) after the first.
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(950);
    for (let index = 1; index < starts.length; index++) {
      expect(starts[index]! - starts[index - 1]!).toBeGreaterThanOrEqual(150);
    }
  });
});
