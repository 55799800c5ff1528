// End to end through core: CloudInventoryPlugin on a memory:// database, the registered
// `mongodb-atlas` driver (and its `atlas` alias), the fake Atlas API with digest auth.
import '../src/index.ts';
import {
  type CloudInventoryPlugin,
  hasCloudDriver,
  resolveDriverName,
} from '@cloud-inventory/core';
import {
  type FakeProviderServer,
  installTestPlugin,
  stopTestPlugin,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startAtlasApi } from './atlas-test-helpers.ts';
import {
  type AtlasEstate,
  createAtlasEstate,
  hoursAgo,
  projectId,
} from './fixtures/atlas-estate.ts';
import { atlasCredentials } from './fixtures/atlas-fixtures.ts';

const cloudId = 'atlas';
const orders = {
  cloudId,
  resourceType: 'mongodb-atlas.cluster',
  resourceId: '6601a1b2c3d4e5f6a7b8c901',
};

describe('mongodb-atlas through the cloud inventory plugin', () => {
  let estate: AtlasEstate;
  let api: FakeProviderServer;
  let plugin: CloudInventoryPlugin;

  beforeEach(async () => {
    estate = createAtlasEstate();
    api = await startAtlasApi(estate);
    plugin = await installTestPlugin({
      clouds: [
        {
          id: cloudId,
          driver: 'atlas',
          credentials: { ...atlasCredentials },
          config: { endpoint: api.url, itemsPerPage: 2, retry: testRetryPolicy },
        },
      ],
    });
  });
  afterEach(async () => {
    await stopTestPlugin(plugin);
    await api.close();
  });

  test('registers as `mongodb-atlas` with the alias `atlas`', () => {
    expect(hasCloudDriver('mongodb-atlas')).toBe(true);
    expect(resolveDriverName('atlas')).toBe('mongodb-atlas');
  });

  test('syncs every type, versions one change, ignores volatile state, deletes a removed user, keeps old events', async () => {
    const first = await plugin.syncCloud(cloudId);
    expect(first).toMatchObject({ status: 'succeeded', created: 58, updated: 0, deleted: 0 });
    // Alert notification and integration keys are stored as keyed hashes, not as Atlas echoed them.
    const alert = await plugin.getVersion(
      { cloudId, resourceType: 'mongodb-atlas.alert', resourceId: '6606a1b2c3d4e5f6a7b8c901' },
      1,
    );
    expect(alert).not.toBeNull();
    const notifications = (alert!.configuration as { notifications: Record<string, string>[] })
      .notifications;
    expect(notifications[0]?.channelName).toBe('alerts');
    expect(notifications[0]?.apiToken).toBeTypeOf('string');
    expect(notifications[0]?.apiToken).not.toBe('****************************7c1f');
    const newRelic = await plugin.getVersion(
      { cloudId, resourceType: 'mongodb-atlas.integration', resourceId: `${projectId}/NEW_RELIC` },
      1,
    );
    const integration = newRelic!.configuration as Record<string, string>;
    expect(integration.accountId).toBe('0123456789abcdef0123456789abcdef01234567');
    expect(integration.writeToken).not.toBe('****************************cdef');

    // A real change on `orders`, only a transient state on `events`, a user removed, one new event.
    estate.clusters[0]!.tags = [{ key: 'team', value: 'payments' }];
    estate.clusters[1]!.stateName = 'UPDATING';
    const removed = estate.users.splice(0, 1)[0]!;
    estate.events.push({
      ...estate.events.at(-1)!,
      id: '6607a1b2c3d4e5f6a7b8c904',
      eventTypeName: 'CLUSTER_UPDATE_STARTED',
      created: hoursAgo(1),
    });
    api.reset();
    const second = await plugin.syncCloud(cloudId);
    expect(second).toMatchObject({ status: 'succeeded', created: 1, updated: 1, deleted: 1 });
    // The second run asked for events from the first run's newest event on.
    const minDates = api
      .requestsTo(`/api/atlas/v2/groups/${projectId}/events`)
      .filter((entry) => entry.status === 200)
      .map((entry) => entry.query.minDate);
    expect(minDates[0]).toBe(estate.events.at(-2)!.created);

    const history = await plugin.getHistory(orders);
    const update = history?.changes.find((change) => change.kind === 'updated');
    expect(JSON.stringify(update)).toContain('payments');
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'mongodb-atlas.user',
        resourceId: `${projectId}/${removed.databaseName}/${removed.username}`,
      }),
    ).toMatchObject({ status: 'deleted' });
    // Events the bounded listing did not return again are still active.
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'mongodb-atlas.event',
        resourceId: '6607a1b2c3d4e5f6a7b8c901',
      }),
    ).toMatchObject({ status: 'active' });
  });

  test('a removed snapshot is deleted while the schedules of the same service are listed too', async () => {
    await plugin.syncCloud(cloudId);
    estate.snapshots.orders!.splice(0, 1);
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'succeeded', deleted: 1 });
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'mongodb-atlas.backup',
        resourceId: '6602a1b2c3d4e5f6a7b8c901',
      }),
    ).toMatchObject({ status: 'deleted' });
  });

  test('denied alert configurations delete nothing of them, while other services still delete', async () => {
    await plugin.syncCloud(cloudId);
    estate.alertConfigs.splice(0, 1);
    estate.customRoles.splice(0, 1);
    api.injectFault({
      path: `/api/atlas/v2/groups/${projectId}/alertConfigs`,
      status: 403,
      times: Number.POSITIVE_INFINITY,
    });
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'partial', deleted: 1 });
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'mongodb-atlas.alert',
        resourceId: '6606a1b2c3d4e5f6a7b8c901',
      }),
    ).toMatchObject({ status: 'active' });
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'mongodb-atlas.customrole',
        resourceId: `${projectId}/ordersWriter`,
      }),
    ).toMatchObject({ status: 'deleted' });
  });
});
