import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { byId, listAll } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hetznerCatalog } from '../src/driver.ts';
import { createHetznerEstate, type HetznerEstate } from './fixtures/hetzner-estate.ts';
import { createTestDriver, startHetznerApi } from './hetzner-test-helpers.ts';

describe('hetzner services', () => {
  let estate: HetznerEstate;
  let server: FakeProviderServer;
  beforeEach(async () => {
    estate = createHetznerEstate();
    server = await startHetznerApi(estate);
  });
  afterEach(async () => {
    await server.close();
  });

  test('lists every catalog type with the documented payload as configuration', async () => {
    const { resources } = await listAll(createTestDriver(server));
    const counts: Record<string, number> = {};
    for (const resource of resources) {
      counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
    }
    expect(counts).toEqual({
      'hetzner.server': 4,
      'hetzner.volume': 3,
      'hetzner.network': 3,
      'hetzner.network.subnet': 3,
      'hetzner.load-balancer': 3,
      'hetzner.firewall': 3,
      'hetzner.floating-ip': 3,
      'hetzner.primary-ip': 3,
      'hetzner.placement-group': 3,
      'hetzner.ssh-key': 3,
      'hetzner.image': 3,
      'hetzner.iso': 2,
      'hetzner.certificate': 3,
    });
    const declared = hetznerCatalog.services.flatMap((service) =>
      service.resourceTypes.map((descriptor) => descriptor.type),
    );
    expect(Object.keys(counts).sort()).toEqual([...declared].sort());

    const web = byId(resources, 'hetzner.server').get('42')!;
    expect(web).toMatchObject({
      provider: 'hetzner',
      accountId: 'default',
      service: 'servers',
      region: 'fsn1',
      name: 'web-1',
      labels: { env: 'prod', role: 'web' },
    });
    expect(web.configuration).toEqual(estate.servers[0]);
    expect(byId(resources, 'hetzner.volume').get('502')).toMatchObject({
      region: 'hel1',
      labels: { env: 'prod', backup: 'daily' },
    });
    expect(byId(resources, 'hetzner.load-balancer').get('603')?.region).toBe('ash');
    expect(byId(resources, 'hetzner.floating-ip').get('803')?.region).toBe('ash');
    expect(byId(resources, 'hetzner.primary-ip').get('903')?.region).toBe('hel1');
    for (const type of ['hetzner.firewall', 'hetzner.ssh-key', 'hetzner.certificate']) {
      expect([...byId(resources, type).values()].every((item) => item.region === 'global')).toBe(
        true,
      );
    }
    expect(byId(resources, 'hetzner.certificate').get('7002')?.labels).toEqual({
      env: 'prod',
      managed: 'true',
    });
  });

  test('reads the location of servers and primary IPs from `location` before `datacenter`', async () => {
    estate.servers[1]!.datacenter = {
      ...estate.servers[1]!.datacenter,
      location: { ...estate.locations[2]! },
    };
    const { resources } = await listAll(
      createTestDriver(server, { services: ['servers', 'primaryips'] }),
    );
    // web-2 lists datacenter hel1 here but location nbg1: the newer field wins.
    expect(byId(resources, 'hetzner.server').get('43')?.region).toBe('nbg1');
    expect(byId(resources, 'hetzner.primary-ip').get('902')?.region).toBe('nbg1');
    // Without `location` (before the 2025-12-16 change) the datacenter's location is used.
    expect(byId(resources, 'hetzner.server').get('44')?.region).toBe('hel1');
  });

  test('asks for snapshot and backup images only and names them by description', async () => {
    const { resources } = await listAll(createTestDriver(server, { services: ['images'] }));
    const images = byId(resources, 'hetzner.image');
    expect([...images.keys()].sort()).toEqual(['7101', '7102', '7103']);
    expect(images.has('161547269')).toBe(false);
    expect(images.get('7101')).toMatchObject({
      name: 'web golden image',
      region: 'global',
      labels: { env: 'prod' },
    });
    expect(images.get('7103')?.configuration).toMatchObject({ type: 'backup', bound_to: 44 });
    // The fake serves every image type unless `type` filters it: no system image means the
    // filter was sent, snapshots and a backup mean both types were asked for.
    expect(server.requestsTo('/v1/images').every((entry) => entry.query.type !== undefined)).toBe(
      true,
    );
  });

  test('keeps private ISOs only', async () => {
    const { resources } = await listAll(createTestDriver(server, { services: ['isos'] }));
    expect([...byId(resources, 'hetzner.iso').keys()].sort()).toEqual(['3502', '3504']);
    expect(
      resources.every((resource) => resource.labels && Object.keys(resource.labels).length === 0),
    ).toBe(true);
  });

  test('yields each subnet linked to its network, id <network id>/<ip_range>', async () => {
    const { resources } = await listAll(createTestDriver(server, { services: ['networks'] }));
    const subnets = byId(resources, 'hetzner.network.subnet');
    expect([...subnets.keys()].sort()).toEqual([
      '4711/10.0.1.0/24',
      '4711/10.0.2.0/24',
      '4712/172.16.0.0/24',
    ]);
    expect(subnets.get('4711/10.0.2.0/24')).toMatchObject({
      service: 'networks',
      region: 'global',
      name: 'backend 10.0.2.0/24',
      configuration: {
        networkId: 4711,
        networkName: 'backend',
        type: 'vswitch',
        ip_range: '10.0.2.0/24',
        network_zone: 'eu-central',
        vswitch_id: 1000,
      },
    });
    const networks = byId(resources, 'hetzner.network');
    expect(networks.get('4711')).toMatchObject({ region: 'global', labels: { env: 'prod' } });
    // Subnet ids stay put when an earlier subnet is deleted.
    estate.networks[0]!.subnets.shift();
    const again = await listAll(createTestDriver(server, { services: ['networks'] }));
    expect(byId(again.resources, 'hetzner.network.subnet').has('4711/10.0.2.0/24')).toBe(true);
  });

  test('pages through every list call with per_page and meta.pagination', async () => {
    await listAll(createTestDriver(server));
    const paths = [
      '/v1/locations',
      '/v1/servers',
      '/v1/volumes',
      '/v1/networks',
      '/v1/load_balancers',
      '/v1/firewalls',
      '/v1/floating_ips',
      '/v1/primary_ips',
      '/v1/placement_groups',
      '/v1/ssh_keys',
      '/v1/images',
      '/v1/isos',
      '/v1/certificates',
    ];
    for (const path of paths) {
      const pages = server.requestsTo(path).map((entry) => entry.query.page);
      expect(pages, path).toEqual(expect.arrayContaining(['1', '2']));
      expect(
        server.requestsTo(path).every((entry) => entry.query.per_page === '2'),
        path,
      ).toBe(true);
      // No page is fetched twice, and listing stops at next_page: null.
      expect(new Set(pages).size, path).toBe(pages.length);
    }
    expect(server.requestsTo('/v1/locations').map((entry) => entry.query.page)).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  test('records config.accountId on every resource and never derives one from the token', async () => {
    const named = await listAll(
      createTestDriver(server, { accountId: 'my-project', services: ['sshkeys'] }),
    );
    expect(named.resources.every((resource) => resource.accountId === 'my-project')).toBe(true);
    const driver = createTestDriver(server, { services: ['sshkeys'] });
    expect(driver.accountId).toBe('default');
  });
});
