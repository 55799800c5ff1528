import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createAtlasDriver } from '../src/driver.ts';
import { atlasCredentials, atlasError, atlasFixtures } from './fixtures/atlas-fixtures.ts';

runDriverConformance({
  describe,
  test,
  name: 'mongodb-atlas',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    createAtlasDriver({
      id: 'atlas-test',
      driver: 'mongodb-atlas',
      credentials,
      // itemsPerPage 2: every paginated list of the fixtures spans at least two pages.
      config: { ...config, itemsPerPage: 2, endpoint, retry },
    }),
  fixtures: atlasFixtures,
  credentials: atlasCredentials,
  capabilities: {
    tags: ['mongodb-atlas.project', 'mongodb-atlas.cluster', 'mongodb-atlas.serverless'],
    labels: ['mongodb-atlas.user'],
    regions: ['US_EAST_1'],
    secretTypes: ['mongodb-atlas.alert'],
  },
  // Least privilege: a key denied the alert configurations and the clusters' process arguments
  // (Atlas answers a missing role with 403 USER_UNAUTHORIZED).
  denial: {
    listFault: {
      path: '/api/atlas/v2/groups/:groupId/alertConfigs',
      status: 403,
      body: atlasError(
        403,
        'USER_UNAUTHORIZED',
        'Current user is not authorized to perform this action.',
      ),
    },
    expectDeniedTypes: ['mongodb-atlas.alert'],
    enrichmentFault: {
      path: '/api/atlas/v2/groups/:groupId/clusters/:clusterName/processArgs',
      status: 403,
      body: atlasError(
        403,
        'USER_UNAUTHORIZED',
        'Current user is not authorized to perform this action.',
      ),
    },
    expectEnrichmentCall: 'GET /api/atlas/v2/groups/{groupId}/clusters/{clusterName}/processArgs',
    config: { services: ['alerts', 'users', 'clusters'] },
  },
});
