// Partial permissions: a denied list call, a denied compartment, a denied enrichment call and a
// failed compartment tree each fail only what they cover.
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, ofType } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { notAuthorizedOrNotFound } from './fixtures/oracle-fixtures.ts';
import { compartmentIds, tenancyId } from './fixtures/oracle-ids.ts';
import { createTestDriver, startOracleApi } from './oracle-test-helpers.ts';

describe('oracle partial permissions', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startOracleApi();
  });
  afterEach(async () => {
    await server.close();
  });

  test('one step per list call and region: every scope names its type and call', async () => {
    const { runtime } = await listAll(createTestDriver(server), { include: ['database'] });
    expect(
      runtime.scopes
        .map((scope) => `${scope.region} ${scope.resourceTypes?.join()} ${scope.status}`)
        .sort(),
    ).toEqual([
      'eu-frankfurt-1 oracle.database.autonomous-database complete',
      'eu-frankfurt-1 oracle.database.db-system complete',
      'us-ashburn-1 oracle.database.autonomous-database complete',
      'us-ashburn-1 oracle.database.db-system complete',
    ]);
  });

  test('a denied service (404 NotAuthorizedOrNotFound) fails its call only; the service’s other call completes', async () => {
    server.injectFault({
      path: '/:region/20160918/autonomousDatabases',
      ...notAuthorizedOrNotFound,
      times: Number.POSITIVE_INFINITY,
    });
    const { resources, runtime } = await listAll(createTestDriver(server));
    const failed = runtime.scopes.filter((scope) => scope.status !== 'complete');
    expect(failed).toHaveLength(2);
    for (const scope of failed) {
      expect(scope).toMatchObject({
        service: 'database',
        status: 'failed',
        errorClass: 'auth',
        call: 'ListAutonomousDatabases',
        resourceTypes: ['oracle.database.autonomous-database'],
      });
      expect(scope.error).toContain('NotAuthorizedOrNotFound');
    }
    const dbSystems = runtime.scopes.filter(
      (scope) => scope.resourceTypes?.[0] === 'oracle.database.db-system',
    );
    expect(dbSystems.map((scope) => scope.status)).toEqual(['complete', 'complete']);
    expect(ofType(resources, 'oracle.database.db-system')).toHaveLength(5);
    expect(ofType(resources, 'oracle.database.autonomous-database')).toHaveLength(0);
    expect(ofType(resources, 'oracle.compute.instance')).toHaveLength(5);
  });

  test('a service that needs an opt-in (SignUpRequired) is reported not-enabled', async () => {
    server.injectFault({
      path: '/:region/20171215/fileSystems',
      status: 403,
      body: {
        code: 'SignUpRequired',
        message: 'This operation requires opt-in before it may be called.',
      },
      times: Number.POSITIVE_INFINITY,
    });
    const { runtime } = await listAll(createTestDriver(server), {
      include: ['filestorage', 'blockstorage'],
    });
    const fileStorage = runtime.scopes.filter((scope) => scope.service === 'filestorage');
    expect(fileStorage.map((scope) => [scope.status, scope.errorClass])).toEqual([
      ['failed', 'not-enabled'],
      ['failed', 'not-enabled'],
    ]);
    expect(
      runtime.scopes
        .filter((scope) => scope.service === 'blockstorage')
        .every((scope) => scope.status === 'complete'),
    ).toBe(true);
  });

  test('a denied compartment fails the listings that cover it, after listing the other compartments', async () => {
    server.injectFault({
      path: '/:region/20160918/instances',
      match: (request) => request.query.compartmentId === compartmentIds.apps,
      ...notAuthorizedOrNotFound,
      times: Number.POSITIVE_INFINITY,
    });
    const { resources, runtime } = await listAll(createTestDriver(server));
    const instanceScopes = runtime.scopes.filter(
      (scope) => scope.resourceTypes?.[0] === 'oracle.compute.instance',
    );
    const ashburn = instanceScopes.find((scope) => scope.region === 'us-ashburn-1')!;
    expect(ashburn).toMatchObject({
      status: 'failed',
      errorClass: 'auth',
      call: 'ListInstances',
      resourceCount: 3,
    });
    expect(ashburn.error).toContain(compartmentIds.apps);
    expect(ashburn.error).toContain('1 of 3 compartment(s)');
    // Frankfurt's listing met the denial too (apps is listed in every region), yet kept what it read.
    const instances = ofType(resources, 'oracle.compute.instance');
    expect(new Set(instances.map((resource) => resource.metadata?.compartmentId))).toEqual(
      new Set([tenancyId, compartmentIds.network]),
    );
    const others = runtime.scopes.filter(
      (scope) => scope.resourceTypes?.[0] !== 'oracle.compute.instance',
    );
    expect(others.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('a denied GetBucket keeps the bucket as listed, records the failure on it, and leaves the scope complete', async () => {
    server.injectFault({
      path: '/:region/n/:namespace/b/:bucket',
      ...notAuthorizedOrNotFound,
      times: Number.POSITIVE_INFINITY,
    });
    const { resources, runtime } = await listAll(createTestDriver(server), {
      include: ['objectstorage'],
    });
    const buckets = ofType(resources, 'oracle.objectstorage.bucket');
    expect(buckets).toHaveLength(5);
    for (const bucket of buckets) {
      expect(bucket.metadata?.enrichmentErrors).toEqual([
        expect.objectContaining({ call: 'GetBucket', errorClass: 'auth' }),
      ]);
      expect(bucket.configuration).toMatchObject({ etag: expect.any(String) });
      expect((bucket.configuration as Record<string, unknown>).versioning).toBeUndefined();
    }
    expect(runtime.scopes).toHaveLength(2);
    for (const scope of runtime.scopes) {
      expect(scope.status).toBe('complete');
      expect(scope.enrichmentErrors).toEqual([
        expect.objectContaining({ call: 'GetBucket', failed: expect.any(Number) }),
      ]);
    }
  });

  test('a failed compartment tree: listings cover the tenancy only and fail, compartments fail, users complete', async () => {
    server.injectFault({
      path: '/:region/20160918/compartments',
      ...notAuthorizedOrNotFound,
      times: Number.POSITIVE_INFINITY,
    });
    const { resources, runtime } = await listAll(createTestDriver(server), {
      include: ['compute', 'identity'],
    });
    expect(
      new Set(
        ofType(resources, 'oracle.compute.instance').map(
          (resource) => resource.metadata?.compartmentId,
        ),
      ),
    ).toEqual(new Set([tenancyId]));
    const byType = (type: string) =>
      runtime.scopes.filter((scope) => scope.resourceTypes?.[0] === type);
    expect(
      byType('oracle.compute.instance').every(
        (scope) => scope.status === 'failed' && scope.error?.includes('ListCompartments'),
      ),
    ).toBe(true);
    expect(byType('oracle.identity.compartment')).toMatchObject([
      { status: 'failed', errorClass: 'auth', call: 'ListCompartments' },
    ]);
    expect(byType('oracle.identity.user')).toMatchObject([{ status: 'complete' }]);
  });
});
