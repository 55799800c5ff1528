// End to end through core: CloudInventoryPlugin on a memory:// database, the registered `hetzner`
// driver, the fake Hetzner API. Versions, updates, deletions and failed scopes as a user sees them.
import '../src/index.ts';
import { type CloudInventoryPlugin, hasCloudDriver } from '@cloud-inventory/core';
import {
  type FakeProviderServer,
  installTestPlugin,
  stopTestPlugin,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createHetznerEstate, type HetznerEstate } from './fixtures/hetzner-estate.ts';
import { hetznerCredentials } from './fixtures/hetzner-fixtures.ts';
import { startHetznerApi } from './hetzner-test-helpers.ts';

const cloudId = 'hetzner';
const server42 = { cloudId, resourceType: 'hetzner.server', resourceId: '42' };

describe('hetzner through the cloud inventory plugin', () => {
  let estate: HetznerEstate;
  let api: FakeProviderServer;
  let plugin: CloudInventoryPlugin;

  beforeEach(async () => {
    estate = createHetznerEstate();
    api = await startHetznerApi(estate);
    plugin = await installTestPlugin({
      clouds: [
        {
          driver: 'hetzner',
          credentials: { token: hetznerCredentials.token },
          config: { endpoint: `${api.url}/v1`, perPage: 2, retry: testRetryPolicy },
        },
      ],
    });
  });
  afterEach(async () => {
    await stopTestPlugin(plugin);
    await api.close();
  });

  test('registers as `hetzner`', () => {
    expect(hasCloudDriver('hetzner')).toBe(true);
  });

  test('syncs, records an update, ignores volatile counters, and marks a removed server deleted', async () => {
    const first = await plugin.syncCloud(cloudId);
    expect(first).toMatchObject({ status: 'succeeded', created: 39, updated: 0, deleted: 0 });
    const subnet = await plugin.getResource({
      cloudId,
      resourceType: 'hetzner.network.subnet',
      resourceId: '4711/10.0.1.0/24',
    });
    expect(subnet).toMatchObject({ resourceId: '4711/10.0.1.0/24', status: 'active' });

    // A real change on web-1 and only traffic counters (volatile) on db-1.
    estate.servers[0]!.labels = { env: 'prod', role: 'web', tier: 'frontend' };
    estate.servers[0]!.server_type = { ...estate.servers[0]!.server_type, name: 'cx32' };
    estate.servers[2]!.outgoing_traffic += 123_456;
    estate.servers[2]!.ingoing_traffic += 654_321;
    const second = await plugin.syncCloud(cloudId);
    expect(second).toMatchObject({ status: 'succeeded', created: 0, updated: 1, deleted: 0 });
    const history = await plugin.getHistory(server42);
    const update = history?.changes.find((change) => change.kind === 'updated') as {
      diff: { added: Record<string, unknown>; updated: Record<string, unknown> };
    };
    expect(update.diff.updated['configuration.server_type.name']).toEqual({
      before: 'cx22',
      after: 'cx32',
    });
    expect(JSON.stringify(update.diff)).toContain('tier');

    const removed = estate.servers.splice(3, 1)[0]!;
    const third = await plugin.syncCloud(cloudId);
    expect(third).toMatchObject({ status: 'succeeded', deleted: 1, updated: 0 });
    const gone = await plugin.getResource({
      cloudId,
      resourceType: 'hetzner.server',
      resourceId: String(removed.id),
    });
    expect(gone).toMatchObject({ status: 'deleted' });
  });

  test('a servers endpoint failing for good deletes nothing in servers, while other services still do', async () => {
    await plugin.syncCloud(cloudId);
    estate.servers.splice(1, 1);
    estate.sshKeys.splice(2, 1);
    api.injectFault({ service: 'servers', status: 500, times: Number.POSITIVE_INFINITY });
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'partial', deleted: 1 });
    expect(summary.errors.server?.length).toBeGreaterThan(0);
    for (const id of ['42', '43', '44', '45']) {
      const snapshot = await plugin.getResource({
        cloudId,
        resourceType: 'hetzner.server',
        resourceId: id,
      });
      expect(snapshot, id).toMatchObject({ status: 'active' });
    }
    expect(
      await plugin.getResource({ cloudId, resourceType: 'hetzner.ssh-key', resourceId: '2003' }),
    ).toMatchObject({ status: 'deleted' });

    // Once the endpoint answers again, the server that is really gone is marked deleted.
    api.clearFaults();
    const recovered = await plugin.syncCloud(cloudId);
    expect(recovered).toMatchObject({ status: 'succeeded', deleted: 1 });
    expect(
      await plugin.getResource({ cloudId, resourceType: 'hetzner.server', resourceId: '43' }),
    ).toMatchObject({ status: 'deleted' });
  });
});
