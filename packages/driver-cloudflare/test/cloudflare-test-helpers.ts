import {
  createFakeProviderServer,
  type FakeProviderServer,
  type TestRuntime,
  testRetryPolicy,
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
      retry: testRetryPolicy,
      ...config,
    },
  });
}

/** The scope reports of one resource type. */
export function scopesOf(runtime: TestRuntime, type: string) {
  return runtime.scopes.filter((scope) => scope.resourceTypes?.includes(type));
}
