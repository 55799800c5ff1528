import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { byId, listAll } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { atlasApiVersions, atlasCatalog } from '../src/driver.ts';
import { createTestDriver, scopesOf, startAtlasApi } from './atlas-test-helpers.ts';
import { type AtlasEstate, createAtlasEstate, orgId, projectId } from './fixtures/atlas-estate.ts';

const group = `/api/atlas/v2/groups/${projectId}`;

describe('mongodb-atlas services', () => {
  let estate: AtlasEstate;
  let server: FakeProviderServer;
  beforeEach(async () => {
    estate = createAtlasEstate();
    server = await startAtlasApi(estate);
  });
  afterEach(async () => {
    await server.close();
  });

  test('lists every type of every project with the versioned Accept header and digest auth', async () => {
    const { resources, runtime } = await listAll(createTestDriver(server));
    const counts: Record<string, number> = {};
    for (const resource of resources) {
      counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
    }
    expect(counts).toEqual({
      'mongodb-atlas.project': 3,
      'mongodb-atlas.user': 3,
      'mongodb-atlas.accesslist': 3,
      'mongodb-atlas.customrole': 2,
      'mongodb-atlas.alert': 3,
      'mongodb-atlas.integration': 7,
      'mongodb-atlas.event': 3,
      'mongodb-atlas.datalake': 2,
      'mongodb-atlas.privateendpoint': 2,
      'mongodb-atlas.networkpeering.container': 3,
      'mongodb-atlas.networkpeering.connection': 9,
      'mongodb-atlas.serverless': 3,
      'mongodb-atlas.flex': 3,
      'mongodb-atlas.cluster': 3,
      'mongodb-atlas.backup': 4,
      'mongodb-atlas.backup.schedule': 2,
      'mongodb-atlas.search.index': 3,
    });
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
    // A versioned answer came back for every call (the fake refuses a wrong Accept with 406).
    expect(server.requests.every((entry) => entry.status === 200 || entry.status === 401)).toBe(
      true,
    );
    const clusterCalls = server.requestsTo(`${group}/clusters`);
    expect(clusterCalls[0]?.headers.accept).toBe(
      `application/vnd.atlas.${atlasApiVersions.clusters}+json`,
    );
    // Digest: a challenge first, then every call answered with an Authorization: Digest header.
    const authorized = server.requests.filter((entry) => entry.status === 200);
    expect(authorized.every((entry) => entry.headers.authorization !== undefined)).toBe(true);
    expect(server.requests.some((entry) => entry.status === 401)).toBe(true);
    // Each resource carries its organization and project.
    const user = byId(resources, 'mongodb-atlas.user').get(`${projectId}/admin/checkout-app`);
    expect(user).toMatchObject({
      accountId: orgId,
      region: 'global',
      name: 'checkout-app',
      labels: { owner: 'checkout' },
      metadata: { projectId, projectName: 'core' },
    });
  });

  test('follows every page of each paginated list (pageNum, itemsPerPage, includeCount)', async () => {
    await listAll(createTestDriver(server));
    for (const path of [
      '/api/atlas/v2/groups',
      `${group}/clusters`,
      `${group}/serverless`,
      `${group}/flexClusters`,
      `${group}/databaseUsers`,
      `${group}/accessList`,
      `${group}/alertConfigs`,
      `${group}/integrations`,
      `${group}/events`,
      `${group}/containers/all`,
      `${group}/clusters/orders/backup/snapshots`,
    ]) {
      const pages = server
        .requestsTo(path)
        .filter((entry) => entry.status === 200)
        .map((entry) => entry.query);
      // Every page once, in order, and at least two of them.
      const numbers = pages.map((query) => Number(query.pageNum));
      expect(numbers.length, path).toBeGreaterThanOrEqual(2);
      expect(numbers, path).toEqual(numbers.map((_, index) => index + 1));
      expect(
        pages.every((query) => query.itemsPerPage === '2' && query.includeCount === 'true'),
      ).toBe(true);
    }
    for (const provider of ['AWS', 'AZURE', 'GCP']) {
      const peers = server
        .requestsTo(`${group}/peers`)
        .filter((entry) => entry.status === 200 && entry.query.providerName === provider);
      expect(
        peers.map((entry) => entry.query.pageNum),
        provider,
      ).toEqual(['1', '2']);
    }
  });

  test('maps regions: a cluster to its highest-priority region, project objects to global', async () => {
    const { resources, runtime } = await listAll(createTestDriver(server));
    const clusters = byId(resources, 'mongodb-atlas.cluster');
    expect(clusters.get('6601a1b2c3d4e5f6a7b8c901')).toMatchObject({
      name: 'orders',
      region: 'US_EAST_1',
      tags: { team: 'checkout' },
    });
    expect(clusters.get('6601a1b2c3d4e5f6a7b8c902')?.region).toBe('CENTRAL_US');
    // The M0 shared-tier cluster (TENANT) runs on its backing provider's region.
    expect(clusters.get('6601a1b2c3d4e5f6a7b8c903')?.region).toBe('EU_WEST_1');
    expect(
      byId(resources, 'mongodb-atlas.serverless').get('6604a1b2c3d4e5f6a7b8c903')?.region,
    ).toBe('EU_WEST_1');
    // Snapshots, schedules and search indexes follow their cluster.
    expect(byId(resources, 'mongodb-atlas.backup').get('6602a1b2c3d4e5f6a7b8c911')).toMatchObject({
      region: 'CENTRAL_US',
      metadata: { clusterName: 'events' },
    });
    expect(
      byId(resources, 'mongodb-atlas.search.index').get('6603a1b2c3d4e5f6a7b8c903')?.region,
    ).toBe('EU_WEST_1');
    // AWS private endpoint services name regions the AWS way; they read as Atlas region names.
    expect(
      byId(resources, 'mongodb-atlas.privateendpoint').get('6609a1b2c3d4e5f6a7b8c901')?.region,
    ).toBe('US_EAST_1');
    expect(
      byId(resources, 'mongodb-atlas.networkpeering.container').get('660aa1b2c3d4e5f6a7b8c903')
        ?.region,
    ).toBe('global');
    for (const type of ['mongodb-atlas.user', 'mongodb-atlas.alert', 'mongodb-atlas.datalake']) {
      expect(
        resources.filter((resource) => resource.resourceType === type).map((r) => r.region),
      ).toEqual(expect.arrayContaining(['global']));
    }
    // An account-wide cluster listing is complete in every region it met, and remembers them.
    expect(
      scopesOf(runtime, 'clusters')
        .map((scope) => scope.region)
        .sort(),
    ).toEqual(['CENTRAL_US', 'EU_WEST_1', 'US_EAST_1', 'US_EAST_2', 'global']);
    expect(runtime.states.at(-1)).toMatchObject({
      regions: ['CENTRAL_US', 'EU_WEST_1', 'US_EAST_1', 'US_EAST_2'],
    });
  });

  test('a region met by an earlier run is reported complete with no clusters, so its last cluster can be deleted', async () => {
    const { createTestRuntime } = await import('@cloud-inventory/testkit');
    estate.clusters = estate.clusters.filter((cluster) => cluster.name !== 'events');
    const runtime = createTestRuntime({ state: { regions: ['CENTRAL_US'] } });
    await listAll(createTestDriver(server), { runtime });
    expect(runtime.scopeFor('clusters', 'CENTRAL_US')).toMatchObject({
      status: 'complete',
      resourceCount: 0,
      resourceTypes: ['mongodb-atlas.cluster'],
    });
  });

  test('config.regions keeps the regions named (and global), skipping child calls of other clusters', async () => {
    const { resources } = await listAll(createTestDriver(server, { regions: ['US_EAST_1'] }));
    expect(new Set(resources.map((resource) => resource.region))).toEqual(
      new Set(['global', 'US_EAST_1']),
    );
    expect(server.requestsTo(`${group}/clusters/events/search/indexes`)).toHaveLength(0);
    expect(byId(resources, 'mongodb-atlas.search.index').size).toBe(2);
  });

  test('an include naming an Atlas region keeps that region (and global) on a first run', async () => {
    const { resources } = await listAll(createTestDriver(server), { include: ['CENTRAL_US'] });
    expect(new Set(resources.map((resource) => resource.region))).toEqual(
      new Set(['global', 'CENTRAL_US']),
    );
    expect(byId(resources, 'mongodb-atlas.cluster').size).toBe(1);
    expect(byId(resources, 'mongodb-atlas.user').size).toBe(3);
  });

  test('reads process arguments into the cluster, and backups only of clusters with backup enabled', async () => {
    const { resources } = await listAll(
      createTestDriver(server, { services: ['clusters', 'backups'] }),
    );
    const orders = byId(resources, 'mongodb-atlas.cluster').get('6601a1b2c3d4e5f6a7b8c901');
    expect(orders?.configuration).toMatchObject({
      name: 'orders',
      processArgs: { oplogSizeMB: 2048 },
    });
    expect(server.requestsTo(`${group}/clusters/playground/backup/schedule`)).toHaveLength(0);
    // The M0 cluster (provider TENANT) has no process arguments: not asked, no enrichment error.
    expect(server.requestsTo(`${group}/clusters/playground/processArgs`)).toHaveLength(0);
    const playground = byId(resources, 'mongodb-atlas.cluster').get('6601a1b2c3d4e5f6a7b8c903');
    expect(playground?.metadata?.enrichmentErrors).toBeUndefined();
    // The sharded cluster's snapshots come from the sharded-cluster list.
    expect(
      server.requestsTo(`${group}/clusters/events/backup/snapshots/shardedClusters`),
    ).not.toHaveLength(0);
    expect(
      byId(resources, 'mongodb-atlas.backup.schedule').get(`${projectId}/orders`),
    ).toMatchObject({ name: 'orders', region: 'US_EAST_1' });
  });

  test('config.projectIds reads those projects only; config.organizationId lists the organization', async () => {
    const only = await listAll(
      createTestDriver(server, { projectIds: [projectId], services: ['projects', 'users'] }),
    );
    expect(only.resources.map((resource) => resource.resourceType).sort()).toEqual([
      'mongodb-atlas.project',
      'mongodb-atlas.user',
      'mongodb-atlas.user',
      'mongodb-atlas.user',
    ]);
    expect(server.requestsTo(group).length).toBeGreaterThan(0);
    expect(server.requestsTo('/api/atlas/v2/groups')).toHaveLength(0);

    server.reset();
    const org = await listAll(
      createTestDriver(server, { organizationId: orgId, services: ['projects'] }),
    );
    expect(org.resources).toHaveLength(3);
    expect(server.requestsTo(`/api/atlas/v2/orgs/${orgId}/groups`).length).toBeGreaterThan(0);
  });

  test('include / exclude keep some types of a service: only those are called and reported', async () => {
    const { resources, runtime } = await listAll(createTestDriver(server), {
      include: ['mongodb-atlas.backup.schedule', 'users'],
    });
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(
      new Set(['mongodb-atlas.backup.schedule', 'mongodb-atlas.user']),
    );
    expect(server.requestsTo(`${group}/clusters/orders/backup/snapshots`)).toHaveLength(0);
    expect(new Set(runtime.scopes.map((scope) => scope.service))).toEqual(
      new Set(['backups', 'users']),
    );
    const excluded = await listAll(createTestDriver(server), {
      exclude: ['mongodb-atlas.networkpeering.connection', 'events'],
    });
    expect(
      excluded.resources.some(
        (resource) =>
          resource.resourceType === 'mongodb-atlas.networkpeering.connection' ||
          resource.service === 'events',
      ),
    ).toBe(false);
    expect(byId(excluded.resources, 'mongodb-atlas.networkpeering.container').size).toBe(3);
  });

  test('the catalog names every service of the seed and the types of the issue', () => {
    expect(atlasCatalog.services.map((service) => service.name).sort()).toEqual(
      [
        'accesslists',
        'alerts',
        'backups',
        'clusters',
        'customroles',
        'datalakes',
        'events',
        'flex',
        'integrations',
        'networkpeering',
        'privateendpoints',
        'projects',
        'search',
        'serverless',
        'users',
      ].sort(),
    );
  });
});
