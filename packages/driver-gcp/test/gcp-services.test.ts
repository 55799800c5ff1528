import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, ofType } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { gcpCatalog } from '../src/driver.ts';
import { gcpAccessToken } from './fixtures/gcp-fixtures.ts';
import { createTestDriver, startGcpApi } from './gcp-test-helpers.ts';

describe('gcp services against the fake Google APIs', () => {
  let api: FakeProviderServer;
  beforeEach(async () => {
    api = await startGcpApi();
  });
  afterEach(async () => {
    await api.close();
  });

  test('lists every catalog type in both projects, each list in at least two pages', async () => {
    const { resources, runtime } = await listAll(createTestDriver(api));
    for (const service of gcpCatalog.services) {
      for (const { type } of service.resourceTypes) {
        const projects = new Set(ofType(resources, type).map((resource) => resource.accountId));
        expect([...projects].sort(), type).toEqual(['acme-data', 'acme-prod']);
      }
    }
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
    // Every list call was followed to a second page (pageToken), except the unpaged GKE list and
    // the per-dataset get.
    const firstPages = new Set(
      api.requests.filter((entry) => !entry.query.pageToken).map((entry) => entry.path),
    );
    const nextPages = new Set(
      api.requests.filter((entry) => entry.query.pageToken).map((entry) => entry.path),
    );
    const unpaged = [...firstPages].filter(
      (path) =>
        !nextPages.has(path) &&
        !path.endsWith('/locations/-/clusters') &&
        !/\/datasets\/[^/]+$/.test(path),
    );
    expect(unpaged).toEqual([]);
    expect(nextPages.size).toBeGreaterThan(60);
    const aggregated = api.requestsTo(
      '/compute/compute/v1/projects/acme-prod/aggregated/instances',
    );
    expect(aggregated.map((entry) => entry.query.maxResults)).toEqual(['1', '1']);
    expect(aggregated[1]!.query.pageToken).toBeTruthy();
    // The bearer token goes with every call.
    expect(api.requests.every((entry) => entry.status === 200)).toBe(true);
    expect(gcpAccessToken.length).toBeGreaterThan(10);
  });

  test('maps a zonal instance: full resource name, zone region, zone kept, labels, network tags', async () => {
    const { resources } = await listAll(createTestDriver(api, { projectIds: ['acme-prod'] }));
    const instance = ofType(resources, 'gcp.compute.instance').find(
      (resource) => resource.name === 'web-1',
    )!;
    expect(instance).toMatchObject({
      provider: 'gcp',
      accountId: 'acme-prod',
      service: 'compute',
      region: 'us-central1',
      resourceId: '//compute.googleapis.com/projects/acme-prod/zones/us-central1-a/instances/web-1',
      labels: { env: 'prod', team: 'web' },
      tags: { 'http-server': '', 'allow-health-checks': '' },
    });
    expect((instance.configuration as { zone: string }).zone).toMatch(/zones\/us-central1-a$/);
    const regionalDisk = ofType(resources, 'gcp.compute.disk').find(
      (resource) => resource.name === 'shared-data',
    );
    expect(regionalDisk?.region).toBe('europe-west1');
    const network = ofType(resources, 'gcp.vpc.network')[0]!;
    expect(network.region).toBe('global');
    const globalAddress = ofType(resources, 'gcp.vpc.address').find(
      (resource) => resource.name === 'lb-ip',
    );
    expect(globalAddress).toMatchObject({ region: 'global', labels: { app: 'web' } });
  });

  test('GKE clusters with their node pools, zonal cluster in its zone region', async () => {
    const { resources } = await listAll(createTestDriver(api, { projectIds: ['acme-prod'] }));
    const clusters = ofType(resources, 'gcp.container.cluster');
    expect(clusters.map((cluster) => [cluster.name, cluster.region]).sort()).toEqual([
      ['eu-gke', 'europe-west1'],
      ['prod-gke', 'us-central1'],
    ]);
    expect(clusters[0]!.service).toBe('gke');
    const pools = ofType(resources, 'gcp.container.nodepool');
    expect(pools.map((pool) => pool.resourceId).sort()).toContain(
      '//container.googleapis.com/projects/acme-prod/locations/europe-west1-b/clusters/eu-gke/nodePools/spot-pool',
    );
    expect(pools[0]!.labels).toMatchObject({ team: 'platform' });
    expect((pools[0]!.configuration as { location: string }).location).toBeTruthy();
  });

  test('per-region APIs are called once per region; locations/- APIs once per project', async () => {
    await listAll(createTestDriver(api));
    const run = api.requests.filter(
      (entry) => /^\/run\/v2\//.test(entry.path) && !entry.query.pageToken,
    );
    expect(run.map((entry) => entry.path).sort()).toEqual([
      '/run/v2/projects/acme-data/locations/europe-west1/services',
      '/run/v2/projects/acme-data/locations/us-central1/services',
      '/run/v2/projects/acme-prod/locations/europe-west1/services',
      '/run/v2/projects/acme-prod/locations/us-central1/services',
    ]);
    const functions = api.requests.filter(
      (entry) => entry.path.includes('/functions') && !entry.query.pageToken,
    );
    expect(functions.map((entry) => entry.path).sort()).toEqual([
      '/cloudfunctions/v2/projects/acme-data/locations/-/functions',
      '/cloudfunctions/v2/projects/acme-prod/locations/-/functions',
    ]);
    expect(api.requestsTo('/storage/storage/v1/b').map((entry) => entry.query.project)).toContain(
      'acme-data',
    );
  });

  test('multi-region locations are global; config.regions drops other regions and skips their calls', async () => {
    const { resources, runtime } = await listAll(
      createTestDriver(api, { projectIds: ['acme-prod'], regions: ['us-central1'] }),
    );
    const buckets = ofType(resources, 'gcp.storage.bucket');
    expect(buckets.map((bucket) => [bucket.name, bucket.region])).toEqual([
      ['acme-prod-assets', 'global'],
    ]);
    expect(resources.some((resource) => resource.region === 'europe-west1')).toBe(false);
    expect(api.requests.some((entry) => entry.path.includes('europe-west1'))).toBe(false);
    expect(runtime.scopes.some((scope) => scope.region === 'europe-west1')).toBe(false);
    const keyRings = ofType(resources, 'gcp.kms.keyring').map((ring) => ring.resourceId);
    expect(keyRings).toContain(
      '//cloudkms.googleapis.com/projects/acme-prod/locations/us/keyRings/app',
    );
  });

  test('BigQuery datasets carry the full datasets.get payload; secrets are metadata only', async () => {
    const { resources } = await listAll(createTestDriver(api, { projectIds: ['acme-prod'] }));
    const dataset = ofType(resources, 'gcp.bigquery.dataset').find(
      (entry) => entry.name === 'analytics',
    )!;
    expect((dataset.configuration as { access: unknown[] }).access).toHaveLength(3);
    expect(dataset.labels).toEqual({ domain: 'analytics' });
    expect(api.requests.some((entry) => /versions|:access/.test(entry.path))).toBe(false);
    const recordSet = ofType(resources, 'gcp.dns.record-set').find(
      (entry) => entry.name === 'www.example.com. A',
    );
    expect(recordSet?.resourceId).toBe(
      '//dns.googleapis.com/projects/acme-prod/managedZones/example-com/rrsets/www.example.com./A',
    );
  });

  test('a list that names unreachable locations fails its step instead of passing as complete', async () => {
    api.addRoutes([
      {
        path: '/redis/v1/projects/:project/locations/-/instances',
        service: 'redis',
        fixture: { instances: [], unreachable: ['projects/acme-prod/locations/us-central1'] },
      },
    ]);
    const { runtime } = await listAll(createTestDriver(api, { projectIds: ['acme-prod'] }));
    const redis = runtime.scopes.filter((scope) => scope.service === 'redis');
    expect(redis.length).toBeGreaterThan(0);
    expect(redis.every((scope) => scope.status === 'failed' && scope.errorClass === 'server')).toBe(
      true,
    );
    expect(redis[0]!.error).toContain('unreachable');
  });
});
