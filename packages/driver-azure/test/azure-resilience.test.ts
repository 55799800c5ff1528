import { type FakeProviderServer, listAll, nextLinkPages, ofType } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readAzureRateLimitHeaders } from '../src/azure-rate-limits.ts';
import { createTestDriver, startArm } from './azure-test-helpers.ts';
import { createAzureEstate } from './fixtures/azure-estate.ts';
import { armPath } from './fixtures/azure-fixtures.ts';

const machines = armPath(
  '/subscriptions/:subscription/providers/Microsoft.Compute/virtualMachines',
);

describe('azure throttling, retries and rate-limit headers', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startArm();
  });
  afterEach(async () => {
    await server.close();
  });

  test('waits out a 429 for the time Retry-After asks and reports it', async () => {
    const fault = server.injectFault({
      path: machines,
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
      body: { error: { code: 'TooManyRequests', message: 'Number of read requests exceeded.' } },
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['compute'] }),
    );
    expect(fault.hits).toBe(1);
    expect(ofType(resources, 'azure.compute.virtualmachine')).toHaveLength(4);
    const calls = server.requests.filter((entry) => machines.test(entry.path));
    const throttled = calls.findIndex((entry) => entry.status === 429);
    const retried = calls
      .slice(throttled + 1)
      .find((entry) => entry.path === calls[throttled]!.path && entry.status === 200)!;
    expect(retried.receivedAt - calls[throttled]!.receivedAt).toBeGreaterThanOrEqual(900);
    expect(runtime.rateLimits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: 'compute', reason: 'throttled', waitMs: 1000 }),
      ]),
    );
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('caps a long Retry-After at config.retry.maximumWaitMs', async () => {
    server.injectFault({ path: machines, status: 429, retryAfterSeconds: 120, times: 1 });
    const started = Date.now();
    const { resources, runtime } = await listAll(
      createTestDriver(server, {
        services: ['compute'],
        retry: { maximumAttempts: 3, baseDelayMs: 5, maximumDelayMs: 20, maximumWaitMs: 300 },
      }),
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ofType(resources, 'azure.compute.virtualmachine')).toHaveLength(4);
    expect(runtime.rateLimits).toEqual(
      expect.arrayContaining([expect.objectContaining({ reason: 'throttled', waitMs: 300 })]),
    );
  });

  test('retries a 5xx and completes', async () => {
    const fault = server.injectFault({ path: machines, status: 503, times: 2 });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['compute'] }),
    );
    expect(fault.hits).toBe(2);
    expect(ofType(resources, 'azure.compute.virtualmachine')).toHaveLength(4);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('a list call failing with 500 for good fails its type as server, after the retries', async () => {
    server.injectFault({ path: machines, status: 500, times: Number.POSITIVE_INFINITY });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['compute'] }),
    );
    expect(ofType(resources, 'azure.compute.virtualmachine')).toHaveLength(0);
    expect(ofType(resources, 'azure.compute.availabilityset')).toHaveLength(2);
    const failed = runtime.scopes.filter((scope) => scope.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((scope) => scope.errorClass === 'server')).toBe(true);
    // Three attempts (config.retry.maximumAttempts) per subscription.
    expect(server.requests.filter((entry) => machines.test(entry.path))).toHaveLength(6);
  });

  test('reports the x-ms-ratelimit-remaining-* headers through emitRateLimit', async () => {
    const estate = createAzureEstate();
    const pages = nextLinkPages({
      items: (request) =>
        estate['azure.identity.userassignedidentity']!.filter((identity) =>
          String(identity.id).startsWith(`/subscriptions/${request.params.subscription}/`),
        ),
      pageSize: 1,
    });
    server.addRoutes([
      {
        service: 'identity',
        path: armPath(
          '/subscriptions/:subscription/providers/Microsoft.ManagedIdentity/userAssignedIdentities',
        ),
        handler: async (request, fake) => {
          const answer = (await pages(request, fake))!;
          return {
            ...answer,
            headers: {
              ...answer.headers,
              'x-ms-ratelimit-remaining-subscription-reads': '11998',
              'x-ms-ratelimit-remaining-resource': 'Microsoft.ManagedIdentity/Reads;117',
            },
          };
        },
      },
    ]);
    const { runtime } = await listAll(createTestDriver(server, { services: ['identity'] }));
    expect(runtime.rateLimits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          service: 'identity',
          remaining: 117,
          budgets: {
            'x-ms-ratelimit-remaining-subscription-reads': 11998,
            'Microsoft.ManagedIdentity/Reads': 117,
          },
        }),
      ]),
    );
  });

  test('reads the per-provider budgets of x-ms-ratelimit-remaining-resource', () => {
    const headers = new Map([
      [
        'x-ms-ratelimit-remaining-resource',
        'Microsoft.Compute/HighCostGet3Min;139,Microsoft.Compute/HighCostGet30Min;699',
      ],
      ['x-ms-ratelimit-remaining-tenant-reads', '11999'],
    ]);
    expect(readAzureRateLimitHeaders({ get: (name) => headers.get(name) })).toEqual({
      'x-ms-ratelimit-remaining-tenant-reads': 11999,
      'Microsoft.Compute/HighCostGet3Min': 139,
      'Microsoft.Compute/HighCostGet30Min': 699,
    });
    expect(readAzureRateLimitHeaders({ get: () => undefined })).toBeUndefined();
  });
});
