import type { CloudResource } from '@cloud-inventory/core';
import {
  collectResources,
  createFakeProviderServer,
  createTestRuntime,
  type FakeProviderServer,
  type TestRuntime,
} from '@cloud-inventory/testkit';
import { type AtlasDriver, type AtlasDriverConfig, createAtlasDriver } from '../src/driver.ts';
import { type AtlasEstate, createAtlasEstate } from './fixtures/atlas-estate.ts';
import { atlasCredentials, atlasFakeAuth, atlasRoutes } from './fixtures/atlas-fixtures.ts';

/** Fast retries for tests. */
export const testRetry = {
  maximumAttempts: 3,
  baseDelayMs: 5,
  maximumDelayMs: 20,
  maximumWaitMs: 3000,
};

/** A fake Atlas API (digest auth) serving `estate` (a fresh fixture organization by default). */
export function startAtlasApi(
  estate: AtlasEstate = createAtlasEstate(),
): Promise<FakeProviderServer> {
  return createFakeProviderServer({ auth: atlasFakeAuth, routes: atlasRoutes(estate) });
}

/** A driver pointed at the fake API, two items per page. */
export function createTestDriver(
  server: FakeProviderServer,
  config: AtlasDriverConfig = {},
  credentials: Record<string, string> = atlasCredentials,
): AtlasDriver {
  return createAtlasDriver({
    id: 'atlas-test',
    driver: 'mongodb-atlas',
    credentials,
    config: { endpoint: server.url, itemsPerPage: 2, retry: testRetry, ...config },
  });
}

/** Initialize a driver and list everything with a recording runtime. */
export async function listAll(
  driver: AtlasDriver,
  options: {
    include?: string[];
    exclude?: string[];
    concurrency?: number;
    runtime?: TestRuntime;
  } = {},
): Promise<{ resources: CloudResource[]; runtime: TestRuntime }> {
  const { runtime = createTestRuntime(), ...listOptions } = options;
  await driver.initialize();
  const resources = await collectResources(driver, { runtime, ...listOptions });
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

/** The scope reports of one service. */
export function scopesOf(runtime: TestRuntime, service: string) {
  return runtime.scopes.filter((scope) => scope.service === service);
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
