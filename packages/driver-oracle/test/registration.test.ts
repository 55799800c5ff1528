import { hasCloudDriver } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { OracleDriver } from '../src/driver.ts';

describe('registration', () => {
  test('the package root registers `oracle` and its alias `oci`; /driver registers nothing', async () => {
    expect(hasCloudDriver('oracle')).toBe(false);
    await import('../src/index.ts');
    expect(hasCloudDriver('oracle')).toBe(true);
    expect(hasCloudDriver('oci')).toBe(true);
    expect(OracleDriver.name).toBe('OracleDriver');
  });
});
