import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// Conventions from STYLE.md and DESIGN.md, checked for every package so a new driver cannot drift.
const packagesDirectory = join(import.meta.dirname, '..', '..', 'packages');
const packageFolders = readdirSync(packagesDirectory).filter((name) =>
  existsSync(join(packagesDirectory, name, 'package.json')),
);
const readManifest = (folder: string) =>
  JSON.parse(readFileSync(join(packagesDirectory, folder, 'package.json'), 'utf8'));

describe.each(packageFolders)('package %s', (folder) => {
  const manifest = readManifest(folder);

  test('is an ESM package named @cloud-inventory/<folder> for Node 24 with a README', () => {
    expect(manifest.name).toBe(`@cloud-inventory/${folder}`);
    expect(manifest.type).toBe('module');
    expect(manifest.engines?.node).toBe('>=24');
    expect(manifest.repository?.directory).toBe(`packages/${folder}`);
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'README.md']));
    expect(manifest.exports?.['./package.json']).toBe('./package.json');
    expect(manifest.exports?.['.']).toMatchObject({
      types: expect.any(String),
      import: expect.any(String),
    });
    expect(existsSync(join(packagesDirectory, folder, 'README.md'))).toBe(true);
  });

  test('depends on core only as a peer (one registry per process)', () => {
    if (folder === 'core' || folder === 'cli') return;
    expect(manifest.peerDependencies?.['@cloud-inventory/core']).toBeDefined();
    expect(manifest.dependencies?.['@cloud-inventory/core']).toBeUndefined();
  });

  // NOTE: the AWS SDK (`@aws-sdk/*`, `@smithy/*`) is the exception: s3db.js brings its own copy, so
  // exact pins made npm install a second set of every SDK package (issue 20); a caret range dedupes.
  test('pins every dependency to an exact version or the workspace (caret ranges for the AWS SDK)', () => {
    for (const [name, range] of Object.entries<string>(manifest.dependencies ?? {})) {
      const pattern = /^@(aws-sdk|smithy)\//.test(name)
        ? /^\^\d+\.\d+\.\d+$/
        : /^(workspace:|\d+\.\d+\.\d+)/;
      expect(range, `${name}@${range}`).toMatch(pattern);
    }
    for (const [name, range] of Object.entries<string>(manifest.devDependencies ?? {}))
      expect(range, `${name}@${range}`).toMatch(/^(workspace:|\d+\.\d+\.\d+)/);
  });
});

const driverFolders = packageFolders.filter(
  (folder) => folder.startsWith('driver-') && folder !== 'driver-kit',
);

describe.each(driverFolders)('driver package %s', (folder) => {
  const manifest = readManifest(folder);
  const root = join(packagesDirectory, folder);

  test('has a registering root entry listed in sideEffects and a side-effect-free ./driver entry', () => {
    expect(manifest.exports?.['./driver']).toBeDefined();
    expect(Array.isArray(manifest.sideEffects)).toBe(true);
    expect(manifest.sideEffects.length).toBeGreaterThan(0);
    const driverEntry = readFileSync(join(root, 'src', 'driver.ts'), 'utf8');
    expect(driverEntry).not.toMatch(/registerCloudDriver\(/);
    const rootEntry = readFileSync(join(root, 'src', 'index.ts'), 'utf8');
    expect(rootEntry).toMatch(/register/i);
  });

  test('has a test suite and, for provider drivers, a conformance test', () => {
    const tests = readdirSync(join(root, 'test')).filter((file) => file.endsWith('.test.ts'));
    expect(tests.length).toBeGreaterThan(0);
    if (folder !== 'driver-mocks') expect(tests).toContain('conformance.test.ts');
  });
});
