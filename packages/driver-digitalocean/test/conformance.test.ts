import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createDigitalOceanDriver } from '../src/driver.ts';
import {
  createDigitalOceanFixtures,
  digitalOceanCredentials,
} from './fixtures/digitalocean-fixtures.ts';

runDriverConformance({
  describe,
  test,
  name: 'digitalocean',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    createDigitalOceanDriver({
      id: 'digitalocean-test',
      driver: 'digitalocean',
      credentials,
      config: { ...config, endpoint, spacesEndpoint: endpoint, perPage: 2, retry },
    }),
  fixtures: createDigitalOceanFixtures(),
  credentials: digitalOceanCredentials,
  capabilities: {
    tags: [
      'digitalocean.droplet',
      'digitalocean.kubernetes.cluster',
      'digitalocean.database',
      'digitalocean.volume',
      'digitalocean.snapshot',
      'digitalocean.firewall',
    ],
    labels: ['digitalocean.kubernetes.nodepool'],
    regions: true,
    secretTypes: ['digitalocean.database', 'digitalocean.app'],
  },
});
