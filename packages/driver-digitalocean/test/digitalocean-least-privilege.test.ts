// A custom-scoped token: a denied endpoint (403 `{ id: 'forbidden', message }`) inside a service
// loses only the type it lists, or only the per-resource part it reads.
import type { CloudResource } from '@cloud-inventory/core';
import { ofType, type TestRuntime } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  type FakeDigitalOcean,
  listWith,
  startFakeDigitalOcean,
} from './digitalocean-test-helpers.ts';

let fake: FakeDigitalOcean;
beforeEach(async () => {
  fake = await startFakeDigitalOcean();
});
afterEach(async () => {
  await fake.server.close();
});

const forbidden = {
  status: 403,
  times: Number.POSITIVE_INFINITY,
  body: { id: 'forbidden', message: 'You are not authorized to perform this operation' },
};

/** Reports of the step listing `type` (one per covered region). */
const scopesOf = (runtime: TestRuntime, type: string) =>
  runtime.scopes.filter((scope) => scope.resourceTypes?.includes(type));

describe('a denied list endpoint fails only the types it lists', () => {
  test('registry repositories denied: the registry and every other service still list', async () => {
    const baseline = await listWith(fake.server);
    fake.server.injectFault({ path: '/v2/registry/:name/repositoriesV2', ...forbidden });
    const { resources, runtime } = await listWith(fake.server);

    expect(ofType(resources, 'digitalocean.registry.repository')).toEqual([]);
    const others = (list: CloudResource[]) =>
      list
        .filter((resource) => resource.resourceType !== 'digitalocean.registry.repository')
        .map((resource) => `${resource.resourceType}/${resource.resourceId}`)
        .sort();
    expect(others(resources)).toEqual(others(baseline.resources));

    const denied = scopesOf(runtime, 'digitalocean.registry.repository');
    expect(denied.length).toBeGreaterThan(1);
    for (const scope of denied) {
      expect(scope).toMatchObject({
        service: 'registry',
        status: 'failed',
        errorClass: 'auth',
        call: 'GET /v2/registry, GET /v2/registry/{name}/repositoriesV2',
        resourceTypes: ['digitalocean.registry.repository'],
      });
      expect(scope.error).toMatch(/HTTP 403.*registry:read/);
    }
    const registry = scopesOf(runtime, 'digitalocean.registry');
    expect(registry.length).toBeGreaterThan(1);
    expect(registry.every((scope) => scope.status === 'complete')).toBe(true);
    const rest = runtime.scopes.filter(
      (scope) => !scope.resourceTypes?.includes('digitalocean.registry.repository'),
    );
    expect(rest.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('domain records denied: domains stay complete', async () => {
    fake.server.injectFault({ path: '/v2/domains/:name/records', ...forbidden });
    const { resources, runtime } = await listWith(fake.server, {
      config: { services: ['domains'] },
    });
    expect(ofType(resources, 'digitalocean.domain').length).toBeGreaterThan(1);
    expect(ofType(resources, 'digitalocean.domain.record')).toEqual([]);
    expect(scopesOf(runtime, 'digitalocean.domain')).toEqual([
      expect.objectContaining({ status: 'complete', region: 'global' }),
    ]);
    expect(scopesOf(runtime, 'digitalocean.domain.record')).toEqual([
      expect.objectContaining({
        status: 'failed',
        errorClass: 'auth',
        call: 'GET /v2/domains, GET /v2/domains/{name}/records',
      }),
    ]);
  });
});

describe('a denied per-resource read keeps the resources', () => {
  test('database firewall rules: read into firewall_rules; denied, recorded on each cluster and once per scope', async () => {
    const baseline = await listWith(fake.server, { config: { services: ['databases'] } });
    const backend = baseline.resources.find((resource) => resource.name === 'backend')!;
    expect(backend.configuration).toMatchObject({
      firewall_rules: [
        expect.objectContaining({ type: 'k8s' }),
        expect.objectContaining({ type: 'ip_addr', value: '192.168.1.1' }),
      ],
    });
    expect(fake.server.requestsTo('/v2/databases/:id/firewall')).toHaveLength(3);

    fake.server.injectFault({ path: '/v2/databases/:id/firewall', ...forbidden });
    const { resources, runtime } = await listWith(fake.server, {
      config: { services: ['databases'] },
    });
    const clusters = ofType(resources, 'digitalocean.database');
    expect(clusters.map((cluster) => cluster.resourceId).sort()).toEqual(
      ofType(baseline.resources, 'digitalocean.database')
        .map((cluster) => cluster.resourceId)
        .sort(),
    );
    for (const cluster of clusters) {
      expect(cluster.configuration).not.toHaveProperty('firewall_rules');
      expect(cluster.metadata?.enrichmentErrors).toEqual([
        {
          call: 'GET /v2/databases/{uuid}/firewall',
          errorClass: 'auth',
          message: expect.stringMatching(/403.*not authorized/),
        },
      ]);
    }
    const scopes = scopesOf(runtime, 'digitalocean.database');
    expect(scopes.length).toBeGreaterThan(1);
    expect(scopes.every((scope) => scope.status === 'complete')).toBe(true);
    // The account-wide listing tells its read failures once, on its own (global) report.
    const told = scopes.filter((scope) => scope.enrichmentErrors);
    expect(told).toEqual([
      expect.objectContaining({
        region: 'global',
        enrichmentErrors: [
          expect.objectContaining({
            call: 'GET /v2/databases/{uuid}/firewall',
            errorClass: 'auth',
            failed: 3,
            attempted: 3,
          }),
        ],
      }),
    ]);
  });
});
