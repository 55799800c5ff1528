import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createGcpDriver } from '../src/driver.ts';
import {
  gcpCredentials,
  gcpFixtures,
  gcpTestConfig,
  gcpTestEndpoint,
} from './fixtures/gcp-fixtures.ts';

runDriverConformance({
  describe,
  test,
  name: 'gcp',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    createGcpDriver({
      id: 'gcp-test',
      driver: 'gcp',
      credentials,
      // pageSize 1 (in gcpTestConfig): every list call of the fixtures spans at least two pages.
      config: { ...gcpTestConfig, ...config, endpoint: gcpTestEndpoint(endpoint), retry },
    }),
  fixtures: gcpFixtures,
  credentials: gcpCredentials,
  capabilities: {
    labels: true,
    tags: ['gcp.compute.instance', 'gcp.compute.instance-template'],
    regions: ['europe-west1'],
    secretTypes: ['gcp.compute.instance', 'gcp.run.service', 'gcp.functions.function'],
  },
  timeoutMs: 60_000,
});
