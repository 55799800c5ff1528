import { describe, expect, test, vi } from 'vitest';
import {
  CloudInventoryPlugin,
  ConfigurationError,
  NoSuchDriverError,
  registerCloudDriver,
} from '../src/index.ts';
import { ScriptedDriver } from './helpers.ts';

registerCloudDriver('scripted-options', ScriptedDriver);

describe('option validation', () => {
  test('one error names every bad path and what was expected', () => {
    let caught: unknown;
    try {
      new CloudInventoryPlugin({
        clouds: [
          { driver: 'scripted-options' },
          { driver: 'scripted-options', scheduled: { enabled: true } },
          { driver: 42 as never, id: 'bad/id' },
        ],
        discovery: { concurrency: 0, include: 'ec2' as never },
        lock: { ttl: -1 },
        resources: { snapshots: 'has space' },
        bogus: true,
      } as never);
    } catch (error) {
      caught = error;
    }
    expect(ConfigurationError.isInstance(caught)).toBe(true);
    const error = caught as ConfigurationError;
    const paths = error.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'clouds[1].scheduled.cron',
        'clouds[2].driver',
        'clouds[2].id',
        'discovery.concurrency',
        'discovery.include',
        'lock.ttl',
        'resources.snapshots',
        'bogus',
      ]),
    );
    expect(error.message).toContain(
      'clouds[1].scheduled.cron: expected a cron expression (required when enabled is true)',
    );
  });

  test('an invalid cron expression and an unknown timezone are named', () => {
    expect(
      () =>
        new CloudInventoryPlugin({
          clouds: [
            {
              driver: 'scripted-options',
              scheduled: { enabled: true, cron: 'every day', timezone: 'Mars/Base' },
            },
          ],
        }),
    ).toThrow(/clouds\[0\]\.scheduled\.timezone/);
    expect(
      () =>
        new CloudInventoryPlugin({
          clouds: [{ driver: 'scripted-options' }],
          scheduled: { enabled: true, cron: '61 * * * *' },
        }),
    ).toThrow(/scheduled\.cron: expected a valid cron expression/);
  });

  test('an empty or missing clouds list is refused', () => {
    expect(() => new CloudInventoryPlugin({ clouds: [] })).toThrow(
      /clouds: expected a non-empty array/,
    );
    expect(() => new CloudInventoryPlugin(undefined as never)).toThrow(ConfigurationError);
  });

  test('an unknown driver name lists the registered ones and the import that adds it', () => {
    expect(() => new CloudInventoryPlugin({ clouds: [{ driver: 'aws' }] })).toThrow(
      NoSuchDriverError,
    );
    expect(() => new CloudInventoryPlugin({ clouds: [{ driver: 'aws' }] })).toThrow(
      /pnpm add @cloud-inventory\/driver-aws/,
    );
    expect(() => new CloudInventoryPlugin({ clouds: [{ driver: 'aws' }] })).toThrow(
      /scripted-options/,
    );
  });

  test('cloud ids default to <driver>-<account> and duplicates get numeric suffixes', () => {
    const warnings: string[] = [];
    const plugin = new CloudInventoryPlugin({
      clouds: [
        { driver: 'scripted-options', config: { accountId: 'acme' } },
        { driver: 'scripted-options', credentials: { accountId: 'acme' } },
        { driver: 'scripted-options' },
        { driver: ScriptedDriver },
      ],
      logger: { debug() {}, info() {}, warn: (message) => warnings.push(message), error() {} },
    });
    expect(plugin.clouds.map((cloud) => cloud.id)).toEqual([
      'scripted-options-acme',
      'scripted-options-acme-2',
      'scripted-options',
      expect.stringMatching(/^inline-scripteddriver/),
    ]);
    expect(warnings).toEqual([
      'duplicate cloud id "scripted-options-acme" renamed to "scripted-options-acme-2"',
    ]);
    expect(plugin.clouds[0]!.credentials).toEqual({});
  });

  test('a schedule without node-cron installed fails at construction with the install command', async () => {
    vi.resetModules();
    vi.doMock('../src/scheduling/node-cron-loader.ts', () => ({
      loadNodeCron: () => null,
      resetNodeCronCache() {},
    }));
    const core = await import('../src/index.ts');
    core.registerCloudDriver('scripted-options', ScriptedDriver);
    expect(
      () =>
        new core.CloudInventoryPlugin({
          clouds: [{ driver: 'scripted-options' }],
          scheduled: { enabled: true, cron: '0 * * * *' },
        }),
    ).toThrow(/pnpm add node-cron/);
    vi.doUnmock('../src/scheduling/node-cron-loader.ts');
    vi.resetModules();
  });
});
