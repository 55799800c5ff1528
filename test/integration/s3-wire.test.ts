import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  BaseCloudDriver,
  CloudInventoryPlugin,
  CloudLock,
  type CloudResource,
  type ListOptions,
} from '@cloud-inventory/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { estateResource, slotChanges } from '../support/estate-driver.ts';
import { checkInvariants } from '../support/invariants.ts';
import {
  connectDatabase,
  createTempStore,
  testRedactionKey,
} from '../support/inventory-database.ts';
import { objectStoreOf } from '../support/object-store-access.ts';
import { type S3Proxy, startS3Proxy } from '../support/s3-proxy.ts';
import { createS3Client, type LocalS3Server, startS3Server } from '../support/s3-server.ts';

/** A driver whose listing the test sets between runs. */
class WireDriver extends BaseCloudDriver {
  static resources: CloudResource[] = [];
  static gate: Promise<void> | undefined;
  async *listResources(_options: ListOptions): AsyncGenerator<CloudResource> {
    if (WireDriver.gate) await WireDriver.gate;
    yield* WireDriver.resources;
  }
}

const estate = (count: number, generation: number) =>
  Array.from({ length: count }, (_, index) =>
    estateResource('111122223333', index, generation),
  ).filter((resource): resource is CloudResource => resource !== null);

