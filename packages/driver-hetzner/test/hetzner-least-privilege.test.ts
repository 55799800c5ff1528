// A denied endpoint (403 `{ error: { code: 'forbidden', message } }`) fails exactly the types its
// list call yields; every other endpoint still lists and reports complete. (Hetzner Cloud makes
// no per-resource calls, so there is no enrichment to deny.)
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestDriver, startHetznerApi } from './hetzner-test-helpers.ts';

let server: FakeProviderServer;
beforeEach(async () => {
  server = await startHetznerApi();
});
afterEach(async () => {
  await server.close();
});

const forbidden = {
  status: 403,
  times: Number.POSITIVE_INFINITY,
  body: { error: { code: 'forbidden', message: 'insufficient permissions for this request' } },
};

test('GET /v1/certificates denied: certificates fail, load balancers and everything else complete', async () => {
  const baseline = await listAll(createTestDriver(server));
  server.injectFault({ path: '/v1/certificates', ...forbidden });
  const { resources, runtime } = await listAll(createTestDriver(server));

  const identity = (list: typeof resources) =>
    list
      .filter((resource) => resource.resourceType !== 'hetzner.certificate')
      .map((resource) => `${resource.resourceType}/${resource.resourceId}`)
      .sort();
  expect(identity(resources)).toEqual(identity(baseline.resources));
  expect(resources.some((resource) => resource.resourceType === 'hetzner.certificate')).toBe(false);
  expect(
    baseline.resources.some((resource) => resource.resourceType === 'hetzner.certificate'),
  ).toBe(true);

  expect(runtime.scopeFor('certificates', 'global')).toMatchObject({
    status: 'failed',
    errorClass: 'auth',
    call: 'GET /v1/certificates',
    resourceTypes: ['hetzner.certificate'],
    error: expect.stringMatching(/403.*insufficient permissions/),
  });
  const others = runtime.scopes.filter((scope) => scope.service !== 'certificates');
  expect(others.length).toBeGreaterThan(10);
  expect(others.every((scope) => scope.status === 'complete')).toBe(true);
  expect(runtime.scopeFor('loadbalancers', 'global')).toMatchObject({ status: 'complete' });
});

test('a denied subnet-bearing list fails both types of its step, named in the scope', async () => {
  server.injectFault({ path: '/v1/networks', ...forbidden });
  const { runtime } = await listAll(
    createTestDriver(server, { services: ['networks', 'volumes'] }),
  );
  expect(runtime.scopeFor('networks', 'global')).toMatchObject({
    status: 'failed',
    call: 'GET /v1/networks',
    resourceTypes: ['hetzner.network', 'hetzner.network.subnet'],
  });
  expect(
    runtime.scopes
      .filter((scope) => scope.service === 'volumes')
      .every((scope) => scope.status === 'complete'),
  ).toBe(true);
});
