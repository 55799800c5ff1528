import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createHetznerDriver } from '../src/driver.ts';
import { hetznerCredentials, hetznerFixtures } from './fixtures/hetzner-fixtures.ts';

runDriverConformance({
  describe,
  test,
  name: 'hetzner',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    createHetznerDriver({
      id: 'hetzner-test',
      driver: 'hetzner',
      credentials,
      // perPage 2: every list call of the fixtures spans at least two pages.
      config: { ...config, perPage: 2, endpoint: `${endpoint}/v1`, retry },
    }),
  fixtures: hetznerFixtures,
  credentials: hetznerCredentials,
  capabilities: { labels: true, regions: true },
  // A denied endpoint. Hetzner Cloud makes no per-resource calls, so there is no read to deny.
  denial: {
    listFault: {
      path: '/v1/certificates',
      status: 403,
      body: { error: { code: 'forbidden', message: 'insufficient permissions for this request' } },
    },
    expectDeniedTypes: ['hetzner.certificate'],
    config: { services: ['certificates', 'loadbalancers', 'servers'] },
  },
});
