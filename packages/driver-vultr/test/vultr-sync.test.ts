// End to end through core: CloudInventoryPlugin on a memory:// database, the registered `vultr`
// driver, the fake Vultr API. Versions, updates, deletions and failed steps as a user sees them.
import '../src/index.ts';
import { type CloudInventoryPlugin, hasCloudDriver } from '@cloud-inventory/core';
import {
  type FakeProviderServer,
  installTestPlugin,
  stopTestPlugin,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createVultrEstate, estateCounts, type VultrEstate } from './fixtures/vultr-estate.ts';
import { vultrCredentials } from './fixtures/vultr-fixtures.ts';
import { startVultrApi } from './vultr-test-helpers.ts';

const cloudId = 'vultr';
const web1 = {
  cloudId,
  resourceType: 'vultr.instance',
  resourceId: 'cb676a46-66fd-4dfb-b839-443f2e6c0b60',
};

function total(estate: VultrEstate): number {
  return Object.values(estateCounts(estate)).reduce((sum, count) => sum + count, 0);
}

describe('vultr through the cloud inventory plugin', () => {
  let estate: VultrEstate;
  let api: FakeProviderServer;
  let plugin: CloudInventoryPlugin;

  beforeEach(async () => {
    estate = createVultrEstate();
    api = await startVultrApi(estate);
    plugin = await installTestPlugin({
      clouds: [
        {
          driver: 'vultr',
          credentials: { apiKey: vultrCredentials.apiKey },
          config: {
            endpoint: `${api.url}/v2`,
            perPage: 2,
            requestsPerSecond: 30,
            retry: testRetryPolicy,
          },
        },
      ],
    });
  });
  afterEach(async () => {
    await stopTestPlugin(plugin);
    await api.close();
  });

  test('registers as `vultr`', () => {
    expect(hasCloudDriver('vultr')).toBe(true);
  });

  test('creates every resource, then versions exactly one change and deletes exactly one volume', async () => {
    const first = await plugin.syncCloud(cloudId);
    expect(first).toMatchObject({
      status: 'succeeded',
      created: total(estate),
      updated: 0,
      deleted: 0,
    });

    // One real change (web-1's plan); only volatile fields elsewhere.
    estate.instances[0]!.plan = 'vc2-2c-4gb';
    estate.instances[1]!.server_status = 'locked';
    estate.firewallGroups[0]!.instance_count = 7;
    estate.databases[0]!.latest_backup = '2025-11-03 12:58:18';
    const removed = estate.blocks.splice(1, 1)[0]!;
    const second = await plugin.syncCloud(cloudId);
    expect(second).toMatchObject({ status: 'succeeded', created: 0, updated: 1, deleted: 1 });

    const history = await plugin.getHistory(web1);
    const update = history?.changes.find((change) => change.kind === 'updated') as {
      diff: { updated: Record<string, unknown> };
    };
    expect(update.diff.updated).toEqual({
      'configuration.plan': { before: 'vc2-1c-2gb', after: 'vc2-2c-4gb' },
    });
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'vultr.blockstorage.volume',
        resourceId: removed.id,
      }),
    ).toMatchObject({ status: 'deleted' });
  });

  test('secrets are stored as keyed hashes, never in clear', async () => {
    await plugin.syncCloud(cloudId);
    const storage = await plugin.getResource({
      cloudId,
      resourceType: 'vultr.objectstorage.subscription',
      resourceId: estate.objectStorages[0]!.id,
    });
    const text = JSON.stringify(storage);
    expect(text).not.toContain(estate.objectStorages[0]!.s3_secret_key);
    expect(text).not.toContain(estate.objectStorages[0]!.s3_access_key);
    const script = await plugin.getResource({
      cloudId,
      resourceType: 'vultr.startup-script',
      resourceId: estate.startupScripts[0]!.id,
    });
    expect(JSON.stringify(script)).not.toContain(estate.startupScripts[0]!.script);
    expect(JSON.stringify(script)).toContain('bootstrap');
  });

  test('a denied databases endpoint deletes no database, while a removed SSH key is deleted', async () => {
    await plugin.syncCloud(cloudId);
    estate.databases.splice(0, 1);
    estate.sshKeys.splice(2, 1);
    api.injectFault({
      path: '/v2/databases',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: { error: 'You are not allowed to perform that action.', status: 403 },
    });
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'partial', deleted: 1 });
    expect(summary.errors.auth?.length).toBeGreaterThan(0);
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'vultr.database',
        resourceId: '1d3f5b7d-9f1b-4d3f-8a5c-7e9a1c3e5a7c',
      }),
    ).toMatchObject({ status: 'active' });

    api.clearFaults();
    const recovered = await plugin.syncCloud(cloudId);
    expect(recovered).toMatchObject({ status: 'succeeded', deleted: 1 });
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'vultr.database',
        resourceId: '1d3f5b7d-9f1b-4d3f-8a5c-7e9a1c3e5a7c',
      }),
    ).toMatchObject({ status: 'deleted' });
  });

  test('removed children (a firewall rule, a DNS record) are deleted; their parents stay', async () => {
    await plugin.syncCloud(cloudId);
    estate.firewallRules['3c6d0b7a-2b83-4c8d-9a5e-4f7c9e3a2d03']!.splice(2, 1);
    estate.records['example.org']!.splice(1, 1);
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'succeeded', deleted: 2, updated: 0 });
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'vultr.firewall.rule',
        resourceId: '3c6d0b7a-2b83-4c8d-9a5e-4f7c9e3a2d03/3',
      }),
    ).toMatchObject({ status: 'deleted' });
  });

  // The group step and the rules step both report `firewalls@global`, each for its own type;
  // core combines them, so both types are complete and both deletions happen.
  test('a removed firewall group is deleted with its rules', async () => {
    await plugin.syncCloud(cloudId);
    const [group] = estate.firewallGroups.splice(1, 1);
    delete estate.firewallRules[group!.id];
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'succeeded', deleted: 4 });
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'vultr.firewall.group',
        resourceId: group!.id,
      }),
    ).toMatchObject({ status: 'deleted' });
  });
});
