import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { byId, countByType, listAll } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { vultrCatalog } from '../src/driver.ts';
import { createVultrEstate, estateCounts, type VultrEstate } from './fixtures/vultr-estate.ts';
import { createTestDriver, startVultrApi } from './vultr-test-helpers.ts';

describe('vultr resources', () => {
  let estate: VultrEstate;
  let server: FakeProviderServer;
  beforeEach(async () => {
    estate = createVultrEstate();
    server = await startVultrApi(estate);
  });
  afterEach(async () => {
    await server.close();
  });

  test('lists every resource of the account, each type as many as the API holds', async () => {
    const { resources } = await listAll(createTestDriver(server));
    expect(countByType(resources)).toEqual(estateCounts(estate));
    const declared = vultrCatalog.services.flatMap((service) =>
      service.resourceTypes.map((type) => type.type),
    );
    expect(Object.keys(countByType(resources)).sort()).toEqual([...declared].sort());
  });

  test('follows meta.links.next with per_page and cursor until it is empty, on every paged list', async () => {
    await listAll(createTestDriver(server));
    const paged = [
      '/v2/regions',
      '/v2/instances',
      '/v2/bare-metals',
      '/v2/kubernetes/clusters',
      '/v2/blocks',
      '/v2/snapshots',
      '/v2/object-storage',
      '/v2/load-balancers',
      '/v2/firewalls',
      '/v2/vpcs',
      '/v2/vpc2',
      '/v2/reserved-ips',
      '/v2/domains',
      '/v2/ssh-keys',
      '/v2/startup-scripts',
      ...Object.keys(estate.firewallRules).map((group) => `/v2/firewalls/${group}/rules`),
      ...Object.keys(estate.records).map((domain) => `/v2/domains/${domain}/records`),
    ];
    for (const path of paged) {
      const calls = server.requests.filter((entry) => entry.path === path);
      expect(calls.length, path).toBe(2);
      expect(
        calls.every((entry) => entry.query.per_page === '2'),
        path,
      ).toBe(true);
      expect(calls[0]!.query.cursor, path).toBeUndefined();
      expect(calls[1]!.query.cursor, path).toMatch(/^[A-Za-z0-9+/=]+$/);
    }
    // GET /databases takes no paging parameters: one call, none sent.
    const databases = server.requestsTo('/v2/databases');
    expect(databases).toHaveLength(1);
    expect(databases[0]!.query).toEqual({});
  });

  test('maps an instance: id, label, lower-case region, tags from strings, the whole payload', async () => {
    const { resources } = await listAll(createTestDriver(server, { services: ['instances'] }));
    const web = byId(resources, 'vultr.instance').get('cb676a46-66fd-4dfb-b839-443f2e6c0b60');
    expect(web).toMatchObject({
      provider: 'vultr',
      accountId: 'default',
      service: 'instances',
      region: 'ewr',
      name: 'web-1',
      tags: { env: 'prod', role: 'web' },
      labels: {},
    });
    expect(web?.configuration).toEqual(estate.instances[0]);
    const worker = byId(resources, 'vultr.instance').get('7b2e9d10-4c3a-4e8b-9f1d-2a3b4c5d6e7f');
    expect(worker?.tags).toEqual({ env: 'staging', batch: '' });
  });

  test('a database answering its region in capitals lands in the lower-case region, with its tag', async () => {
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['databases'] }),
    );
    const sessions = byId(resources, 'vultr.database').get('1d3f5b7d-9f1b-4d3f-8a5c-7e9a1c3e5a7c');
    expect(sessions).toMatchObject({ region: 'ewr', name: 'sessions', tags: { team: 'data' } });
    expect(sessions?.configuration).toHaveProperty('region', 'EWR');
    expect(runtime.scopeFor('databases', 'ewr')).toMatchObject({
      status: 'complete',
      resourceCount: 1,
    });
  });

  test('node pools come from the cluster list, in the cluster’s region, linked by clusterId', async () => {
    const { resources } = await listAll(createTestDriver(server, { services: ['kubernetes'] }));
    const pools = [...byId(resources, 'vultr.kubernetes.nodepool').values()];
    expect(pools.map((pool) => pool.name).sort()).toEqual(['batch', 'general', 'highmem']);
    const general = pools.find((pool) => pool.name === 'general');
    expect(general).toMatchObject({
      region: 'ewr',
      tags: { team: 'platform' },
      metadata: { clusterId: 'c907e832-3080-48a6-a54d-7379e645c0b7' },
    });
    expect(server.requests.some((entry) => entry.path.includes('/node-pools'))).toBe(false);
  });

  test('firewall rules and DNS records get ids unique across their parents', async () => {
    const { resources } = await listAll(
      createTestDriver(server, { services: ['firewalls', 'dns'] }),
    );
    const rules = byId(resources, 'vultr.firewall.rule');
    expect(rules.get('2b5c9a6f-1a72-4b7c-8f4d-3e6b8d2f1c02/3')).toMatchObject({
      region: 'global',
      name: 'icmp',
      metadata: { firewallGroupId: '2b5c9a6f-1a72-4b7c-8f4d-3e6b8d2f1c02' },
      configuration: { id: 3, protocol: 'icmp', subnet: '10.0.0.0', subnet_size: 8 },
    });
    expect(rules.get('1a4b8f5e-0f61-4a6b-9e3c-2d5a7c1e0b01/3')?.name).toBe(
      'accept tcp 443 from cloudflare',
    );
    const records = byId(resources, 'vultr.dns.record');
    expect(records.get('example.net/d2b3c4d5-2f1b-4c3d-8e4f-6a7b8c9d0e1f')).toMatchObject({
      name: 'A www',
      metadata: { domain: 'example.net' },
      configuration: { type: 'A', name: 'www', data: '192.0.2.123', ttl: 300 },
    });
    // The parent lists are read once, though two steps use each.
    expect(server.requestsTo('/v2/firewalls')).toHaveLength(2);
    expect(server.requestsTo('/v2/domains')).toHaveLength(2);
  });

  test('a startup script gets its body from GET /startup-scripts/{id}, the list having none', async () => {
    const { resources } = await listAll(createTestDriver(server, { services: ['startupscripts'] }));
    const bootstrap = byId(resources, 'vultr.startup-script').get(
      '7e9a1c3e-5a7c-4e9a-9c3e-5a7c9e1a3c5e',
    );
    expect(bootstrap?.configuration).toEqual(estate.startupScripts[0]);
    expect(bootstrap?.metadata).toBeUndefined();
    expect(
      server.requests.filter((entry) => /^\/v2\/startup-scripts\/.+/.test(entry.path)),
    ).toHaveLength(3);
  });

  test('config.regions keeps the resources of those regions and reports scopes only there', async () => {
    const { resources, runtime } = await listAll(
      createTestDriver(server, { regions: ['ams'], services: ['instances', 'sshkeys'] }),
    );
    expect(
      resources.filter((resource) => resource.service === 'instances').map((item) => item.name),
    ).toEqual(['worker-1']);
    expect(resources.filter((resource) => resource.service === 'sshkeys')).toHaveLength(3);
    expect(runtime.scopes.map((scope) => `${scope.service}@${scope.region}`).sort()).toEqual([
      'instances@ams',
      'instances@global',
      'sshkeys@global',
    ]);
  });

  test('an include of one type runs only the step that lists it, and says so on the scope', async () => {
    const { resources, runtime } = await listAll(createTestDriver(server), {
      include: ['vultr.dns.domain'],
    });
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(
      new Set(['vultr.dns.domain']),
    );
    expect(runtime.scopes).toEqual([
      expect.objectContaining({
        service: 'dns',
        region: 'global',
        status: 'complete',
        resourceTypes: ['vultr.dns.domain'],
      }),
    ]);
    expect(server.requests.some((entry) => entry.path.endsWith('/records'))).toBe(false);
    // Only global services were left: no regions call either.
    expect(server.requestsTo('/v2/regions')).toHaveLength(0);
  });
});
