// The three drivers' fixture estates, listed by the real drivers against their fake APIs with the
// drivers' own test helpers (read-only reuse), for the Terraform import golden files.
import type { CloudResource, DriverCatalog } from '@cloud-inventory/core';
import { awsCatalog } from '../../packages/driver-aws/src/aws-catalog.ts';
import { runAws, startAwsApi } from '../../packages/driver-aws/test/aws-test-helpers.ts';
import { digitalOceanCatalog } from '../../packages/driver-digitalocean/src/digitalocean-catalog.ts';
import {
  listWith,
  startFakeDigitalOcean,
} from '../../packages/driver-digitalocean/test/digitalocean-test-helpers.ts';
import { hetznerCatalog } from '../../packages/driver-hetzner/src/hetzner-catalog.ts';
import {
  createTestDriver,
  startHetznerApi,
} from '../../packages/driver-hetzner/test/hetzner-test-helpers.ts';
import { listAll } from '../../packages/testkit/src/index.ts';

/** A driver's catalog and the resources its fixture estate yields. */
export interface FixtureEstate {
  /** Driver name. */
  driver: string;
  /** The driver's catalog. */
  catalog: DriverCatalog;
  /** List the fixture estate. */
  list(): Promise<CloudResource[]>;
}

/** The estates of aws, digitalocean and hetzner. */
export const fixtureEstates: FixtureEstate[] = [
  {
    driver: 'aws',
    catalog: awsCatalog,
    async list() {
      const server = await startAwsApi();
      try {
        return (await runAws(server)).resources;
      } finally {
        await server.close();
      }
    },
  },
  {
    driver: 'digitalocean',
    catalog: digitalOceanCatalog,
    async list() {
      const { server } = await startFakeDigitalOcean();
      try {
        return (await listWith(server)).resources;
      } finally {
        await server.close();
      }
    },
  },
  {
    driver: 'hetzner',
    catalog: hetznerCatalog,
    async list() {
      const server = await startHetznerApi();
      try {
        return (await listAll(createTestDriver(server))).resources;
      } finally {
        await server.close();
      }
    },
  },
];
