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
  // A custom-scoped token: registry repositories and database firewall rules denied.
  denial: {
    listFault: {
      path: '/v2/registry/:name/repositoriesV2',
      status: 403,
      body: { id: 'forbidden', message: 'You are not authorized to perform this operation' },
    },
    expectDeniedTypes: ['digitalocean.registry.repository'],
    enrichmentFault: {
      path: '/v2/databases/:id/firewall',
      status: 403,
      body: { id: 'forbidden', message: 'You are not authorized to perform this operation' },
    },
    expectEnrichmentCall: 'GET /v2/databases/{uuid}/firewall',
    config: { services: ['registry', 'databases', 'droplets'] },
  },
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
