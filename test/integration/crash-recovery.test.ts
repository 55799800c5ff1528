import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CloudInventoryPlugin, CloudLock } from '@cloud-inventory/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type EstateConfig, EstateDriver } from '../support/estate-driver.ts';
import { checkInvariants, lostVersions } from '../support/invariants.ts';
import {
  connectDatabase,
  createTempStore,
  testRedactionKey,
} from '../support/inventory-database.ts';
import { createRandom, randomInteger } from '../support/prng.ts';
import { killAllWorkers, startWorker } from '../support/worker-process.ts';

const trials = 20;
const seed = 0x5eed2026;
const cloudId = 'aws-crash';
const estate = (generation: number, delayMs: number): EstateConfig => ({
  // A few resources are added every generation, a third change, some are deleted and restored.
  accountId: '300000000000',
  count: 100 + generation * 2,
  generation,
  delayMs,
  checkpointEvery: 25,
});

describe(`a sync killed with SIGKILL at ${trials} seeded points`, () => {
  const store = createTempStore('crash');
  let database: any;

  const cleanPlugin = (generation: number) =>
    new CloudInventoryPlugin({
      clouds: [{ id: cloudId, driver: EstateDriver, config: estate(generation, 0) as never }],
      discovery: { runOnInstall: false },
      // The killed child's lock (ttl 1 s) must be seen unchanged for a TTL before the clean sync starts.
      lock: { ttl: 30, timeout: 10 },
      redactionKey: testRedactionKey,
    });

  beforeAll(async () => {
    database = await connectDatabase(store.connectionString);
  });
  afterAll(async () => {
    await killAllWorkers();
    await database?.disconnect().catch(() => {});
    store.remove();
  });

  test('the store stays consistent, the next sync resumes from the checkpoint, completed runs lose nothing', async () => {
    const random = createRandom(seed);
    const baseline = cleanPlugin(0);
    await baseline.install(database);
    expect(await baseline.syncCloud(cloudId)).toMatchObject({ status: 'succeeded', created: 100 });
    // Histories already verified are re-read only when their snapshot or record ids change; every
    // version read is kept and compared with a full re-read at the end.
    const cache = new Map<string, string>();
    const seenVersions = (await checkInvariants(baseline, cloudId, cache)).versionRecords;
    let completedIds = [...seenVersions.keys()];
    const outcomes: Array<{
      trial: number;
      killAfterMs: number;
      emitted: number;
      resumedFrom: number | null;
      killedAfterFinish: boolean;
    }> = [];

    // Each child connects while the previous trial runs, then waits for `go`.
    const spawnChild = (trial: number) =>
      startWorker({
        connectionString: store.connectionString,
        clouds: [{ id: cloudId, config: estate(trial, 8) }],
        only: [cloudId],
        // NOTE: 1 s, not less: a holder stops writing when its renewals (every ttl/3) lapse for 80%
        // of a TTL, and a loaded CI machine can stall a child's event loop for a few hundred ms.
        lock: { ttl: 1, timeout: 10 },
        redactionKey: testRedactionKey,
        waitForGo: true,
      });
    let next = spawnChild(1);
    for (let trial = 1; trial <= trials; trial += 1) {
      const killAfterMs = randomInteger(random, 0, 1200);
      const child = next;
      await child.waitFor((message) => message.type === 'ready');
      child.go();
      // The next child starts connecting now, so it is ready when this trial is checked.
      if (trial < trials) next = spawnChild(trial + 1);
      // Kill points are measured from the moment the driver starts listing.
      await child.waitFor((message) => message.type === 'listing-started');
      await new Promise((resolve) => setTimeout(resolve, killAfterMs));
      child.child.kill('SIGKILL');
      await child.exited;
      const emitted = child.messages
        .filter((message) => message.type === 'checkpoint-emitted')
        .map((message) => message.checkpoint);

      const plugin = cleanPlugin(trial);
      await plugin.install(database);
      const stored = ((await plugin.getCloudSummary(cloudId))?.checkpoint ?? null) as {
        position: number;
      } | null;
      EstateDriver.checkpointsSeen = [];
      const resumed = await plugin.syncCloud(cloudId);
      expect(resumed.status, `trial ${trial}: ${resumed.reason}`).toBe('succeeded');
      // The driver sees the checkpoint the killed run stored, one the killed run emitted.
      expect(EstateDriver.checkpointsSeen[0]?.checkpoint ?? null).toEqual(stored);
      if (stored) expect(emitted).toContainEqual(stored);
      // A resumed run lists only the rest; the next one lists everything.
      if (stored) {
        expect(await plugin.syncCloud(cloudId)).toMatchObject({ status: 'succeeded' });
        expect(EstateDriver.checkpointsSeen[1]?.checkpoint).toBeNull();
      }

      const verified = await plugin.verify({ cloudId });
      expect(verified.problems, `trial ${trial}: verify`).toEqual([]);
      const report = await checkInvariants(plugin, cloudId, cache);
      expect(
        report.violations,
        `trial ${trial} (killed ${killAfterMs} ms into the listing)`,
      ).toEqual([]);
      const present = new Set(report.versionIds);
      expect(
        completedIds.filter((id) => !present.has(id)),
        `trial ${trial}: versions of completed runs vanished`,
      ).toEqual([]);
      for (const [id, text] of report.versionRecords) {
        if (seenVersions.has(id))
          expect(text, `trial ${trial}: ${id} changed`).toBe(seenVersions.get(id));
        else seenVersions.set(id, text);
      }
      completedIds = report.versionIds;
      const killedAfterFinish = child.messages.some((message) => message.type === 'summary');
      outcomes.push({
        trial,
        killAfterMs,
        emitted: emitted.length,
        resumedFrom: stored?.position ?? null,
        killedAfterFinish,
      });
    }
    const finalPlugin = cleanPlugin(trials);
    await finalPlugin.install(database);
    const final = await checkInvariants(finalPlugin, cloudId);
    expect(final.violations).toEqual([]);
    expect(lostVersions(seenVersions, final.versionRecords)).toEqual([]);
    // The seeded delays hit both early kills (no checkpoint stored yet) and resumable ones.
    expect(outcomes.some((outcome) => outcome.resumedFrom === null)).toBe(true);
    expect(outcomes.some((outcome) => outcome.resumedFrom !== null)).toBe(true);
  }, 110_000);

  test('a write torn by a kill (object body without its metadata) neither skips a version nor blocks the lock', async () => {
    const torn = createTempStore('torn');
    const tornDatabase = await connectDatabase(torn.connectionString);
    try {
      const make = (generation: number) =>
        new CloudInventoryPlugin({
          clouds: [
            {
              id: 'aws-torn',
              driver: EstateDriver,
              config: { accountId: '3', count: 6, generation } as never,
            },
          ],
          discovery: { runOnInstall: false },
          lock: { timeout: 2 },
          redactionKey: testRedactionKey,
        });
      const first = make(0);
      await first.install(tornDatabase);
      expect((await first.syncCloud('aws-torn')).status).toBe('succeeded');
      // What s3db.js's file client leaves when killed between writing a body and its metadata.
      const plant = (key: string) => {
        const path = join(torn.path, key);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, '{"torn":true}');
      };
      plant('resource=plg_cloud_inventory_versions/data/id=aws-torn:aws.ec2.instance:i-00000:v2');
      plant(CloudLock.key('aws-torn'));
      const second = make(1);
      await second.install(tornDatabase);
      expect(await second.syncCloud('aws-torn')).toMatchObject({ status: 'succeeded', updated: 2 });
      const history = await second.getHistory({
        cloudId: 'aws-torn',
        resourceType: 'aws.ec2.instance',
        resourceId: 'i-00000',
      });
      expect(history?.versions.map((version) => version.version)).toEqual([1, 2]);
      expect((await checkInvariants(second, 'aws-torn')).violations).toEqual([]);
    } finally {
      await tornDatabase.disconnect().catch(() => {});
      torn.remove();
    }
  });
});
