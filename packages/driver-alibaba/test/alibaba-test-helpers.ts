import {
  createFakeProviderServer,
  type FakeProviderServer,
  testRetryPolicy,
} from '@cloud-inventory/testkit';
import {
  type AlibabaDriver,
  type AlibabaDriverConfig,
  createAlibabaDriver,
} from '../src/driver.ts';
import { type AlibabaEstate, createAlibabaEstate } from './fixtures/alibaba-estate.ts';
import { alibabaRoutes, type FakeCall } from './fixtures/alibaba-fake-api.ts';
import { alibabaCredentials } from './fixtures/alibaba-signing.ts';

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
    config: { endpoint: server.url, pageSize: 2, retry: testRetryPolicy, ...config },
  });
}
