import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, ofType } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { oracleCatalog } from '../src/driver.ts';
import { compartmentIds, objectStorageNamespace, tenancyId } from './fixtures/oracle-ids.ts';
import { createTestDriver, startOracleApi } from './oracle-test-helpers.ts';

describe('oracle services', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startOracleApi();
  });
  afterEach(async () => {
    await server.close();
  });

  test('lists every catalog type in every compartment and subscribed region, from two pages per call', async () => {
    const { resources, runtime } = await listAll(createTestDriver(server));
    for (const service of oracleCatalog.services) {
      for (const { type } of service.resourceTypes)
        expect(ofType(resources, type).length, type).toBeGreaterThan(0);
    }
    // 3 in the tenancy and 1 in apps (Ashburn), 1 in network (Frankfurt): every compartment, both regions.
    const instances = ofType(resources, 'oracle.compute.instance');
    expect(instances).toHaveLength(5);
    expect(new Set(instances.map((resource) => resource.region))).toEqual(
      new Set(['us-ashburn-1', 'eu-frankfurt-1']),
    );
    expect(new Set(instances.map((resource) => resource.metadata?.compartmentId))).toEqual(
      new Set([tenancyId, compartmentIds.apps, compartmentIds.network]),
    );
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
    // Every list call followed opc-next-page at least once.
    for (const path of [
      '/instances',
      '/bootVolumes',
      '/images',
      '/volumes',
      '/vcns',
      '/subnets',
      '/clusters',
      '/nodePools',
      '/autonomousDatabases',
      '/dbSystems',
      '/loadBalancers',
      '/zones',
      '/fileSystems',
      '/users',
      '/groups',
      '/policies',
      '/compartments',
      '/b',
    ]) {
      const calls = server.requests.filter((entry) => entry.path.endsWith(path));
      expect(
        calls.some((entry) => entry.query.page !== undefined),
        path,
      ).toBe(true);
      expect(
        calls.every((entry) => entry.query.limit === '2'),
        path,
      ).toBe(true);
    }
    // The Tokyo subscription is not READY: never called.
    expect(server.requests.some((entry) => entry.path.startsWith('/ap-tokyo-1/'))).toBe(false);
  });

  test('keeps the whole payload, freeform and defined tags, and drops platform images', async () => {
    const { resources } = await listAll(createTestDriver(server));
    const instance = ofType(resources, 'oracle.compute.instance')[0]!;
    expect(instance.resourceId).toMatch(/^ocid1\.instance\.oc1\.iad\./);
    expect(instance.name).toBe('prod-instance-0');
    expect(instance.tags).toEqual({
      env: 'prod',
      owner: 'platform',
      'Operations.CostCenter': '42',
    });
    const configuration = instance.configuration as Record<string, any>;
    expect(configuration.shapeConfig).toEqual({
      ocpus: 2,
      memoryInGBs: 16,
      processorDescription: '2.55 GHz AMD EPYC 7J13',
    });
    expect(typeof configuration.timeCreated).toBe('string');
    const images = ofType(resources, 'oracle.compute.image');
    expect(images.some((image) => image.resourceId.includes('platform'))).toBe(false);
    expect(images).toHaveLength(5);
  });

  test('identity is listed once as global; compartments are the tree without deleted ones', async () => {
    const { resources, runtime } = await listAll(createTestDriver(server));
    for (const type of [
      'oracle.identity.user',
      'oracle.identity.group',
      'oracle.identity.policy',
      'oracle.identity.compartment',
    ]) {
      expect(
        ofType(resources, type).every((resource) => resource.region === 'global'),
        type,
      ).toBe(true);
    }
    expect(
      ofType(resources, 'oracle.identity.compartment')
        .map((resource) => resource.name)
        .sort(),
    ).toEqual(['apps', 'network']);
    expect(
      server.requests.filter((entry) => entry.path.endsWith('/users') && !entry.query.page),
    ).toHaveLength(1);
    expect(
      runtime.scopes
        .filter((scope) => scope.service === 'identity')
        .every((scope) => scope.region === 'global'),
    ).toBe(true);
  });

  test('buckets: listed with fields=tags, read with GetBucket, one id per region and namespace', async () => {
    const { resources } = await listAll(createTestDriver(server), { include: ['objectstorage'] });
    const buckets = ofType(resources, 'oracle.objectstorage.bucket');
    expect(buckets).toHaveLength(5);
    const bucket = buckets.find((candidate) => candidate.region === 'eu-frankfurt-1')!;
    expect(bucket.resourceId).toBe(`eu-frankfurt-1/n/${objectStorageNamespace}/b/${bucket.name}`);
    expect(bucket.configuration).toMatchObject({
      publicAccessType: 'NoPublicAccess',
      versioning: 'Enabled',
      createdBy: expect.any(String),
    });
    expect(bucket.tags).toMatchObject({ owner: 'platform' });
    expect(
      server.requests
        .filter((entry) => entry.path.endsWith('/b'))
        .every((entry) => entry.query.fields === 'tags'),
    ).toBe(true);
  });

  test('file systems per availability domain; public zones global, private zones per region', async () => {
    const { resources } = await listAll(createTestDriver(server), {
      include: ['filestorage', 'dns'],
    });
    expect(ofType(resources, 'oracle.filestorage.file-system')).toHaveLength(5);
    const domains = new Set(
      server.requests
        .filter((entry) => entry.path.endsWith('/fileSystems'))
        .map((entry) => entry.query.availabilityDomain),
    );
    expect(domains).toEqual(
      new Set([
        'Uocm:US-ASHBURN-1-AD-1',
        'Uocm:US-ASHBURN-1-AD-2',
        'Uocm:EU-FRANKFURT-1-AD-1',
        'Uocm:EU-FRANKFURT-1-AD-2',
      ]),
    );
    const zones = ofType(resources, 'oracle.dns.zone');
    expect(
      zones
        .filter((zone) => zone.region === 'global')
        .map((zone) => zone.name)
        .sort(),
    ).toEqual(['public0.example.com', 'public1.example.com', 'public2.example.com']);
    expect(zones.filter((zone) => zone.region !== 'global')).toHaveLength(5);
  });

  test('config.compartmentId lists that compartment and its children only, walking the tree level by level', async () => {
    const { resources } = await listAll(
      createTestDriver(server, { compartmentId: compartmentIds.apps }),
      { include: ['compute', 'identity'] },
    );
    const compartmentsListed = new Set(
      ofType(resources, 'oracle.compute.instance').map(
        (resource) => resource.metadata?.compartmentId,
      ),
    );
    expect(compartmentsListed).toEqual(new Set([compartmentIds.apps, compartmentIds.network]));
    expect(
      ofType(resources, 'oracle.identity.compartment').map((resource) => resource.name),
    ).toEqual(['network']);
    const treeCalls = server.requests.filter((entry) => entry.path.endsWith('/compartments'));
    expect(treeCalls.every((entry) => entry.query.compartmentIdInSubtree === 'false')).toBe(true);
  });

  test('config.regions must name subscribed regions', async () => {
    const driver = createTestDriver(server, { regions: ['ap-tokyo-1'] });
    await driver.initialize();
    const error = await listAll(driver).then(
      () => undefined,
      (failure: Error) => failure,
    );
    expect(error?.name).toBe('ConfigurationError');
    expect(error?.message).toContain('config.regions[0]');
  });

  test('config.regions and include/exclude narrow the steps', async () => {
    const { resources, runtime } = await listAll(
      createTestDriver(server, { regions: ['eu-frankfurt-1'], services: ['vcn'] }),
      {
        exclude: ['oracle.vcn.subnet'],
      },
    );
    expect(new Set(resources.map((resource) => resource.region))).toEqual(
      new Set(['eu-frankfurt-1']),
    );
    expect(ofType(resources, 'oracle.vcn.subnet')).toHaveLength(0);
    expect(server.requests.some((entry) => entry.path.endsWith('/subnets'))).toBe(false);
    expect(runtime.scopes.map((scope) => scope.resourceTypes?.[0]).sort()).toEqual([
      'oracle.vcn.internet-gateway',
      'oracle.vcn.nat-gateway',
      'oracle.vcn.network',
      'oracle.vcn.network-security-group',
      'oracle.vcn.route-table',
      'oracle.vcn.security-list',
      'oracle.vcn.service-gateway',
    ]);
  });
});
