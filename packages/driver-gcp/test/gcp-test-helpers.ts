import type { CloudResource } from '@cloud-inventory/core';
import {
  collectResources,
  createFakeProviderServer,
  createTestRuntime,
  type FakeProviderServer,
  type TestRuntime,
} from '@cloud-inventory/testkit';
import {
  createGcpDriver,
  type GcpCredentials,
  type GcpDriver,
  type GcpDriverConfig,
} from '../src/driver.ts';
import {
  gcpCredentials,
  gcpFixtures,
  gcpTestConfig,
  gcpTestEndpoint,
} from './fixtures/gcp-fixtures.ts';

/** Fast retries for tests. */
export const testRetry = {
  maximumAttempts: 3,
  baseDelayMs: 5,
  maximumDelayMs: 20,
  maximumWaitMs: 3000,
};

/** A fake Google API serving the fixtures. */
export function startGcpApi(): Promise<FakeProviderServer> {
  return createFakeProviderServer({ auth: gcpFixtures.auth!, routes: gcpFixtures.routes });
}

/** A driver pointed at the fake API: two projects, one item per page. */
export function createTestDriver(
  server: FakeProviderServer,
  config: GcpDriverConfig = {},
  credentials: GcpCredentials = gcpCredentials,
): GcpDriver {
  return createGcpDriver({
    id: 'gcp-test',
    driver: 'gcp',
    credentials,
    config: {
      ...gcpTestConfig,
      endpoint: gcpTestEndpoint(server.url),
      retry: testRetry,
      ...config,
    },
  });
}

/** Initialize a driver and list everything with a recording runtime. */
export async function listAll(
  driver: GcpDriver,
  options: { include?: string[]; exclude?: string[]; concurrency?: number } = {},
): Promise<{ resources: CloudResource[]; runtime: TestRuntime }> {
  const runtime = createTestRuntime();
  await driver.initialize();
  const resources = await collectResources(driver, { runtime, ...options });
  return { resources, runtime };
}

/** Resources of one type. */
export function ofType(resources: CloudResource[], type: string): CloudResource[] {
  return resources.filter((resource) => resource.resourceType === type);
}

/** The thrown value of a promise; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
