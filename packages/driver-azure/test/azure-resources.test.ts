import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, ofType } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { azureCatalog } from '../src/driver.ts';
import { createTestDriver, startArm } from './azure-test-helpers.ts';
import { createAzureEstate } from './fixtures/azure-estate.ts';
import { subscriptionA, subscriptionB } from './fixtures/azure-fixture-places.ts';

describe('azure resources', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startArm();
  });
  afterEach(async () => {
    await server.close();
  });

  test('lists every catalog type of every subscription the token can list', async () => {
    const { resources } = await listAll(createTestDriver(server));
    const estate = createAzureEstate();
    for (const service of azureCatalog.services) {
      for (const { type } of service.resourceTypes) {
        const expected =
          type === 'azure.network.subnet'
            ? estate['azure.network.virtualnetwork']!.length * 2
            : type === 'azure.frontdoor.profile'
              ? 2 // the classic CDN profile of the same list is left out
              : estate[type]!.length;
        expect(ofType(resources, type), type).toHaveLength(expected);
        expect(ofType(resources, type).every((resource) => resource.service === service.name)).toBe(
          true,
        );
      }
    }
    expect(server.requestsTo('/subscriptions')).toHaveLength(2); // two pages
    const machines = ofType(resources, 'azure.compute.virtualmachine');
    expect(machines.filter((machine) => machine.accountId === subscriptionB)).toHaveLength(2);
    expect(machines.filter((machine) => machine.accountId === subscriptionA)).toHaveLength(2);
  });

  test('follows nextLink: every list call of a subscription with two objects takes two pages', async () => {
    await listAll(createTestDriver(server));
    const pages = server.requests.filter((entry) =>
      /\/providers\/Microsoft\.Compute\/virtualMachines$/i.test(entry.path),
    );
    // Subscription A: two pages; subscription B: two pages.
    expect(pages).toHaveLength(4);
    expect(pages.filter((entry) => entry.query.$skiptoken !== undefined)).toHaveLength(2);
    expect(pages.every((entry) => entry.query['api-version'] !== undefined)).toBe(true);
    expect(pages.every((entry) => entry.status === 200)).toBe(true);
  });

  test('stores the raw ARM payload, a lower-case resource id and a normalized location', async () => {
    const { resources } = await listAll(createTestDriver(server));
    const machine = ofType(resources, 'azure.compute.virtualmachine').find(
      (resource) => resource.name === 'vm-web-1',
    )!;
    const configuration = machine.configuration as Record<string, any>;
    // As ARM sent it: nested under `properties`, dates as strings (not the SDK's flattened model).
    expect(configuration.properties.hardwareProfile.vmSize).toBe('Standard_D2s_v3');
    expect(configuration.hardwareProfile).toBeUndefined();
    expect(configuration.properties.timeCreated).toBe('2024-03-01T10:00:00.0000000+00:00');
    expect(machine.resourceId).toBe(
      `/subscriptions/${subscriptionA}/resourcegroups/rg-prod/providers/microsoft.compute/virtualmachines/vm-web-1`,
    );
    expect(machine.metadata).toMatchObject({
      armId: configuration.id,
      subscriptionId: subscriptionA,
      resourceGroup: 'rg-prod',
    });
    expect(machine.tags).toEqual({ environment: 'production', owner: 'platform' });
    expect(machine.region).toBe('eastus');

    // ARM echoed this disk's resource group in upper case: the stored id is the same lower-case form.
    const disk = ofType(resources, 'azure.disks.disk').find(
      (resource) => resource.name === 'disk-data-2',
    )!;
    expect((disk.configuration as { id: string }).id).toContain('/resourceGroups/RG-DATA/');
    expect(disk.resourceId).toContain('/resourcegroups/rg-data/');

    // Cosmos DB and App Service answer `East US`; the region is `eastus`, the payload unchanged.
    const cosmos = ofType(resources, 'azure.cosmosdb.account');
    expect(cosmos.map((resource) => resource.region).sort()).toEqual(['eastus', 'westeurope']);
    expect(
      cosmos.map((resource) => (resource.configuration as { location: string }).location).sort(),
    ).toEqual(['East US', 'West Europe']);
    const plans = ofType(resources, 'azure.appservice.plan');
    expect(plans.map((resource) => resource.region).sort()).toEqual(['eastus', 'westeurope']);
  });

  test('children: subnets from their network, node pools and databases per parent, record sets per zone', async () => {
    const { resources } = await listAll(createTestDriver(server));
    const subnets = ofType(resources, 'azure.network.subnet');
    expect(subnets.map((subnet) => subnet.name).sort()).toEqual([
      'apps',
      'apps',
      'default',
      'default',
    ]);
    const prodSubnet = subnets.find((subnet) => subnet.resourceId.includes('/vnet-rg-prod/'))!;
    expect(prodSubnet.region).toBe('eastus');
    expect(prodSubnet.resourceId).toMatch(
      /\/virtualnetworks\/vnet-rg-prod\/subnets\/(default|apps)$/,
    );

    const pools = ofType(resources, 'azure.kubernetes.nodepool');
    expect(pools).toHaveLength(4);
    expect(new Set(pools.map((pool) => pool.region))).toEqual(new Set(['eastus', 'westeurope']));
    expect((pools[0]!.configuration as Record<string, any>).properties.count).toBeTypeOf('number');

    const databases = ofType(resources, 'azure.databases.sqldatabase');
    expect(databases.map((database) => database.name).sort()).toEqual([
      'master',
      'master',
      'orders',
      'orders',
    ]);

    const records = ofType(resources, 'azure.dns.recordset');
    expect(records).toHaveLength(6);
    expect(records.every((record) => record.region === 'global')).toBe(true);
    expect(records[0]!.tags).toEqual({ team: 'web' });
    expect(ofType(resources, 'azure.dns.zone').every((zone) => zone.region === 'global')).toBe(
      true,
    );
    const privateRecords = ofType(resources, 'azure.dns.privaterecordset');
    expect(privateRecords).toHaveLength(4);
    expect(privateRecords.every((record) => record.region === 'global')).toBe(true);
    expect(privateRecords[0]!.tags).toEqual({ team: 'data' });
    expect(privateRecords[0]!.resourceId).toMatch(/\/privatednszones\/[^/]+\/a\/stcontoso[12]$/);
    expect(ofType(resources, 'azure.dns.virtualnetworklink')).toHaveLength(4);

    const gateways = ofType(resources, 'azure.network.virtualnetworkgateway');
    expect(gateways.map((gateway) => gateway.name).sort()).toEqual(['vpngw-prod', 'vpngw-prod-2']);
    // One list call per resource group, three groups across the two subscriptions.
    expect(
      server.requests.filter((entry) => /virtualNetworkGateways$/i.test(entry.path)).length,
    ).toBeGreaterThanOrEqual(3);
  });

  test('web apps get their site configuration from config/web, keeping what the listing carried', async () => {
    const { resources } = await listAll(createTestDriver(server));
    const site = ofType(resources, 'azure.appservice.webapp').find(
      (resource) => resource.name === 'app-web',
    )!;
    const siteConfig = (site.configuration as Record<string, any>).properties.siteConfig;
    expect(siteConfig).toMatchObject({
      linuxFxVersion: 'NODE|20-lts',
      alwaysOn: true,
      ftpsState: 'Disabled',
    });
    expect(siteConfig.appSettings).toEqual([
      { name: 'DATABASE_URL', value: 'postgres://app:fixture-secret@db:5432/app' },
    ]);
    expect(site.metadata?.enrichmentErrors).toBeUndefined();
    expect(server.requests.filter((entry) => /\/config\/web$/i.test(entry.path))).toHaveLength(3);
  });

  test('sends the pre-issued token as a bearer token over loopback http (the fake refuses anything else)', async () => {
    await listAll(createTestDriver(server, { services: ['identity'] }));
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.every((entry) => entry.status === 200)).toBe(true);
    const refused = await listAll(
      createTestDriver(server, { services: ['identity'] }, { accessToken: 'not-the-token' }),
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
  });
});
