// End to end through core: CloudInventoryPlugin on a memory:// database, the registered `linode`
// driver, the fake Linode API. Versions, updates, deletions and failed scopes as a user sees them.
import '../src/index.ts';
import { type CloudInventoryPlugin, hasCloudDriver } from '@cloud-inventory/core';
import {
  type FakeProviderServer,
  installTestPlugin,
  stopTestPlugin,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLinodeEstate, expectedCounts, type LinodeEstate } from './fixtures/linode-estate.ts';
import { linodeCredentials } from './fixtures/linode-fixtures.ts';
import { startLinodeApi } from './linode-test-helpers.ts';

const cloudId = 'linode';

describe('linode through the cloud inventory plugin', () => {
  let estate: LinodeEstate;
  let api: FakeProviderServer;
  let plugin: CloudInventoryPlugin;
  const total = () => Object.values(expectedCounts(estate)).reduce((sum, count) => sum + count, 0);
  const resource = (resourceType: string, resourceId: string) =>
    plugin.getResource({ cloudId, resourceType, resourceId });

  beforeEach(async () => {
    estate = createLinodeEstate();
    api = await startLinodeApi(estate);
    plugin = await installTestPlugin({
      clouds: [
        {
          driver: 'linode',
          credentials: { token: linodeCredentials.token },
          config: { endpoint: api.url, retry: testRetryPolicy },
        },
      ],
    });
  });
  afterEach(async () => {
    await stopTestPlugin(plugin);
    await api.close();
  });

  test('registers as `linode`', () => {
    expect(hasCloudDriver('linode')).toBe(true);
  });

  test('creates every type, then versions exactly one change and deletes exactly one resource', async () => {
    const first = await plugin.syncCloud(cloudId);
    expect(first).toMatchObject({ status: 'succeeded', created: total(), updated: 0, deleted: 0 });
    for (const [type, id] of [
      ['linode.kubernetes.nodepool', '201/2011'],
      ['linode.domain.record', '701/7011'],
      ['linode.vpc.subnet', '601/6011'],
      ['linode.objectstorage.bucket', 'us-east/assets'],
      ['linode.databases.postgresql', '1301'],
    ] as const) {
      expect(await resource(type, id), `${type} ${id}`).toMatchObject({ status: 'active' });
    }

    // One real change (web-1 resized and retagged), volatile fields elsewhere, one key removed.
    const web = estate.linodes[0]!;
    estate.linodes[0] = { ...web, type: 'g6-standard-2', tags: [...web.tags, 'tier:frontend'] };
    estate.volumes[0] = {
      ...estate.volumes[0]!,
      status: 'resizing',
      updated: '2026-12-01T00:00:00',
    };
    estate.buckets[1] = { ...estate.buckets[1]!, objects: 41, size: 42_000_000 };
    estate.sshKeys.splice(2, 1);
    const second = await plugin.syncCloud(cloudId);
    expect(second).toMatchObject({ status: 'succeeded', created: 0, updated: 1, deleted: 1 });
    const history = await plugin.getHistory({
      cloudId,
      resourceType: 'linode.linode',
      resourceId: '101',
    });
    const update = history?.changes.find((change) => change.kind === 'updated') as {
      diff: { updated: Record<string, unknown> };
    };
    expect(update.diff.updated['configuration.type']).toEqual({
      before: 'g6-standard-1',
      after: 'g6-standard-2',
    });
    expect(JSON.stringify(update.diff)).toContain('tier:frontend');
    expect(await resource('linode.ssh-key', '803')).toMatchObject({ status: 'deleted' });
    expect(await resource('linode.ssh-key', '802')).toMatchObject({ status: 'active' });
  });

  test('a denied Object Storage list deletes no bucket, while other services still delete', async () => {
    await plugin.syncCloud(cloudId);
    estate.buckets.splice(0, 1);
    estate.volumes.splice(2, 1);
    api.injectFault({
      path: '/v4/object-storage/buckets',
      status: 403,
      times: Number.POSITIVE_INFINITY,
    });
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'partial', deleted: 1 });
    expect(await resource('linode.objectstorage.bucket', 'us-east/assets')).toMatchObject({
      status: 'active',
    });
    expect(await resource('linode.volume', '403')).toMatchObject({ status: 'deleted' });

    // Once the token may read Object Storage again, the bucket that is really gone is deleted.
    api.clearFaults();
    const recovered = await plugin.syncCloud(cloudId);
    expect(recovered).toMatchObject({ status: 'succeeded', deleted: 1 });
    expect(await resource('linode.objectstorage.bucket', 'us-east/assets')).toMatchObject({
      status: 'deleted',
    });
  });

  // Kubernetes, domains and databases report two type-limited scopes per region (one per step);
  // the engine combines them, so parents and children are both deleted.
  test('deletes children and parents of services listed in two steps', async () => {
    await plugin.syncCloud(cloudId);
    estate.pools[201]!.splice(2, 1);
    estate.clusters.splice(2, 1);
    estate.records[701]!.splice(0, 1);
    estate.postgresql.splice(0, 1);
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'succeeded' });
    for (const [type, id] of [
      ['linode.kubernetes.nodepool', '201/2013'],
      ['linode.kubernetes.cluster', '203'],
      ['linode.domain.record', '701/7011'],
      ['linode.databases.postgresql', '1301'],
    ] as const) {
      expect(await resource(type, id), `${type} ${id}`).toMatchObject({ status: 'deleted' });
    }
    // The removed cluster's pool went with it; nothing else was deleted.
    expect(summary.deleted).toBe(5);
  });
});
