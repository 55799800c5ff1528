import { readFileSync } from 'node:fs';
import { checkReadmeSections, readmeOmissions } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { azureReadmeSections } from '../scripts/readme-types.ts';
import { azureCatalog } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, azureReadmeSections);
  });

  test('names every service, resource type, config option and credential source', () => {
    expect(
      readmeOmissions(readme, {
        catalog: azureCatalog,
        options: [
          'accountId',
          'subscriptionIds',
          'resourceGroups',
          'regions',
          'services',
          'endpoint',
          'tokenScope',
          'retry',
        ],
        mentions: [
          'credentials.accessToken',
          'credentials.tenantId',
          'credentials.clientId',
          'credentials.clientSecret',
          'AZURE_SUBSCRIPTION_ID',
          'DefaultAzureCredential',
          'Reader',
          'MissingSubscriptionRegistration',
        ],
      }),
    ).toEqual([]);
  });
});
