import { describe, expect, test } from 'vitest';
import { countStorageRequests, createMemoryDatabase, destroyMemoryDatabase } from '../src/index.ts';

describe('memory database', () => {
  test('each call gets its own bucket, eviction off, no signal handlers', async () => {
    const first = await createMemoryDatabase();
    const second = await createMemoryDatabase();
    try {
      const firstClient = first.client as unknown as {
        bucket: string;
        storage: { evictionEnabled: boolean };
      };
      const secondClient = second.client as unknown as { bucket: string };
      expect(firstClient.bucket).not.toBe(secondClient.bucket);
      expect(firstClient.storage.evictionEnabled).toBe(false);
      expect(
        (first as unknown as { processManager: { options: { exitOnSignal: boolean } } })
          .processManager.options.exitOnSignal,
      ).toBe(false);
      await first.createResource({ name: 'notes', attributes: { text: 'string' } });
      await first.resources.notes!.insert({ id: 'n1', text: 'hello' });
      await second.createResource({ name: 'notes', attributes: { text: 'string' } });
      expect(await second.resources.notes!.count()).toBe(0);
      expect((await first.resources.notes!.get('n1')).text).toBe('hello');
    } finally {
      await destroyMemoryDatabase(first);
      await destroyMemoryDatabase(second);
    }
  });

  test('counts storage requests by kind, live, with reset and stop', async () => {
    const database = await createMemoryDatabase({ bucket: `counted-${Date.now()}` });
    try {
      await database.createResource({ name: 'items', attributes: { value: 'number' } });
      const counter = countStorageRequests(database);
      const items = database.resources.items!;
      await items.insert({ id: 'a', value: 1 });
      const afterInsert = counter.snapshot();
      expect(afterInsert.PUT).toBeGreaterThanOrEqual(1);
      await items.get('a');
      expect(counter.counts.GET).toBeGreaterThan(afterInsert.GET);
      await items.listIds();
      expect(counter.counts.LIST).toBeGreaterThanOrEqual(1);
      await items.delete('a');
      expect(counter.counts.DELETE).toBeGreaterThanOrEqual(1);
      const { GET, PUT, HEAD, LIST, DELETE, COPY, total } = counter.counts;
      expect(total).toBe(GET + PUT + HEAD + LIST + DELETE + COPY);

      // A composite call counts the requests it makes, once each.
      counter.reset();
      expect(counter.counts.total).toBe(0);
      const client = database.client as unknown as {
        moveObject(parameters: { from: string; to: string }): Promise<unknown>;
        putObject(parameters: object): Promise<unknown>;
      };
      await client.putObject({ key: 'x/one', body: 'a' });
      await client.moveObject({ from: 'x/one', to: 'x/two' });
      expect(counter.snapshot()).toEqual({
        GET: 0,
        PUT: 1,
        HEAD: 0,
        LIST: 0,
        DELETE: 1,
        COPY: 1,
        total: 3,
      });

      counter.stop();
      await items.insert({ id: 'b', value: 2 });
      expect(counter.counts.total).toBe(3);
    } finally {
      await destroyMemoryDatabase(database);
    }
  });
});
