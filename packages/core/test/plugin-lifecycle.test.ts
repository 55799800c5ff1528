import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from 's3db.js/lite';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  BaseCloudDriver,
  CloudInventoryPlugin,
  type CloudResource,
  type ListOptions,
} from '../src/index.ts';
import { createTestDatabase, instance } from './helpers.ts';

class SlowDriver extends BaseCloudDriver {
  static listed = 0;
  async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    for (let index = 0; index < 40; index += 1) {
      if (options.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
      SlowDriver.listed += 1;
      yield instance(`${this.id}-i-${index}`);
    }
  }
}

describe('plugin lifecycle', () => {
  let database: any;
  beforeEach(async () => {
    database = await createTestDatabase();
    SlowDriver.listed = 0;
  });
  afterEach(async () => {
    await database.disconnect();
  });

  test('stop waits for the sync in flight and syncAll starts no new cloud afterwards', async () => {
    const plugin = new CloudInventoryPlugin({
      clouds: [
        { id: 'a', driver: SlowDriver },
        { id: 'b', driver: SlowDriver },
        { id: 'c', driver: SlowDriver },
      ],
      discovery: { runOnInstall: false, concurrency: 1 },
    });
    await plugin.install(database);
    const all = plugin.syncAll();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await plugin.stop();
    const results = await all;
    expect(results.map((result) => result.status)).toEqual(['succeeded', 'skipped', 'skipped']);
    expect((await plugin.getCloudSummary('a'))?.totalResources).toBe(40);
    expect(await plugin.getCloudSummary('b')).toBeNull();
  });

  test('stop({ abort: true }) cancels the sync in flight; what it wrote is kept and not redone', async () => {
    const plugin = new CloudInventoryPlugin({
      clouds: [{ id: 'a', driver: SlowDriver }],
      discovery: { runOnInstall: false },
    });
    await plugin.install(database);
    const running = plugin.syncCloud('a');
    await new Promise((resolve) => setTimeout(resolve, 150));
    await plugin.stop({ abort: true });
    const cancelled = await running;
    expect(cancelled.status).toBe('failed');
    expect(cancelled.reason).toMatch(/cancelled/);
    const stored = cancelled.created;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(40);
    await plugin.start();
    const next = await plugin.syncCloud('a');
    expect(next).toMatchObject({ status: 'succeeded', created: 40 - stored, unchanged: stored });
  });

  test('long provider ids fit the file:// store', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'inventory-file-'));
    const fileDatabase = new Database({
      connectionString: `file://${directory}`,
      logLevel: 'silent',
      exitOnSignal: false,
    } as never);
    await fileDatabase.connect();
    try {
      const longId = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${'rg-production-'.repeat(4)}/providers/Microsoft.Network/networkSecurityGroups/${'nsg-frontend-'.repeat(6)}`;
      class AzureLikeDriver extends BaseCloudDriver {
        async listResources(): Promise<CloudResource[]> {
          return [
            {
              resourceType: 'azure.network.network-security-group',
              resourceId: longId,
              region: 'westeurope',
              configuration: { id: longId },
            },
          ];
        }
      }
      const plugin = new CloudInventoryPlugin({
        clouds: [{ id: 'azure-subscription-with-a-long-name', driver: AzureLikeDriver }],
        discovery: { runOnInstall: false },
      });
      await plugin.install(fileDatabase);
      expect(await plugin.syncCloud('azure-subscription-with-a-long-name')).toMatchObject({
        status: 'succeeded',
        created: 1,
      });
      const stored = await plugin.getResource({
        cloudId: 'azure-subscription-with-a-long-name',
        resourceType: 'azure.network.network-security-group',
        resourceId: longId,
      });
      expect(stored).toMatchObject({ resourceId: longId, latestVersion: 1 });
      expect(String(stored?.id).length).toBeLessThanOrEqual(180);
    } finally {
      await fileDatabase.disconnect();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
