import { readFileSync } from 'node:fs';
import { checkReadmeSections } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { vultrReadmeSections } from '../scripts/readme-types.ts';
import { vultrCatalog } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, vultrReadmeSections);
  });

  test('names every service, resource type, config option and credential source', () => {
    for (const service of vultrCatalog.services) {
      expect(readme).toContain(`\`${service.name}\``);
      for (const type of service.resourceTypes) expect(readme).toContain(`\`${type.type}\``);
    }
    for (const option of [
      'accountId',
      'services',
      'regions',
      'endpoint',
      'perPage',
      'requestsPerSecond',
      'timeoutMs',
      'retry',
    ]) {
      expect(readme).toMatch(new RegExp(`\\| \`${option}\` +\\|`));
    }
    for (const source of [
      'credentials.apiKey',
      'credentials.token',
      'VULTR_API_KEY',
      '@vultr/vultr-node',
      '429',
      '503',
    ]) {
      expect(readme).toContain(source);
    }
  });
});
