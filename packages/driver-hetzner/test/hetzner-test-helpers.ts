import type { CloudResource } from '@cloud-inventory/core';
import {
  collectResources,
  createFakeProviderServer,
  createTestRuntime,
  type FakeProviderServer,
  type TestRuntime,
} from '@cloud-inventory/testkit';
import {
  createHetznerDriver,
  type HetznerDriver,
  type HetznerDriverConfig,
} from '../src/driver.ts';
import { createHetznerEstate, type HetznerEstate } from './fixtures/hetzner-estate.ts';
import { hetznerCredentials, hetznerFixtures, hetznerRoutes } from './fixtures/hetzner-fixtures.ts';

/** Fast retries for tests. */
export const testRetry = {
  maximumAttempts: 3,
  baseDelayMs: 5,
  maximumDelayMs: 20,
  maximumWaitMs: 3000,
};

/** A fake Hetzner API serving `estate` (a fresh fixture project by default). */
export async function startHetznerApi(
  estate: HetznerEstate = createHetznerEstate(),
): Promise<FakeProviderServer> {
  return createFakeProviderServer({ auth: hetznerFixtures.auth!, routes: hetznerRoutes(estate) });
}

/** A driver pointed at the fake API, two items per page. */
export function createTestDriver(
  server: FakeProviderServer,
  config: HetznerDriverConfig = {},
  credentials: Record<string, string> = hetznerCredentials,
): HetznerDriver {
  return createHetznerDriver({
    id: 'hetzner-test',
    driver: 'hetzner',
    credentials,
    config: { endpoint: `${server.url}/v1`, perPage: 2, retry: testRetry, ...config },
  });
}

/** Initialize a driver and list everything with a recording runtime. */
export async function listAll(
  driver: HetznerDriver,
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

/** `service@region` of every scope report, sorted. */
export function scopeKeys(runtime: TestRuntime, service: string): string[] {
  return runtime.scopes
    .filter((scope) => scope.service === service)
    .map((scope) => `${scope.region}:${scope.status}`)
    .sort();
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
