import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CloudInventoryPlugin } from '../src/index.ts';
import { createTestDatabase, instance, ScriptedDriver } from './helpers.ts';

describe('inventoryAt agrees with listResources', () => {
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

  test('every filter listResources takes, and records of the same shape as a current export', async () => {
    const plugin = new CloudInventoryPlugin({
      clouds: [{ id: 'aws-test', driver: ScriptedDriver, config: { accountId: '1' } }],
      discovery: { runOnInstall: false },
    });
    await plugin.install(database);
    ScriptedDriver.resources = [
      instance('i-1', { tags: { env: 'prod' } }),
      instance('i-2', { tags: { env: 'dev' }, region: 'eu-west-1' }),
      instance('i-3', { labels: { team: 'data' } }),
    ];
    await plugin.syncCloud('aws-test');
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 10));
    ScriptedDriver.resources = [instance('i-1', { tags: { env: 'staging' } }), instance('i-3')];
    await plugin.syncCloud('aws-test');

    const driver = (await plugin.listResources({ cloudId: 'aws-test' })).items[0]?.driver as string;
    const ids = async (filter: Record<string, unknown>) =>
      (await plugin.inventoryAt(before, filter)).map((entry) => entry.resourceId).sort();
    expect(await ids({ driver })).toEqual(['i-1', 'i-2', 'i-3']);
    expect(await ids({ driver: 'other' })).toEqual([]);
    expect(await ids({ region: 'eu-west-1' })).toEqual(['i-2']);
    expect(await ids({ tags: { env: 'prod' } })).toEqual(['i-1', 'i-3']);
    expect(await ids({ tags: { team: 'data' } })).toEqual(['i-3']);
    expect(await ids({ name: 'I-2' })).toEqual(['i-2']);
    expect(await ids({ status: 'deleted' })).toEqual(['i-2']);
    expect(await ids({ status: 'active' })).toEqual(['i-1', 'i-3']);

    const [past] = await plugin.inventoryAt(before, { name: 'i-1' });
    const [current] = (await plugin.listResources({ cloudId: 'aws-test', name: 'i-1' })).items;
    const exportFields = [
      'id',
      'cloudId',
      'driver',
      'accountId',
      'resourceType',
      'resourceId',
      'service',
      'region',
      'name',
      'status',
      'latestVersion',
      'firstSeenAt',
      'lastChangedAt',
      'tags',
      'labels',
    ];
    for (const field of exportFields) expect(past, field).toHaveProperty(field);
    expect(past).toMatchObject({
      id: current?.id,
      driver: current?.driver,
      firstSeenAt: current?.firstSeenAt,
      latestVersion: 1,
      tags: { env: 'prod' },
      status: 'active',
    });
    expect(current).toMatchObject({ latestVersion: 2, tags: { env: 'staging' } });
  });
});
