import type { ScopeReport } from '@cloud-inventory/core';
import {
  createFakeProviderServer,
  type FakeProviderServer,
  type TestRuntime,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import { createLinodeDriver, type LinodeDriver, type LinodeDriverConfig } from '../src/driver.ts';
import { createLinodeEstate, type LinodeEstate } from './fixtures/linode-estate.ts';
import { linodeCredentials, linodeFixtures, linodeRoutes } from './fixtures/linode-fixtures.ts';

/** A fake Linode API serving `estate` (a fresh fixture account by default). */
export async function startLinodeApi(
  estate: LinodeEstate = createLinodeEstate(),
): Promise<FakeProviderServer> {
  return createFakeProviderServer({ auth: linodeFixtures.auth!, routes: linodeRoutes(estate) });
}

/** A driver pointed at the fake API. */
export function createTestDriver(
  server: FakeProviderServer,
  config: LinodeDriverConfig = {},
  credentials: Record<string, string> = linodeCredentials,
): LinodeDriver {
  return createLinodeDriver({
    id: 'linode-test',
    driver: 'linode',
    credentials,
    config: { endpoint: server.url, retry: testRetryPolicy, ...config },
  });
}

/** The scope reports of one service and region that cover `type`. */
export function scopesOf(
  runtime: TestRuntime,
  service: string,
  type: string,
  region = 'global',
): ScopeReport[] {
  return runtime.scopes.filter(
    (scope) =>
      scope.service === service &&
      scope.region === region &&
      (scope.resourceTypes?.includes(type) ?? true),
  );
}
