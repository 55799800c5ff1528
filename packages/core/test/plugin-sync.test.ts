import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CloudInventoryPlugin } from '../src/index.ts';
import { countRequests, createTestDatabase, instance, ScriptedDriver } from './helpers.ts';

describe('syncCloud', () => {
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
    new CloudInventoryPlugin({ clouds: [{ id: 'aws-test', driver: ScriptedDriver, config: { accountId: '111122223333' } }], discovery: { runOnInstall: false }, ...extra });

  test('creates snapshots, versions and changes; unchanged costs no writes; updates diff', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = [instance('i-1'), instance('i-2')];
    const first = await plugin.syncCloud('aws-test');
    expect(first).toMatchObject({ cloudId: 'aws-test', created: 2, updated: 0, unchanged: 0, deleted: 0, status: 'succeeded' });

    const snapshot = await plugin.inventoryResources.snapshots.get('aws-test:aws.ec2.instance:i-1');
    expect(snapshot).toMatchObject({ latestVersion: 1, status: 'active', changelogSize: 1, resourceId: 'i-1' });
    expect(snapshot.latestDigest).toMatch(/^[0-9a-f]{64}$/);

    const counter = countRequests(database);
    const second = await plugin.syncCloud('aws-test');
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    // lock PUT + summary PUT x2 + run PUT x2 + lock release; nothing per resource
    expect(counter.counts.PUT).toBeLessThanOrEqual(6);

    ScriptedDriver.resources = [instance('i-1', { configuration: { InstanceId: 'i-1', InstanceType: 't3.large', State: { Name: 'running' } } }), instance('i-2')];
    const third = await plugin.syncCloud('aws-test');
    expect(third).toMatchObject({ updated: 1, unchanged: 1 });
    const change = await plugin.inventoryResources.changes.get('aws-test:aws.ec2.instance:i-1:c2');
    expect(change.kind).toBe('updated');
    expect(change.diff.updated['configuration.InstanceType']).toEqual({ before: 't3.micro', after: 't3.large' });
  });
});
