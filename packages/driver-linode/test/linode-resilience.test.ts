// Failures as Linode answers them: 429 with Retry-After, 5xx, a refused token (401), a token
// without one scope (403 on one list), a denied enrichment call, and the rate-limit headers.
import { DriverError } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { byId, countByType, listAll, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { linodeEnrichmentCalls } from '../src/driver.ts';
import { createLinodeEstate, expectedCounts } from './fixtures/linode-estate.ts';
import { createTestDriver, scopesOf, startLinodeApi } from './linode-test-helpers.ts';

describe('linode resilience', () => {
  let api: FakeProviderServer;

  beforeEach(async () => {
    api = await startLinodeApi();
  });
  afterEach(async () => {
    await api.close();
  });

  test('waits out a 429 for as long as Retry-After asks, then completes', async () => {
    const fault = api.injectFault({
      path: '/v4/volumes',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    const { resources, runtime } = await listAll(createTestDriver(api));
    expect(fault.hits).toBe(1);
    const calls = api.requestsTo('/v4/volumes').filter((entry) => entry.query.page === '1');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.receivedAt - calls[0]!.receivedAt).toBeGreaterThanOrEqual(900);
    expect(byId(resources, 'linode.volume').size).toBe(3);
    expect(runtime.rateLimits).toContainEqual(
      expect.objectContaining({ reason: 'throttled', status: 429, service: 'volumes' }),
    );
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('retries a 5xx and lists everything', async () => {
    const fault = api.injectFault({ path: '/v4/lke/clusters', status: 503, times: 2 });
    const { resources, runtime } = await listAll(createTestDriver(api));
    expect(fault.hits).toBe(2);
    expect(countByType(resources)).toEqual(expectedCounts(createLinodeEstate()));
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('a 5xx that never ends fails only the steps that call it', async () => {
    api.injectFault({
      path: '/v4/lke/clusters/:clusterId/pools',
      status: 500,
      times: Number.POSITIVE_INFINITY,
    });
    const { resources, runtime } = await listAll(createTestDriver(api));
    expect(byId(resources, 'linode.kubernetes.cluster').size).toBe(3);
    expect(scopesOf(runtime, 'kubernetes', 'linode.kubernetes.nodepool')).toEqual([
      expect.objectContaining({ status: 'failed', errorClass: 'server' }),
    ]);
    expect(scopesOf(runtime, 'kubernetes', 'linode.kubernetes.cluster', 'us-east')).toEqual([
      expect.objectContaining({ status: 'complete' }),
    ]);
  });

  test('reads X-RateLimit-* headers (reset in epoch seconds) into rate-limit reports', async () => {
    const { runtime } = await listAll(createTestDriver(api));
    const report = runtime.rateLimits.find((entry) => entry.reason === 'headers');
    expect(report).toMatchObject({ limit: 800, remaining: 799 });
    const resetAt = Date.parse(String(report?.resetAt));
    expect(resetAt).toBeGreaterThan(Date.now());
    expect(resetAt).toBeLessThan(Date.now() + 120_000);
  });

  test('a refused token (401) fails the cloud with a message naming the credential', async () => {
    api.injectFault({ status: 401, times: Number.POSITIVE_INFINITY });
    const error = await rejectionOf(listAll(createTestDriver(api)));
    expect(DriverError.isInstance(error)).toBe(true);
    expect((error as DriverError).errorClass).toBe('auth');
    expect(error.message).toContain('credentials.token');
    expect(error.message).toContain('LINODE_TOKEN');
    expect(error.message).not.toContain('linode-test-token');
  });

  test('a 401 during the listing stops it and names the credential', async () => {
    const driver = createTestDriver(api, { accountId: 'acme' });
    await driver.initialize();
    api.injectFault({
      match: (request) => request.path !== '/v4/regions',
      status: 401,
      times: Number.POSITIVE_INFINITY,
    });
    const error = await rejectionOf(listAll(driver, { concurrency: 1 }));
    expect((error as DriverError).errorClass).toBe('auth');
    expect(error.message).toContain('credentials.token');
  });

  test('a denied list endpoint (403) fails its step only; the service’s other types complete', async () => {
    api.injectFault({
      path: '/v4beta/databases/mysql/instances',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: { errors: [{ reason: 'Unauthorized' }] },
    });
    const { resources, runtime } = await listAll(createTestDriver(api));
    const failed = runtime.scopes.filter((scope) => scope.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const scope of failed) {
      expect(scope).toMatchObject({
        service: 'databases',
        errorClass: 'auth',
        call: 'GET /v4beta/databases/mysql/instances',
        resourceTypes: ['linode.databases.mysql'],
      });
      expect(scope.error).toContain('databases:read_only');
    }
    // The same service's other step and every other service completed.
    for (const region of ['global', 'us-east', 'eu-west', 'ap-south']) {
      expect(scopesOf(runtime, 'databases', 'linode.databases.postgresql', region)).toEqual([
        expect.objectContaining({
          status: 'complete',
          resourceTypes: ['linode.databases.postgresql'],
        }),
      ]);
    }
    expect(
      runtime.scopes
        .filter((scope) => scope.service !== 'databases')
        .every((scope) => scope.status === 'complete'),
    ).toBe(true);
    expect(byId(resources, 'linode.databases.mysql').size).toBe(0);
    expect(byId(resources, 'linode.databases.postgresql').size).toBe(3);
  });

  test('a denied Object Storage list fails its scopes with the call to grant', async () => {
    api.injectFault({
      path: '/v4/object-storage/buckets',
      status: 403,
      times: Number.POSITIVE_INFINITY,
    });
    const { resources, runtime } = await listAll(createTestDriver(api));
    const storage = runtime.scopes.filter((scope) => scope.service === 'objectstorage');
    expect(storage.map((scope) => scope.region).sort()).toEqual([
      'ap-south',
      'eu-west',
      'global',
      'us-east',
    ]);
    expect(
      storage.every(
        (scope) =>
          scope.status === 'failed' &&
          scope.errorClass === 'auth' &&
          scope.call === 'GET /v4/object-storage/buckets' &&
          scope.error?.includes('object_storage:read_only'),
      ),
    ).toBe(true);
    expect(byId(resources, 'linode.linode').size).toBe(4);
  });

  test('a denied enrichment keeps the resource, records the failure and leaves the scope complete', async () => {
    api.injectFault({
      path: '/v4/nodebalancers/302/configs',
      status: 403,
      times: Number.POSITIVE_INFINITY,
    });
    const { resources, runtime } = await listAll(createTestDriver(api));
    const balancers = byId(resources, 'linode.nodebalancer');
    expect(balancers.size).toBe(3);
    const denied = balancers.get('302')!;
    expect(denied.configuration).not.toHaveProperty('configs');
    expect(denied.metadata?.enrichmentErrors).toEqual([
      expect.objectContaining({
        call: linodeEnrichmentCalls.nodeBalancerConfigs,
        errorClass: 'auth',
      }),
    ]);
    expect(balancers.get('301')?.metadata?.enrichmentErrors).toBeUndefined();
    expect((balancers.get('301')!.configuration as { configs: unknown[] }).configs).toHaveLength(3);
    const scope = scopesOf(runtime, 'nodebalancers', 'linode.nodebalancer')[0];
    expect(scope).toMatchObject({
      status: 'complete',
      enrichmentErrors: [
        expect.objectContaining({
          call: 'GET /v4/nodebalancers/{nodeBalancerId}/configs',
          failed: 1,
          attempted: 3,
        }),
      ],
    });
  });

  test('a denied firewall devices call keeps the firewall without devices', async () => {
    api.injectFault({
      path: '/v4/networking/firewalls/:firewallId/devices',
      status: 403,
      times: Number.POSITIVE_INFINITY,
    });
    const { resources, runtime } = await listAll(createTestDriver(api));
    const firewalls = [...byId(resources, 'linode.firewall').values()];
    expect(firewalls).toHaveLength(3);
    expect(firewalls.every((firewall) => firewall.metadata?.enrichmentErrors !== undefined)).toBe(
      true,
    );
    expect(scopesOf(runtime, 'firewalls', 'linode.firewall')[0]?.status).toBe('complete');
  });
});
