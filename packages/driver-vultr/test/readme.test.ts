import { readFileSync } from 'node:fs';
import { checkReadmeSections, readmeOmissions } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { vultrReadmeSections } from '../scripts/readme-types.ts';
import { vultrCatalog } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, vultrReadmeSections);
  });

  test('names every service, resource type, config option and credential source', () => {
    expect(
      readmeOmissions(readme, {
        catalog: vultrCatalog,
        options: [
          'accountId',
          'services',
          'regions',
          'endpoint',
          'perPage',
          'requestsPerSecond',
          'timeoutMs',
          'retry',
        ],
        mentions: [
          'credentials.apiKey',
          'credentials.token',
          'VULTR_API_KEY',
          '@vultr/vultr-node',
          '429',
          '503',
        ],
      }),
    ).toEqual([]);
  });
});
