import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createGcpDriver } from '../src/driver.ts';
import { computePermissionDeniedBody, permissionDeniedBody } from './fixtures/gcp-error-bodies.ts';
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
  // Least privilege: a role without compute.disks.list on acme-prod, and bigquery.datasets.get
  // denied on one dataset (GCP's PERMISSION_DENIED bodies).
  denial: {
    listFault: {
      path: '/compute/compute/v1/projects/acme-prod/aggregated/disks',
      status: 403,
      body: computePermissionDeniedBody('compute.disks.list', 'acme-prod'),
    },
    expectDeniedTypes: ['gcp.compute.disk'],
    enrichmentFault: {
      path: '/bigquery/bigquery/v2/projects/acme-prod/datasets/analytics',
      status: 403,
      body: permissionDeniedBody('bigquery.datasets.get', 'projects/acme-prod/datasets/analytics'),
    },
    expectEnrichmentCall: 'bigquery.datasets.get',
    config: { services: ['compute', 'bigquery', 'iam'] },
  },
  timeoutMs: 60_000,
});
