import { createFakeProviderServer, type FakeProviderServer } from '@cloud-inventory/testkit';
import {
  type AzureCredentials,
  type AzureDriver,
  type AzureDriverConfig,
  createAzureDriver,
} from '../src/driver.ts';
import { type AzureEstate, createAzureEstate } from './fixtures/azure-estate.ts';
import { azureCredentials, azureFixtures, azureRoutes } from './fixtures/azure-fixtures.ts';

/** Fast retries for tests. */
export const testRetry = { maximumAttempts: 3, baseDelayMs: 5, maximumDelayMs: 20 };

/** A fake ARM serving `estate` (a fresh fixture estate by default), one item per page. */
export async function startArm(
  estate: AzureEstate = createAzureEstate(),
): Promise<FakeProviderServer> {
  return createFakeProviderServer({ auth: azureFixtures.auth!, routes: azureRoutes(estate) });
}

/** A driver pointed at the fake ARM. */
export function createTestDriver(
  server: FakeProviderServer,
  config: AzureDriverConfig = {},
  credentials: AzureCredentials = azureCredentials,
): AzureDriver {
  return createAzureDriver({
    id: 'azure-test',
    driver: 'azure',
    credentials,
    config: { endpoint: server.url, retry: testRetry, ...config },
  });
}

/** An ARM error body (`{ error: { code, message } }`), as ARM answers failures. */
export function armError(
  code: string,
  message: string,
): { error: { code: string; message: string } } {
  return { error: { code, message } };
}
