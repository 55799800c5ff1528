import { readFileSync } from 'node:fs';
import { getCloudDriverFactory, hasCloudDriver, registerCloudDriver } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { LinodeDriver, linodeCatalog } from '../src/driver.ts';

describe('linode package', () => {
  test('the root entry registers `linode`; registering again is a no-op; building a driver calls nothing', async () => {
    await import('../src/index.ts');
    expect(hasCloudDriver('linode')).toBe(true);
    expect(() => registerCloudDriver('linode', LinodeDriver)).not.toThrow();
    const driver = getCloudDriverFactory('linode')({
      id: 'linode-x',
      driver: 'linode',
      credentials: { token: 'linode-never-sent-0123456789' },
      config: { endpoint: 'http://127.0.0.1:9' },
    });
    expect(driver).toBeInstanceOf(LinodeDriver);
    expect(driver.catalog).toBe(linodeCatalog);
    expect(JSON.stringify(driver)).not.toContain('linode-never-sent');
  });

  test('package.json: the registering entry is the only side effect, core is a peer', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.name).toBe('@cloud-inventory/driver-linode');
    expect(manifest.sideEffects).toEqual(['./dist/index.mjs', './src/index.ts']);
    expect(manifest.exports['./driver'].source).toBe('./src/driver.ts');
    expect(manifest.peerDependencies).toHaveProperty('@cloud-inventory/core');
    expect(manifest.dependencies).toEqual({ '@cloud-inventory/driver-kit': 'workspace:^' });
  });
});
