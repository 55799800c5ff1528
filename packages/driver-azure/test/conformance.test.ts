import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createAzureDriver } from '../src/driver.ts';
import { azureCredentials, azureFixtures } from './fixtures/azure-fixtures.ts';

runDriverConformance({
  describe,
  test,
  name: 'azure',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    createAzureDriver({
      id: 'azure-test',
      driver: 'azure',
      credentials,
      config: { ...config, endpoint, retry },
    }),
  fixtures: azureFixtures,
  credentials: azureCredentials,
  capabilities: {
    tags: true,
    regions: true,
    secretTypes: [
      'azure.compute.virtualmachine',
      'azure.databases.sqlserver',
      'azure.appservice.webapp',
      'azure.kubernetes.cluster',
    ],
  },
});
