import { readFileSync } from 'node:fs';
import { checkReadmeSections, readmeOmissions } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { linodeReadmeSections } from '../scripts/readme-types.ts';
import { linodeCatalog, linodeTokenScopes } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the resource types table generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, linodeReadmeSections);
  });

  test('names every service, resource type, token scope and config option', () => {
    expect(
      readmeOmissions(readme, {
        catalog: linodeCatalog,
        options: ['accountId', 'services', 'regions', 'endpoint', 'pageSize', 'timeoutMs', 'retry'],
        mentions: [
          'credentials.token',
          'credentials.apiToken',
          'LINODE_TOKEN',
          '@linode/api-v4',
          'X-RateLimit-Reset',
          '/v4beta',
        ],
      }),
    ).toEqual([]);
    for (const service of linodeCatalog.services) {
      expect(readme).toContain(`\`${linodeTokenScopes[service.name]}\``);
    }
  });
});
