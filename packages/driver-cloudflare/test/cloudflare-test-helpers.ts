import type { CloudResource } from '@cloud-inventory/core';
import {
  collectResources,
  createFakeProviderServer,
  createTestRuntime,
  type FakeProviderServer,
  type TestRuntime,
} from '@cloud-inventory/testkit';
import {
  type CloudflareDriver,
  type CloudflareDriverConfig,
  createCloudflareDriver,
} from '../src/driver.ts';
import {
  accountId,
  type CloudflareEstate,
  createCloudflareEstate,
} from './fixtures/cloudflare-estate.ts';
import {
  cloudflareApiPrefix,
  cloudflareCredentials,
  cloudflareFixtures,
  cloudflareRoutes,
} from './fixtures/cloudflare-fixtures.ts';

/** Fast retries for tests. */
export const testRetry = {
  maximumAttempts: 3,
  baseDelayMs: 5,
  maximumDelayMs: 20,
  maximumWaitMs: 3000,
};

/** A fake Cloudflare API serving `estate` (a fresh fixture account by default). */
export async function startCloudflareApi(
  estate: CloudflareEstate = createCloudflareEstate(),
): Promise<FakeProviderServer> {
  return createFakeProviderServer({
    auth: cloudflareFixtures.auth!,
    routes: cloudflareRoutes(estate),
  });
}

/** A driver pointed at the fake API. */
export function createTestDriver(
  server: FakeProviderServer,
  config: CloudflareDriverConfig = {},
  credentials: Record<string, string> = cloudflareCredentials,
): CloudflareDriver {
  return createCloudflareDriver({
    id: 'cloudflare-test',
    driver: 'cloudflare',
    credentials,
    config: {
      accountId,
      endpoint: `${server.url}${cloudflareApiPrefix}`,
      retry: testRetry,
      ...config,
    },
  });
}

/** Initialize a driver and list everything with a recording runtime. */
export async function listAll(
  driver: CloudflareDriver,
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

/** The scope reports of one resource type. */
export function scopesOf(runtime: TestRuntime, type: string) {
  return runtime.scopes.filter((scope) => scope.resourceTypes?.includes(type));
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
