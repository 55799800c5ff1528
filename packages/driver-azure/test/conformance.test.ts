import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { webAppConfigurationCall } from '../src/azure-enrichment.ts';
import { createAzureDriver } from '../src/driver.ts';
import { armError } from './azure-test-helpers.ts';
import { armPath, azureCredentials, azureFixtures } from './fixtures/azure-fixtures.ts';

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
  denial: {
    listFault: {
      path: armPath(
        '/subscriptions/:subscription/providers/Microsoft.Compute/virtualMachineScaleSets',
      ),
      status: 403,
      body: armError(
        'AuthorizationFailed',
        "The client does not have authorization to perform action 'Microsoft.Compute/virtualMachineScaleSets/read'.",
      ),
    },
    expectDeniedTypes: ['azure.compute.virtualmachinescaleset'],
    enrichmentFault: {
      path: /\/providers\/Microsoft\.Web\/sites\/[^/]+\/config\/web$/i,
      status: 403,
      body: armError(
        'AuthorizationFailed',
        "The client does not have authorization to perform action 'Microsoft.Web/sites/config/read'.",
      ),
    },
    expectEnrichmentCall: webAppConfigurationCall,
    config: { services: ['compute', 'appservice'] },
  },
});
