import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, DriverError } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, ofType, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createOracleDriver } from '../src/driver.ts';
import { notAuthenticated } from './fixtures/oracle-fixtures.ts';
import { tenancyId, userId } from './fixtures/oracle-ids.ts';
import { apiKey, createApiKey, oracleCredentials } from './fixtures/oracle-signing.ts';
import { createTestDriver, startOracleApi } from './oracle-test-helpers.ts';

describe('oracle resilience', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startOracleApi();
  });
  afterEach(async () => {
    await server.close();
    vi.restoreAllMocks();
  });

  test('a 429 is waited out as Retry-After asks and reported as a rate limit', async () => {
    const fault = server.injectFault({
      path: '/:region/20160918/vcns',
      status: 429,
      retryAfterSeconds: 0.3,
      body: { code: 'TooManyRequests', message: 'Too many requests for the tenancy' },
    });
    const { resources, runtime } = await listAll(createTestDriver(server), { include: ['vcn'] });
    expect(fault.hits).toBe(1);
    const calls = server.requests.filter((entry) => entry.path.endsWith('/vcns'));
    const throttled = calls.findIndex((entry) => entry.fault);
    const first = calls[throttled]!;
    const retry = calls
      .slice(throttled + 1)
      .find(
        (entry) =>
          entry.path === first.path && JSON.stringify(entry.query) === JSON.stringify(first.query),
      )!;
    expect(retry.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(280);
    expect(runtime.rateLimits).toEqual([
      expect.objectContaining({
        service: 'vcn',
        waitMs: 300,
        throttled: true,
        operation: 'listVcns',
      }),
    ]);
    expect(ofType(resources, 'oracle.vcn.network')).toHaveLength(5);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('5xx answers are retried; a service failing for good fails its steps as server errors', async () => {
    server.injectFault({
      path: '/:region/20160918/subnets',
      status: 503,
      times: 2,
      body: { code: 'ServiceUnavailable', message: 'busy' },
    });
    server.injectFault({
      path: '/:region/20170115/loadBalancers',
      status: 500,
      times: Number.POSITIVE_INFINITY,
      body: { code: 'InternalServerError', message: 'boom' },
    });
    const { resources, runtime } = await listAll(createTestDriver(server), {
      include: ['vcn', 'loadbalancer'],
    });
    expect(ofType(resources, 'oracle.vcn.subnet')).toHaveLength(5);
    const loadBalancers = runtime.scopes.filter((scope) => scope.service === 'loadbalancer');
    expect(loadBalancers).toHaveLength(2);
    expect(
      loadBalancers.every((scope) => scope.status === 'failed' && scope.errorClass === 'server'),
    ).toBe(true);
    expect(
      runtime.scopes
        .filter((scope) => scope.service === 'vcn')
        .every((scope) => scope.status === 'complete'),
    ).toBe(true);
  });

  test('a key OCI does not accept fails the cloud with a message naming the credentials, without key material', async () => {
    const wrongKey = createApiKey();
    const driver = createTestDriver(
      server,
      {},
      { ...oracleCredentials, privateKey: wrongKey.privateKey },
    );
    const error = await rejectionOf(listAll(driver));
    expect(DriverError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errorClass: 'auth', statusCode: 401 });
    expect(error.message).toContain('credentials.privateKey');
    expect(error.message).toContain('credentials.fingerprint');
    expect(error.message).toContain('NotAuthenticated');
    expect(error.message).not.toContain('PRIVATE KEY');
    expect(server.requests.every((entry) => entry.status === 401)).toBe(true);
  });

  test('a 401 mid-run (NotAuthenticated) stops the run with the same credential message', async () => {
    server.injectFault({
      path: '/:region/20160918/instances',
      ...notAuthenticated,
      times: Number.POSITIVE_INFINITY,
    });
    const error = await rejectionOf(listAll(createTestDriver(server), { include: ['compute'] }));
    expect(error).toMatchObject({ errorClass: 'auth' });
    expect(error.message).toContain('Oracle Cloud refused the credentials');
  });

  test('a malformed key or missing fields are configuration errors naming the fields', async () => {
    const malformed = createTestDriver(
      server,
      {},
      {
        ...oracleCredentials,
        privateKey: '-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----',
      },
    );
    const parseError = await rejectionOf(malformed.initialize());
    expect(parseError).toBeInstanceOf(ConfigurationError);
    expect(parseError.message).toContain('credentials.privateKey');
    const partial = createTestDriver(server, {}, { tenancy: tenancyId, user: userId });
    const missing = await rejectionOf(partial.initialize());
    expect(missing.message).toContain('credentials.fingerprint');
    expect(missing.message).toContain('credentials.privateKey');
    expect(server.requests).toHaveLength(0);
  });

  test('a config file and profile sign the same way', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'oci-config-'));
    writeFileSync(join(folder, 'key.pem'), apiKey.privateKey);
    writeFileSync(
      join(folder, 'config'),
      `[DEFAULT]\nuser=ocid1.user.oc1..other\n\n[INVENTORY]\nuser=${userId}\nfingerprint=${apiKey.fingerprint}\ntenancy=${tenancyId}\nregion=us-ashburn-1\nkey_file=${join(folder, 'key.pem')}\n`,
    );
    const driver = createTestDriver(
      server,
      {},
      { configFilePath: join(folder, 'config'), profile: 'INVENTORY' },
    );
    const { resources } = await listAll(driver, { include: ['identity'] });
    expect(ofType(resources, 'oracle.identity.user')).toHaveLength(3);
    expect(driver.accountId).toBe(tenancyId);
    const missingProfile = createTestDriver(
      server,
      {},
      { configFilePath: join(folder, 'config'), profile: 'NOPE' },
    );
    const error = await rejectionOf(missingProfile.initialize());
    expect(error.message).toContain('credentials.configFilePath');
  });

  test('config.endpoint: {region} per region, plain http refused off loopback', async () => {
    await listAll(createTestDriver(server), { include: ['blockstorage'] });
    const prefixes = new Set(server.requests.map((entry) => entry.path.split('/')[1]));
    expect(prefixes).toEqual(new Set(['us-ashburn-1', 'eu-frankfurt-1']));
    const remote = createOracleDriver({
      id: 'o',
      driver: 'oracle',
      credentials: oracleCredentials,
      config: { endpoint: 'http://oci.example.com/{region}' },
    });
    const error = await rejectionOf(remote.initialize());
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('config.endpoint');
  });

  test("the SDK's per-call console warnings go to the cloud's logger, not to the console", async () => {
    // Install the driver's console filter over a spy standing for the real console.warn.
    const marker = Symbol.for('cloud-inventory.driver-oracle.quiet-console');
    const holder = console as unknown as Record<symbol, boolean>;
    const saved = { warn: console.warn, installed: holder[marker] };
    const printed = vi.fn();
    console.warn = printed;
    delete holder[marker];
    try {
      const debug: string[] = [];
      const logger = {
        debug: (_: string, fields?: Record<string, unknown>) => debug.push(String(fields?.message)),
        info() {},
        warn() {},
        error() {},
      };
      server.injectFault({
        path: '/:region/20160918/volumes',
        status: 500,
        times: Number.POSITIVE_INFINITY,
      });
      const driver = createOracleDriver({
        id: 'oracle-test',
        driver: 'oracle',
        credentials: oracleCredentials,
        logger,
        config: {
          endpoint: `${server.url}/{region}`,
          pageSize: 2,
          retry: { maximumAttempts: 2, baseDelayMs: 1, maximumDelayMs: 2 },
        },
      });
      await listAll(driver, { include: ['blockstorage'] });
      expect(
        debug.filter((message) => message.startsWith('Request cannot be retried')).length,
      ).toBeGreaterThan(0);
      expect(printed).not.toHaveBeenCalled();
      // Anyone else's console.warn still prints.
      console.warn('unrelated warning');
      expect(printed).toHaveBeenCalledWith('unrelated warning');
    } finally {
      console.warn = saved.warn;
      holder[marker] = saved.installed ?? false;
    }
  });
});
