import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createVultrDriver } from '../src/driver.ts';
import { vultrCredentials, vultrFixtures } from './fixtures/vultr-fixtures.ts';

runDriverConformance({
  describe,
  test,
  name: 'vultr',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    createVultrDriver({
      id: 'vultr-test',
      driver: 'vultr',
      credentials,
      // perPage 2: every paged list call of the fixtures spans at least two pages.
      config: { ...config, perPage: 2, requestsPerSecond: 30, endpoint: `${endpoint}/v2`, retry },
    }),
  fixtures: vultrFixtures,
  credentials: vultrCredentials,
  capabilities: {
    tags: ['vultr.instance', 'vultr.baremetal', 'vultr.kubernetes.nodepool', 'vultr.database'],
    regions: true,
    secretTypes: [
      'vultr.instance',
      'vultr.baremetal',
      'vultr.objectstorage.subscription',
      'vultr.startup-script',
      'vultr.database',
    ],
  },
});
