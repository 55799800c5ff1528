import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, ofType } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestDriver, startGcpApi } from './gcp-test-helpers.ts';

describe('gcp discovery filters and scope reports', () => {
  let api: FakeProviderServer;
  beforeEach(async () => {
    api = await startGcpApi();
  });
  afterEach(async () => {
    await api.close();
  });

  test('include of one type runs only its call and reports the scopes complete for that type only', async () => {
    const { resources, runtime } = await listAll(
      createTestDriver(api, { projectIds: ['acme-prod'] }),
      {
        include: ['gcp.compute.instance'],
      },
    );
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(
      new Set(['gcp.compute.instance']),
    );
    expect(api.requests.some((entry) => entry.path.endsWith('/aggregated/disks'))).toBe(false);
    expect(runtime.scopes.length).toBeGreaterThan(0);
    for (const scope of runtime.scopes) {
      expect(scope).toMatchObject({
        service: 'compute',
        status: 'complete',
        resourceTypes: ['gcp.compute.instance'],
      });
    }
  });

  test('excluding node pools keeps clusters and drops the child type from the step', async () => {
    const { resources, runtime } = await listAll(
      createTestDriver(api, { projectIds: ['acme-prod'], services: ['gke'] }),
      {
        exclude: ['gcp.container.nodepool'],
      },
    );
    expect(ofType(resources, 'gcp.container.cluster')).toHaveLength(2);
    expect(ofType(resources, 'gcp.container.nodepool')).toHaveLength(0);
    expect(
      runtime.scopes.every(
        (scope) => JSON.stringify(scope.resourceTypes) === '["gcp.container.cluster"]',
      ),
    ).toBe(true);
  });

  test('a healthy run reports each (service, region) once, complete for every type that can be there', async () => {
    const { runtime } = await listAll(createTestDriver(api));
    const keys = runtime.scopes.map((scope) => `${scope.service}@${scope.region}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
    // `global` holds every type; a region names the types that can be there (no snapshots, images).
    const globalScopes = runtime.scopes.filter((scope) => scope.region === 'global');
    expect(globalScopes.every((scope) => scope.resourceTypes === undefined)).toBe(true);
    const regional = runtime.scopes.find(
      (scope) => scope.service === 'compute' && scope.region === 'europe-west1',
    );
    expect(regional?.resourceTypes).toEqual([
      'gcp.compute.instance',
      'gcp.compute.disk',
      'gcp.compute.instance-group',
      'gcp.compute.instance-group-manager',
      'gcp.compute.instance-template',
    ]);
    // Project-wide calls cover both regions; per-region services report each region.
    expect(keys).toEqual(
      expect.arrayContaining([
        'compute@global',
        'compute@us-central1',
        'compute@europe-west1',
        'run@us-central1',
        'run@europe-west1',
        'iam@global',
      ]),
    );
    expect(keys).not.toContain('iam@us-central1');
    const compute = runtime.scopes.find(
      (scope) => scope.service === 'compute' && scope.region === 'us-central1',
    );
    // Two projects: web-1 in each, disk web-1 in each, the zonal groups and templates.
    expect(compute?.resourceCount).toBeGreaterThanOrEqual(4);
  });
});
