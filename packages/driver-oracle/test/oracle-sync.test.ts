// End to end through core: CloudInventoryPlugin on a memory:// database, the registered `oracle`
// driver, the fake OCI API. Versions, updates, deletions and denied calls as a user sees them.
import '../src/index.ts';
import type { CloudInventoryPlugin } from '@cloud-inventory/core';
import {
  type FakeProviderServer,
  installTestPlugin,
  stopTestPlugin,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createOracleEstate, type OracleEstate } from './fixtures/oracle-estate.ts';
import { notAuthorizedOrNotFound, oracleCredentials } from './fixtures/oracle-fixtures.ts';
import { startOracleApi } from './oracle-test-helpers.ts';

const cloudId = 'oci-main';

describe('oracle through the cloud inventory plugin', () => {
  let estate: OracleEstate;
  let api: FakeProviderServer;
  let plugin: CloudInventoryPlugin;

  beforeEach(async () => {
    estate = createOracleEstate();
    api = await startOracleApi(estate);
    plugin = await installTestPlugin({
      clouds: [
        {
          id: cloudId,
          driver: 'oci',
          credentials: oracleCredentials,
          config: { endpoint: `${api.url}/{region}`, pageSize: 2, retry: testRetryPolicy },
        },
      ],
    });
  });
  afterEach(async () => {
    await stopTestPlugin(plugin);
    await api.close();
  });

  const snapshot = (resourceType: string, resourceId: string) =>
    plugin.getResource({ cloudId, resourceType, resourceId });

  test('creates every type, versions one change, ignores volatile fields, stores secrets redacted', async () => {
    const total =
      [...estate.entries.values()].flat().length - 1 /* platform image */ + 2; /* compartments */
    const first = await plugin.syncCloud(cloudId);
    expect(first).toMatchObject({ status: 'succeeded', created: total, updated: 0 });

    const instance = estate.entries.get('oracle.compute.instance')![0]!.payload;
    instance.shapeConfig = { ...instance.shapeConfig, ocpus: 4 };
    // Volatile: a stopped instance moves no version.
    estate.entries.get('oracle.compute.instance')![1]!.payload.lifecycleState = 'STOPPED';
    const second = await plugin.syncCloud(cloudId);
    expect(second).toMatchObject({ status: 'succeeded', created: 0, updated: 1 });
    const history = await plugin.getHistory({
      cloudId,
      resourceType: 'oracle.compute.instance',
      resourceId: instance.id,
    });
    const update = history?.changes.find((change) => change.kind === 'updated') as {
      diff: { updated: Record<string, unknown> };
    };
    expect(update.diff.updated['configuration.shapeConfig.ocpus']).toEqual({ before: 2, after: 4 });
    const stored = await snapshot('oracle.compute.instance', instance.id);
    expect(JSON.stringify(stored)).not.toContain(instance.metadata.user_data);
  });

  // Several steps report vcn@eu-frankfurt-1 and identity@global: the engine combines their types.
  test('deletes exactly what is gone: a subnet in one region, a user of the tenancy', async () => {
    await plugin.syncCloud(cloudId);
    const removedSubnet = estate.entries.get('oracle.vcn.subnet')!.splice(4, 1)[0]!.payload;
    const removedUser = estate.entries.get('oracle.identity.user')!.splice(2, 1)[0]!.payload;
    const second = await plugin.syncCloud(cloudId);
    expect(second).toMatchObject({ status: 'succeeded', created: 0, updated: 0, deleted: 2 });
    expect(await snapshot('oracle.vcn.subnet', removedSubnet.id)).toMatchObject({
      status: 'deleted',
    });
    expect(await snapshot('oracle.identity.user', removedUser.id)).toMatchObject({
      status: 'deleted',
    });
  });

  // A failed step's report must not hide its sibling's complete one in the same service@region.
  test('a denied call deletes nothing of its type, while the other types of the service still do', async () => {
    await plugin.syncCloud(cloudId);
    const removedAdb = estate.entries
      .get('oracle.database.autonomous-database')!
      .splice(0, 1)[0]!.payload;
    const removedDbSystem = estate.entries
      .get('oracle.database.db-system')!
      .splice(0, 1)[0]!.payload;
    api.injectFault({
      path: '/:region/20160918/autonomousDatabases',
      ...notAuthorizedOrNotFound,
      times: Number.POSITIVE_INFINITY,
    });
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'partial', deleted: 1 });
    expect(await snapshot('oracle.database.autonomous-database', removedAdb.id)).toMatchObject({
      status: 'active',
    });
    expect(await snapshot('oracle.database.db-system', removedDbSystem.id)).toMatchObject({
      status: 'deleted',
    });

    api.clearFaults();
    const recovered = await plugin.syncCloud(cloudId);
    expect(recovered).toMatchObject({ status: 'succeeded', deleted: 1 });
    expect(await snapshot('oracle.database.autonomous-database', removedAdb.id)).toMatchObject({
      status: 'deleted',
    });
  });
});
