// Each service's mapping against the fake Linode API: ids, names, regions, tags, enrichment,
// filters sent as X-Filter, API versions, and Linode's paging followed to the last page.
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { byId, countByType, listAll } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { linodeCatalog } from '../src/driver.ts';
import { createLinodeEstate, expectedCounts, type LinodeEstate } from './fixtures/linode-estate.ts';
import { createTestDriver, startLinodeApi } from './linode-test-helpers.ts';

describe('linode services', () => {
  let estate: LinodeEstate;
  let api: FakeProviderServer;

  beforeEach(async () => {
    estate = createLinodeEstate();
    api = await startLinodeApi(estate);
  });
  afterEach(async () => {
    await api.close();
  });

  test('lists every resource type of the catalog, as many as the account holds', async () => {
    const { resources } = await listAll(createTestDriver(api));
    const counts = countByType(resources);
    expect(counts).toEqual(expectedCounts(estate));
    const declared = linodeCatalog.services.flatMap((service) =>
      service.resourceTypes.map((type) => type.type),
    );
    expect(Object.keys(counts).sort()).toEqual([...declared].sort());
    expect(resources.every((resource) => resource.provider === 'linode')).toBe(true);
    expect(new Set(resources.map((resource) => resource.accountId))).toEqual(
      new Set([estate.account.euuid]),
    );
  });

  test('follows every list to its last page with page and page_size', async () => {
    await listAll(createTestDriver(api, { pageSize: 25 }));
    const listed = api.requests.filter((entry) => entry.status === 200 && entry.query.page);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((entry) => entry.query.page_size === '25')).toBe(true);
    // Every collection of three or more items was read past its first page.
    for (const path of [
      '/v4/regions',
      '/v4/linode/instances',
      '/v4/lke/clusters',
      '/v4/lke/clusters/201/pools',
      '/v4/volumes',
      '/v4/nodebalancers',
      '/v4/nodebalancers/301/configs',
      '/v4/nodebalancers/301/configs/3011/nodes',
      '/v4/networking/firewalls',
      '/v4/networking/firewalls/501/devices',
      '/v4/networking/vlans',
      '/v4/vpcs',
      '/v4/domains',
      '/v4/domains/701/records',
      '/v4/profile/sshkeys',
      '/v4/images',
      '/v4/object-storage/buckets',
      '/v4/linode/stackscripts',
      '/v4beta/databases/mysql/instances',
      '/v4beta/databases/postgresql/instances',
      '/v4/placement/groups',
    ]) {
      const pages = api.requestsTo(path).map((entry) => entry.query.page);
      expect(pages, path).toContain('2');
    }
  });

  test('maps a Linode: payload as configuration, string tags as a map, region and name', async () => {
    const { resources } = await listAll(createTestDriver(api));
    const web = byId(resources, 'linode.linode').get('101');
    expect(web).toMatchObject({
      service: 'linodes',
      region: 'us-east',
      name: 'web-1',
      tags: { env: 'prod', web: '' },
      configuration: estate.linodes[0],
    });
  });

  test('lists node pools per cluster with `<clusterId>/<poolId>` ids and the cluster’s region', async () => {
    const { resources } = await listAll(createTestDriver(api));
    const pools = byId(resources, 'linode.kubernetes.nodepool');
    expect([...pools.keys()].sort()).toEqual([
      '201/2011',
      '201/2012',
      '201/2013',
      '202/2021',
      '203/2031',
    ]);
    expect(pools.get('201/2011')).toMatchObject({
      region: 'us-east',
      name: 'apps/2011',
      tags: { pool: 'general' },
      metadata: { clusterId: 201, clusterLabel: 'apps' },
    });
  });

  test('enriches NodeBalancers with their configs and each config’s nodes', async () => {
    const { resources } = await listAll(createTestDriver(api));
    const web = byId(resources, 'linode.nodebalancer').get('301')!;
    const configuration = web.configuration as {
      configs: Array<{ id: number; nodes: Array<{ id: number }> }>;
    };
    expect(configuration.configs.map((config) => config.id)).toEqual([3011, 3012, 3013]);
    expect(configuration.configs[0]!.nodes.map((node) => node.id)).toEqual([30111, 30112, 30113]);
    expect(configuration.configs[2]!.nodes).toEqual([]);
    expect(web.metadata?.enrichmentErrors).toBeUndefined();
    const idle = byId(resources, 'linode.nodebalancer').get('303')!;
    expect((idle.configuration as { configs: unknown[] }).configs).toEqual([]);
  });

  test('enriches firewalls with their devices; firewalls and domains are global', async () => {
    const { resources } = await listAll(createTestDriver(api));
    const firewall = byId(resources, 'linode.firewall').get('501')!;
    expect(firewall.region).toBe('global');
    expect(
      (firewall.configuration as { devices: Array<{ entity: { type: string } }> }).devices.map(
        (device) => device.entity.type,
      ),
    ).toEqual(['linode', 'linode', 'nodebalancer']);
    expect(byId(resources, 'linode.domain').get('701')).toMatchObject({
      region: 'global',
      name: 'example.com',
    });
  });

  test('names records after their domain and keys them `<domainId>/<recordId>`', async () => {
    const { resources } = await listAll(createTestDriver(api));
    const records = byId(resources, 'linode.domain.record');
    expect(records.get('701/7011')).toMatchObject({ name: 'www.example.com', region: 'global' });
    expect(records.get('701/7012')?.name).toBe('example.com');
  });

  test('yields VPC subnets from the VPC list, and VLANs keyed by region and label', async () => {
    const { resources } = await listAll(createTestDriver(api));
    expect([...byId(resources, 'linode.vpc.subnet').keys()].sort()).toEqual([
      '601/6011',
      '601/6012',
      '602/6021',
    ]);
    expect(byId(resources, 'linode.vpc.subnet').get('602/6021')?.region).toBe('eu-west');
    expect([...byId(resources, 'linode.vlan').keys()].sort()).toEqual([
      'ap-south/batch',
      'eu-west/backend',
      'us-east/backend',
    ]);
    // Nothing but the VPC list was called for subnets.
    expect(api.requests.filter((entry) => entry.path.startsWith('/v4/vpcs/'))).toEqual([]);
  });

  test('asks for private images and own StackScripts only, through X-Filter', async () => {
    const { resources } = await listAll(createTestDriver(api));
    expect([...byId(resources, 'linode.image').keys()].sort()).toEqual([
      'private/1001',
      'private/1002',
      'private/1003',
    ]);
    expect([...byId(resources, 'linode.stackscript').keys()].sort()).toEqual([
      '1101',
      '1103',
      '1104',
    ]);
    expect(api.requestsTo('/v4/images')[0]?.headers['x-filter']).toBe('{"is_public":false}');
    expect(api.requestsTo('/v4/linode/stackscripts')[0]?.headers['x-filter']).toBe('{"mine":true}');
  });

  test('lists databases per engine under /v4beta and buckets keyed by region and label', async () => {
    const { resources } = await listAll(createTestDriver(api));
    expect(byId(resources, 'linode.databases.mysql').get('1201')).toMatchObject({
      service: 'databases',
      region: 'us-east',
      name: 'orders',
    });
    expect(byId(resources, 'linode.databases.postgresql').size).toBe(3);
    expect(api.requestsTo('/v4/databases/*')).toEqual([]);
    expect(byId(resources, 'linode.objectstorage.bucket').get('eu-west/backups')).toMatchObject({
      region: 'eu-west',
      name: 'backups',
    });
  });

  test('derives a bucket’s region from its legacy cluster when it has no region', async () => {
    estate.buckets[0] = { ...estate.buckets[0]!, region: undefined as unknown as string };
    const { resources } = await listAll(createTestDriver(api));
    expect(byId(resources, 'linode.objectstorage.bucket').get('us-east/assets')?.region).toBe(
      'us-east',
    );
  });

  test('uses config.accountId without reading the account', async () => {
    const { resources } = await listAll(createTestDriver(api, { accountId: 'acme' }));
    expect(resources.every((resource) => resource.accountId === 'acme')).toBe(true);
    expect(api.requestsTo('/v4/account')).toEqual([]);
  });

  test('lists without an account id when the token may not read the account', async () => {
    api.injectFault({ path: '/v4/account', status: 403, times: 1 });
    const { resources } = await listAll(createTestDriver(api));
    expect(resources.length).toBeGreaterThan(0);
    expect(resources.every((resource) => resource.accountId === undefined)).toBe(true);
  });
});
