import type { CloudResource } from '@cloud-inventory/core';
import {
  collectResources,
  createFakeProviderServer,
  createTestRuntime,
  type FakeProviderServer,
  type TestRuntime,
} from '@cloud-inventory/testkit';
import { createVultrDriver, type VultrDriver, type VultrDriverConfig } from '../src/driver.ts';
import { createVultrEstate, type VultrEstate } from './fixtures/vultr-estate.ts';
import { vultrCredentials, vultrFixtures, vultrRoutes } from './fixtures/vultr-fixtures.ts';

/** Fast retries for tests. */
export const testRetry = {
  maximumAttempts: 3,
  baseDelayMs: 5,
  maximumDelayMs: 20,
  maximumWaitMs: 3000,
};

/** A fake Vultr API serving `estate` (a fresh fixture account by default). */
export async function startVultrApi(
  estate: VultrEstate = createVultrEstate(),
): Promise<FakeProviderServer> {
  return createFakeProviderServer({ auth: vultrFixtures.auth!, routes: vultrRoutes(estate) });
}

/** A driver pointed at the fake API, two items per page, no pacing to speak of. */
export function createTestDriver(
  server: FakeProviderServer,
  config: VultrDriverConfig = {},
  credentials: Record<string, string> = vultrCredentials,
): VultrDriver {
  return createVultrDriver({
    id: 'vultr-test',
    driver: 'vultr',
    credentials,
    config: {
      endpoint: `${server.url}/v2`,
      perPage: 2,
      requestsPerSecond: 30,
      retry: testRetry,
      ...config,
    },
  });
}

/** Initialize a driver and list everything with a recording runtime. */
export async function listAll(
  driver: VultrDriver,
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

/** How many resources of each type. */
export function countByType(resources: CloudResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) {
    counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
  }
  return counts;
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