describe('real S3 wire path (fauxqs on 127.0.0.1)', () => {
  let server: LocalS3Server;
  let conditional: S3Proxy;
  const databases: any[] = [];
  const connect = async (connectionString: string) => {
    const database = await connectDatabase(connectionString);
    databases.push(database);
    return database;
  };

  beforeAll(async () => {
    server = await startS3Server();
    conditional = await startS3Proxy({ target: server.endpoint, conditionalWrites: true });
  });
  afterAll(async () => {
    for (const database of databases) await database.disconnect().catch(() => {});
    await conditional?.stop();
    await server?.stop();
  });

  test('measured: the server ignores If-None-Match and If-Match on PutObject; the emulating proxy refuses with 412', async () => {
    const key = 'probe/conditional.txt';
    const put = (
      client: ReturnType<typeof createS3Client>,
      body: string,
      condition: { IfNoneMatch?: string; IfMatch?: string } = {},
    ) =>
      client.send(
        new PutObjectCommand({ Bucket: server.bucket, Key: key, Body: body, ...condition }),
      );
    const read = async () =>
      (
        await server.client.send(new GetObjectCommand({ Bucket: server.bucket, Key: key }))
      ).Body?.transformToString();

    await put(server.client, 'one');
    // fauxqs 2.4.1 accepts both conditional writes and overwrites the object (no 412).
    await expect(put(server.client, 'two', { IfNoneMatch: '*' })).resolves.toBeDefined();
    expect(await read()).toBe('two');
    await expect(
      put(server.client, 'three', { IfMatch: '"00000000000000000000000000000000"' }),
    ).resolves.toBeDefined();
    expect(await read()).toBe('three');

    const viaProxy = createS3Client(conditional.endpoint);
    const refusedNoneMatch = await put(viaProxy, 'four', { IfNoneMatch: '*' }).catch(
      (error) => error,
    );
    expect(refusedNoneMatch).toMatchObject({
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
    const refusedStale = await put(viaProxy, 'four', {
      IfMatch: '"00000000000000000000000000000000"',
    }).catch((error) => error);
    expect(refusedStale).toMatchObject({ $metadata: { httpStatusCode: 412 } });
    expect(await read()).toBe('three');
    const current = await server.client.send(
      new HeadObjectCommand({ Bucket: server.bucket, Key: key }),
    );
    await expect(put(viaProxy, 'five', { IfMatch: current.ETag as string })).resolves.toBeDefined();
    expect(await read()).toBe('five');
    viaProxy.destroy();
  });

  test('the per-cloud lock is exclusive on memory://, file:// and S3 with conditional writes, not on the bare server', async () => {
    const fileStore = createTempStore('lock');
    try {
      const backends: Array<[string, string, boolean]> = [
        ['memory', 'memory://lock-test/inventory', true],
        ['file', fileStore.connectionString, true],
        [
          's3 via conditional proxy',
          server.connectionString({ endpoint: conditional.endpoint }),
          true,
        ],
        ['bare fauxqs', server.connectionString(), false],
      ];
      for (const [name, connectionString, exclusive] of backends) {
        const first = await connect(connectionString);
        const second = connectionString.startsWith('memory:')
          ? first
          : await connect(connectionString);
        const storeA = await objectStoreOf(first);
        const storeB = await objectStoreOf(second);
        const cloudId = `lock-${name.replace(/\W+/g, '-')}`;
        // Both workers race for a free lock: each reads it absent, then creates it conditionally.
        const [lockA, lockB] = await Promise.all([
          CloudLock.acquire(storeA, cloudId, { ttlMs: 5000, timeoutMs: 0, owner: 'worker-a' }),
          CloudLock.acquire(storeB, cloudId, { ttlMs: 5000, timeoutMs: 0, owner: 'worker-b' }),
        ]);
        const holders = [lockA, lockB].filter((lock) => lock !== null).length;
        if (exclusive) expect(holders, `${name}: exactly one worker gets the lock`).toBe(1);
        // The bare server ignores the conditions (measured above): nothing stops both holding it.
        else expect(holders, name).toBeGreaterThanOrEqual(1);
        await lockB?.release();
        await lockA?.release();
        // Once released, the other worker gets it.
        const again = await CloudLock.acquire(storeB, cloudId, {
          ttlMs: 5000,
          timeoutMs: 0,
          owner: 'worker-b',
        });
        expect(again, name).not.toBeNull();
        await again?.release();
      }
    } finally {
      fileStore.remove();
    }
  });

  test('syncs, history, paging, change logs, time travel and locks over the S3 wire', async () => {
    const database = await connect(
      server.connectionString({ endpoint: conditional.endpoint, bucket: server.bucket }),
    );
    const plugin = new CloudInventoryPlugin({
      clouds: [{ id: 'aws-wire', driver: WireDriver, config: { accountId: '111122223333' } }],
      discovery: { runOnInstall: false },
      redactionKey: testRedactionKey,
    });
    await plugin.install(database);
    const count = 180;
    WireDriver.resources = estate(count, 0);
    const first = await plugin.syncCloud('aws-wire');
    expect(first).toMatchObject({ status: 'succeeded', created: count, updated: 0 });
    const afterFirst = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));

    WireDriver.resources = estate(count, 1);
    const second = await plugin.syncCloud('aws-wire');
    const updatedExpected = estate(count, 1).filter((resource) =>
      slotChanges(Number(resource.resourceId.slice(2))),
    ).length;
    const deletedExpected = count - estate(count, 1).length;
    expect(second).toMatchObject({
      status: 'succeeded',
      created: 0,
      updated: updatedExpected,
      deleted: deletedExpected,
    });
    WireDriver.resources = estate(count, 1);
    expect(await plugin.syncCloud('aws-wire')).toMatchObject({
      status: 'succeeded',
      unchanged: estate(count, 1).length,
      created: 0,
      updated: 0,
      deleted: 0,
    });

    const history = await plugin.getHistory({
      cloudId: 'aws-wire',
      resourceType: 'aws.ec2.instance',
      resourceId: 'i-00005',
    });
    expect(history?.versions.map((version) => version.version)).toEqual([1, 2]);
    expect(history?.changes.map((change) => change.kind)).toEqual(['created', 'updated']);
    expect((history!.changes[1] as any).diff.updated['configuration.InstanceType']).toEqual({
      before: 't3.micro',
      after: 't3.small',
    });

    // Paging: every active resource exactly once across pages of 40.
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await plugin.listResources(
        { cloudId: 'aws-wire' },
        { limit: 40, ...(cursor ? { cursor } : {}) },
      );
      seen.push(...page.items.map((item) => item.resourceId as string));
      cursor = page.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(estate(count, 1).length / 40));
    expect(seen.sort()).toEqual(
      estate(count, 1)
        .map((resource) => resource.resourceId)
        .sort(),
    );
    const deleted = await plugin.listResources(
      { cloudId: 'aws-wire', status: 'deleted' },
      { limit: 100 },
    );
    expect(deleted.items.map((item) => item.resourceId).sort()).toEqual(
      [
        'i-00001',
        'i-00024',
        'i-00047',
        'i-00070',
        'i-00093',
        'i-00116',
        'i-00139',
        'i-00162',
      ].slice(0, deletedExpected),
    );

    const updates = await plugin.listChanges({
      cloudId: 'aws-wire',
      since: afterFirst,
      kind: 'updated',
    });
    expect(updates.items).toHaveLength(updatedExpected);
    const past = await plugin.inventoryAt(
      afterFirst,
      { cloudId: 'aws-wire' },
      { withConfiguration: true },
    );
    expect(past).toHaveLength(count);
    expect(
      (past.find((entry) => entry.resourceId === 'i-00005')!.configuration as any).InstanceType,
    ).toBe('t3.micro');
    expect(
      (past.find((entry) => entry.resourceId === 'i-00001') as any).deletedSince,
    ).toBeDefined();

    const runs = await plugin.listRuns('aws-wire');
    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);

    // A second worker on the same bucket skips while the first holds the lock.
    let open: () => void = () => {};
    WireDriver.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const otherDatabase = await connect(
      server.connectionString({ endpoint: conditional.endpoint }),
    );
    const other = new CloudInventoryPlugin({
      clouds: [{ id: 'aws-wire', driver: WireDriver }],
      discovery: { runOnInstall: false },
      redactionKey: testRedactionKey,
    });
    await other.install(otherDatabase);
    const running = plugin.syncCloud('aws-wire');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await other.syncCloud('aws-wire')).toMatchObject({ status: 'skipped', skipped: true });
    open();
    WireDriver.gate = undefined;
    expect((await running).status).toBe('succeeded');

    const report = await checkInvariants(plugin, 'aws-wire');
    expect(report.violations).toEqual([]);
    expect(report.snapshots).toBe(count);
  });
});
