import { hasCloudDriver, listCloudDrivers } from '@cloud-inventory/core';
import { expect, test } from 'vitest';

test('the /driver entry registers nothing; the package root registers `aws` once', async () => {
  const { AwsDriver, createAwsDriver } = await import('../src/driver.ts');
  expect(createAwsDriver()).toBeInstanceOf(AwsDriver);
  expect(hasCloudDriver('aws')).toBe(false);
  await import('../src/index.ts');
  expect(hasCloudDriver('aws')).toBe(true);
  expect(listCloudDrivers().filter((name) => name === 'aws')).toHaveLength(1);
});

test('the package.json exports both entries and marks only the registering one as a side effect', async () => {
  const manifest = (await import('../package.json', { with: { type: 'json' } })).default;
  expect(manifest.sideEffects).toEqual(['./dist/index.mjs', './src/index.ts']);
  expect(Object.keys(manifest.exports)).toEqual(['./package.json', '.', './driver']);
  expect(manifest.peerDependencies).toEqual({ '@cloud-inventory/core': 'workspace:^' });
  const sdkVersions = new Set(
    Object.entries(manifest.dependencies)
      .filter(([name]) => name.startsWith('@aws-sdk/'))
      .map(([, version]) => version),
  );
  // One caret range for every client, so npm dedupes them with the SDK s3db.js brings.
  expect([...sdkVersions]).toEqual(['^3.943.0']);
});
