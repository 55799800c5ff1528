import { CloudInventoryPlugin } from '@cloud-inventory/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EstateDriver, onEstateEvent, slotChanges, slotExists } from '../support/estate-driver.ts';
import { checkInvariants } from '../support/invariants.ts';
import { connectDatabase, testRedactionKey } from '../support/inventory-database.ts';
import { type S3Proxy, startS3Proxy } from '../support/s3-proxy.ts';
import { type LocalS3Server, startS3Server } from '../support/s3-server.ts';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

describe('storage faults between the engine and S3 (fault-injecting proxy)', () => {
  let server: LocalS3Server;
  let proxy: S3Proxy;
  const databases: any[] = [];

  const plugin = async (
    cloudId: string,
    generation: number,
    extra: Record<string, unknown> = {},
  ) => {
    const database = await connectDatabase(server.connectionString({ endpoint: proxy.endpoint }));
    databases.push(database);
    const instance = new CloudInventoryPlugin({
      clouds: [
        {
          id: cloudId,
          driver: EstateDriver,
          config: {
            accountId: '400000000000',
            count: 120,
            generation,
            checkpointEvery: 1000,
          } as never,
        },
      ],
      discovery: { runOnInstall: false },
      redactionKey: testRedactionKey,
      ...extra,
    });
    await instance.install(database);
    return instance;
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = await startS3Server('faults');
    proxy = await startS3Proxy({ target: server.endpoint, conditionalWrites: true });
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    for (const database of databases) await database.disconnect().catch(() => {});
    await proxy?.stop();
    await server?.stop();
  });

  test('20% of requests fail (500, 503 SlowDown, slow, reset before and after the server saw them): syncs retry and finish', async () => {
    const first = await plugin('aws-faulty', 0, { lock: { ttl: 3 } });
    proxy.setFaults({
      share: 0.2,
      kinds: ['internal-error', 'slow-down', 'slow', 'reset', 'reset-after-forward'],
      seed: 7,
      slowMs: 150,
    });
    const before = { ...proxy.stats.faults };
    const retriesBefore = proxy.stats.sdkRetries;
    expect(await first.syncCloud('aws-faulty')).toMatchObject({
      status: 'succeeded',
      created: 120,
    });
    const second = await plugin('aws-faulty', 1, { lock: { ttl: 3 } });
    const slots = Array.from({ length: 120 }, (_, index) => index);
    const updated = slots.filter((index) => slotChanges(index) && slotExists(index, 1)).length;
    const deleted = slots.filter((index) => !slotExists(index, 1)).length;
    expect(await second.syncCloud('aws-faulty')).toMatchObject({
      status: 'succeeded',
      created: 0,
      updated,
      deleted,
    });
    proxy.setFaults(null);
    const injected = Object.fromEntries(
      Object.entries(proxy.stats.faults).map(([kind, count]) => [
        kind,
        count - (before[kind as keyof typeof before] ?? 0),
      ]),
    );
    for (const kind of ['internal-error', 'slow-down', 'slow', 'reset', 'reset-after-forward'])
      expect(injected[kind], kind).toBeGreaterThan(0);
    // The AWS SDK inside s3db.js retried (attempt=2+ headers seen by the proxy).
    expect(proxy.stats.sdkRetries - retriesBefore).toBeGreaterThan(0);

    const report = await checkInvariants(second, 'aws-faulty');
    expect(report.violations).toEqual([]);
    expect(report.snapshots).toBe(120);
    expect((await second.listRuns('aws-faulty')).map((run) => run.status)).toEqual([
      'succeeded',
      'succeeded',
    ]);
  }, 90_000);

  test('a lock write whose response is lost is still ours (acquire and renewal)', async () => {
    const instance = await plugin('aws-lost-lock', 0, { lock: { ttl: 1.5 } });
    // Every lock write reaches the server, but its response is cut: the SDK retries, and the
    // retry fails its own If-None-Match / If-Match.
    proxy.setFaults({
      share: 1,
      kinds: ['reset-after-forward'],
      seed: 1,
      match: /^PUT .*\/locks\//,
      limit: 3,
    });
    const summary = await instance.syncCloud('aws-lost-lock');
    proxy.setFaults(null);
    expect(summary).toMatchObject({ status: 'succeeded', created: 120 });
    expect(proxy.stats.preconditionFailures).toBeGreaterThan(0);
  }, 60_000);

  test('storage down mid-sync (100% failures): the run ends failed with the storage error, nothing crashes, the next sync repairs', async () => {
    // The failed worker cannot release its lock while storage is down; the TTL frees it.
    const instance = await plugin('aws-outage', 0, { lock: { ttl: 2 } });
    let listed = 0;
    const stop = onEstateEvent((event) => {
      if (event.type === 'listed' && event.cloudId === 'aws-outage') {
        listed += 1;
        if (listed === 40)
          proxy.setFaults({ share: 1, kinds: ['slow-down', 'internal-error', 'reset'], seed: 3 });
      }
    });
    const summary = await instance.syncCloud('aws-outage');
    stop();
    proxy.setFaults(null);
    expect(['failed', 'partial']).toContain(summary.status);
    expect(summary.errors.storage?.[0]).toMatch(/Storage failed to (write|read)/);
    expect(summary.reason).toMatch(/aws-outage/);

    const repaired = await plugin('aws-outage', 0, { lock: { ttl: 30, timeout: 10 } });
    expect(await repaired.syncCloud('aws-outage')).toMatchObject({ status: 'succeeded' });
    const report = await checkInvariants(repaired, 'aws-outage');
    expect(report.violations).toEqual([]);
    expect(report.snapshots).toBe(120);
    const runs = await repaired.listRuns('aws-outage');
    // The failed run's record was written when storage came back, or the next run found it still
    // `running` with its lock gone and marked it `interrupted`.
    expect(['failed', 'interrupted']).toContain(runs[1]?.status);
    expect(runs[0]?.status).toBe('succeeded');
    expect(unhandled).toEqual([]);
  }, 90_000);
});
