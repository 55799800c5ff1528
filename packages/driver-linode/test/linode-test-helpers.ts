import type { CloudResource, ScopeReport } from '@cloud-inventory/core';
import {
  collectResources,
  createFakeProviderServer,
  createTestRuntime,
  type FakeProviderServer,
  type TestRuntime,
} from '@cloud-inventory/testkit';
import { createLinodeDriver, type LinodeDriver, type LinodeDriverConfig } from '../src/driver.ts';
import { createLinodeEstate, type LinodeEstate } from './fixtures/linode-estate.ts';
import { linodeCredentials, linodeFixtures, linodeRoutes } from './fixtures/linode-fixtures.ts';

/** Fast retries for tests. */
export const testRetry = {
  maximumAttempts: 3,
  baseDelayMs: 5,
  maximumDelayMs: 20,
  maximumWaitMs: 3000,
};

/** A fake Linode API serving `estate` (a fresh fixture account by default). */
export async function startLinodeApi(
  estate: LinodeEstate = createLinodeEstate(),
): Promise<FakeProviderServer> {
  return createFakeProviderServer({ auth: linodeFixtures.auth!, routes: linodeRoutes(estate) });
}

/** A driver pointed at the fake API. */
export function createTestDriver(
  server: FakeProviderServer,
  config: LinodeDriverConfig = {},
  credentials: Record<string, string> = linodeCredentials,
): LinodeDriver {
  return createLinodeDriver({
    id: 'linode-test',
    driver: 'linode',
    credentials,
    config: { endpoint: server.url, retry: testRetry, ...config },
  });
}

/** Initialize a driver and list everything with a recording runtime. */
export async function listAll(
  driver: LinodeDriver,
  options: { include?: string[]; exclude?: string[]; concurrency?: number } = {},
): Promise<{ resources: CloudResource[]; runtime: TestRuntime }> {
  const runtime = createTestRuntime();
  await driver.initialize();
  const resources = await collectResources(driver, { runtime, ...options });
  return { resources, runtime };
}

/** Resources of one type, keyed by id. */
export function byId(resources: CloudResource[], type: string): Map<string, CloudResource> {
  return new Map(
    resources
      .filter((resource) => resource.resourceType === type)
      .map((resource) => [resource.resourceId, resource]),
  );
}

/** How many resources of each type were listed. */
export function countByType(resources: CloudResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) {
    counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
  }
  return counts;
}

/** The scope reports of one service and region that cover `type`. */
export function scopesOf(
  runtime: TestRuntime,
  service: string,
  type: string,
  region = 'global',
): ScopeReport[] {
  return runtime.scopes.filter(
    (scope) =>
      scope.service === service &&
      scope.region === region &&
      (scope.resourceTypes?.includes(type) ?? true),
  );
}

/** The thrown value of a promise, or a failure when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
