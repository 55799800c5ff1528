import { readFileSync } from 'node:fs';
import { catalogTypes, checkReadmeSections, readmeOmissions } from '@cloud-inventory/testkit';
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
    expect(
      readmeOmissions(readme, {
        catalog: atlasCatalog,
        options: [
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
        ],
        mentions: [
          'credentials.publicKey',
          'credentials.privateKey',
          'MONGODB_ATLAS_PUBLIC_KEY',
          'MONGODB_ATLAS_PRIVATE_KEY',
          'mongodb-atlas-api-client',
          'v1.0',
          'Project Data Access Read Only',
          'Organization Read Only',
          'Retry-After',
        ],
      }),
    ).toEqual([]);
    for (const type of catalogTypes(atlasCatalog).keys()) {
      expect(atlasTypeDocs[type], type).toBeDefined();
    }
  });
});
