import { readFileSync } from 'node:fs';
import { getCloudDriverFactory, hasCloudDriver, registerCloudDriver } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { VultrDriver, vultrCatalog } from '../src/driver.ts';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('vultr package', () => {
  test('the root entry registers `vultr`; registering again is a no-op; building a driver sends nothing', async () => {
    await import('../src/index.ts');
    expect(hasCloudDriver('vultr')).toBe(true);
    expect(() => registerCloudDriver('vultr', VultrDriver)).not.toThrow();
    const driver = getCloudDriverFactory('vultr')({
      id: 'vultr-x',
      driver: 'vultr',
      credentials: { apiKey: 'VULTRNEVERSENT0123456789' },
      // Nothing listens there: a request would fail the test.
      config: { endpoint: 'http://127.0.0.1:9/v2' },
    });
    expect(driver).toBeInstanceOf(VultrDriver);
    expect(driver.catalog).toBe(vultrCatalog);
    await driver.initialize();
    expect(JSON.stringify(driver)).not.toContain('VULTRNEVERSENT');
  });

  test('only the registering entry has side effects; core is a peer, the kit a dependency, no SDK', () => {
    expect(packageJson.sideEffects).toEqual(['./dist/index.mjs', './src/index.ts']);
    expect(packageJson.peerDependencies).toEqual({ '@cloud-inventory/core': 'workspace:^' });
    expect(Object.keys(packageJson.dependencies)).toEqual(['@cloud-inventory/driver-kit']);
    expect(packageJson.exports['./driver'].source).toBe('./src/driver.ts');
  });
});
