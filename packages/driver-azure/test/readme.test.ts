import { readFileSync } from 'node:fs';
import { checkReadmeSections } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { azureReadmeSections } from '../scripts/readme-types.ts';
import { azureCatalog } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, azureReadmeSections);
  });

  test('names every service, resource type, config option and credential source', () => {
    for (const service of azureCatalog.services) {
      expect(readme).toContain(`\`${service.name}\``);
      for (const type of service.resourceTypes) expect(readme).toContain(`\`${type.type}\``);
    }
    for (const option of [
      'accountId',
      'subscriptionIds',
      'resourceGroups',
      'regions',
      'services',
      'endpoint',
      'tokenScope',
      'retry',
    ]) {
      expect(readme).toMatch(new RegExp(`\\| \`${option}\` +\\|`));
    }
    for (const source of [
      'credentials.accessToken',
      'credentials.tenantId',
      'credentials.clientId',
      'credentials.clientSecret',
      'AZURE_SUBSCRIPTION_ID',
      'DefaultAzureCredential',
      'Reader',
      'MissingSubscriptionRegistration',
    ]) {
      expect(readme).toContain(source);
    }
  });
});
