import { describe, test } from 'vitest';
import { runDriverConformance } from '../src/index.ts';
import { createExampleDriver, exampleCredentials, exampleFixtures } from './example-driver.ts';

// What a driver's own test/conformance.test.ts looks like.
runDriverConformance({
  describe,
  test,
  name: 'examplecloud',
  createDriver: (input) => createExampleDriver(input),
  fixtures: exampleFixtures,
  credentials: exampleCredentials,
  capabilities: {
    tags: ['examplecloud.volume'],
    labels: true,
    regions: true,
    secretTypes: ['examplecloud.database.cluster'],
  },
  // Least privilege: the users call and the settings read denied for the whole run.
  denial: {
    listFault: {
      path: '/v1/databases/:id/users',
      status: 403,
      body: { error: { code: 'forbidden', message: 'token lacks databases:users:read' } },
    },
    expectDeniedTypes: ['examplecloud.database.user'],
    enrichmentFault: { path: '/v1/databases/:id/settings', status: 403 },
    expectEnrichmentCall: 'GET /v1/databases/{id}/settings',
    config: { services: ['databases', 'volumes'] },
  },
  additionalTests: ({ test: conformanceTest, startServer, runDriver }) => {
    conformanceTest('lists database users under their cluster', async () => {
      const server = await startServer();
      try {
        const { resources } = await runDriver(server, { config: { services: ['databases'] } });
        const users = resources.filter(
          (resource) => resource.resourceType === 'examplecloud.database.user',
        );
        if (users.length !== 4) throw new Error(`expected 4 users, got ${users.length}`);
      } finally {
        await server.close();
      }
    });
  },
});
