// End to end through core: CloudInventoryPlugin on a memory:// database, the registered `azure`
// driver, the fake ARM. Versions, updates and deletions as a user sees them.
import '../src/index.ts';
import { type CloudInventoryPlugin, hasCloudDriver } from '@cloud-inventory/core';
import {
  type FakeProviderServer,
  installTestPlugin,
  stopTestPlugin,
} from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { azureCatalog, normalizeAzureResourceId } from '../src/driver.ts';
import { armError, startArm, testRetry } from './azure-test-helpers.ts';
import { type AzureEstate, createAzureEstate } from './fixtures/azure-estate.ts';
import { armPath, azureCredentials } from './fixtures/azure-fixtures.ts';

const cloudId = 'azure';

async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}

function idOf(estate: AzureEstate, type: string, name: string): string {
  const object = estate[type]!.find((candidate) => candidate.name === name)!;
  return normalizeAzureResourceId(object.id as string);
}

describe('azure through the cloud inventory plugin', () => {
  let estate: AzureEstate;
  let api: FakeProviderServer;
  let plugin: CloudInventoryPlugin;

  beforeEach(async () => {
    estate = createAzureEstate();
    api = await startArm(estate);
    plugin = await installTestPlugin({
      clouds: [
        {
          id: cloudId,
          driver: 'az',
          credentials: azureCredentials,
          config: { endpoint: api.url, retry: testRetry },
        },
      ],
    });
  });
  afterEach(async () => {
    await stopTestPlugin(plugin);
    await api.close();
  });

  test('registers as `azure` with the alias `az`', () => {
    expect(hasCloudDriver('azure')).toBe(true);
    expect(hasCloudDriver('az')).toBe(true);
  });

  test('creates every type, then records exactly one update and one deletion', async () => {
    const first = await plugin.syncCloud(cloudId);
    const total = Object.entries(estate).reduce(
      (sum, [type, objects]) =>
        sum + objects.length * (type === 'azure.network.virtualnetwork' ? 3 : 1),
      -1, // the classic CDN profile is not a Front Door
    );
    expect(first).toMatchObject({ status: 'succeeded', created: total, updated: 0, deleted: 0 });
    for (const service of azureCatalog.services) {
      for (const { type } of service.resourceTypes) {
        const listed = await collect(plugin.iterateResources({ cloudId, resourceType: type }));
        expect(listed.length, type).toBeGreaterThan(0);
      }
    }

    // One real change (a VM resized) and volatile-only noise (etag, provisioning state).
    const machine = estate['azure.compute.virtualmachine']!.find((vm) => vm.name === 'vm-web-1')!;
    (machine.properties as any).hardwareProfile = { vmSize: 'Standard_D4s_v3' };
    const publicIp = estate['azure.network.publicipaddress']![0]!;
    publicIp.etag = 'W/"changed"';
    (publicIp.properties as any).provisioningState = 'Updating';
    // One deletion: a storage account.
    const removed = estate['azure.storage.account']!.splice(1, 1)[0]!;

    const second = await plugin.syncCloud(cloudId);
    expect(second).toMatchObject({ status: 'succeeded', created: 0, updated: 1, deleted: 1 });
    const history = await plugin.getHistory({
      cloudId,
      resourceType: 'azure.compute.virtualmachine',
      resourceId: idOf(estate, 'azure.compute.virtualmachine', 'vm-web-1'),
    });
    const update = history?.changes.find((change) => change.kind === 'updated') as {
      diff: { updated: Record<string, unknown> };
    };
    expect(update.diff.updated['configuration.properties.hardwareProfile.vmSize']).toEqual({
      before: 'Standard_D2s_v3',
      after: 'Standard_D4s_v3',
    });
    const gone = await plugin.getResource({
      cloudId,
      resourceType: 'azure.storage.account',
      resourceId: normalizeAzureResourceId(removed.id as string),
    });
    expect(gone).toMatchObject({ status: 'deleted' });
  });

  test('secrets returned by ARM are stored redacted', async () => {
    await plugin.syncCloud(cloudId);
    const site = await plugin.getVersion(
      {
        cloudId,
        resourceType: 'azure.appservice.webapp',
        resourceId: idOf(estate, 'azure.appservice.webapp', 'app-web'),
      },
      1,
    );
    const stored = JSON.stringify(site);
    expect(stored).not.toContain('fixture-secret');
    expect(stored).not.toContain('fixture-storage-access-key');
    expect(stored).toContain('DATABASE_URL');
    expect(stored).toContain('/mounts/media');
    const scaleSet = await plugin.getVersion(
      {
        cloudId,
        resourceType: 'azure.compute.virtualmachinescaleset',
        resourceId: idOf(estate, 'azure.compute.virtualmachinescaleset', 'vmss-rg-prod'),
      },
      1,
    );
    const scaleSetText = JSON.stringify(scaleSet);
    expect(scaleSetText).toContain('CustomScript');
    expect(scaleSetText).not.toContain('fixture-sas-signature');
    expect(scaleSetText).not.toContain('fixture-bootstrap-token');
  });

  test('a denied list call deletes nothing of its type, while the other types of the service still delete', async () => {
    await plugin.syncCloud(cloudId);
    estate['azure.compute.virtualmachinescaleset']!.splice(0, 1);
    const removedMachine = estate['azure.compute.virtualmachine']!.splice(0, 1)[0]!;
    api.injectFault({
      path: armPath(
        '/subscriptions/:subscription/providers/Microsoft.Compute/virtualMachineScaleSets',
      ),
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: armError('AuthorizationFailed', "no 'Microsoft.Compute/virtualMachineScaleSets/read'"),
    });
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'partial', deleted: 1 });
    const scaleSets = await collect(
      plugin.iterateResources({ cloudId, resourceType: 'azure.compute.virtualmachinescaleset' }),
    );
    expect(scaleSets.filter((resource) => resource.status === 'active')).toHaveLength(2);
    expect(
      await plugin.getResource({
        cloudId,
        resourceType: 'azure.compute.virtualmachine',
        resourceId: normalizeAzureResourceId(removedMachine.id as string),
      }),
    ).toMatchObject({ status: 'deleted' });

    // Once the call is allowed again, the scale set that is really gone is marked deleted.
    api.clearFaults();
    expect(await plugin.syncCloud(cloudId)).toMatchObject({ status: 'succeeded', deleted: 1 });
  });

  test('an unregistered resource provider deletes nothing of its service and makes the run partial', async () => {
    await plugin.syncCloud(cloudId);
    estate['azure.kubernetes.cluster']!.splice(0, 1);
    api.injectFault({
      path: /Microsoft\.ContainerService/i,
      status: 409,
      times: Number.POSITIVE_INFINITY,
      body: armError(
        'MissingSubscriptionRegistration',
        "The subscription is not registered to use namespace 'Microsoft.ContainerService'.",
      ),
    });
    const summary = await plugin.syncCloud(cloudId);
    expect(summary).toMatchObject({ status: 'partial', deleted: 0 });
    expect(JSON.stringify(summary.errors)).toContain('Microsoft.ContainerService');
  });
});
