import { readFileSync } from 'node:fs';
import { checkReadmeSections, readmeOmissions } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { oracleReadmeSections } from '../scripts/readme-types.ts';
import { oracleCatalog, oracleEnvironmentVariables } from '../src/driver.ts';
import { oracleBasePermissions, oraclePermissions } from '../src/oracle-permissions.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, oracleReadmeSections);
  });

  test('names every service, resource type, config option, credential and environment variable', () => {
    expect(
      readmeOmissions(readme, {
        catalog: oracleCatalog,
        options: [
          'accountId',
          'tenancyId',
          'compartmentId',
          'services',
          'regions',
          'endpoint',
          'pageSize',
          'timeoutMs',
          'retry',
        ],
        mentions: [
          ...[
            'configFilePath',
            'profile',
            'instancePrincipal',
            'tenancy',
            'user',
            'fingerprint',
            'privateKey',
            'region',
          ].map((field) => `\`${field}\``),
          ...Object.values(oracleEnvironmentVariables),
        ],
      }),
    ).toEqual([]);
  });

  test('lists a policy statement for every resource type', () => {
    const statements = new Set([
      ...oracleBasePermissions,
      ...Object.values(oraclePermissions).flat(),
    ]);
    for (const type of oracleCatalog.services.flatMap((service) => service.resourceTypes)) {
      expect(oraclePermissions[type.type], type.type).toBeDefined();
    }
    for (const statement of statements)
      expect(readme).toContain(`Allow group CloudInventory to ${statement}`);
  });
});
