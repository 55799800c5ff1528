import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../src/commands/command-list.ts';
import { loadConfiguredDrivers } from '../src/config/load-drivers.ts';
import {
  type CliResult,
  createWorkspace,
  ensureBuiltBinary,
  runCli,
  runJson,
} from './cli-harness.ts';

const smallMock = { id: 'mock-a', driver: 'aws-mock', config: { seed: 7, resourceCount: 12 } };

describe('cloud-inventory: usage, help and config', () => {
  beforeAll(() => ensureBuiltBinary(), 120_000);

  test('every command has --help with usage and an example (exit 0)', async () => {
    const workspace = createWorkspace();
    try {
      // Four at a time: two dozen Node processes at once on a 2-core machine running the rest of
      // the suite starved one past its time limit.
      const results: CliResult[] = [];
      for (let start = 0; start < commands.length; start += 4)
        results.push(
          ...(await Promise.all(
            commands
              .slice(start, start + 4)
              .map((command) => runCli([command.name, '--help'], { cwd: workspace.directory })),
          )),
        );
      results.forEach((result, index) => {
        const command = commands[index]!;
        expect(result.code, `${command.name} --help`).toBe(0);
        expect(result.stdout).toContain(`Usage: cloud-inventory ${command.name}`);
        expect(result.stdout).toContain('Examples:');
        expect(result.stdout).toContain(`cloud-inventory ${command.examples[0]}`);
      });
      const main = await runCli(['--help'], { cwd: workspace.directory });
      expect(main.code).toBe(0);
      for (const command of commands) expect(main.stdout).toContain(command.name);
      const version = await runCli(['--version'], { cwd: workspace.directory });
      expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      workspace.cleanup();
    }
  });

  test('bad usage exits 2 with one error line and a hint', async () => {
    const workspace = createWorkspace({ 'cloud-inventory.config.json': { clouds: [smallMock] } });
    try {
      const unknownCommand = await runCli(['lst'], { cwd: workspace.directory });
      expect(unknownCommand.code).toBe(2);
      expect(unknownCommand.stderr).toMatch(
        /^error: unknown command "lst"\nhint: did you mean `cloud-inventory list`/,
      );
      expect(unknownCommand.stdout).toBe('');
      const unknownOption = await runCli(['list', '--bogus'], { cwd: workspace.directory });
      expect(unknownOption.code).toBe(2);
      expect(unknownOption.stderr).toContain("unknown option '--bogus'");
      const missingArgument = await runCli(['show'], { cwd: workspace.directory });
      expect(missingArgument.code).toBe(2);
      const badDuration = await runCli(['changes', '--since', 'yesterday'], {
        cwd: workspace.directory,
      });
      expect(badDuration.code).toBe(2);
      expect(badDuration.stderr).toContain(
        '--since "yesterday" is neither a duration nor an ISO time',
      );
      const noArguments = await runCli([], { cwd: workspace.directory });
      expect(noArguments.code).toBe(2);
      expect(noArguments.stderr).toContain('Usage: cloud-inventory <command>');
    } finally {
      workspace.cleanup();
    }
  });

  test('a bad config exits 2 naming the file and the path of every problem', async () => {
    const workspace = createWorkspace({
      'cloud-inventory.config.json': {
        clouds: [{ driver: 42 }, { driver: 'aws-mock', id: 'bad/id' }],
        discovery: { concurrency: 0 },
      },
    });
    try {
      const result = await runCli(['sync'], { cwd: workspace.directory });
      expect(result.code).toBe(2);
      const [line] = result.stderr.split('\n');
      expect(line).toContain(join(workspace.directory, 'cloud-inventory.config.json'));
      expect(line).toContain('clouds[0].driver');
      expect(line).toContain('clouds[1].id');
      expect(line).toContain('discovery.concurrency');
      expect(result.stderr).not.toContain('    at ');
      const verbose = await runCli(['sync', '--verbose'], { cwd: workspace.directory });
      expect(verbose.code).toBe(2);
      expect(verbose.stderr).toContain('    at ');

      writeFileSync(
        join(workspace.directory, 'cloud-inventory.config.json'),
        JSON.stringify({ clouds: [{ ...smallMock, config: { resourceCount: -1 } }] }),
      );
      const driverConfig = await runCli(['sync'], { cwd: workspace.directory });
      expect(driverConfig.code).toBe(2);
      expect(driverConfig.stderr).toContain('clouds[0].config.resourceCount');
    } finally {
      workspace.cleanup();
    }
  });

  test('outside a clone, a missing driver package is a usage error with the exact install command', async () => {
    const workspace = createWorkspace();
    const load = () =>
      loadConfiguredDrivers(
        { clouds: [{ id: 'prod', driver: 'aws', credentials: { accessKeyId: 'x' } }] },
        {
          configPath: 'cloud-inventory.config.json',
          searchFrom: [workspace.directory],
          cwd: workspace.directory,
          environment: {},
          cloneRoot: null,
          // Node would not find it from a temporary folder; vitest's resolver finds the workspace's.
          importPackage: async () => ({ status: 'missing' }),
        },
      );
    try {
      await expect(load()).rejects.toThrow(
        'driver "aws" (clouds[0].driver) needs @cloud-inventory/driver-aws, which is not installed; install it with: npm install @cloud-inventory/driver-aws',
      );
      writeFileSync(join(workspace.directory, 'pnpm-lock.yaml'), 'lockfileVersion: 9.0\n');
      await expect(load()).rejects.toThrow('pnpm add @cloud-inventory/driver-aws');
    } finally {
      workspace.cleanup();
    }
  });

  test('in a clone, a provider driver comes from the workspace; an unknown name exits 2 with a did-you-mean', async () => {
    const workspace = createWorkspace({
      'cloud-inventory.config.json': {
        clouds: [smallMock, { id: 'prod', driver: 'aws', credentials: { accessKeyId: 'x' } }],
      },
    });
    try {
      const fromClone = await runCli(['drivers', 'aws'], { cwd: workspace.directory });
      expect(fromClone.code, fromClone.stderr).toBe(0);
      expect(fromClone.stdout).toContain('aws.ec2.instance');
      writeFileSync(
        join(workspace.directory, 'cloud-inventory.config.json'),
        JSON.stringify({ clouds: [{ driver: 'no-such-cloud' }, { driver: 'hetzer' }] }),
      );
      const unknownDriver = await runCli(['sync'], { cwd: workspace.directory });
      expect(unknownDriver.code).toBe(2);
      expect(unknownDriver.stderr.trim().split('\n')).toHaveLength(2);
      expect(unknownDriver.stderr).toContain('no cloud driver named "no-such-cloud"');
      expect(unknownDriver.stderr).toContain(
        'no cloud driver named "hetzer"; did you mean "hetzner"?',
      );
      expect(unknownDriver.stderr).toContain('Installable provider drivers: aws, gcp');
      expect(unknownDriver.stderr).toContain('aws-mock');
    } finally {
      workspace.cleanup();
    }
  });

  test('environment variable references are expanded; a missing one is an error naming it and the config path', async () => {
    // The config uses the interpolation syntax on purpose.
    const reference = (name: string) => `\${${name}}`;
    const config = {
      store: reference('INVENTORY_STORE'),
      clouds: [
        {
          ...smallMock,
          config: {
            seed: 7,
            resourceCount: 12,
            accountId: reference('MOCK_ACCOUNT:-000000000000'),
          },
        },
      ],
    };
    const workspace = createWorkspace({ 'cloud-inventory.config.json': config });
    try {
      const missing = await runCli(['sync'], { cwd: workspace.directory });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain(
        'environment variable INVENTORY_STORE is not set (used at store in',
      );
      const synced = await runJson(['sync'], {
        cwd: workspace.directory,
        environment: { INVENTORY_STORE: workspace.storeUrl },
      });
      expect(synced.code).toBe(0);
      expect(synced.value.store).toBe(workspace.storeUrl);
      const listed = await runJson(['list', '--limit', '1'], {
        cwd: workspace.directory,
        inProcess: true,
        environment: { INVENTORY_STORE: workspace.storeUrl },
      });
      expect(listed.value.items[0].accountId).toBe('000000000000');
    } finally {
      workspace.cleanup();
    }
  });

  test('YAML and TypeScript configs load; --config picks a file; a syntax error exits 2', async () => {
    const workspace = createWorkspace({
      'inventory.yaml': `store: ./yaml-store\nclouds:\n  - id: from-yaml\n    driver: gcp-mock\n    config: { seed: 3, resourceCount: 5 }\n`,
      'cloud-inventory.config.ts': `interface Config { clouds: Array<{ id: string; driver: string; config?: Record<string, unknown> }> }\nconst config: Config = { clouds: [{ id: 'from-ts', driver: 'hetzner-mock', config: { seed: 4, resourceCount: 5 } }] };\nexport default config;\n`,
      'broken.yml': 'clouds: [\n',
    });
    try {
      const yaml = await runJson(['sync', '--config', 'inventory.yaml'], {
        cwd: workspace.directory,
      });
      expect(yaml.code).toBe(0);
      expect(yaml.value.clouds.map((cloud: any) => cloud.cloudId)).toEqual(['from-yaml']);
      expect(yaml.value.store).toContain('/yaml-store');
      const typescript = await runJson(['sync', '--store', 'ts-store'], {
        cwd: workspace.directory,
      });
      expect(typescript.code).toBe(0);
      expect(typescript.value.clouds[0]).toMatchObject({
        cloudId: 'from-ts',
        driver: 'hetzner-mock',
        created: 5,
      });
      const broken = await runCli(['list', '--config', 'broken.yml'], { cwd: workspace.directory });
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain(
        `could not load config ${join(workspace.directory, 'broken.yml')}`,
      );
      const absent = await runCli(['list', '--config', 'nope.json'], { cwd: workspace.directory });
      expect(absent.code).toBe(2);
      expect(absent.stderr).toContain('does not exist');
    } finally {
      workspace.cleanup();
    }
  });

  test('without a config, read commands use the clouds found in the store; an empty store exits 2', async () => {
    const workspace = createWorkspace();
    try {
      const empty = await runCli(['list'], { cwd: workspace.directory });
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain('no config file in');
      expect(empty.stderr).toContain('cloud-inventory init');
      const noConfigSync = await runCli(['sync'], { cwd: workspace.directory });
      expect(noConfigSync.code).toBe(2);
    } finally {
      workspace.cleanup();
    }
  });

  test('credentials in connection strings are never printed', async () => {
    const workspace = createWorkspace({ 'cloud-inventory.config.json': { clouds: [smallMock] } });
    try {
      const result = await runCli(
        ['list', '--store', 'ftp://AKIAEXAMPLE:very-secret@host/bucket', '--verbose'],
        { cwd: workspace.directory },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('ftp://***@host/bucket');
      expect(result.stderr).not.toContain('very-secret');
      expect(result.stderr).not.toContain('AKIAEXAMPLE');
    } finally {
      workspace.cleanup();
    }
  });
});
