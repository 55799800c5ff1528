import type { CloudResource } from '@cloud-inventory/core';
import {
  collectResources,
  createFakeProviderServer,
  createTestRuntime,
  type FakeProviderServer,
  type TestRuntime,
} from '@cloud-inventory/testkit';
import {
  type AlibabaDriver,
  type AlibabaDriverConfig,
  createAlibabaDriver,
} from '../src/driver.ts';
import { type AlibabaEstate, createAlibabaEstate } from './fixtures/alibaba-estate.ts';
import { alibabaRoutes, type FakeCall } from './fixtures/alibaba-fake-api.ts';
import { alibabaCredentials } from './fixtures/alibaba-signing.ts';

/** Fast retries for tests. */
export const testRetry = {
  maximumAttempts: 3,
  baseDelayMs: 5,
  maximumDelayMs: 20,
  maximumWaitMs: 3000,
};

/** A running fake API, its estate and the calls it accepted. */
export interface AlibabaTestApi {
  /** The fake server. */
  server: FakeProviderServer;
  /** What it serves (mutable). */
  estate: AlibabaEstate;
  /** Accepted calls, in order. */
  calls: FakeCall[];
}

/** Start the fake Alibaba API over an estate (a fresh one by default). */
export async function startAlibabaApi(
  estate: AlibabaEstate = createAlibabaEstate(),
): Promise<AlibabaTestApi> {
  const calls: FakeCall[] = [];
  const server = await createFakeProviderServer({ routes: alibabaRoutes(estate, calls) });
  return { server, estate, calls };
}

/** A driver pointed at the fake API, two items per page. */
export function createTestDriver(
  server: FakeProviderServer,
  config: AlibabaDriverConfig = {},
  credentials: Record<string, unknown> = alibabaCredentials,
): AlibabaDriver {
  return createAlibabaDriver({
    id: 'alibaba-test',
    driver: 'alibaba',
    credentials,
    config: { endpoint: server.url, pageSize: 2, retry: testRetry, ...config },
  });
}

/** Initialize a driver and list everything with a recording runtime. */
export async function listAll(
  driver: AlibabaDriver,
  options: { include?: string[]; exclude?: string[] } = {},
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
