import type { CloudResource } from '@cloud-inventory/core';
import {
  collectResources,
  createFakeProviderServer,
  createTestRuntime,
  type FakeProviderServer,
  type TestRuntime,
} from '@cloud-inventory/testkit';
import { createOracleDriver, type OracleDriver, type OracleDriverConfig } from '../src/driver.ts';
import { createOracleEstate, type OracleEstate } from './fixtures/oracle-estate.ts';
import { oracleCredentials, oracleRoutes } from './fixtures/oracle-fixtures.ts';

/** Fast retries for tests. */
export const testRetry = {
  maximumAttempts: 3,
  baseDelayMs: 5,
  maximumDelayMs: 20,
  maximumWaitMs: 3000,
};

/** A fake OCI API serving `estate` (a fresh fixture tenancy by default). */
export async function startOracleApi(
  estate: OracleEstate = createOracleEstate(),
): Promise<FakeProviderServer> {
  return createFakeProviderServer({ routes: oracleRoutes(estate) });
}

/** A driver pointed at the fake API (`{region}` in the path), two items per page. */
export function createTestDriver(
  server: FakeProviderServer,
  config: OracleDriverConfig = {},
  credentials: Record<string, unknown> = oracleCredentials,
): OracleDriver {
  return createOracleDriver({
    id: 'oracle-test',
    driver: 'oracle',
    credentials,
    config: { endpoint: `${server.url}/{region}`, pageSize: 2, retry: testRetry, ...config },
  });
}

/** Initialize a driver and list everything with a recording runtime. */
export async function listAll(
  driver: OracleDriver,
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

/** The thrown value of a promise, or a failure when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
