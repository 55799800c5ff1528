import {
  createFakeProviderServer,
  type FakeProviderServer,
  type TestRuntime,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import {
  createHetznerDriver,
  type HetznerDriver,
  type HetznerDriverConfig,
} from '../src/driver.ts';
import { createHetznerEstate, type HetznerEstate } from './fixtures/hetzner-estate.ts';
import { hetznerCredentials, hetznerFixtures, hetznerRoutes } from './fixtures/hetzner-fixtures.ts';

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
    config: { endpoint: `${server.url}/v1`, perPage: 2, retry: testRetryPolicy, ...config },
  });
}

/** `service@region` of every scope report, sorted. */
export function scopeKeys(runtime: TestRuntime, service: string): string[] {
  return runtime.scopes
    .filter((scope) => scope.service === service)
    .map((scope) => `${scope.region}:${scope.status}`)
    .sort();
}
