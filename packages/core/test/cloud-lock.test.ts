import { afterEach, describe, expect, test } from 'vitest';
import { CloudLock, LockLostError } from '../src/index.ts';
import { fencedStore } from '../src/storage/fenced-writes.ts';
import { createObjectStore, type ObjectStore } from '../src/storage/object-store.ts';
import { createTestDatabase } from './helpers.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An object store whose lock writes fail (a storage outage for this worker only) when `failing`. */
function flakyLockStore(store: ObjectStore): ObjectStore & { failing: boolean } {
  const flaky = {
    failing: false,
    getJson: store.getJson.bind(store),
    delete: store.delete.bind(store),
    list: store.list.bind(store),
    putJson: async (
      key: string,
      value: unknown,
      condition?: { ifMatch?: string; ifNoneMatch?: string },
    ) => {
      if (flaky.failing && key.includes('/locks/')) throw new Error('503 SlowDown (injected)');
      return store.putJson(key, value, condition);
    },
  };
  return flaky;
}

const databases: any[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.disconnect().catch(() => {});
});

async function stores() {
  const database = await createTestDatabase();
  databases.push(database);
  return createObjectStore(database.client);
}

describe('CloudLock: one writer per cloud, whatever the clocks say', () => {
  for (const skewSeconds of [30, -30]) {
    test(`renewals fail, another worker (clock ${skewSeconds > 0 ? '+' : ''}${skewSeconds} s) takes over: the old holder makes zero writes after the takeover`, async () => {
      const shared = await stores();
      const storeA = flakyLockStore(shared);
      const ttlMs = 600;
      const lockA = await CloudLock.acquire(storeA, 'skewed', { ttlMs, timeoutMs: 0, owner: 'a' });
      expect(lockA).not.toBeNull();
      const writerA = fencedStore(storeA, lockA);
      const writesA: number[] = [];
      let refusedA: unknown;
      let stop = false;
      // Worker A keeps writing as a sync would, every few milliseconds, until its fence stops it.
      const loop = (async () => {
        for (let index = 0; !stop; index += 1) {
          try {
            await writerA.putJson(`data/a-${index}.json`, { index });
            writesA.push(performance.now());
          } catch (error) {
            refusedA = error;
            break;
          }
          await sleep(5);
        }
      })();
      await sleep(150);
      storeA.failing = true;
      const failedAt = performance.now();
      const lockB = await CloudLock.acquire(shared, 'skewed', {
        ttlMs,
        timeoutMs: 10_000,
        owner: 'b',
        pollMs: 20,
        now: () => Date.now() + skewSeconds * 1000,
      });
      const takenAt = performance.now();
      stop = true;
      await loop;
      expect(lockB).not.toBeNull();
      // B waited a whole TTL of A's unchanged lock by its own clock, not A's expiresAt.
      expect(takenAt - failedAt).toBeGreaterThanOrEqual(ttlMs * 0.9);
      expect(writesA.filter((at) => at >= takenAt)).toEqual([]);
      expect(writesA.length).toBeGreaterThan(5);
      expect(LockLostError.isInstance(refusedA)).toBe(true);
      expect((refusedA as Error).message).toMatch(/renewals failed.*503 SlowDown/);
      expect(lockA?.held).toBe(false);
      // A's release is conditional on the version it owned: B's lock stays.
      await lockA?.release();
      const current = await shared.getJson<{ owner: string; released?: boolean }>(
        CloudLock.key('skewed'),
      );
      expect(current?.value).toMatchObject({ owner: 'b' });
      expect(current?.value.released).toBeUndefined();
      await lockB?.release();
    });
  }

  test('a busy lock is not taken early when the taker’s clock runs 30 s ahead', async () => {
    const shared = await stores();
    const lockA = await CloudLock.acquire(shared, 'ahead', {
      ttlMs: 2000,
      timeoutMs: 0,
      owner: 'a',
    });
    const lockB = await CloudLock.acquire(shared, 'ahead', {
      ttlMs: 2000,
      timeoutMs: 300,
      owner: 'b',
      now: () => Date.now() + 30_000,
    });
    expect(lockB).toBeNull();
    expect(lockA?.held).toBe(true);
    await lockA?.release();
  });

  test('release writes a released lock with If-Match; the next worker takes it at once', async () => {
    const shared = await stores();
    const first = await CloudLock.acquire(shared, 'handover', { ttlMs: 60_000, timeoutMs: 0 });
    await first?.release();
    const stored = await shared.getJson<{ released?: boolean }>(CloudLock.key('handover'));
    expect(stored?.value.released).toBe(true);
    const second = await CloudLock.acquire(shared, 'handover', { ttlMs: 60_000, timeoutMs: 0 });
    expect(second).not.toBeNull();
    await second?.release();
  });

  test('a dead holder’s lock far past its expiry (beyond the clock-skew allowance) is taken without waiting a TTL', async () => {
    const shared = await stores();
    await shared.putJson(CloudLock.key('dead'), {
      cloudId: 'dead',
      owner: 'crashed-host:1:ab',
      acquiredAt: new Date(Date.now() - 3_600_000).toISOString(),
      expiresAt: new Date(Date.now() - 3_000_000).toISOString(),
      ttlMs: 600_000,
    });
    const started = performance.now();
    const lock = await CloudLock.acquire(shared, 'dead', { ttlMs: 60_000, timeoutMs: 0 });
    expect(lock).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
    await lock?.release();
  });
});
