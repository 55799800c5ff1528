import {
  createFakeProviderServer,
  type FakeProviderServer,
  testRetryPolicy,
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
      retry: testRetryPolicy,
      ...config,
    },
  });
}
