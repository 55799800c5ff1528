import {
  createFakeProviderServer,
  type FakeProviderServer,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import { createOracleDriver, type OracleDriver, type OracleDriverConfig } from '../src/driver.ts';
import { createOracleEstate, type OracleEstate } from './fixtures/oracle-estate.ts';
import { oracleCredentials, oracleRoutes } from './fixtures/oracle-fixtures.ts';

/** A fake OCI API serving `estate` (a fresh fixture tenancy by default). */
export async function startOracleApi(
  estate: OracleEstate = createOracleEstate(),
): Promise<FakeProviderServer> {
  return createFakeProviderServer({ routes: oracleRoutes(estate) });
}

/** A driver pointed at the fake API (`{region}` in the path), two items per page. */
export function createTestDriver(
  server: FakeProviderServer,
  config: OracleDriverConfig = {},
  credentials: Record<string, unknown> = oracleCredentials,
): OracleDriver {
  return createOracleDriver({
    id: 'oracle-test',
    driver: 'oracle',
    credentials,
    config: { endpoint: `${server.url}/{region}`, pageSize: 2, retry: testRetryPolicy, ...config },
  });
}
