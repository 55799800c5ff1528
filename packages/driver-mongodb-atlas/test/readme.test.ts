import { readFileSync } from 'node:fs';
import { checkReadmeSections } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { atlasReadmeSections } from '../scripts/readme-types.ts';
import { atlasTypeDocs } from '../src/atlas-type-docs.ts';
import { atlasCatalog } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, atlasReadmeSections);
  });

  test('documents the region and least role of every type, every service and config option', () => {
    for (const service of atlasCatalog.services) {
      expect(readme).toContain(`\`${service.name}\``);
      for (const type of service.resourceTypes) {
        expect(readme).toContain(`\`${type.type}\``);
        expect(atlasTypeDocs[type.type], type.type).toBeDefined();
      }
    }
    for (const option of [
      'organizationId',
      'projectIds',
      'services',
      'regions',
      'endpoint',
      'itemsPerPage',
      'eventsWindowDays',
      'accountId',
      'timeoutMs',
      'retry',
    ]) {
      expect(readme).toMatch(new RegExp(`\\| \`${option}\` +\\|`));
    }
    for (const source of [
      'credentials.publicKey',
      'credentials.privateKey',
      'MONGODB_ATLAS_PUBLIC_KEY',
      'MONGODB_ATLAS_PRIVATE_KEY',
      'mongodb-atlas-api-client',
      'v1.0',
      'Project Data Access Read Only',
      'Organization Read Only',
      'Retry-After',
    ]) {
      expect(readme).toContain(source);
    }
  });
});
