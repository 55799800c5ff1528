import { readFileSync } from 'node:fs';
import { checkReadmeSections, readmeOmissions } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { hetznerReadmeSections } from '../scripts/readme-types.ts';
import { hetznerCatalog } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, hetznerReadmeSections);
  });

  test('names every service, resource type and config option', () => {
    expect(
      readmeOmissions(readme, {
        catalog: hetznerCatalog,
        options: ['accountId', 'services', 'regions', 'endpoint', 'perPage', 'timeoutMs', 'retry'],
        mentions: ['credentials.token', 'credentials.apiToken', 'HCLOUD_TOKEN', 'hcloud-js'],
      }),
    ).toEqual([]);
  });
});
