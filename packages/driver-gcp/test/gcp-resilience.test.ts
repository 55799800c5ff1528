import { DriverError } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, ofType, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  accessNotConfiguredBody,
  computePermissionDeniedBody,
  permissionDeniedBody,
  rateLimitExceeded403Body,
  rateLimitedBody,
  serviceDisabledBody,
  unauthenticatedBody,
  unavailableBody,
} from './fixtures/gcp-error-bodies.ts';
import { gcpAccessToken } from './fixtures/gcp-fixtures.ts';
import { createTestDriver, startGcpApi } from './gcp-test-helpers.ts';

describe('gcp errors, retries and partial permissions', () => {
  let api: FakeProviderServer;
  beforeEach(async () => {
    api = await startGcpApi();
  });
  afterEach(async () => {
    await api.close();
  });

  test('a 429 with Retry-After is waited out and reported; a 503 is retried', async () => {
    api.injectFault({
      path: '/compute/compute/v1/projects/acme-prod/aggregated/instances',
      status: 429,
      retryAfterSeconds: 1,
      body: rateLimitedBody,
    });
    api.injectFault({
      path: '/pubsub/v1/projects/acme-prod/topics',
      status: 503,
      body: unavailableBody,
    });
    const { resources, runtime } = await listAll(
      createTestDriver(api, { projectIds: ['acme-prod'] }),
    );
    const throttled = api.requestsTo('/compute/compute/v1/projects/acme-prod/aggregated/instances');
    expect(throttled[0]!.status).toBe(429);
    expect(throttled[1]!.receivedAt - throttled[0]!.receivedAt).toBeGreaterThanOrEqual(900);
    expect(
      api.requestsTo('/pubsub/v1/projects/acme-prod/topics').map((entry) => entry.status),
    ).toEqual([503, 200, 200]);
    expect(ofType(resources, 'gcp.compute.instance')).toHaveLength(2);
    expect(ofType(resources, 'gcp.pubsub.topic')).toHaveLength(2);
    expect(
      runtime.rateLimits.some(
        (report) => report.reason === 'throttled' && report.service === 'compute',
      ),
    ).toBe(true);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('a 403 rateLimitExceeded is a throttle: retried, reported, and the list completes', async () => {
    api.injectFault({
      path: '/storage/storage/v1/b',
      status: 403,
      times: 2,
      body: rateLimitExceeded403Body,
    });
    const { resources, runtime } = await listAll(
      createTestDriver(api, { projectIds: ['acme-prod'], services: ['storage'] }),
    );
    expect(
      api
        .requestsTo('/storage/storage/v1/b')
        .map((entry) => entry.status)
        .slice(0, 3),
    ).toEqual([403, 403, 200]);
    expect(ofType(resources, 'gcp.storage.bucket')).toHaveLength(2);
    expect(runtime.rateLimits.filter((report) => report.status === 403)).toHaveLength(2);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('a 403 rate limit that never ends fails the step as throttled, not auth', async () => {
    api.injectFault({
      path: '/storage/storage/v1/b',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: rateLimitExceeded403Body,
    });
    const { runtime } = await listAll(
      createTestDriver(api, { projectIds: ['acme-prod'], services: ['storage', 'iam'] }),
    );
    const storage = runtime.scopes.filter((scope) => scope.service === 'storage');
    expect(
      storage.every((scope) => scope.status === 'failed' && scope.errorClass === 'throttled'),
    ).toBe(true);
    expect(
      runtime.scopes
        .filter((scope) => scope.service === 'iam')
        .every((scope) => scope.status === 'complete'),
    ).toBe(true);
  });

  test('a 401 fails the run with an auth error naming the credential fields, without the token', async () => {
    api.injectFault({ status: 401, times: Number.POSITIVE_INFINITY, body: unauthenticatedBody });
    const error = await rejectionOf(listAll(createTestDriver(api)));
    expect(DriverError.isInstance(error) && error.errorClass).toBe('auth');
    expect(error.message).toContain('credentials.accessToken');
    expect(error.message).toContain('credentials.keyFile');
    expect(error.message).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    expect(error.message).not.toContain(gcpAccessToken);
  });

  test('an API that is not enabled fails only its service, as not-enabled, naming the API to enable', async () => {
    api.injectFault({
      path: '/sqladmin/sql/v1beta4/projects/acme-prod/instances',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: serviceDisabledBody('sqladmin.googleapis.com', 'Cloud SQL Admin API'),
    });
    const { resources, runtime } = await listAll(
      createTestDriver(api, { projectIds: ['acme-prod'] }),
    );
    const sql = runtime.scopes.filter((scope) => scope.service === 'sql');
    expect(sql.length).toBeGreaterThan(0);
    for (const scope of sql) {
      expect(scope).toMatchObject({ status: 'failed', errorClass: 'not-enabled' });
      expect(scope.error).toContain('sqladmin.googleapis.com');
      expect(scope.error).toContain(
        'gcloud services enable sqladmin.googleapis.com --project acme-prod',
      );
    }
    expect(
      runtime.scopes
        .filter((scope) => scope.service !== 'sql')
        .every((scope) => scope.status === 'complete'),
    ).toBe(true);
    expect(ofType(resources, 'gcp.storage.bucket')).toHaveLength(2);
  });

  test('Compute Engine off (accessNotConfigured): compute types fail not-enabled, regions fall back, the rest lists', async () => {
    api.injectFault({
      path: /^\/compute\//,
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: accessNotConfiguredBody(),
    });
    const { resources, runtime } = await listAll(
      createTestDriver(api, {
        projectIds: ['acme-prod'],
        regions: ['us-central1', 'europe-west1'],
      }),
    );
    const compute = runtime.scopes.filter((scope) =>
      ['compute', 'vpc', 'loadbalancing'].includes(scope.service),
    );
    expect(
      compute.every((scope) => scope.status === 'failed' && scope.errorClass === 'not-enabled'),
    ).toBe(true);
    expect(compute[0]!.error).toContain('compute.googleapis.com');
    expect(ofType(resources, 'gcp.container.cluster')).toHaveLength(2);
    expect(ofType(resources, 'gcp.run.service')).toHaveLength(4);
  });

  test('one denied list call fails exactly its types; the other types of the service complete', async () => {
    api.injectFault({
      path: '/compute/compute/v1/projects/acme-prod/aggregated/disks',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: computePermissionDeniedBody('compute.disks.list', 'acme-prod'),
    });
    const { resources, runtime } = await listAll(
      createTestDriver(api, { projectIds: ['acme-prod'] }),
    );
    const compute = runtime.scopes.filter((scope) => scope.service === 'compute');
    const failed = compute.filter((scope) => scope.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const scope of failed) {
      expect(scope).toMatchObject({ errorClass: 'auth', resourceTypes: ['gcp.compute.disk'] });
      expect(scope.call).toBe(
        'compute.disks.aggregatedList on projects/acme-prod (needs compute.disks.list)',
      );
      expect(scope.error).toContain("Required 'compute.disks.list' permission");
    }
    const complete = compute.filter((scope) => scope.status === 'complete');
    for (const region of ['global', 'us-central1', 'europe-west1']) {
      const scope = complete.find((entry) => entry.region === region);
      expect(scope?.resourceTypes, region).toContain('gcp.compute.instance');
      expect(scope?.resourceTypes, region).not.toContain('gcp.compute.disk');
    }
    expect(ofType(resources, 'gcp.compute.instance')).toHaveLength(2);
    expect(ofType(resources, 'gcp.compute.disk')).toHaveLength(0);
  });

  test('a denied per-resource call keeps the resource, records the failure on it, and the scope completes', async () => {
    api.injectFault({
      path: '/bigquery/bigquery/v2/projects/acme-prod/datasets/analytics',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: permissionDeniedBody('bigquery.datasets.get', 'projects/acme-prod/datasets/analytics'),
    });
    const { resources, runtime } = await listAll(
      createTestDriver(api, { projectIds: ['acme-prod'] }),
    );
    const analytics = ofType(resources, 'gcp.bigquery.dataset').find(
      (entry) => entry.name === 'analytics',
    )!;
    expect(analytics.configuration).toMatchObject({ id: 'acme-prod:analytics', location: 'US' });
    expect(analytics.metadata?.enrichmentErrors).toEqual([
      expect.objectContaining({ call: 'bigquery.datasets.get', errorClass: 'auth' }),
    ]);
    const other = ofType(resources, 'gcp.bigquery.dataset').find(
      (entry) => entry.name === 'eu_sales',
    )!;
    expect(other.metadata?.enrichmentErrors).toBeUndefined();
    const scopes = runtime.scopes.filter((scope) => scope.service === 'bigquery');
    expect(scopes.every((scope) => scope.status === 'complete')).toBe(true);
    const summary = scopes.find((scope) => scope.region === 'global')!.enrichmentErrors;
    expect(summary).toEqual([
      expect.objectContaining({ call: 'bigquery.datasets.get', failed: 1, attempted: 2 }),
    ]);
  });

  test('a step failing in one project only fails the merged scope: complete nowhere it is not', async () => {
    api.injectFault({
      path: '/iam/v1/projects/acme-data/serviceAccounts',
      status: 500,
      times: Number.POSITIVE_INFINITY,
    });
    const { resources, runtime } = await listAll(createTestDriver(api));
    const iam = runtime.scopes.filter((scope) => scope.service === 'iam');
    expect(iam).toEqual([
      expect.objectContaining({ region: 'global', status: 'failed', errorClass: 'server' }),
    ]);
    expect(iam[0]!.call).toContain('projects/acme-data');
    expect(ofType(resources, 'gcp.iam.service-account').map((entry) => entry.accountId)).toEqual([
      'acme-prod',
      'acme-prod',
    ]);
  });
});
