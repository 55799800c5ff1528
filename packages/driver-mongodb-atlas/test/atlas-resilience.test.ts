import { DriverError } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { byId, listAll, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AtlasCredentialsError } from '../src/driver.ts';
import { createTestDriver, scopesOf, startAtlasApi } from './atlas-test-helpers.ts';
import { projectId } from './fixtures/atlas-estate.ts';
import { atlasCredentials, atlasError } from './fixtures/atlas-fixtures.ts';

const group = `/api/atlas/v2/groups/${projectId}`;
const processArgsCall = 'GET /api/atlas/v2/groups/{groupId}/clusters/{clusterName}/processArgs';

describe('mongodb-atlas throttling, retries and credentials', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startAtlasApi();
  });
  afterEach(async () => {
    await server.close();
  });

  test('reports the RateLimit-Limit / RateLimit-Remaining headers through runtime.emitRateLimit', async () => {
    const { runtime } = await listAll(createTestDriver(server, { services: ['users'] }));
    const reading = runtime.rateLimits.find((report) => report.service === 'users');
    expect(reading).toMatchObject({ reason: 'headers', limit: 100, status: 200 });
    expect(reading?.remaining).toBeGreaterThan(0);
  });

  test('waits out a 429 (RATE_LIMITED_TOKEN_BUCKET) for its Retry-After and completes', async () => {
    server.injectFault({
      path: `${group}/databaseUsers`,
      status: 429,
      times: 1,
      retryAfterSeconds: 1,
      headers: { 'ratelimit-limit': '100', 'ratelimit-remaining': '0' },
      body: atlasError(
        429,
        'RATE_LIMITED_TOKEN_BUCKET',
        'Rate limit exceeded for api/atlas/v2/groups/{groupId}/databaseUsers. Please retry after 1 seconds.',
      ),
    });
    const { resources, runtime } = await listAll(createTestDriver(server, { services: ['users'] }));
    expect(resources).toHaveLength(3);
    expect(runtime.scopeFor('users')?.status).toBe('complete');
    expect(runtime.rateLimits.find((report) => report.reason === 'throttled')).toMatchObject({
      service: 'users',
      status: 429,
      retryAfterMs: 1000,
    });
    const firstPage = server
      .requestsTo(`${group}/databaseUsers`)
      .filter((entry) => entry.query.pageNum === '1' && entry.status !== 401);
    expect(firstPage.map((entry) => entry.status)).toEqual([429, 200]);
    expect(firstPage[1]!.receivedAt - firstPage[0]!.receivedAt).toBeGreaterThanOrEqual(950);
  });

  test('retries a 5xx and completes', async () => {
    const fault = server.injectFault({ path: `${group}/serverless`, status: 503, times: 1 });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['serverless'] }),
    );
    expect(fault.hits).toBe(1);
    expect(resources).toHaveLength(3);
    expect(runtime.scopeFor('serverless', 'global')?.status).toBe('complete');
  });

  test('a refused API key (digest answered 401) fails the cloud naming the credentials, never the private key', async () => {
    const failure = await rejectionOf(
      listAll(
        createTestDriver(server, {}, { ...atlasCredentials, privateKey: 'wrong-private-key-0000' }),
      ),
    );
    expect(failure).toBeInstanceOf(AtlasCredentialsError);
    expect(DriverError.isInstance(failure)).toBe(true);
    expect((failure as DriverError).errorClass).toBe('auth');
    expect((failure as DriverError).statusCode).toBe(401);
    expect(failure.message).toMatch(
      /^MongoDB Atlas refused the API key while listing the projects \(GET \/api\/atlas\/v2\/groups\)\./,
    );
    for (const name of [
      'credentials.publicKey',
      'credentials.privateKey',
      'MONGODB_ATLAS_PUBLIC_KEY',
      'MONGODB_ATLAS_PRIVATE_KEY',
    ]) {
      expect(failure.message).toContain(name);
    }
    expect(failure.message).not.toContain('wrong-private-key-0000');
    expect(failure.message).not.toContain(atlasCredentials.privateKey);
    // The client answered the digest challenge (fresh nonces) before giving up; nothing else was called.
    const calls = server.requests;
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.every((entry) => entry.path === '/api/atlas/v2/groups')).toBe(true);
    expect(calls.slice(1).every((entry) => entry.headers.authorization !== undefined)).toBe(true);
  });

  test('a key that may list the projects but nothing in them fails the cloud, naming the roles', async () => {
    server.injectFault({
      status: 403,
      times: Number.POSITIVE_INFINITY,
      match: (request) => request.path !== '/api/atlas/v2/groups',
      body: atlasError(
        403,
        'USER_UNAUTHORIZED',
        'Current user is not authorized to perform this action.',
      ),
    });
    const runtime = (await import('@cloud-inventory/testkit')).createTestRuntime();
    const failure = await rejectionOf(
      listAll(createTestDriver(server, { services: ['users', 'alerts'] }), { runtime }),
    );
    expect(failure).toBeInstanceOf(AtlasCredentialsError);
    expect(failure.message).toMatch(/^MongoDB Atlas denied the API key every call/);
    expect(failure.message).toContain('Organization Read Only');
    expect(runtime.scopes.map((scope) => `${scope.service}:${scope.status}`).sort()).toEqual([
      'alerts:failed',
      'users:failed',
    ]);
  });

  test('a key denied the alert configurations (403) fails only that type, naming the call', async () => {
    server.injectFault({
      path: `${group}/alertConfigs`,
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: atlasError(
        403,
        'USER_UNAUTHORIZED',
        'Current user is not authorized to perform this action.',
      ),
    });
    const { resources, runtime } = await listAll(createTestDriver(server), { concurrency: 2 });
    expect(scopesOf(runtime, 'alerts')).toEqual([
      expect.objectContaining({
        status: 'failed',
        errorClass: 'auth',
        call: 'GET /api/atlas/v2/groups/{groupId}/alertConfigs',
        resourceTypes: ['mongodb-atlas.alert'],
      }),
    ]);
    expect(scopesOf(runtime, 'alerts')[0]?.error).toContain('USER_UNAUTHORIZED');
    expect(byId(resources, 'mongodb-atlas.alert').size).toBe(0);
    const others = runtime.scopes.filter((scope) => scope.service !== 'alerts');
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((scope) => scope.status === 'complete')).toBe(true);
    expect(byId(resources, 'mongodb-atlas.user').size).toBe(3);
  });

  test('Atlas answering 401 USER_UNAUTHORIZED on one endpoint (a missing role) fails that step only', async () => {
    // The first step to run fails: with the kit's default the whole run would stop here.
    server.injectFault({
      path: `${group}/clusters/:clusterName/backup/snapshots`,
      status: 401,
      times: Number.POSITIVE_INFINITY,
      body: atlasError(
        401,
        'USER_UNAUTHORIZED',
        'Current user is not authorized to perform this action.',
      ),
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['backups'] }),
      {
        concurrency: 1,
      },
    );
    const [snapshots, schedules] = ['mongodb-atlas.backup', 'mongodb-atlas.backup.schedule'].map(
      (type) =>
        runtime.scopes.filter(
          (scope) => scope.region === 'global' && scope.resourceTypes?.includes(type),
        ),
    );
    expect(snapshots).toEqual([
      expect.objectContaining({
        status: 'failed',
        errorClass: 'auth',
        call: expect.stringContaining('/backup/snapshots'),
      }),
    ]);
    // The other type of the same service is complete.
    expect(schedules).toEqual([expect.objectContaining({ status: 'complete', resourceCount: 0 })]);
    expect(byId(resources, 'mongodb-atlas.backup.schedule').size).toBe(2);
    expect(byId(resources, 'mongodb-atlas.backup').size).toBe(0);
  });

  test('a denied process-arguments read keeps the cluster, records the failure on it, and the scope stays complete', async () => {
    server.injectFault({
      path: `${group}/clusters/orders/processArgs`,
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: atlasError(
        403,
        'USER_UNAUTHORIZED',
        'Current user is not authorized to perform this action.',
      ),
    });
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['clusters'] }),
    );
    const clusters = byId(resources, 'mongodb-atlas.cluster');
    expect(clusters.size).toBe(3);
    const orders = clusters.get('6601a1b2c3d4e5f6a7b8c901')!;
    expect(orders.configuration).not.toHaveProperty('processArgs');
    // The call is named by its template, so the scope reports it once however many clusters fail.
    expect(orders.metadata?.enrichmentErrors).toEqual([
      expect.objectContaining({ call: processArgsCall, errorClass: 'auth' }),
    ]);
    expect(clusters.get('6601a1b2c3d4e5f6a7b8c902')?.configuration).toHaveProperty('processArgs');
    const scope = runtime.scopeFor('clusters', 'global');
    expect(scope?.status).toBe('complete');
    expect(scope?.enrichmentErrors).toEqual([
      // Two dedicated clusters read their process arguments; the M0 (TENANT) has none.
      expect.objectContaining({ call: processArgsCall, failed: 1, attempted: 2 }),
    ]);
  });

  test('a failing cluster list fails clusters, backups and search (they need it) and nothing else', async () => {
    server.injectFault({
      path: `${group}/clusters`,
      status: 500,
      times: Number.POSITIVE_INFINITY,
    });
    const { runtime } = await listAll(createTestDriver(server));
    for (const service of ['clusters', 'backups', 'search']) {
      const scopes = scopesOf(runtime, service);
      expect(scopes.length, service).toBeGreaterThan(0);
      expect(
        scopes.every((scope) => scope.status === 'failed' && scope.errorClass === 'server'),
        service,
      ).toBe(true);
    }
    const others = runtime.scopes.filter(
      (scope) => !['clusters', 'backups', 'search'].includes(scope.service),
    );
    expect(others.every((scope) => scope.status === 'complete')).toBe(true);
  });
});
