import { ConfigurationError, DriverError } from '@cloud-inventory/core';
import {
  collectResources,
  createTestRuntime,
  type FakeProviderServer,
  listAll,
  ofType,
  rejectionOf,
} from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { armError, createTestDriver, startArm } from './azure-test-helpers.ts';
import { subscriptionA, subscriptionB } from './fixtures/azure-fixture-places.ts';
import { armPath } from './fixtures/azure-fixtures.ts';

const scaleSets = armPath(
  '/subscriptions/:subscription/providers/Microsoft.Compute/virtualMachineScaleSets',
);

describe('azure scopes, partial permissions and filters', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startArm();
  });
  afterEach(async () => {
    await server.close();
  });

  test('a healthy run reports each (service, location) once, complete, over every subscription location', async () => {
    const { runtime } = await listAll(createTestDriver(server));
    const compute = runtime.scopes.filter((scope) => scope.service === 'compute');
    expect(compute.map((scope) => scope.region).sort()).toEqual([
      'eastus',
      'global',
      'westeurope',
      'westus',
    ]);
    expect(compute.every((scope) => scope.status === 'complete')).toBe(true);
    // vm-web-1, the scale set and the availability set of rg-prod, and the two VMs of subscription B;
    // complete for every compute type, so said without types (the engine records its coverage).
    const eastus = runtime.scopeFor('compute', 'eastus');
    expect(eastus).toMatchObject({ status: 'complete', resourceCount: 5 });
    expect(eastus?.resourceTypes).toBeUndefined();
    // A filter that keeps some types: the combined report names them.
    const filtered = await listAll(createTestDriver(server), {
      include: ['azure.compute.virtualmachine', 'azure.compute.availabilityset'],
    });
    expect(filtered.runtime.scopeFor('compute', 'eastus')?.resourceTypes?.sort()).toEqual([
      'azure.compute.availabilityset',
      'azure.compute.virtualmachine',
    ]);
    expect(runtime.scopeFor('compute', 'westus')).toMatchObject({
      status: 'complete',
      resourceCount: 0,
    });
  });

  test('403 AuthorizationFailed on one list call fails exactly that type; the service lists the rest', async () => {
    server.injectFault({
      path: scaleSets,
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: armError(
        'AuthorizationFailed',
        "The client 'reader@contoso.com' with object id '0b1f' does not have authorization to perform action 'Microsoft.Compute/virtualMachineScaleSets/read' over scope '/subscriptions/1f3a' or the scope is invalid.",
      ),
    });
    const { resources, runtime } = await listAll(createTestDriver(server));
    expect(ofType(resources, 'azure.compute.virtualmachinescaleset')).toHaveLength(0);
    expect(ofType(resources, 'azure.compute.virtualmachine')).toHaveLength(4);
    expect(ofType(resources, 'azure.compute.availabilityset')).toHaveLength(2);

    const failed = runtime.scopes.filter((scope) => scope.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const scope of failed) {
      expect(scope).toMatchObject({
        service: 'compute',
        errorClass: 'auth',
        resourceTypes: ['azure.compute.virtualmachinescaleset'],
      });
      expect(scope.call).toMatch(
        /^GET \/subscriptions\/[0-9a-f-]+\/providers\/Microsoft\.Compute\/virtualMachineScaleSets$/,
      );
      expect(scope.error).toContain('Microsoft.Compute/virtualMachineScaleSets/read');
    }
    expect(failed.map((scope) => scope.call)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(subscriptionA),
        expect.stringContaining(subscriptionB),
      ]),
    );
    const complete = runtime.scopes.find(
      (scope) =>
        scope.service === 'compute' && scope.region === 'eastus' && scope.status === 'complete',
    );
    expect(complete?.resourceTypes?.sort()).toEqual([
      'azure.compute.availabilityset',
      'azure.compute.virtualmachine',
    ]);
    // Every other service is untouched.
    expect(
      runtime.scopes
        .filter((scope) => scope.service !== 'compute')
        .every((scope) => scope.status === 'complete'),
    ).toBe(true);
  });

  test('MissingSubscriptionRegistration fails the service as not-enabled, naming the provider to register', async () => {
    server.injectFault({
      path: /Microsoft\.ContainerService/i,
      status: 409,
      times: Number.POSITIVE_INFINITY,
      body: armError(
        'MissingSubscriptionRegistration',
        "The subscription is not registered to use namespace 'Microsoft.ContainerService'. See https://aka.ms/rps-not-found for how to register subscriptions.",
      ),
    });
    const { resources, runtime } = await listAll(createTestDriver(server));
    expect(resources.filter((resource) => resource.service === 'kubernetes')).toHaveLength(0);
    const kubernetes = runtime.scopes.filter((scope) => scope.service === 'kubernetes');
    expect(kubernetes.length).toBeGreaterThan(0);
    for (const scope of kubernetes) {
      expect(scope.status).toBe('failed');
      expect(scope.errorClass).toBe('not-enabled');
      expect(scope.error).toContain(
        'Resource provider Microsoft.ContainerService is not registered',
      );
      expect(scope.error).toContain('az provider register --namespace Microsoft.ContainerService');
    }
    expect(ofType(resources, 'azure.compute.virtualmachine')).toHaveLength(4);
  });

  test('a denied enrichment call keeps the web app, records the failure on it, and leaves the scope complete', async () => {
    server.injectFault({
      path: /\/config\/web$/i,
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: armError(
        'AuthorizationFailed',
        "does not have authorization to perform action 'Microsoft.Web/sites/config/read'",
      ),
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['appservice'] }),
    );
    const sites = ofType(resources, 'azure.appservice.webapp');
    expect(sites).toHaveLength(3);
    for (const site of sites) {
      expect(site.metadata?.enrichmentErrors).toEqual([
        expect.objectContaining({
          errorClass: 'auth',
          call: expect.stringContaining('/config/web'),
        }),
      ]);
      expect((site.configuration as Record<string, any>).properties.siteConfig.linuxFxVersion).toBe(
        '',
      );
    }
    const scopes = runtime.scopes.filter((scope) => scope.service === 'appservice');
    expect(scopes.every((scope) => scope.status === 'complete')).toBe(true);
    // One entry for the call, counted over both subscriptions' steps.
    expect(runtime.scopeFor('appservice', 'global')?.enrichmentErrors).toEqual([
      expect.objectContaining({ errorClass: 'auth', failed: 3, attempted: 3 }),
    ]);
  });

  test('a parent deleted between the two calls (404 on its children) leaves the step complete', async () => {
    server.injectFault({
      path: /\/managedClusters\/aks-rg-prod-1\/agentPools$/i,
      status: 404,
      times: Number.POSITIVE_INFINITY,
      body: armError(
        'ResourceNotFound',
        "The Resource 'Microsoft.ContainerService/managedClusters/aks-rg-prod-1' was not found.",
      ),
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['kubernetes'] }),
    );
    const pools = ofType(resources, 'azure.kubernetes.nodepool');
    expect(pools.map((pool) => pool.resourceId.split('/').at(-3)).sort()).toEqual([
      'aks-rg-data-2',
      'aks-rg-data-2',
    ]);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('a 401 fails the sync with an auth error naming the credential fields', async () => {
    server.injectFault({
      status: 401,
      times: Number.POSITIVE_INFINITY,
      body: armError('InvalidAuthenticationToken', 'The access token is invalid.'),
    });
    const error = await rejectionOf(listAll(createTestDriver(server)));
    expect(DriverError.isInstance(error)).toBe(true);
    expect((error as DriverError).errorClass).toBe('auth');
    expect(error.message).toContain('credentials.accessToken');
    expect(error.message).toContain('credentials.clientSecret');
    expect(error.message).toContain('AZURE_CLIENT_SECRET');
  });

  test('config.subscriptionIds lists those subscriptions without listing the others', async () => {
    const { resources } = await listAll(
      createTestDriver(server, { subscriptionIds: [subscriptionB] }),
    );
    expect(new Set(resources.map((resource) => resource.accountId))).toEqual(
      new Set([subscriptionB]),
    );
    expect(ofType(resources, 'azure.compute.virtualmachine')).toHaveLength(2);
    expect(server.requestsTo('/subscriptions')).toHaveLength(0);
  });

  test('config.resourceGroups keeps those groups whatever their case, the groups themselves included', async () => {
    const { resources } = await listAll(createTestDriver(server, { resourceGroups: ['RG-DATA'] }));
    expect(resources.length).toBeGreaterThan(0);
    expect(
      resources.every((resource) =>
        resource.resourceType === 'azure.resources.resourcegroup'
          ? resource.name === 'rg-data'
          : resource.metadata?.resourceGroup?.toString().toLowerCase() === 'rg-data',
      ),
    ).toBe(true);
    // The disk whose id ARM echoed as RG-DATA is kept.
    expect(ofType(resources, 'azure.disks.disk').map((disk) => disk.name)).toEqual(['disk-data-2']);
  });

  test('config.regions takes display names too, keeps global resources and reports only those locations', async () => {
    const { resources, runtime } = await listAll(
      createTestDriver(server, { regions: ['West Europe'] }),
    );
    expect(new Set(resources.map((resource) => resource.region))).toEqual(
      new Set(['westeurope', 'global']),
    );
    expect(new Set(runtime.scopes.map((scope) => scope.region))).toEqual(
      new Set(['westeurope', 'global']),
    );
    const error = await rejectionOf(listAll(createTestDriver(server, { regions: ['mars-north'] })));
    expect(ConfigurationError.isInstance(error)).toBe(true);
  });

  test('include of one child type lists only it, with type-limited scopes', async () => {
    const { resources, runtime } = await listAll(createTestDriver(server), {
      include: ['azure.network.subnet'],
    });
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(
      new Set(['azure.network.subnet']),
    );
    expect(
      runtime.scopes.every((scope) => scope.resourceTypes?.join() === 'azure.network.subnet'),
    ).toBe(true);
    expect(server.requests.some((entry) => /loadBalancers$/i.test(entry.path))).toBe(false);
  });

  test('without the location list, listings cover only the locations they met', async () => {
    server.injectFault({
      path: /\/locations$/,
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: armError(
        'AuthorizationFailed',
        "no 'Microsoft.Resources/subscriptions/locations/read'",
      ),
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['compute'] }),
    );
    expect(ofType(resources, 'azure.compute.virtualmachine')).toHaveLength(4);
    const regions = new Set(runtime.scopes.map((scope) => scope.region));
    // westus has no compute resource and is not known without the location list.
    expect(regions).toEqual(new Set(['global', 'eastus', 'westeurope']));
  });

  test('a cancelled sync stops promptly', async () => {
    // Every call takes 200 ms, so the abort lands mid-listing.
    server.injectFault({ latencyMs: 200, times: Number.POSITIVE_INFINITY });
    const controller = new AbortController();
    const driver = createTestDriver(server);
    await driver.initialize();
    const runtime = createTestRuntime();
    const listing = collectResources(driver, { runtime, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled by the test')), 20);
    const started = Date.now();
    const error = await rejectionOf(listing);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(Error);
  });

  test('a credential that lists no subscription fails the sync instead of reporting an empty cloud', async () => {
    server.addRoutes([{ path: '/subscriptions', fixture: { value: [] } }]);
    const error = await rejectionOf(listAll(createTestDriver(server)));
    expect(DriverError.isInstance(error)).toBe(true);
    expect((error as DriverError).errorClass).toBe('auth');
    expect(error.message).toContain('config.subscriptionIds');
  });
});
