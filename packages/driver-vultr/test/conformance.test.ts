import type { CloudResource, ScopeReport } from '@cloud-inventory/core';
import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { createVultrDriver, vultrCatalog } from '../src/driver.ts';
import { vultrCredentials, vultrFixtures } from './fixtures/vultr-fixtures.ts';
import { createTestDriver, listAll, startVultrApi } from './vultr-test-helpers.ts';

// Stricter than the suite's scope check: every resource lies in a complete report of its own
// service, region and type, and no (service, region, types) is reported twice.
function scopeKey(scope: ScopeReport): string {
  return `${scope.service}@${scope.region}[${(scope.resourceTypes ?? []).join(',')}]`;
}

function coveredBy(resource: CloudResource, scopes: ScopeReport[]): boolean {
  return scopes.some(
    (scope) =>
      scope.status === 'complete' &&
      scope.service === resource.service &&
      scope.region === (resource.region ?? 'global') &&
      (scope.resourceTypes === undefined || scope.resourceTypes.includes(resource.resourceType)),
  );
}

async function reportsAScopeForEverythingItLists(): Promise<void> {
  const server = await startVultrApi();
  try {
    const { resources, runtime } = await listAll(createTestDriver(server));
    const keys = runtime.scopes.map(scopeKey);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    expect(runtime.scopes.filter((scope) => scope.status !== 'complete')).toEqual([]);
    expect(new Set(runtime.scopes.map((scope) => scope.service))).toEqual(
      new Set(vultrCatalog.services.map((service) => service.name)),
    );
    expect(resources.length).toBeGreaterThan(0);
    const uncovered = resources.filter((resource) => !coveredBy(resource, runtime.scopes));
    expect(uncovered.map((resource) => resource.resourceId)).toEqual([]);
  } finally {
    await server.close();
  }
}

runDriverConformance({
  describe,
  test,
  name: 'vultr',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    createVultrDriver({
      id: 'vultr-test',
      driver: 'vultr',
      credentials,
      // perPage 2: every paged list call of the fixtures spans at least two pages.
      config: { ...config, perPage: 2, requestsPerSecond: 30, endpoint: `${endpoint}/v2`, retry },
    }),
  fixtures: vultrFixtures,
  credentials: vultrCredentials,
  capabilities: {
    tags: ['vultr.instance', 'vultr.baremetal', 'vultr.kubernetes.nodepool', 'vultr.database'],
    regions: true,
    secretTypes: [
      'vultr.instance',
      'vultr.baremetal',
      'vultr.objectstorage.subscription',
      'vultr.startup-script',
      'vultr.database',
    ],
  },
  // Least privilege: a user without the databases permission, and the startup script reads denied.
  denial: {
    listFault: {
      path: '/v2/databases',
      status: 403,
      body: { error: 'You are not allowed to perform that action.', status: 403 },
    },
    expectDeniedTypes: ['vultr.database'],
    enrichmentFault: {
      path: '/v2/startup-scripts/:id',
      status: 403,
      body: { error: 'You are not allowed to perform that action.', status: 403 },
    },
    expectEnrichmentCall: 'GET /v2/startup-scripts/{startup-id}',
    config: { services: ['databases', 'startupscripts', 'sshkeys'] },
  },
});

describe('vultr step scopes', () => {
  test(
    'one complete report per service, region and types covers every resource',
    reportsAScopeForEverythingItLists,
  );
});
