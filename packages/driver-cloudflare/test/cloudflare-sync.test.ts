// End to end through core: CloudInventoryPlugin on a memory:// database, the registered
// `cloudflare` driver (and its `cf` alias), the fake Cloudflare API. Versions, updates, deletions,
// redacted secrets and failed steps as a user sees them.
import '../src/index.ts';
import { type CloudInventoryPlugin, hasCloudDriver } from '@cloud-inventory/core';
import {
  type FakeProviderServer,
  installTestPlugin,
  stopTestPlugin,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cloudflareCatalog } from '../src/driver.ts';
import { startCloudflareApi } from './cloudflare-test-helpers.ts';
import {
  accountId,
  type CloudflareEstate,
  createCloudflareEstate,
  zoneIds,
} from './fixtures/cloudflare-estate.ts';
import { cloudflareApiPrefix, cloudflareCredentials } from './fixtures/cloudflare-fixtures.ts';

const cloudId = 'cloudflare';
const apexRecord = {
  cloudId,
  resourceType: 'cloudflare.zones.dns-record',
  resourceId: `${zoneIds.example}/372e67954025e0ba6aaa6d586b9e0b59`,
};

describe('cloudflare through the cloud inventory plugin', () => {
  let estate: CloudflareEstate;
  let api: FakeProviderServer;
  let plugin: CloudInventoryPlugin;

  beforeEach(async () => {
    estate = createCloudflareEstate();
    api = await startCloudflareApi(estate);
    plugin = await installTestPlugin({
      clouds: [
        {
          id: cloudId,
          driver: 'cf',
          credentials: { apiToken: cloudflareCredentials.apiToken },
          config: {
            accountId,
            endpoint: `${api.url}${cloudflareApiPrefix}`,
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

  test('registers as `cloudflare` with the alias `cf`', () => {
    expect(hasCloudDriver('cloudflare')).toBe(true);
    expect(hasCloudDriver('cf')).toBe(true);
  });

  test('creates every type, then versions exactly one change and deletes exactly one resource', async () => {
    const first = await plugin.syncCloud(cloudId);
    expect(first).toMatchObject({ status: 'succeeded', updated: 0, deleted: 0 });
    const stored = [];
    for await (const resource of plugin.iterateResources({ cloudId })) stored.push(resource);
    expect(first.created).toBe(stored.length);
    const types = new Set(stored.map((resource) => resource.resourceType));
    for (const service of cloudflareCatalog.services) {
      for (const { type } of service.resourceTypes) expect(types.has(type), type).toBe(true);
    }

    // A secret binding value is stored as a keyed hash, never in clear.
    const router = await plugin.getVersion(
      { cloudId, resourceType: 'cloudflare.workers.script', resourceId: 'router' },
      1,
    );
    // The configuration is stored (so this check can fail), the binding's value is not.
    expect(JSON.stringify(router)).toContain('API_BASE');
    expect(JSON.stringify(router)).not.toContain('https://api.example.com/router');

    // One real change (the apex record's address), one volatile change (a D1 database grew),
    // one deletion (a KV namespace).
    estate.dnsRecords[zoneIds.example]![0]!.content = '198.51.100.5';
    estate.d1Details.sessions!.file_size += 4096;
    const removed = estate.kvNamespaces.splice(1, 1)[0]!;
    const second = await plugin.syncCloud(cloudId);
    expect(second).toMatchObject({ status: 'succeeded', created: 0, updated: 1, deleted: 1 });
    const history = await plugin.getHistory(apexRecord);
    const update = history?.changes.find((change) => change.kind === 'updated') as {
      diff: { updated: Record<string, unknown> };
    };
    expect(update.diff.updated['configuration.content']).toEqual({
      before: '198.51.100.4',
      after: '198.51.100.5',
    });
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'cloudflare.kv.namespace',
        resourceId: removed.id,
      }),
    ).toMatchObject({ status: 'deleted' });
  });

  test('a denied Access applications list deletes nothing of it, while the rest still syncs', async () => {
    await plugin.syncCloud(cloudId);
    estate.accessApplications.splice(0, 1);
    estate.tunnels.splice(0, 1);
    api.injectFault({
      path: `${cloudflareApiPrefix}/accounts/${accountId}/access/apps`,
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: {
        success: false,
        errors: [{ code: 10000, message: 'Authentication error' }],
        messages: [],
        result: null,
      },
    });
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'partial', deleted: 1 });
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'cloudflare.access.application',
        resourceId: '023e105f-4ece-f8ad-9ca3-1a8372d0c353',
      }),
    ).toMatchObject({ status: 'active' });
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'cloudflare.tunnel',
        resourceId: '040c5b27-a8c6-4e15-9c0b-1c9b2e0f9b6e',
      }),
    ).toMatchObject({ status: 'deleted' });
  });

  test('a zone removed from the account is marked deleted with its records and routes', async () => {
    await plugin.syncCloud(cloudId);
    // Several steps of one service (zones: the zones, then the records of each) report the
    // `global` scope, each complete for its own types.
    estate.zones.splice(1, 1);
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'succeeded', created: 0, updated: 0 });
    const zoneShop = { cloudId, resourceType: 'cloudflare.zones.zone', resourceId: zoneIds.shop };
    expect(await plugin.getResource(zoneShop)).toMatchObject({ status: 'deleted' });
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'cloudflare.workers.route',
        resourceId: `${zoneIds.shop}/223e105f4ecef8ad9ca31a8372d0c353`,
      }),
    ).toMatchObject({ status: 'deleted' });
    // The shop zone had 1 zone, 3 records, 1 route, 1 ruleset and 1 certificate pack.
    expect(summary.deleted).toBe(7);
  });
});
