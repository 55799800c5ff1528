import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { createLinodeDriver, linodeCatalog } from '../src/driver.ts';
import { linodeCredentials, linodeFixtures } from './fixtures/linode-fixtures.ts';

// NOTE: the suite's "reports a scope for everything it lists" refuses two reports for one
// (service, region), but the kit's step model (runSteps) reports one per step, each limited to its
// resource types: kubernetes, vpcs, domains and databases have two steps. That check is expected
// to fail until the testkit knows type-limited reports (then `test.fails` fails: drop this
// wrapper); the step-aware version of the same check is added below.
const stepModelConflict = 'reports a scope for everything it lists';

function registerTest(name: string, body: () => Promise<void>, timeout?: number): void {
  if (name === stepModelConflict) test.fails(name, body, timeout);
  else test(name, body, timeout);
}

runDriverConformance({
  describe,
  test: registerTest,
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
  additionalTests: ({ test: register, startServer, runDriver }) => {
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
