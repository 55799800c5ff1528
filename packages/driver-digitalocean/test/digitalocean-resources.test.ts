import { ConfigurationError } from '@cloud-inventory/core';
import { byId } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  type FakeDigitalOcean,
  listWith,
  startFakeDigitalOcean,
} from './digitalocean-test-helpers.ts';
import { digitalOceanCredentials } from './fixtures/digitalocean-fixtures.ts';

describe('DigitalOcean resources', () => {
  let fake: FakeDigitalOcean;
  beforeEach(async () => {
    fake = await startFakeDigitalOcean();
  });
  afterEach(async () => {
    await fake.server.close();
  });

  test('maps every service with the provider ids, regions, names and account', async () => {
    const { resources } = await listWith(fake.server);
    const counts = Object.fromEntries(
      [...new Set(resources.map((resource) => resource.resourceType))].map((type) => [
        type,
        resources.filter((resource) => resource.resourceType === type).length,
      ]),
    );
    expect(counts).toEqual({
      'digitalocean.droplet': 3,
      'digitalocean.kubernetes.cluster': 3,
      'digitalocean.kubernetes.nodepool': 4,
      'digitalocean.database': 3,
      'digitalocean.volume': 3,
      'digitalocean.snapshot': 3,
      'digitalocean.load-balancer': 3,
      'digitalocean.firewall': 3,
      'digitalocean.vpc': 3,
      'digitalocean.reserved-ip': 3,
      'digitalocean.domain': 3,
      'digitalocean.domain.record': 10,
      'digitalocean.cdn.endpoint': 3,
      'digitalocean.registry': 1,
      'digitalocean.registry.repository': 3,
      'digitalocean.app': 3,
      'digitalocean.ssh-key': 3,
      'digitalocean.spaces.bucket': 6,
    });
    expect(new Set(resources.map((resource) => resource.accountId))).toEqual(
      new Set(['b6fr89dbf6d9156cace5f3c78dc9851d957381ef']),
    );
    expect(new Set(resources.map((resource) => resource.provider))).toEqual(
      new Set(['digitalocean']),
    );

    const droplet = byId(resources, 'digitalocean.droplet').get('3164412');
    expect(droplet).toMatchObject({
      region: 'fra1',
      name: 'stage.example.com',
      service: 'droplets',
    });
    const pool = byId(resources, 'digitalocean.kubernetes.nodepool').get(
      'f49f4379-7e7f-4af5-aeb6-0354bd840778',
    );
    expect(pool).toMatchObject({
      region: 'nyc1',
      name: 'backend-pool',
      labels: { service: 'backend', priority: 'high' },
      metadata: {
        clusterId: 'bd5f5959-5e1e-4205-a714-a914373942af',
        clusterName: 'prod-cluster-01',
      },
    });
    expect([...byId(resources, 'digitalocean.domain.record').keys()]).toContain(
      'example.com/28448432',
    );
    expect(byId(resources, 'digitalocean.domain.record').get('example.org/28448501')?.name).toBe(
      'www A',
    );
    expect([...byId(resources, 'digitalocean.registry.repository').keys()].sort()).toEqual([
      'example/repo-1',
      'example/repo-2',
      'example/team/api',
    ]);
    const regions = (type: string) =>
      Object.fromEntries([...byId(resources, type)].map(([id, resource]) => [id, resource.region]));
    expect(regions('digitalocean.snapshot')).toEqual({
      '6372321': 'nyc3',
      'fbe805e8-866b-11e6-96bf-000f53315a41': 'nyc1',
      '6372354': 'ams3',
    });
    expect(regions('digitalocean.load-balancer')['7dbf91fe-cbdb-48dc-8290-c3a181554905']).toBe(
      'global',
    );
    expect(regions('digitalocean.app')).toEqual({
      '4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf': 'fra1',
      'c2a93513-8d9b-4223-9d61-5e7272c81cf5': 'ams3',
      '5d2f1e0a-9b8c-4d7e-a6f5-4e3d2c1b0a99': 'nyc3',
    });
    expect(regions('digitalocean.registry')).toEqual({ example: 'fra1' });
    expect(regions('digitalocean.firewall')).toEqual({
      'fb6045f1-cf1d-4ca3-bfac-18832663025b': 'global',
      'bb4b2611-3d72-467b-8602-280330ecd65c': 'global',
      'a3b4c5d6-e7f8-4a9b-8c0d-1e2f3a4b5c6d': 'global',
    });
    expect([...byId(resources, 'digitalocean.reserved-ip').keys()]).toEqual([
      '45.55.96.47',
      '45.55.96.48',
      '164.90.1.10',
    ]);
    expect(byId(resources, 'digitalocean.spaces.bucket').get('nyc3/log-files')).toMatchObject({
      region: 'nyc3',
      name: 'log-files',
      configuration: {
        Name: 'log-files',
        CreationDate: '2017-06-23T18:40:17.777Z',
        region: 'nyc3',
      },
    });
  });

  test('keeps the full API payload as configuration and turns DigitalOcean tags into key/values', async () => {
    const { resources } = await listWith(fake.server);
    const droplet = byId(resources, 'digitalocean.droplet').get('3164444')!;
    expect(droplet.configuration).toEqual(fake.estate.droplets[0]);
    expect(droplet.tags).toEqual({ web: '', env: 'prod' });
    const cluster = byId(resources, 'digitalocean.kubernetes.cluster').get(
      'bd5f5959-5e1e-4205-a714-a914373942af',
    )!;
    expect(cluster.configuration).toEqual(fake.estate.kubernetes[0]);
    expect(cluster.tags).toMatchObject({ production: '', 'web-team': '' });
    const database = byId(resources, 'digitalocean.database').get(
      '9cc10173-e9ea-4176-9dbc-a4cee4c4ff30',
    )!;
    expect(database.tags).toEqual({ production: '', env: 'prod' });
    // The driver hands secrets over untouched: the engine redacts them at the declared paths.
    expect((database.configuration as any).connection.password).toBe('db-password-plant-1');
    expect(
      byId(resources, 'digitalocean.database').get('7e6d5c4b-3a29-4817-b6f5-e4d3c2b1a098')?.tags,
    ).toEqual({});
  });

  test('follows links.pages.next on every list call', async () => {
    await listWith(fake.server);
    const paths = [
      '/v2/regions',
      '/v2/droplets',
      '/v2/kubernetes/clusters',
      '/v2/databases',
      '/v2/volumes',
      '/v2/snapshots',
      '/v2/load_balancers',
      '/v2/firewalls',
      '/v2/vpcs',
      '/v2/reserved_ips',
      '/v2/domains',
      '/v2/domains/example.com/records',
      '/v2/cdn/endpoints',
      '/v2/registry/example/repositoriesV2',
      '/v2/apps',
      '/v2/account/keys',
    ];
    for (const path of paths) {
      const pages = fake.server
        .requestsTo(path)
        .map((entry) => entry.query.page ?? '1')
        .sort();
      // Five regions in the fixtures, three pages of two; every other list has three items. The
      // domains are listed twice: by the domains step and by the records step.
      const expected =
        path === '/v2/regions'
          ? ['1', '2', '3']
          : path === '/v2/domains'
            ? ['1', '1', '2', '2']
            : ['1', '2'];
      expect(pages, path).toEqual(expected);
      expect(fake.server.requestsTo(path)[0]?.query.per_page, path).toBe('2');
    }
    const bucketPages = fake.server.requests.filter(
      (entry) => entry.path === '/' && entry.query['continuation-token'],
    );
    expect(bucketPages).toHaveLength(2);
  });

  test('follows pagination links that name api.digitalocean.com on the configured endpoint', async () => {
    fake.server.addRoutes([
      {
        path: '/v2/account/keys',
        service: 'sshkeys',
        handler: (request) => {
          const page = Number(request.query.page ?? 1);
          const keys = fake.estate.sshKeys.slice((page - 1) * 2, page * 2);
          const links =
            page === 1
              ? {
                  pages: { next: 'https://api.digitalocean.com/v2/account/keys?page=2&per_page=2' },
                }
              : {};
          return { body: { ssh_keys: keys, links, meta: { total: fake.estate.sshKeys.length } } };
        },
      },
    ]);
    const { resources } = await listWith(fake.server, { config: { services: ['sshkeys'] } });
    expect(resources).toHaveLength(3);
    expect(
      fake.server.requestsTo('/v2/account/keys').map((entry) => entry.query.page ?? '1'),
    ).toEqual(['1', '2']);
  });

  test('reads the account id once from GET /v2/account, or takes config.accountId', async () => {
    const configured = await listWith(fake.server, { config: { accountId: 'team-42' } });
    expect(fake.server.requestsTo('/v2/account')).toHaveLength(0);
    expect(configured.driver.accountId).toBe('team-42');
    expect(new Set(configured.resources.map((resource) => resource.accountId))).toEqual(
      new Set(['team-42']),
    );
    const looked = await listWith(fake.server);
    expect(fake.server.requestsTo('/v2/account')).toHaveLength(1);
    expect(looked.driver.accountId).toBe('b6fr89dbf6d9156cace5f3c78dc9851d957381ef');
  });

  test('takes the token from token, apiToken or DIGITALOCEAN_TOKEN, and refuses to start without one', async () => {
    const { token, ...spaces } = digitalOceanCredentials;
    const viaApiToken = await listWith(fake.server, {
      credentials: { apiToken: token, ...spaces },
      config: { services: ['sshkeys'] },
    });
    expect(viaApiToken.resources).toHaveLength(3);
    const saved = process.env.DIGITALOCEAN_TOKEN;
    process.env.DIGITALOCEAN_TOKEN = token;
    try {
      const viaEnvironment = await listWith(fake.server, {
        credentials: {},
        config: { services: ['sshkeys'] },
      });
      expect(viaEnvironment.resources).toHaveLength(3);
      delete process.env.DIGITALOCEAN_TOKEN;
      const missing = listWith(fake.server, { credentials: {}, config: { services: ['sshkeys'] } });
      await expect(missing).rejects.toSatisfy(
        (error) => ConfigurationError.isInstance(error) && /DIGITALOCEAN_TOKEN/.test(error.message),
      );
    } finally {
      if (saved === undefined) delete process.env.DIGITALOCEAN_TOKEN;
      else process.env.DIGITALOCEAN_TOKEN = saved;
    }
  });

  test('lists only the resource types a run includes, and says so on the scopes', async () => {
    const { resources, runtime } = await listWith(fake.server, {
      list: { include: ['digitalocean.kubernetes.nodepool'] },
    });
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(
      new Set(['digitalocean.kubernetes.nodepool']),
    );
    expect(runtime.scopes.length).toBeGreaterThan(0);
    for (const scope of runtime.scopes) {
      expect(scope).toMatchObject({
        service: 'kubernetes',
        status: 'complete',
        resourceTypes: ['digitalocean.kubernetes.nodepool'],
      });
    }
    const domainsOnly = await listWith(fake.server, { list: { include: ['digitalocean.domain'] } });
    expect(domainsOnly.resources).toHaveLength(3);
    expect(fake.server.requestsTo('/v2/domains/:name/records')).toHaveLength(0);
  });

  test('a service named in include keeps all its types next to another service type', async () => {
    const { resources, runtime } = await listWith(fake.server, {
      list: { include: ['droplets', 'digitalocean.kubernetes.nodepool'] },
    });
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(
      new Set(['digitalocean.droplet', 'digitalocean.kubernetes.nodepool']),
    );
    expect(new Set(runtime.scopes.map((scope) => scope.service))).toEqual(
      new Set(['droplets', 'kubernetes']),
    );
    for (const scope of runtime.scopes) {
      expect(scope.status).toBe('complete');
      expect(scope.resourceTypes).toEqual(
        scope.service === 'droplets'
          ? ['digitalocean.droplet']
          : ['digitalocean.kubernetes.nodepool'],
      );
    }
    expect(runtime.scopeFor('droplets', 'nyc3')?.resourceCount).toBe(2);
  });

  test('rejects an out-of-range perPage and unknown services with the valid choices', async () => {
    await expect(listWith(fake.server, { config: { perPage: 500 } })).rejects.toThrow(
      /config.perPage/,
    );
    await expect(listWith(fake.server, { config: { services: ['droplet'] } })).rejects.toThrow(
      /droplets, kubernetes, databases/,
    );
  });
});
