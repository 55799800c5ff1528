import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { OracleDriver } from '../src/driver.ts';
import {
  notAuthorizedOrNotFound,
  oracleCredentials,
  oracleFixtures,
} from './fixtures/oracle-fixtures.ts';

runDriverConformance({
  describe,
  test,
  name: 'oracle',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    new OracleDriver({
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
  // Least privilege: a policy without autonomous databases, and GetBucket denied. OCI answers a
  // call the policy does not allow with 404 NotAuthorizedOrNotFound.
  denial: {
    listFault: { path: '/:region/20160918/autonomousDatabases', ...notAuthorizedOrNotFound },
    expectDeniedTypes: ['oracle.database.autonomous-database'],
    enrichmentFault: { path: '/:region/n/:namespace/b/:bucket', ...notAuthorizedOrNotFound },
    expectEnrichmentCall: 'GetBucket',
    config: { services: ['database', 'objectstorage', 'compute'] },
  },
});
