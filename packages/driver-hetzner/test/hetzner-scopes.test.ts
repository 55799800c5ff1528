import { ConfigurationError, DriverError } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hetznerKnownLocations } from '../src/driver.ts';
import { createHetznerEstate, type HetznerEstate } from './fixtures/hetzner-estate.ts';
import { createTestDriver, scopeKeys, startHetznerApi } from './hetzner-test-helpers.ts';

const allLocations = ['ash', 'fsn1', 'hel1', 'hil', 'nbg1', 'sin'];

describe('hetzner scopes and regions', () => {
  let estate: HetznerEstate;
  let server: FakeProviderServer;
  beforeEach(async () => {
    estate = createHetznerEstate();
    server = await startHetznerApi(estate);
  });
  afterEach(async () => {
    await server.close();
  });

  test('reports a listed regional service complete in global and in every location', async () => {
    const { runtime } = await listAll(createTestDriver(server));
    for (const service of ['servers', 'volumes', 'loadbalancers', 'floatingips', 'primaryips']) {
      expect(scopeKeys(runtime, service)).toEqual(
        ['global', ...allLocations].map((region) => `${region}:complete`).sort(),
      );
    }
    for (const service of [
      'networks',
      'firewalls',
      'placementgroups',
      'sshkeys',
      'images',
      'isos',
      'certificates',
    ]) {
      expect(scopeKeys(runtime, service)).toEqual(['global:complete']);
    }
    // Each location's report counts the resources listed there.
    expect(runtime.scopeFor('servers', 'fsn1')?.resourceCount).toBe(2);
    expect(runtime.scopeFor('servers', 'sin')?.resourceCount).toBe(0);
    expect(runtime.scopeFor('servers', 'global')?.resourceCount).toBe(0);
    expect(runtime.scopeFor('networks', 'global')?.resourceCount).toBe(6);
  });

  test('config.regions keeps those locations and global resources, and reports only those scopes', async () => {
    const { resources, runtime } = await listAll(createTestDriver(server, { regions: ['fsn1'] }));
    expect(new Set(resources.map((resource) => resource.region))).toEqual(
      new Set(['fsn1', 'global']),
    );
    expect(
      resources
        .filter((resource) => resource.resourceType === 'hetzner.server')
        .map((resource) => resource.resourceId)
        .sort(),
    ).toEqual(['42', '45']);
    expect(resources.some((resource) => resource.resourceType === 'hetzner.ssh-key')).toBe(true);
    expect(new Set(runtime.scopes.map((scope) => scope.region))).toEqual(
      new Set(['fsn1', 'global']),
    );
    // The calls stay project-wide: Hetzner lists have no location filter.
    expect(server.requestsTo('/v1/servers').length).toBe(2);
  });

  test('include and exclude pick services, types and locations', async () => {
    const included = await listAll(createTestDriver(server), { include: ['servers', 'nbg1'] });
    expect(
      included.resources.map((resource) => `${resource.resourceType}:${resource.resourceId}`),
    ).toEqual(['hetzner.server:43']);
    const excluded = await listAll(createTestDriver(server, { services: ['servers', 'sshkeys'] }), {
      exclude: ['fsn1', 'hetzner.ssh-key'],
    });
    expect(excluded.resources.map((resource) => resource.resourceId).sort()).toEqual(['43', '44']);
    expect(excluded.runtime.scopes.some((scope) => scope.region === 'fsn1')).toBe(false);
  });

  test('a type filter yields those types only and names them in the scope, so nothing else is deleted', async () => {
    const subnets = await listAll(createTestDriver(server), {
      include: ['hetzner.network.subnet'],
    });
    expect(new Set(subnets.resources.map((resource) => resource.resourceType))).toEqual(
      new Set(['hetzner.network.subnet']),
    );
    expect(subnets.runtime.scopes).toEqual([
      expect.objectContaining({
        service: 'networks',
        region: 'global',
        status: 'complete',
        resourceTypes: ['hetzner.network.subnet'],
        resourceCount: 3,
      }),
    ]);

    const networksOnly = await listAll(
      createTestDriver(server, { services: ['networks', 'servers'] }),
      {
        exclude: ['hetzner.network.subnet'],
      },
    );
    expect(
      networksOnly.resources.some((resource) => resource.resourceType === 'hetzner.network.subnet'),
    ).toBe(false);
    expect(networksOnly.runtime.scopeFor('networks')?.resourceTypes).toEqual(['hetzner.network']);
    // A service named in full keeps all its types; every scope names the types of its step.
    const mixed = await listAll(createTestDriver(server), {
      include: ['servers', 'hetzner.network'],
    });
    expect(
      mixed.resources.filter((resource) => resource.resourceType === 'hetzner.server'),
    ).toHaveLength(4);
    expect(
      mixed.runtime.scopes
        .filter((scope) => scope.service === 'servers')
        .every((scope) => JSON.stringify(scope.resourceTypes) === '["hetzner.server"]'),
    ).toBe(true);
    expect(mixed.runtime.scopeFor('networks')?.resourceTypes).toEqual(['hetzner.network']);
  });

  test('unknown services and locations fail with a ConfigurationError naming the valid ones', async () => {
    const service = await rejectionOf(listAll(createTestDriver(server, { services: ['dns'] })));
    expect(ConfigurationError.isInstance(service)).toBe(true);
    expect(service.message).toContain('config.services[0]');
    expect(service.message).toContain('loadbalancers');
    const region = await rejectionOf(listAll(createTestDriver(server, { regions: ['us-east-1'] })));
    expect(ConfigurationError.isInstance(region)).toBe(true);
    expect(region.message).toContain('fsn1');
  });

  test('when GET /locations fails, falls back to the built-in locations and still lists', async () => {
    server.injectFault({ path: '/v1/locations', status: 503, times: Number.POSITIVE_INFINITY });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['servers'] }),
    );
    expect(resources).toHaveLength(4);
    expect(scopeKeys(runtime, 'servers')).toEqual(
      ['global', ...hetznerKnownLocations].map((region) => `${region}:complete`).sort(),
    );
  });

  test('a location the fallback list does not know is kept and covered', async () => {
    server.injectFault({ path: '/v1/locations', status: 500, times: Number.POSITIVE_INFINITY });
    const moved = estate.servers[3]!;
    moved.datacenter = {
      ...moved.datacenter,
      location: { ...moved.datacenter.location, name: 'xyz9' },
    };
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['servers'] }),
    );
    expect(resources.find((resource) => resource.resourceId === '45')?.region).toBe('xyz9');
    expect(runtime.scopeFor('servers', 'xyz9')).toMatchObject({
      status: 'complete',
      resourceCount: 1,
    });
    // Without the location list, config.regions is not checked against it.
    const filtered = await listAll(
      createTestDriver(server, { services: ['servers'], regions: ['xyz9'] }),
    );
    expect(filtered.resources.map((resource) => resource.resourceId)).toEqual(['45']);
  });

  test('a failing service is reported failed in global and every location; the others complete', async () => {
    server.injectFault({ service: 'volumes', status: 500, times: Number.POSITIVE_INFINITY });
    const { resources, runtime } = await listAll(createTestDriver(server));
    const volumes = runtime.scopes.filter((scope) => scope.service === 'volumes');
    expect(volumes).toHaveLength(7);
    expect(
      volumes.every((scope) => scope.status === 'failed' && scope.errorClass === 'server'),
    ).toBe(true);
    expect(volumes[0]?.error).toMatch(
      /GET \/v1\/volumes\?page=1&per_page=2 failed after 3 attempts: HTTP 500/,
    );
    const others = runtime.scopes.filter((scope) => scope.service !== 'volumes');
    expect(others.every((scope) => scope.status === 'complete')).toBe(true);
    expect(resources.some((resource) => resource.service === 'volumes')).toBe(false);
    expect(resources.filter((resource) => resource.service === 'servers')).toHaveLength(4);
  });

  test('a cancelled sync stops and reports nothing complete', async () => {
    server.injectFault({ path: '/v1/servers', latencyMs: 2000, times: Number.POSITIVE_INFINITY });
    const controller = new AbortController();
    const driver = createTestDriver(server, { services: ['servers'] });
    await driver.initialize();
    const runtime = (await import('@cloud-inventory/testkit')).createTestRuntime();
    setTimeout(() => controller.abort(new Error('stop')), 100);
    const failure = await rejectionOf(
      (async () => {
        for await (const _ of driver.listResources({
          runtime,
          concurrency: 2,
          dryRun: false,
          signal: controller.signal,
        })) {
          // drain
        }
      })(),
    );
    expect(failure.message).toBe('stop');
    expect(runtime.scopes.some((scope) => scope.status === 'complete')).toBe(false);
    expect(DriverError.isInstance(failure)).toBe(false);
  });
});
