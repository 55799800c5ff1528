import { readFileSync } from 'node:fs';
import { catalogTypes, checkReadmeSections, readmeOmissions } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { cloudflareReadmeSections } from '../scripts/readme-types.ts';
import { cloudflareCatalog, cloudflareTokenPermissions } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, cloudflareReadmeSections);
  });

  test('names every service, resource type, its permission and every config option', () => {
    expect(
      readmeOmissions(readme, {
        catalog: cloudflareCatalog,
        options: [
          'accountId',
          'services',
          'regions',
          'endpoint',
          'r2Jurisdictions',
          'timeoutMs',
          'retry',
        ],
        mentions: [
          'credentials.apiToken',
          'credentials.token',
          'credentials.apiKey',
          'CLOUDFLARE_API_TOKEN',
          'Ratelimit-Policy',
          'baseURL',
        ],
      }),
    ).toEqual([]);
    for (const type of catalogTypes(cloudflareCatalog).keys()) {
      expect(cloudflareTokenPermissions[type], type).toBeDefined();
    }
  });
});
