import { readFileSync } from 'node:fs';
import { checkReadmeSections } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { cloudflareReadmeSections } from '../scripts/readme-types.ts';
import { cloudflareCatalog, cloudflareTokenPermissions } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, cloudflareReadmeSections);
  });

  test('names every service, resource type, its permission and every config option', () => {
    for (const service of cloudflareCatalog.services) {
      expect(readme).toContain(`\`${service.name}\``);
      for (const type of service.resourceTypes) {
        expect(readme).toContain(`\`${type.type}\``);
        expect(cloudflareTokenPermissions[type.type], type.type).toBeDefined();
      }
    }
    for (const option of [
      'accountId',
      'services',
      'regions',
      'endpoint',
      'r2Jurisdictions',
      'timeoutMs',
      'retry',
    ]) {
      expect(readme).toMatch(new RegExp(`\\| \`${option}\` *\\|`));
    }
    for (const source of [
      'credentials.apiToken',
      'credentials.token',
      'credentials.apiKey',
      'CLOUDFLARE_API_TOKEN',
      'Ratelimit-Policy',
      'baseURL',
    ]) {
      expect(readme).toContain(source);
    }
  });
});
