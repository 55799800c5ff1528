// What the driver reports and calls under services, regions, include and exclude filters.
import { ConfigurationError } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { byId, countByType, listAll, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestDriver, scopesOf, startLinodeApi } from './linode-test-helpers.ts';

describe('linode scopes and filters', () => {
  let api: FakeProviderServer;

  beforeEach(async () => {
    api = await startLinodeApi();
  });
  afterEach(async () => {
    await api.close();
  });

  test('an account-wide list is reported for global and every region it covers', async () => {
    const { runtime } = await listAll(createTestDriver(api, { services: ['linodes'] }));
    expect(
      runtime.scopes
        .map((scope) => `${scope.region}:${scope.status}:${scope.resourceCount}`)
        .sort(),
    ).toEqual([
      'ap-south:complete:1',
      'eu-west:complete:1',
      'global:complete:0',
      'us-east:complete:2',
    ]);
    expect(runtime.scopes.every((scope) => scope.call === undefined)).toBe(true);
  });

  test('global services are reported for global only', async () => {
    const { runtime } = await listAll(createTestDriver(api, { services: ['sshkeys', 'domains'] }));
    expect(new Set(runtime.scopes.map((scope) => scope.region))).toEqual(new Set(['global']));
    expect(runtime.scopes.map((scope) => scope.resourceTypes).sort()).toEqual([
      ['linode.domain'],
      ['linode.domain.record'],
      ['linode.ssh-key'],
    ]);
  });

  test('config.regions keeps regional resources of those regions and every global one', async () => {
    const { resources, runtime } = await listAll(createTestDriver(api, { regions: ['eu-west'] }));
    const regions = new Set(resources.map((resource) => resource.region));
    expect(regions).toEqual(new Set(['eu-west', 'global']));
    expect(byId(resources, 'linode.firewall').size).toBe(3);
    expect(new Set(runtime.scopes.map((scope) => scope.region))).toEqual(
      new Set(['eu-west', 'global']),
    );
    // Node pools of clusters outside the region are not even fetched.
    expect(api.requestsTo('/v4/lke/clusters/201/pools')).toEqual([]);
    expect(api.requestsTo('/v4/lke/clusters/202/pools').length).toBeGreaterThan(0);
  });

  test('an unknown region or service is a configuration error', async () => {
    const region = await rejectionOf(listAll(createTestDriver(api, { regions: ['mars-1'] })));
    expect(ConfigurationError.isInstance(region)).toBe(true);
    const service = await rejectionOf(listAll(createTestDriver(api, { services: ['droplets'] })));
    expect(service.message).toContain('linodes');
  });

  test('include of one type runs only its step, complete for that type only', async () => {
    const { resources, runtime } = await listAll(createTestDriver(api), {
      include: ['linode.kubernetes.cluster'],
    });
    expect(countByType(resources)).toEqual({ 'linode.kubernetes.cluster': 3 });
    expect(runtime.scopes.every((scope) => scope.service === 'kubernetes')).toBe(true);
    expect(
      runtime.scopes.every(
        (scope) => JSON.stringify(scope.resourceTypes) === '["linode.kubernetes.cluster"]',
      ),
    ).toBe(true);
    expect(api.requestsTo('/v4/lke/clusters/:clusterId/pools')).toEqual([]);
  });

  test('exclude of a child type skips its calls and keeps the parent step', async () => {
    const { resources } = await listAll(createTestDriver(api, { services: ['domains'] }), {
      exclude: ['linode.domain.record'],
    });
    expect(countByType(resources)).toEqual({ 'linode.domain': 3 });
    expect(api.requestsTo('/v4/domains/:domainId/records')).toEqual([]);
  });

  test('a type listed with its parent (subnets of VPCs) can be selected alone', async () => {
    const { resources, runtime } = await listAll(createTestDriver(api), {
      include: ['linode.vpc.subnet'],
    });
    expect(countByType(resources)).toEqual({ 'linode.vpc.subnet': 3 });
    expect(scopesOf(runtime, 'vpcs', 'linode.vpc.subnet', 'us-east')[0]).toMatchObject({
      status: 'complete',
      resourceTypes: ['linode.vpc.subnet'],
      resourceCount: 2,
    });
  });

  test('falls back to the built-in regions when GET /v4/regions fails for good', async () => {
    api.injectFault({ path: '/v4/regions', status: 500, times: Number.POSITIVE_INFINITY });
    const { resources, runtime } = await listAll(createTestDriver(api, { services: ['volumes'] }));
    expect(resources).toHaveLength(3);
    expect(runtime.scopes.filter((scope) => scope.region === 'us-mia')).toHaveLength(1);
  });
});
