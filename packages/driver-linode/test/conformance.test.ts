import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { createLinodeDriver, linodeCatalog } from '../src/driver.ts';
import { linodeCredentials, linodeFixtures } from './fixtures/linode-fixtures.ts';

runDriverConformance({
  describe,
  test,
  name: 'linode',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    createLinodeDriver({
      id: 'linode-test',
      driver: 'linode',
      credentials,
      // The fake serves two items per page: every list call of the fixtures spans two pages.
      config: { ...config, endpoint, retry },
    }),
  fixtures: linodeFixtures,
  credentials: linodeCredentials,
  capabilities: {
    tags: true,
    regions: true,
    secretTypes: ['linode.stackscript', 'linode.nodebalancer'],
  },
  // Least privilege: a token without databases:read_only, and one NodeBalancer read denied.
  denial: {
    listFault: {
      path: '/v4beta/databases/mysql/instances',
      status: 403,
      body: { errors: [{ reason: 'Unauthorized' }] },
    },
    expectDeniedTypes: ['linode.databases.mysql'],
    enrichmentFault: {
      path: '/v4/nodebalancers/:nodeBalancerId/configs',
      status: 403,
      body: { errors: [{ reason: 'Unauthorized' }] },
    },
    expectEnrichmentCall: 'GET /v4/nodebalancers/{nodeBalancerId}/configs',
    config: { services: ['databases', 'nodebalancers', 'linodes'] },
  },
  additionalTests: ({ test: register, startServer, runDriver }) => {
    // Stricter than the suite's own check: exactly one complete step covers each resource.
    register(
      'reports one complete scope per step and region, covering every resource',
      async () => {
        const server = await startServer();
        try {
          const { resources, runtime } = await runDriver(server);
          const keys = runtime.scopes.map(
            (scope) =>
              `${scope.service}@${scope.region}:${[...(scope.resourceTypes ?? ['*'])].sort().join('+')}`,
          );
          expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
          expect(runtime.scopes.filter((scope) => scope.status !== 'complete')).toEqual([]);
          expect(new Set(runtime.scopes.map((scope) => scope.service))).toEqual(
            new Set(linodeCatalog.services.map((service) => service.name)),
          );
          for (const resource of resources) {
            const region = resource.region ?? 'global';
            const covering = runtime.scopes.filter(
              (scope) =>
                scope.service === resource.service &&
                scope.region === region &&
                scope.status === 'complete' &&
                scope.resourceTypes?.includes(resource.resourceType),
            );
            expect(covering, `${resource.resourceType} ${resource.resourceId}`).toHaveLength(1);
          }
        } finally {
          await server.close();
        }
      },
    );
  },
});
