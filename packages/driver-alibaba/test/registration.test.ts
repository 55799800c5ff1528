import { hasCloudDriver } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { AlibabaDriver } from '../src/driver.ts';

describe('registration', () => {
  test('the package root registers `alibaba` and its alias `aliyun`; /driver registers nothing', async () => {
    expect(hasCloudDriver('alibaba')).toBe(false);
    await import('../src/index.ts');
    expect(hasCloudDriver('alibaba')).toBe(true);
    expect(hasCloudDriver('aliyun')).toBe(true);
    expect(AlibabaDriver.name).toBe('AlibabaDriver');
  });
});
