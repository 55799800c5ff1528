import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getCloudDriverFactory,
  hasCloudDriver,
  registerCloudDriver,
  resolveDriverName,
} from '@cloud-inventory/core';
import { checkReadmeSections } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { digitalOceanReadmeSections, renderResourceTypes } from '../scripts/readme-types.ts';
import { DigitalOceanDriver, digitalOceanCatalog } from '../src/driver.ts';

describe('DigitalOcean package', () => {
  test('the README lists exactly the catalog (regenerate with pnpm readme-types --write)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const rows = renderResourceTypes()
      .split('\n')
      .filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(
      2 + digitalOceanCatalog.services.flatMap((service) => service.resourceTypes).length,
    );
    checkReadmeSections(readme, digitalOceanReadmeSections);
  });

  test('the root entry registers digitalocean and do; registering again is a no-op; building a driver calls nothing', async () => {
    await import('../src/index.ts');
    expect(hasCloudDriver('digitalocean')).toBe(true);
    expect(resolveDriverName('do')).toBe('digitalocean');
    expect(() =>
      registerCloudDriver('digitalocean', DigitalOceanDriver, { aliases: ['do'] }),
    ).not.toThrow();
    const driver = getCloudDriverFactory('do')({
      id: 'digitalocean-x',
      driver: 'digitalocean',
      credentials: { token: 'dop_v1_never_sent_0123456789' },
      config: { endpoint: 'http://127.0.0.1:9' },
    });
    expect(driver).toBeInstanceOf(DigitalOceanDriver);
    expect(driver.catalog).toBe(digitalOceanCatalog);
    expect(JSON.stringify(driver)).not.toContain('dop_v1_never_sent');
  });
});
