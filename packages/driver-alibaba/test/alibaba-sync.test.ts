// End to end through core: CloudInventoryPlugin on a memory:// database, the registered `alibaba`
// driver (by its alias), the fake Alibaba API. Versions, updates, deletions and failed scopes.
import '../src/index.ts';
import type { CloudInventoryPlugin } from '@cloud-inventory/core';
import { installTestPlugin, stopTestPlugin, testRetryPolicy } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type AlibabaTestApi, startAlibabaApi } from './alibaba-test-helpers.ts';
import { alibabaCredentials } from './fixtures/alibaba-signing.ts';

const cloudId = 'aliyun-main';
type Item = Record<string, unknown>;

describe('alibaba through the cloud inventory plugin', () => {
  let api: AlibabaTestApi;
  let plugin: CloudInventoryPlugin;

  beforeEach(async () => {
    api = await startAlibabaApi();
    plugin = await installTestPlugin({
      clouds: [
        {
          id: cloudId,
          driver: 'aliyun',
          credentials: alibabaCredentials,
          config: { endpoint: api.server.url, pageSize: 2, retry: testRetryPolicy },
        },
      ],
    });
  });
  afterEach(async () => {
    await stopTestPlugin(plugin);
    await api.server.close();
  });

  const regional = (key: string, region = 'cn-hangzhou') => api.estate.regional[key]![region]!;
  const snapshotOf = (resourceType: string, resourceId: string) =>
    plugin.getResource({ cloudId, resourceType, resourceId });

  test('creates every type, then versions one change and deletes one removal; volatile fields are no change', async () => {
    const first = await plugin.syncCloud(cloudId);
    expect(first).toMatchObject({ status: 'succeeded', created: 93, updated: 0, deleted: 0 });
    // Declared secret paths are stored as keyed hashes, never as the API returned them.
    const pool = await plugin.getVersion(
      {
        cloudId,
        resourceType: 'alibaba.ack.node-pool',
        resourceId: 'ccn-hangzhou1/npccn-hangzhou11',
      },
      1,
    );
    const raw = api.estate.nodePools['ccn-hangzhou1']![0]!.kubernetes_config as {
      user_data: string;
    };
    const stored = JSON.stringify(pool);
    expect(stored).toContain('pool-1');
    expect(stored).not.toContain(raw.user_data);
    expect(stored).not.toContain('encrypted:ccn-hangzhou1');

    const instance = regional('ecs.DescribeInstances')[0] as Item;
    instance.InstanceType = 'ecs.g7.xlarge';
    instance.Status = 'Stopped'; // volatile
    const vSwitch = regional('vpc.DescribeVSwitches')[1] as Item;
    vSwitch.AvailableIpAddressCount = 17; // volatile
    const removedDisk = regional('ecs.DescribeDisks').splice(2, 1)[0] as Item;
    const second = await plugin.syncCloud(cloudId);
    expect(second).toMatchObject({ status: 'succeeded', created: 0, updated: 1, deleted: 1 });

    const history = await plugin.getHistory({
      cloudId,
      resourceType: 'alibaba.ecs.instance',
      resourceId: 'i-cn-hangzhou-1',
    });
    const update = history?.changes.find((change) => change.kind === 'updated') as {
      diff: { updated: Record<string, unknown> };
    };
    expect(update.diff.updated['configuration.InstanceType']).toEqual({
      before: 'ecs.g7.large',
      after: 'ecs.g7.xlarge',
    });
    expect(await snapshotOf('alibaba.ecs.disk', removedDisk.DiskId as string)).toMatchObject({
      status: 'deleted',
    });
    expect(await snapshotOf('alibaba.ecs.disk', 'd-cn-hangzhou-1')).toMatchObject({
      status: 'active',
    });
  });

  test('a denied list call deletes nothing of its type there, while other types still delete', async () => {
    await plugin.syncCloud(cloudId);
    regional('ecs.DescribeSnapshots').splice(0, 1);
    regional('ecs.DescribeImages').splice(0, 1);
    api.server.injectFault({
      match: (request) =>
        request.form().get('Action') === 'DescribeSnapshots' &&
        request.form().get('RegionId') === 'cn-hangzhou',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: {
        Code: 'Forbidden.RAM',
        Message: 'User not authorized to operate on the specified resource.',
      },
    });
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'partial', deleted: 1 });
    expect(await snapshotOf('alibaba.ecs.snapshot', 's-cn-hangzhou-1')).toMatchObject({
      status: 'active',
    });
    expect(await snapshotOf('alibaba.ecs.image', 'm-cn-hangzhou-1')).toMatchObject({
      status: 'deleted',
    });

    api.server.clearFaults();
    const recovered = await plugin.syncCloud(cloudId);
    expect(recovered).toMatchObject({ status: 'succeeded', deleted: 1 });
    expect(await snapshotOf('alibaba.ecs.snapshot', 's-cn-hangzhou-1')).toMatchObject({
      status: 'deleted',
    });
  });

  test('a bucket that is gone is deleted in its own region; a denied ListBuckets deletes no bucket', async () => {
    await plugin.syncCloud(cloudId);
    api.estate.buckets.splice(1, 1); // backup-sg-1, in ap-southeast-1
    const fault = api.server.injectFault({
      match: (request) =>
        request.method === 'GET' &&
        request.path === '/' &&
        !('tagging' in request.query) &&
        !('bucketInfo' in request.query),
      status: 403,
      times: Number.POSITIVE_INFINITY,
      headers: { 'content-type': 'application/xml' },
      body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>AccessDenied</Message></Error>',
    });
    const denied = await plugin.syncCloud(cloudId);
    expect(denied).toMatchObject({ status: 'partial', deleted: 0 });
    expect(await snapshotOf('alibaba.oss.bucket', 'backup-sg-1')).toMatchObject({
      status: 'active',
    });
    fault.clear();
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'succeeded', deleted: 1 });
    const gone = await snapshotOf('alibaba.oss.bucket', 'backup-sg-1');
    expect(gone).toMatchObject({ status: 'deleted', region: 'ap-southeast-1' });
  });
});
