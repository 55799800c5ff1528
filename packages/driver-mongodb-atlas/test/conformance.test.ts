import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createAtlasDriver } from '../src/driver.ts';
import { atlasCredentials, atlasFixtures } from './fixtures/atlas-fixtures.ts';

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
});
