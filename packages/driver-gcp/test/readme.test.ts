import { readFileSync } from 'node:fs';
import { checkReadmeSections, readmeOmissions } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { gcpReadmeSections } from '../scripts/readme-types.ts';
import { gcpCatalog } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, gcpReadmeSections);
  });

  test('names every service, resource type, config option and credential source', () => {
    expect(
      readmeOmissions(readme, {
        catalog: gcpCatalog,
        options: [
          'projectId',
          'projectIds',
          'regions',
          'services',
          'endpoint',
          'pageSize',
          'timeoutMs',
          'retry',
          'accountId',
        ],
        mentions: [
          'credentials.accessToken',
          'credentials.keyFile',
          'credentials.credentials',
          'GOOGLE_OAUTH_ACCESS_TOKEN',
          'GOOGLE_APPLICATION_CREDENTIALS',
          'roles/viewer',
          'google-auth-library',
        ],
      }),
    ).toEqual([]);
  });
});
