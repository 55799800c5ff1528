import { ConfigurationError } from '@cloud-inventory/core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { digitalOceanRegions } from '../src/driver.ts';
import {
  type FakeDigitalOcean,
  listWith,
  startFakeDigitalOcean,
} from './digitalocean-test-helpers.ts';
import { regionObject } from './fixtures/digitalocean-region-fixtures.ts';

const globalServices = ['firewalls', 'domains', 'cdn', 'sshkeys'];

describe('DigitalOcean scopes', () => {
  let fake: FakeDigitalOcean;
  beforeEach(async () => {
    fake = await startFakeDigitalOcean();
  });
  afterEach(async () => {
    await fake.server.close();
  });

  test('reports one account-wide listing as a complete scope per region, plus global', async () => {
    const { runtime } = await listWith(fake.server);
    // One report per region and step (domains and registry have two steps each).
    const regionsOf = (service: string) => [
      ...new Set(
        runtime.scopes
          .filter((scope) => scope.service === service)
          .map((scope) => scope.region)
          .sort(),
      ),
    ];
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
    expect(regionsOf('droplets')).toEqual([...digitalOceanRegions, 'global'].sort());
    for (const service of globalServices) expect(regionsOf(service)).toEqual(['global']);
    // One HTTP listing per service nonetheless.
    expect(fake.server.requestsTo('/v2/droplets')).toHaveLength(2);
    const droplets = runtime.scopes.filter((scope) => scope.service === 'droplets');
    expect(droplets.find((scope) => scope.region === 'nyc3')?.resourceCount).toBe(2);
    expect(droplets.find((scope) => scope.region === 'sgp1')?.resourceCount).toBe(0);
  });

  test('config.regions keeps those regions and global resources, and reports no other region complete', async () => {
    const { resources, runtime } = await listWith(fake.server, { config: { regions: ['fra1'] } });
    expect(new Set(resources.map((resource) => resource.region))).toEqual(
      new Set(['fra1', 'global']),
    );
    expect(
      resources
        .filter((resource) => resource.region === 'fra1')
        .map((resource) => resource.resourceType)
        .sort(),
    ).toEqual([
      'digitalocean.app',
      'digitalocean.database',
      'digitalocean.droplet',
      'digitalocean.kubernetes.cluster',
      'digitalocean.kubernetes.nodepool',
      'digitalocean.registry',
      'digitalocean.registry.repository',
      'digitalocean.registry.repository',
      'digitalocean.registry.repository',
      'digitalocean.reserved-ip',
      'digitalocean.spaces.bucket',
      'digitalocean.spaces.bucket',
      'digitalocean.spaces.bucket',
      'digitalocean.volume',
    ]);
    expect(new Set(runtime.scopes.map((scope) => scope.region))).toEqual(
      new Set(['fra1', 'global']),
    );
    expect(
      runtime.scopes.filter((scope) => scope.service === 'spaces').map((scope) => scope.region),
    ).toEqual(['fra1']);
    // Only fra1 was listed: its three buckets on two pages.
    const listings = fake.server.requests.filter((entry) => entry.path === '/');
    expect(listings).toHaveLength(2);
  });

  test('an unknown region in config.regions is a configuration error listing the valid ones', async () => {
    const attempt = listWith(fake.server, { config: { regions: ['mars1'] } });
    await expect(attempt).rejects.toSatisfy(
      (error) =>
        ConfigurationError.isInstance(error) && /config\.regions\[0\].*nyc3/s.test(error.message),
    );
  });

  test('adds regions from GET /v2/regions that the built-in list does not know', async () => {
    fake.estate.regions.push(regionObject('ric1'));
    const droplet = structuredClone(fake.estate.droplets[0]!);
    droplet.id = 4000001;
    droplet.region = regionObject('ric1');
    fake.estate.droplets.push(droplet);
    const { resources, runtime } = await listWith(fake.server, {
      config: { services: ['droplets'] },
    });
    expect(resources.find((resource) => resource.resourceId === '4000001')?.region).toBe('ric1');
    expect(runtime.scopeFor('droplets', 'ric1')).toMatchObject({
      status: 'complete',
      resourceCount: 1,
    });
    const filtered = await listWith(fake.server, {
      config: { services: ['droplets'], regions: ['ric1'] },
    });
    expect(filtered.resources.map((resource) => resource.resourceId)).toEqual(['4000001']);
  });

  test('falls back to the built-in regions when GET /v2/regions fails with 5xx', async () => {
    fake.server.injectFault({ path: '/v2/regions', status: 500, times: Number.POSITIVE_INFINITY });
    const { resources, runtime } = await listWith(fake.server, {
      config: { services: ['volumes'] },
    });
    expect(resources).toHaveLength(3);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
    expect(runtime.scopes).toHaveLength(digitalOceanRegions.length + 1);
  });

  test('global services alone do not need the region list', async () => {
    const { resources } = await listWith(fake.server, {
      config: { services: ['domains', 'sshkeys'] },
    });
    expect(resources).toHaveLength(16);
    expect(fake.server.requestsTo('/v2/regions')).toHaveLength(0);
  });
});
