import { readFileSync } from 'node:fs';
import {
  getCloudDriverFactory,
  hasCloudDriver,
  listCloudDrivers,
  registerCloudDriver,
  resolveDriverName,
  unregisterCloudDriver,
} from '@cloud-inventory/core';
import { describe, expect, it, vi } from 'vitest';

const expectedNames: Record<string, string[]> = {
  noop: [],
  'aws-mock': [],
  'gcp-mock': [],
  'vultr-mock': [],
  'digitalocean-mock': ['do-mock'],
  'oracle-mock': ['oci-mock'],
  'azure-mock': ['az-mock'],
  'linode-mock': [],
  'hetzner-mock': [],
  'alibaba-mock': ['aliyun-mock'],
  'cloudflare-mock': ['cf-mock'],
  'mongodb-atlas-mock': ['atlas-mock'],
};
const allNames = Object.entries(expectedNames).flatMap(([name, aliases]) => [name, ...aliases]);

function clearMockNames(): void {
  for (const name of allNames) unregisterCloudDriver(name);
}

describe('registration', () => {
  it('the /driver entry registers nothing, the root entry registers every name and alias', async () => {
    clearMockNames();
    vi.resetModules();
    const driverEntry = await import('../src/driver.ts');
    expect(driverEntry.mockProviders).toHaveLength(11);
    expect(allNames.filter((name) => hasCloudDriver(name))).toEqual([]);

    await import('../src/index.ts');
    expect(allNames.filter((name) => !hasCloudDriver(name))).toEqual([]);
    for (const [name, aliases] of Object.entries(expectedNames)) {
      for (const alias of [name, ...aliases]) expect(resolveDriverName(alias)).toBe(name);
    }
  });

  it('resolves every name and alias to a driver of the right provider', async () => {
    const entry = await import('../src/index.ts');
    for (const [name, aliases] of Object.entries(expectedNames)) {
      for (const alias of [name, ...aliases]) {
        const driver = getCloudDriverFactory(alias)({
          id: `test-${alias}`,
          driver: alias,
          credentials: {},
          config: {},
        });
        expect(driver).toBeInstanceOf(entry.MockCloudDriver);
        expect(driver.specificationVersion).toBe('v1');
        expect(driver.catalog?.driver).toBe(name);
        expect(driver.driver).toBe(alias);
      }
    }
    const mockNames = entry.mockDriverNames().sort();
    expect(mockNames).toEqual([...allNames].sort());
    expect(entry.mockProviders.map((provider) => provider.name)).toEqual(
      Object.keys(expectedNames).slice(1),
    );
  });

  it('is idempotent: registering again, or importing a second copy of the package, does not throw', async () => {
    const first = await import('../src/index.ts');
    expect(() => first.registerMockDrivers()).not.toThrow();
    expect(() => first.registerMockDrivers()).not.toThrow();
    vi.resetModules();
    const second = await import('../src/index.ts');
    expect(second.registerMockDrivers).not.toBe(first.registerMockDrivers);
    expect(allNames.every((name) => hasCloudDriver(name))).toBe(true);
    const namesBefore = listCloudDrivers();
    second.registerMockDrivers();
    expect(listCloudDrivers()).toEqual(namesBefore);
  });

  it('refuses a different driver under a mock name unless replace is passed (core rule still applies)', async () => {
    await import('../src/index.ts');
    const other = () => {
      throw new Error('not a mock');
    };
    expect(() => registerCloudDriver('aws-mock', other)).toThrow(/already registered/);
  });

  it('the /driver entry has no registering call and package.json declares only the root entry as a side effect', () => {
    const driverSource = readFileSync(new URL('../src/driver.ts', import.meta.url), 'utf8');
    expect(driverSource).not.toMatch(/registerCloudDriver\(|registerMockDrivers\(\)/);
    const indexSource = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
    expect(indexSource).toMatch(/registerMockDrivers\(\);/);
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.sideEffects).toEqual(['./dist/index.mjs', './src/index.ts']);
    expect(manifest.exports['./driver']).toEqual({
      source: './src/driver.ts',
      types: './dist/driver.d.mts',
      import: './dist/driver.mjs',
    });
    expect(manifest.peerDependencies['@cloud-inventory/core']).toBe('workspace:^');
  });
});
