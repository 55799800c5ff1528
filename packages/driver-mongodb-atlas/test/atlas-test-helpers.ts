import {
  createFakeProviderServer,
  type FakeProviderServer,
  type TestRuntime,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import { type AtlasDriver, type AtlasDriverConfig, createAtlasDriver } from '../src/driver.ts';
import { type AtlasEstate, createAtlasEstate } from './fixtures/atlas-estate.ts';
import { atlasCredentials, atlasFakeAuth, atlasRoutes } from './fixtures/atlas-fixtures.ts';

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
    config: { endpoint: server.url, itemsPerPage: 2, retry: testRetryPolicy, ...config },
  });
}

/** The scope reports of one service. */
export function scopesOf(runtime: TestRuntime, service: string) {
  return runtime.scopes.filter((scope) => scope.service === service);
}
