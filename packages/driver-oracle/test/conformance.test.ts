import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { oracleCredentials, oracleFixtures } from './fixtures/oracle-fixtures.ts';
import { MergedScopeOracleDriver } from './oracle-merged-scopes.ts';

runDriverConformance({
  describe,
  test,
  name: 'oracle',
  // One report per service@region for the suite's duplicate check (see oracle-merged-scopes.ts).
  createDriver: ({ endpoint, credentials, config, retry }) =>
    new MergedScopeOracleDriver({
      id: 'oracle-test',
      driver: 'oracle',
      credentials,
      // pageSize 2: every list call of the fixtures spans at least two pages.
      config: { ...config, pageSize: 2, endpoint: `${endpoint}/{region}`, retry },
    }),
  fixtures: oracleFixtures,
  credentials: oracleCredentials,
  capabilities: {
    tags: true,
    regions: ['eu-frankfurt-1'],
    secretTypes: ['oracle.compute.instance'],
  },
});
