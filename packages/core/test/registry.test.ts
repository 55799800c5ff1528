import { describe, expect, test } from 'vitest';
import {
  BaseCloudDriver,
  createCloudDriver,
  getCloudDriverFactory,
  listCloudDrivers,
  NoSuchDriverError,
  registerCloudDriver,
  resolveDriverName,
  unregisterCloudDriver,
} from '../src/index.ts';

class FirstDriver extends BaseCloudDriver {
  async listResources() {
    return [];
  }
}
class SecondDriver extends BaseCloudDriver {
  async listResources() {
    return [];
  }
}

describe('driver registry', () => {
  test('registers with aliases; the same driver twice is a no-op; a different one throws unless replace', () => {
    registerCloudDriver('registry-first', FirstDriver, { aliases: ['rf'] });
    registerCloudDriver('registry-first', FirstDriver, { aliases: ['rf'] });
    expect(resolveDriverName('rf')).toBe('registry-first');
    expect(
      createCloudDriver('rf', { id: 'x', driver: 'rf', credentials: {}, config: {} }),
    ).toBeInstanceOf(FirstDriver);
    expect(() => registerCloudDriver('registry-first', SecondDriver)).toThrow(
      /already registered as "registry-first".*replace: true/,
    );
    registerCloudDriver('registry-first', SecondDriver, { replace: true });
    expect(
      getCloudDriverFactory('registry-first')({
        id: 'x',
        driver: 'registry-first',
        credentials: {},
        config: {},
      }),
    ).toBeInstanceOf(SecondDriver);
    unregisterCloudDriver('registry-first');
    unregisterCloudDriver('rf');
  });

  test('lives on globalThis so two copies of core share it', () => {
    registerCloudDriver('registry-shared', FirstDriver);
    const shared = (globalThis as Record<symbol, Map<string, unknown>>)[
      Symbol.for('cloud-inventory.registry')
    ];
    expect(shared?.has('registry-shared')).toBe(true);
    expect(listCloudDrivers()).toContain('registry-shared');
  });

  test('a miss lists registered names and the import that adds the driver', () => {
    let error: unknown;
    try {
      getCloudDriverFactory('do');
    } catch (caught) {
      error = caught;
    }
    expect(NoSuchDriverError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /No cloud driver named "do".*Registered: .*registry-shared.*@cloud-inventory\/driver-digitalocean/s,
    );
  });

  test('credentials never serialise with the driver', () => {
    const driver = new FirstDriver({
      id: 'x',
      driver: 'first',
      credentials: { secretAccessKey: 'TOPSECRET' },
      config: {},
    });
    expect(JSON.stringify(driver)).not.toContain('TOPSECRET');
  });
});
