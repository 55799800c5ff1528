import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Issue 20, item 3: the packages as npm consumers get them. Every package is packed with
// `pnpm pack`; core + driver-hetzner (+ testkit for its fake API) are installed with npm into a
// temporary project using exactly the recipe of packages/core/README.md ("Installing with npm").
// Third-party packages come from the npm registry through an npm cache kept between runs under
// the system's temporary folder (--prefer-offline), so only the first run downloads them.
const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npmCache = join(tmpdir(), 'cloud-inventory-npm-consumer-cache');
// Cloud SDKs a provider driver could pull in; driver-hetzner must bring none (it uses fetch).
const cloudSdk =
  /^(@aws-sdk\/|@smithy\/|@google-cloud\/|@googleapis\/|googleapis$|@azure\/|oci-|hcloud|digitalocean|dots-wrapper|@linode\/|@vultr\/|@alicloud\/|cloudflare$|mongodb-atlas)/;

function run(command: string, args: string[], cwd: string, timeout = 110_000) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}

function publishedFolders(): string[] {
  return readdirSync(join(repositoryRoot, 'packages')).filter((folder) => {
    const manifestPath = join(repositoryRoot, 'packages', folder, 'package.json');
    return (
      existsSync(manifestPath) && JSON.parse(readFileSync(manifestPath, 'utf8')).private !== true
    );
  });
}

function exportTargets(value: unknown, path = 'exports'): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) =>
      exportTargets(inner, `${path}["${key}"]`),
    );
  return [];
}

describe('npm consumers outside the monorepo', () => {
  const workDirectory = mkdtempSync(join(tmpdir(), 'cloud-inventory-npm-consumer-'));
  const packs = join(workDirectory, 'packs');
  const tarballs = new Map<string, string>();

  beforeAll(() => {
    mkdirSync(packs);
    // Packing needs dist/ (turbo answers from its cache when nothing changed).
    run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], repositoryRoot);
    for (const folder of publishedFolders()) {
      const before = new Set(readdirSync(packs));
      run('pnpm', ['pack', '--pack-destination', packs], join(repositoryRoot, 'packages', folder));
      const [tarball] = readdirSync(packs).filter((name) => !before.has(name));
      if (!tarball) throw new Error(`pnpm pack wrote nothing for packages/${folder}`);
      tarballs.set(folder, join(packs, tarball));
    }
  }, 120_000);
  afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

  test('packed manifests have no workspace: ranges and export only files the tarball has', () => {
    expect(tarballs.size).toBeGreaterThanOrEqual(8);
    for (const [folder, tarball] of tarballs) {
      const files = new Set(
        run('tar', ['-tzf', tarball], workDirectory).split('\n').filter(Boolean),
      );
      const manifest = JSON.parse(
        run('tar', ['-xzOf', tarball, 'package/package.json'], workDirectory),
      );
      expect(JSON.stringify(manifest), folder).not.toContain('workspace:');
      const targets = [
        ...exportTargets(manifest.exports),
        ...exportTargets(manifest.bin, 'bin'),
        ...(['main', 'types', 'module'] as const).flatMap((key) =>
          typeof manifest[key] === 'string' ? [[key, manifest[key]] as [string, string]] : [],
        ),
      ];
      expect(targets.length, folder).toBeGreaterThan(0);
      for (const [where, target] of targets) {
        if (target.includes('*')) continue;
        const inside = `package/${target.replace(/^\.\//, '')}`;
        expect(files.has(inside), `${folder}: ${where} -> ${target} is not in the tarball`).toBe(
          true,
        );
      }
    }
  });

  test('core + driver-hetzner installed with npm sync against the testkit fake, and no cloud SDK came with the driver', () => {
    const consumer = join(workDirectory, 'consumer');
    mkdirSync(consumer);
    cpSync(
      join(repositoryRoot, 'stubs', 'cli-args-parser'),
      join(consumer, 'stubs', 'cli-args-parser'),
      {
        recursive: true,
      },
    );
    const local = (folder: string) => `file:${tarballs.get(folder)}`;
    // The recipe of packages/core/README.md, "Installing with npm".
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify(
        {
          name: 'npm-consumer',
          private: true,
          type: 'module',
          dependencies: {
            '@cloud-inventory/core': local('core'),
            '@cloud-inventory/driver-kit': local('driver-kit'),
            '@cloud-inventory/driver-hetzner': local('driver-hetzner'),
            '@cloud-inventory/testkit': local('testkit'),
            's3db.js': '21.6.2',
            ws: '8.23.0',
          },
          overrides: {
            recker: '1.0.56',
            'tuiuiu.js': '1.0.50',
            'cli-args-parser': 'file:./stubs/cli-args-parser',
          },
        },
        null,
        2,
      ),
    );
    run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        '--prefer-offline',
        '--cache',
        npmCache,
      ],
      consumer,
    );
    cpSync(
      join(repositoryRoot, 'test', 'integration', 'fixtures', 'npm-consumer-sync.mjs'),
      join(consumer, 'sync.mjs'),
    );
    const output = run(process.execPath, ['sync.mjs'], consumer, 60_000);
    expect(JSON.parse(output.trim())).toEqual({ status: 'succeeded', created: 1, reason: null });

    const tree = JSON.parse(
      run('npm', ['ls', '@cloud-inventory/driver-hetzner', '--all', '--json'], consumer),
    );
    const hetzner = tree.dependencies?.['@cloud-inventory/driver-hetzner'];
    expect(hetzner).toBeDefined();
    const names: string[] = [];
    const walk = (node: { dependencies?: Record<string, unknown> } | undefined) => {
      for (const [name, child] of Object.entries(node?.dependencies ?? {})) {
        names.push(name);
        walk(child as never);
      }
    };
    walk(hetzner);
    expect(names.filter((name) => cloudSdk.test(name))).toEqual([]);
    const manifest = JSON.parse(
      readFileSync(
        join(consumer, 'node_modules', '@cloud-inventory', 'driver-hetzner', 'package.json'),
        'utf8',
      ),
    );
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['@cloud-inventory/driver-kit']);
  }, 120_000);
});
