import { readFileSync } from 'node:fs';
import { checkReadmeSections } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { hetznerReadmeSections } from '../scripts/readme-types.ts';
import { hetznerCatalog } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, hetznerReadmeSections);
  });

  test('names every service, resource type and config option', () => {
    for (const service of hetznerCatalog.services) {
      expect(readme).toContain(`\`${service.name}\``);
      for (const type of service.resourceTypes) expect(readme).toContain(`\`${type.type}\``);
    }
    for (const option of [
      'accountId',
      'services',
      'regions',
      'endpoint',
      'perPage',
      'timeoutMs',
      'retry',
    ]) {
      expect(readme).toMatch(new RegExp(`\\| \`${option}\` +\\|`));
    }
    for (const source of [
      'credentials.token',
      'credentials.apiToken',
      'HCLOUD_TOKEN',
      'hcloud-js',
    ]) {
      expect(readme).toContain(source);
    }
  });
});
