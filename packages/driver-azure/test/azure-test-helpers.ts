import type { CloudResource } from '@cloud-inventory/core';
import {
  collectResources,
  createFakeProviderServer,
  createTestRuntime,
  type FakeProviderServer,
  type TestRuntime,
} from '@cloud-inventory/testkit';
import {
  type AzureCredentials,
  type AzureDriver,
  type AzureDriverConfig,
  createAzureDriver,
} from '../src/driver.ts';
import { type AzureEstate, createAzureEstate } from './fixtures/azure-estate.ts';
import { azureCredentials, azureFixtures, azureRoutes } from './fixtures/azure-fixtures.ts';

/** Fast retries for tests. */
export const testRetry = { maximumAttempts: 3, baseDelayMs: 5, maximumDelayMs: 20 };

/** A fake ARM serving `estate` (a fresh fixture estate by default), one item per page. */
export async function startArm(
  estate: AzureEstate = createAzureEstate(),
): Promise<FakeProviderServer> {
  return createFakeProviderServer({ auth: azureFixtures.auth!, routes: azureRoutes(estate) });
}

/** A driver pointed at the fake ARM. */
export function createTestDriver(
  server: FakeProviderServer,
  config: AzureDriverConfig = {},
  credentials: AzureCredentials = azureCredentials,
): AzureDriver {
  return createAzureDriver({
    id: 'azure-test',
    driver: 'azure',
    credentials,
    config: { endpoint: server.url, retry: testRetry, ...config },
  });
}

/** Initialize a driver and list everything with a recording runtime. */
export async function listAll(
  driver: AzureDriver,
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

/** An ARM error body (`{ error: { code, message } }`), as ARM answers failures. */
export function armError(
  code: string,
  message: string,
): { error: { code: string; message: string } } {
  return { error: { code, message } };
}
