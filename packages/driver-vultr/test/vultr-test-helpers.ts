import {
  createFakeProviderServer,
  type FakeProviderServer,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import { createVultrDriver, type VultrDriver, type VultrDriverConfig } from '../src/driver.ts';
import { createVultrEstate, type VultrEstate } from './fixtures/vultr-estate.ts';
import { vultrCredentials, vultrFixtures, vultrRoutes } from './fixtures/vultr-fixtures.ts';

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
      retry: testRetryPolicy,
      ...config,
    },
  });
}

// NOTE: conformance.test.ts imports `listAll` from here; it now lives in the kit.
export { listAll } from '@cloud-inventory/testkit';
