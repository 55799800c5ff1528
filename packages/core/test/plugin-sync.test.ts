import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  BaseCloudDriver,
  CloudInventoryPlugin,
  type CloudResource,
  type ListOptions,
} from '../src/index.ts';
import { countRequests, createTestDatabase, instance, ScriptedDriver } from './helpers.ts';

describe('CloudInventoryPlugin sync', () => {
  let database: any;
  beforeEach(async () => {
    database = await createTestDatabase();
    ScriptedDriver.resources = [];
    ScriptedDriver.scopes = undefined;
    ScriptedDriver.failWith = undefined;
  });
  afterEach(async () => {
    await database.disconnect();
  });

  const createPlugin = (extra: Record<string, unknown> = {}) =>
    new CloudInventoryPlugin({
      clouds: [{ id: 'aws-test', driver: ScriptedDriver, config: { accountId: '111122223333' } }],
      discovery: { runOnInstall: false },
      ...extra,
    });

  test('records as the description defines; storage requests per created, unchanged and updated resource', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = Array.from({ length: 20 }, (_, index) => instance(`i-${index}`));
    const counter = countRequests(database);
    const first = await plugin.syncCloud('aws-test');
    expect(first).toMatchObject({
      cloudId: 'aws-test',
      created: 20,
      updated: 0,
      unchanged: 0,
      deleted: 0,
      processed: 20,
      status: 'succeeded',
    });
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'cloudId',
        'driver',
        'created',
        'updated',
        'unchanged',
        'processed',
        'durationMs',
        'deleted',
        'status',
      ]),
    );
    // 2 writes per created resource (version, snapshot) plus a fixed cost per run (lock taken and
    // released, summary and run record twice, index shard, change-log segment, one journal batch).
    const createdWrites = counter.counts.PUT;
    expect(createdWrites).toBeLessThanOrEqual(20 * 2 + 9);

    const snapshot = await plugin.inventoryResources.snapshots.get('aws-test:aws.ec2.instance:i-1');
    expect(snapshot).toMatchObject({
      cloudId: 'aws-test',
      resourceType: 'aws.ec2.instance',
      resourceId: 'i-1',
      name: 'server-i-1',
      region: 'us-east-1',
      service: 'ec2',
      tags: { env: 'prod' },
      latestVersion: 1,
      latestSnapshotId: 'aws-test:aws.ec2.instance:i-1:v1',
      changelogSize: 0,
      status: 'active',
    });
    expect(snapshot.latestDigest).toMatch(/^[0-9a-f]{64}$/);
    const version = await plugin.inventoryResources.versions.get(
      'aws-test:aws.ec2.instance:i-1:v1',
    );
    expect(version.configuration).toEqual({
      InstanceId: 'i-1',
      InstanceType: 't3.micro',
      State: { Name: 'running' },
    });
    // A first version has no change record: nothing came before it. The run's change log has it.
    await expect(
      plugin.inventoryResources.changes.get('aws-test:aws.ec2.instance:i-1:c1'),
    ).rejects.toThrow(/No such key/);
    expect((await plugin.listChanges({ cloudId: 'aws-test' })).items).toContainEqual(
      expect.objectContaining({ kind: 'created', resourceId: 'i-1', version: 1, sequence: 0 }),
    );

    counter.reset();
    const second = await plugin.syncCloud('aws-test');
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 20 });
    // Nothing per resource: lock, summary, run record and index reads only.
    expect(counter.total).toBeLessThanOrEqual(12);

    counter.reset();
    ScriptedDriver.resources = ScriptedDriver.resources.map((resource, index) =>
      index < 2
        ? {
            ...resource,
            configuration: { ...(resource.configuration as object), InstanceType: 't3.large' },
          }
        : resource,
    );
    const third = await plugin.syncCloud('aws-test');
    expect(third).toMatchObject({ updated: 2, unchanged: 18 });
    // Per updated resource: one read of the previous version, three writes.
    expect(counter.counts.PUT).toBeLessThanOrEqual(2 * 3 + 9);
    const change = await plugin.inventoryResources.changes.get('aws-test:aws.ec2.instance:i-1:c1');
    expect(change).toMatchObject({
      kind: 'updated',
      fromVersion: 1,
      toVersion: 2,
      changedSections: ['configuration'],
    });
    expect(change.diff.updated['configuration.InstanceType']).toEqual({
      before: 't3.micro',
      after: 't3.large',
    });
  });

  test('a long first sync persists its index as it grows, at doubling sizes', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = Array.from({ length: 4500 }, (_, index) => instance(`i-${index}`));
    const indexWrites: string[] = [];
    const putObject = database.client.putObject.bind(database.client);
    database.client.putObject = async (parameters: { key: string }) => {
      if (parameters.key.includes('/index/')) indexWrites.push(parameters.key);
      return putObject(parameters);
    };
    const summary = await plugin.syncCloud('aws-test');
    expect(summary).toMatchObject({ created: 4500, status: 'succeeded' });
    // At 2,000 and 4,000 entries, then at the end, where 4,500 outgrow one shard of 4,000 entries:
    // a crash loses at most what the last half added.
    expect(indexWrites.map((key) => key.replace(/^.*\/index\/aws-test\//, ''))).toEqual([
      'g1-shard-0.json',
      'g1-shard-0.json',
      expect.stringMatching(/^g2-shard-[01]\.json$/),
      expect.stringMatching(/^g2-shard-[01]\.json$/),
    ]);
    expect(await plugin.syncCloud('aws-test')).toMatchObject({ created: 0, unchanged: 4500 });
  }, 60_000);

  test('a tag-only change is known as such', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = [instance('i-1')];
    await plugin.syncCloud('aws-test');
    ScriptedDriver.resources = [instance('i-1', { tags: { env: 'staging' } })];
    await plugin.syncCloud('aws-test');
    const change = await plugin.inventoryResources.changes.get('aws-test:aws.ec2.instance:i-1:c1');
    expect(change.changedSections).toEqual(['tags']);
    expect(change.diff.updated).toEqual({ 'tags.env': { before: 'prod', after: 'staging' } });
  });

  test('install and usePlugin both create exactly the configured resource names', async () => {
    const plugin = createPlugin({ resources: { snapshots: 'inv_snapshots', runs: 'inv_runs' } });
    await database.usePlugin(plugin, 'inventory');
    const names = Object.keys(database.resources);
    expect(names).toEqual(
      expect.arrayContaining([
        'inv_snapshots',
        'plg_cloud_inventory_versions',
        'plg_cloud_inventory_changes',
        'plg_cloud_inventory_clouds',
        'inv_runs',
      ]),
    );
    expect(names.some((name) => name.startsWith('plg_cloudinventory') || name.includes('--'))).toBe(
      false,
    );
    ScriptedDriver.resources = [instance('i-1')];
    await plugin.syncAll();
    expect(
      await database.resources.inv_snapshots.get('aws-test:aws.ec2.instance:i-1'),
    ).toMatchObject({ resourceId: 'i-1' });
  });

  test('runOnInstall syncs during install; dryRun writes nothing', async () => {
    ScriptedDriver.resources = [instance('i-1'), instance('i-2')];
    const counter = countRequests(database);
    const dry = new CloudInventoryPlugin({
      clouds: [{ id: 'aws-dry', driver: ScriptedDriver }],
      discovery: { dryRun: true, runOnInstall: false },
      redactionKey: 'x'.repeat(32),
    });
    await dry.install(database);
    counter.reset();
    const summary = await dry.syncCloud('aws-dry');
    expect(summary).toMatchObject({ created: 2, dryRun: true, status: 'succeeded' });
    expect(counter.writes).toBe(0);

    const live = new CloudInventoryPlugin({ clouds: [{ id: 'aws-live', driver: ScriptedDriver }] });
    await live.install(database);
    expect(
      await live.getResource({
        cloudId: 'aws-live',
        resourceType: 'aws.ec2.instance',
        resourceId: 'i-2',
      }),
    ).toMatchObject({ latestVersion: 1 });
  });

  test('syncAll runs clouds in parallel up to discovery.concurrency', async () => {
    let inFlight = 0;
    let maximum = 0;
    class SlowDriver extends BaseCloudDriver {
      async *listResources(): AsyncGenerator<CloudResource> {
        inFlight += 1;
        maximum = Math.max(maximum, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 40));
        inFlight -= 1;
        yield instance(`i-${this.id}`);
      }
    }
    const plugin = new CloudInventoryPlugin({
      clouds: Array.from({ length: 6 }, (_, index) => ({
        id: `slow-${index}`,
        driver: SlowDriver,
      })),
      discovery: { concurrency: 2, runOnInstall: false },
    });
    await plugin.install(database);
    const results = await plugin.syncAll();
    expect(results.map((result) => result.status)).toEqual(Array(6).fill('succeeded'));
    expect(maximum).toBe(2);
  });

  test('include/exclude and concurrency reach the driver; checkpoint and state persist and come back', async () => {
    class CheckpointDriver extends BaseCloudDriver {
      static seen: ListOptions[] = [];
      async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
        CheckpointDriver.seen.push(options);
        const page = ((options.runtime.checkpoint as { page?: number } | null)?.page ?? 0) + 1;
        options.runtime.emitProgress({ service: 'ec2', region: 'us-east-1' });
        options.runtime.emitRateLimit({ service: 'ec2', remaining: 5 });
        yield instance(`i-${page}`);
        options.runtime.emitCheckpoint({ page });
        options.runtime.emitState({ cursor: `after-${page}` });
      }
    }
    const plugin = new CloudInventoryPlugin({
      clouds: [{ id: 'cp', driver: CheckpointDriver }],
      discovery: { runOnInstall: false, include: ['ec2'], exclude: ['iam'], concurrency: 7 },
    });
    await plugin.install(database);
    await plugin.syncCloud('cp');
    const afterFirst = await plugin.getCloudSummary('cp');
    expect(afterFirst).toMatchObject({
      status: 'idle',
      checkpoint: { page: 1 },
      state: { cursor: 'after-1' },
      rateLimit: { remaining: 5 },
      lastRunStatus: 'succeeded',
    });
    await plugin.syncCloud('cp');
    expect(CheckpointDriver.seen[1]!.runtime.checkpoint).toEqual({ page: 1 });
    expect(CheckpointDriver.seen[1]!.runtime.state).toEqual({ cursor: 'after-1' });
    expect(CheckpointDriver.seen[0]).toMatchObject({
      include: ['ec2'],
      exclude: ['iam'],
      concurrency: 7,
      dryRun: false,
    });
    const summary = await plugin.getCloudSummary('cp');
    // i-1 was not listed again, but a filtered run with no scope reports deletes nothing.
    expect(summary).toMatchObject({
      checkpoint: { page: 2 },
      totalResources: 2,
      lastResult: { status: 'succeeded' },
    });
  });

  test('the summary after a failed run shows error; the driver error names the cloud', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    class BrokenDriver extends BaseCloudDriver {
      async initialize() {
        throw new Error('bad credentials for account');
      }
      async listResources() {
        return [];
      }
    }
    const broken = new CloudInventoryPlugin({
      clouds: [{ id: 'broken', driver: BrokenDriver }],
      discovery: { runOnInstall: false },
    });
    await broken.install(database);
    const result = await broken.syncCloud('broken');
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/broken/);
    expect(await broken.getCloudSummary('broken')).toMatchObject({
      status: 'error',
      lastRunStatus: 'failed',
    });
  });

  test('a second worker skips while the lock is held, or waits with lock.timeout', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    class GatedDriver extends BaseCloudDriver {
      async *listResources(): AsyncGenerator<CloudResource> {
        await gate;
        yield instance('i-1');
      }
    }
    const first = new CloudInventoryPlugin({
      clouds: [{ id: 'shared', driver: GatedDriver }],
      discovery: { runOnInstall: false },
    });
    const second = new CloudInventoryPlugin({
      clouds: [{ id: 'shared', driver: GatedDriver }],
      discovery: { runOnInstall: false },
    });
    const waiting = new CloudInventoryPlugin({
      clouds: [{ id: 'shared', driver: GatedDriver }],
      discovery: { runOnInstall: false },
      lock: { timeout: 5 },
    });
    await first.install(database);
    await second.install(database);
    await waiting.install(database);
    const running = first.syncCloud('shared');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const skipped = await second.syncCloud('shared');
    expect(skipped).toMatchObject({ status: 'skipped', skipped: true });
    expect(skipped.reason).toMatch(/another worker/);
    const waited = waiting.syncCloud('shared');
    setTimeout(release, 100);
    expect((await running).status).toBe('succeeded');
    expect(await waited).toMatchObject({ status: 'succeeded', unchanged: 1 });
  });

  test('a worker whose lock was taken over stops writing', async () => {
    class EndlessDriver extends BaseCloudDriver {
      async *listResources(): AsyncGenerator<CloudResource> {
        for (let index = 0; index < 1000; index += 1) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          yield instance(`i-${index}`);
        }
      }
    }
    const plugin = new CloudInventoryPlugin({
      clouds: [{ id: 'stolen', driver: EndlessDriver }],
      discovery: { runOnInstall: false },
      lock: { ttl: 0.3 },
    });
    await plugin.install(database);
    const running = plugin.syncCloud('stolen');
    await new Promise((resolve) => setTimeout(resolve, 60));
    // Another worker overwrites the lock (as after a takeover).
    await database.client.putObject({
      key: 'plugin=cloud-inventory/locks/stolen.json',
      body: JSON.stringify({
        owner: 'someone-else',
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      }),
    });
    const result = await running;
    expect(result.status).toBe('failed');
    expect(result.errors.lock?.[0]).toMatch(/Lost the lock on cloud stolen/);
    expect(result.processed).toBeLessThan(1000);
  });

  test('verbose logs go to the logger and nothing is printed to stdout', async () => {
    const lines: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    const stdout: string[] = [];
    process.stdout.write = ((chunk: string) => {
      stdout.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      const plugin = createPlugin({
        verbose: true,
        logger: {
          debug() {},
          info: (message: string) => lines.push(message),
          warn() {},
          error() {},
        },
      });
      await plugin.install(database);
      ScriptedDriver.resources = [instance('i-1')];
      await plugin.syncAll();
      const quiet = createPlugin();
      await quiet.install(database);
      await quiet.syncAll();
    } finally {
      process.stdout.write = original;
    }
    expect(lines.some((line) => line.startsWith('sync succeeded'))).toBe(true);
    expect(stdout.join('')).toBe('');
  });

  test('no background writes after syncCloud resolves', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = Array.from({ length: 50 }, (_, index) => instance(`i-${index}`));
    const counter = countRequests(database);
    await plugin.syncCloud('aws-test');
    const after = counter.writes;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(counter.writes).toBe(after);
  });
});
