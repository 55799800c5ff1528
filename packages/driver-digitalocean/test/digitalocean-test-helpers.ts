// Shared set-up of the driver tests: the fake DigitalOcean on 127.0.0.1 and a driver pointed at it.
import type { CloudResource } from '@cloud-inventory/core';
import {
  type CollectResourcesOptions,
  collectResources,
  conformanceRetryPolicy,
  createFakeProviderServer,
  createTestRuntime,
  type FakeProviderServer,
  type TestRuntime,
} from '@cloud-inventory/testkit';
import {
  createDigitalOceanDriver,
  type DigitalOceanCredentials,
  type DigitalOceanDriver,
  type DigitalOceanDriverConfig,
} from '../src/driver.ts';
import {
  createDigitalOceanEstate,
  createDigitalOceanFixtures,
  type DigitalOceanEstate,
  digitalOceanCredentials,
} from './fixtures/digitalocean-fixtures.ts';

/** A fake DigitalOcean and its estate. */
export interface FakeDigitalOcean {
  server: FakeProviderServer;
  estate: DigitalOceanEstate;
}

/** Start the fake DigitalOcean (close `server` when done). */
export async function startFakeDigitalOcean(
  estate: DigitalOceanEstate = createDigitalOceanEstate(),
): Promise<FakeDigitalOcean> {
  const fixtures = createDigitalOceanFixtures(estate);
  const server = await createFakeProviderServer({
    routes: fixtures.routes,
    ...(fixtures.auth ? { auth: fixtures.auth } : {}),
  });
  return { server, estate };
}

/** Driver config pointing at the fake, two items per page, fast retries. */
export function fakeConfig(
  server: FakeProviderServer,
  config: DigitalOceanDriverConfig = {},
): DigitalOceanDriverConfig {
  return {
    endpoint: server.url,
    spacesEndpoint: server.url,
    perPage: 2,
    retry: { ...conformanceRetryPolicy },
    ...config,
  };
}

/** Build a driver against the fake. */
export function fakeDriver(
  server: FakeProviderServer,
  options: { config?: DigitalOceanDriverConfig; credentials?: DigitalOceanCredentials } = {},
): DigitalOceanDriver {
  return createDigitalOceanDriver({
    id: 'digitalocean-test',
    driver: 'digitalocean',
    credentials: options.credentials ?? { ...digitalOceanCredentials },
    config: fakeConfig(server, options.config),
  });
}

/** Initialise, list and destroy a driver against the fake. */
export async function listWith(
  server: FakeProviderServer,
  options: {
    config?: DigitalOceanDriverConfig;
    credentials?: DigitalOceanCredentials;
    list?: Omit<CollectResourcesOptions, 'runtime'>;
  } = {},
): Promise<{ resources: CloudResource[]; runtime: TestRuntime; driver: DigitalOceanDriver }> {
  const driver = fakeDriver(server, options);
  const runtime = createTestRuntime();
  try {
    await driver.initialize();
    const resources = await collectResources(driver, { ...options.list, runtime });
    return { resources, runtime, driver };
  } finally {
    await driver.destroy();
  }
}
