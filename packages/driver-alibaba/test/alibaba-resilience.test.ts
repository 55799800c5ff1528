import { ConfigurationError, DriverError } from '@cloud-inventory/core';
import { listAll, ofType, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type AlibabaTestApi, createTestDriver, startAlibabaApi } from './alibaba-test-helpers.ts';
import { rpcRoute } from './fixtures/alibaba-fake-api.ts';
import { alibabaCredentials } from './fixtures/alibaba-signing.ts';

const forbidden = {
  Code: 'Forbidden.RAM',
  Message:
    "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
  RequestId: '1C488B66-0000-4A7B-9C8D-0123456789AB',
  Recommend: 'https://api.aliyun.com/troubleshoot',
};

const actionIs = (action: string, region?: string) => (request: { form: () => URLSearchParams }) =>
  request.form().get('Action') === action &&
  (region === undefined || request.form().get('RegionId') === region);

describe('alibaba resilience', () => {
  let api: AlibabaTestApi;
  beforeEach(async () => {
    api = await startAlibabaApi();
  });
  afterEach(async () => {
    await api.server.close();
  });

  test('a Throttling.User answer (HTTP 400, code in the body) is backed off, retried and reported', async () => {
    const fault = api.server.injectFault({
      match: actionIs('DescribeDisks', 'cn-hangzhou'),
      status: 400,
      body: {
        Code: 'Throttling.User',
        Message: 'Request was denied due to user flow control.',
        RequestId: 'x',
      },
    });
    const { resources, runtime } = await listAll(createTestDriver(api.server), {
      include: ['ecs'],
    });
    expect(fault.hits).toBe(1);
    expect(ofType(resources, 'alibaba.ecs.disk')).toHaveLength(4);
    expect(runtime.rateLimits).toEqual([
      expect.objectContaining({ service: 'ecs', region: 'cn-hangzhou', call: 'ecs:DescribeDisks' }),
    ]);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('a 429 waits the Retry-After the answer asks for', async () => {
    api.server.injectFault({
      match: actionIs('DescribeVpcs', 'cn-hangzhou'),
      status: 429,
      retryAfterSeconds: 0.3,
    });
    const started = Date.now();
    const { resources, runtime } = await listAll(
      createTestDriver(api.server, { services: ['vpc'] }),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(ofType(resources, 'alibaba.vpc.vpc')).toHaveLength(4);
    expect(runtime.rateLimits).toEqual([
      expect.objectContaining({ waitMs: 300, call: 'vpc:DescribeVpcs' }),
    ]);
  });

  test('5xx answers are retried; a service failing for good fails its steps as server errors', async () => {
    const flaky = api.server.injectFault({
      match: actionIs('DescribeVSwitches'),
      status: 503,
      times: 2,
    });
    api.server.injectFault({
      match: actionIs('DescribeLoadBalancers'),
      status: 500,
      times: Number.POSITIVE_INFINITY,
      body: {
        Code: 'InternalError',
        Message: 'The request processing has failed due to some unknown error.',
      },
    });
    const { resources, runtime } = await listAll(
      createTestDriver(api.server, { services: ['vpc', 'slb'] }),
    );
    expect(flaky.hits).toBe(2);
    expect(ofType(resources, 'alibaba.vpc.vswitch')).toHaveLength(4);
    const failed = runtime.scopes.filter((scope) => scope.status === 'failed');
    expect(failed.map((scope) => [scope.call, scope.region, scope.errorClass]).sort()).toEqual([
      ['slb:DescribeLoadBalancers', 'ap-southeast-1', 'server'],
      ['slb:DescribeLoadBalancers', 'cn-hangzhou', 'server'],
    ]);
    expect(ofType(resources, 'alibaba.slb.alb-load-balancer')).toHaveLength(4);
  });

  test('an unknown AccessKey fails the cloud with a message naming the credential fields', async () => {
    const error = await rejectionOf(
      listAll(
        createTestDriver(
          api.server,
          {},
          { ...alibabaCredentials, accessKeyId: 'LTAI5tUnknownKey000000' },
        ),
      ),
    );
    expect(DriverError.isInstance(error) && error.errorClass).toBe('auth');
    expect(error.message).toContain('credentials.accessKeyId');
    expect(error.message).toContain('ALIBABA_ACCESS_KEY_ID');
    expect(error.message).toContain('InvalidAccessKeyId.NotFound');
    expect(error.message).not.toContain(alibabaCredentials.accessKeySecret);
  });

  test('a wrong secret (SignatureDoesNotMatch) fails the cloud as auth', async () => {
    const error = await rejectionOf(
      listAll(
        createTestDriver(
          api.server,
          {},
          { ...alibabaCredentials, accessKeySecret: 'not-the-secret' },
        ),
      ),
    );
    expect(DriverError.isInstance(error) && error.errorClass).toBe('auth');
    expect(error.message).toContain('SignatureDoesNotMatch');
    expect(error.message).not.toContain('not-the-secret');
  });

  test('one denied list call fails only its type in its region; the rest of the service completes', async () => {
    api.server.injectFault({
      match: actionIs('DescribeSnapshots', 'cn-hangzhou'),
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: forbidden,
    });
    const { resources, runtime } = await listAll(
      createTestDriver(api.server, { services: ['ecs'] }),
    );
    const failed = runtime.scopes.filter((scope) => scope.status !== 'complete');
    expect(failed).toEqual([
      expect.objectContaining({
        service: 'ecs',
        region: 'cn-hangzhou',
        status: 'failed',
        errorClass: 'auth',
        call: 'ecs:DescribeSnapshots',
        resourceTypes: ['alibaba.ecs.snapshot'],
      }),
    ]);
    const complete = runtime.scopes.filter(
      (scope) => scope.region === 'cn-hangzhou' && scope.status === 'complete',
    );
    expect(complete.flatMap((scope) => scope.resourceTypes ?? []).sort()).toEqual([
      'alibaba.ecs.disk',
      'alibaba.ecs.image',
      'alibaba.ecs.instance',
      'alibaba.ecs.security-group',
    ]);
    expect(ofType(resources, 'alibaba.ecs.snapshot').map((resource) => resource.region)).toEqual([
      'ap-southeast-1',
    ]);
  });

  test('a denial answered with HTTP 200 and the code in the body is still a denial', async () => {
    api.server.addRoutes([rpcRoute('rds', '2014-08-15', 'DescribeDBInstances', () => forbidden)]);
    const { resources, runtime } = await listAll(
      createTestDriver(api.server, { services: ['rds', 'redis'] }),
    );
    const rds = runtime.scopes.filter((scope) => scope.service === 'rds');
    expect(rds).toHaveLength(2);
    expect(rds.every((scope) => scope.status === 'failed' && scope.errorClass === 'auth')).toBe(
      true,
    );
    expect(rds[0]!.error).toContain('Forbidden.RAM');
    expect(ofType(resources, 'alibaba.redis.instance')).toHaveLength(4);
  });

  test('a denied enrichment keeps the resource, records the failure and leaves the scope complete', async () => {
    api.server.injectFault({
      match: actionIs('DescribeSecurityGroupAttribute'),
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: forbidden,
    });
    const { resources, runtime } = await listAll(createTestDriver(api.server), {
      include: ['alibaba.ecs.security-group'],
    });
    const groups = ofType(resources, 'alibaba.ecs.security-group');
    expect(groups).toHaveLength(4);
    for (const group of groups) {
      expect(group.metadata?.enrichmentErrors).toEqual([
        expect.objectContaining({ call: 'ecs:DescribeSecurityGroupAttribute', errorClass: 'auth' }),
      ]);
      expect((group.configuration as Record<string, unknown>).Permissions).toBeUndefined();
    }
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('a denied bucket tagging read keeps the buckets with the failure recorded', async () => {
    api.server.injectFault({
      match: (request) => 'tagging' in request.query,
      status: 403,
      times: Number.POSITIVE_INFINITY,
      headers: { 'content-type': 'application/xml' },
      body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>You have no right to access this object because of bucket acl.</Message><RequestId>5C3D9175B6FC201293AD****</RequestId></Error>',
    });
    const { resources, runtime } = await listAll(
      createTestDriver(api.server, { services: ['oss'] }),
    );
    const buckets = ofType(resources, 'alibaba.oss.bucket');
    expect(buckets).toHaveLength(4);
    expect(
      buckets.every((bucket) => (bucket.metadata?.enrichmentErrors as unknown[])?.length === 1),
    ).toBe(true);
    expect(
      buckets.every(
        (bucket) => (bucket.configuration as Record<string, unknown>).Versioning === 'Enabled',
      ),
    ).toBe(true);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('denied node pools fail only the node pool steps; the clusters stay complete', async () => {
    api.server.injectFault({
      path: '/clusters/:clusterId/nodepools',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: { code: 'Forbidden.RAM', message: 'not authorized', requestId: 'x' },
    });
    const { resources, runtime } = await listAll(
      createTestDriver(api.server, { services: ['ack'] }),
    );
    expect(ofType(resources, 'alibaba.ack.cluster')).toHaveLength(4);
    const pools = runtime.scopes.filter((scope) =>
      scope.resourceTypes?.includes('alibaba.ack.node-pool'),
    );
    expect(pools.map((scope) => [scope.status, scope.errorClass, scope.call])).toEqual([
      ['failed', 'auth', 'cs:DescribeClustersV1 + cs:DescribeClusterNodePools'],
      ['failed', 'auth', 'cs:DescribeClustersV1 + cs:DescribeClusterNodePools'],
    ]);
    const clusters = runtime.scopes.filter((scope) =>
      scope.resourceTypes?.includes('alibaba.ack.cluster'),
    );
    expect(clusters.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('without ecs:DescribeRegions the configured regions are listed; without them the cloud fails', async () => {
    api.server.injectFault({
      match: actionIs('DescribeRegions'),
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: forbidden,
    });
    const { resources } = await listAll(
      createTestDriver(api.server, { services: ['vpc'], regions: ['ap-southeast-1'] }),
    );
    expect(resources.map((resource) => resource.region)).toEqual(Array(4).fill('ap-southeast-1'));
    const error = await rejectionOf(listAll(createTestDriver(api.server, { services: ['vpc'] })));
    expect(error.message).toContain('ecs:DescribeRegions');
  });

  test('the credentials come from the environment when left out, and are required', async () => {
    const saved = { ...process.env };
    try {
      process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = alibabaCredentials.accessKeyId;
      process.env.ALIBABA_ACCESS_KEY_SECRET = alibabaCredentials.accessKeySecret;
      const { resources } = await listAll(createTestDriver(api.server, { services: ['ram'] }, {}));
      expect(resources).toHaveLength(6);
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
      const error = await rejectionOf(createTestDriver(api.server, {}, {}).initialize());
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toContain('credentials.accessKeyId');
    } finally {
      process.env = saved;
    }
  });

  test('config.endpoint must be https unless it is a loopback address', async () => {
    const error = await rejectionOf(
      createTestDriver(api.server, { endpoint: 'http://alibaba.example.com' }).initialize(),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('config.endpoint');
  });

  test('NLB is listed only where its DescribeRegions offers it; without that call, everywhere', async () => {
    const nlbCalls = () =>
      api.calls
        .filter(
          (call) => call.action === 'ListLoadBalancers' && call.params.Version === '2022-04-30',
        )
        .map((call) => call.params.RegionId)
        .sort();
    await listAll(createTestDriver(api.server, { services: ['slb'] }));
    expect(nlbCalls()).toEqual(['cn-hangzhou', 'cn-hangzhou']);
    api.calls.length = 0;
    api.server.injectFault({
      match: (request) =>
        request.form().get('Action') === 'DescribeRegions' &&
        request.form().get('Version') === '2022-04-30',
      status: 403,
      times: Number.POSITIVE_INFINITY,
      body: forbidden,
    });
    const { runtime } = await listAll(createTestDriver(api.server, { services: ['slb'] }));
    expect(nlbCalls()).toEqual(['ap-southeast-1', 'cn-hangzhou', 'cn-hangzhou']);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('a call that times out is retried, and fails its step as a network error when it keeps timing out', async () => {
    const slow = api.server.injectFault({
      match: actionIs('DescribeVpcs', 'cn-hangzhou'),
      latencyMs: 400,
    });
    const { resources, runtime } = await listAll(
      createTestDriver(api.server, { services: ['vpc'], timeoutMs: 150 }),
    );
    expect(slow.hits).toBe(1);
    expect(ofType(resources, 'alibaba.vpc.vpc')).toHaveLength(4);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);

    api.server.injectFault({
      match: actionIs('DescribeVpcs', 'cn-hangzhou'),
      latencyMs: 400,
      times: Number.POSITIVE_INFINITY,
    });
    const failing = await listAll(
      createTestDriver(api.server, { services: ['vpc'], timeoutMs: 150 }),
    );
    const failed = failing.runtime.scopes.filter((scope) => scope.status === 'failed');
    expect(failed.map((scope) => [scope.call, scope.region, scope.errorClass])).toEqual([
      ['vpc:DescribeVpcs', 'cn-hangzhou', 'network'],
    ]);
  });

  test('config.accountId is used as given; without it, a failing GetCallerIdentity falls back to "alibaba"', async () => {
    const configured = await listAll(
      createTestDriver(api.server, { services: ['ram'], accountId: 'prod-account' }),
    );
    expect(new Set(configured.resources.map((resource) => resource.accountId))).toEqual(
      new Set(['prod-account']),
    );
    expect(api.calls.some((call) => call.action === 'GetCallerIdentity')).toBe(false);
    api.server.injectFault({
      match: actionIs('GetCallerIdentity'),
      status: 500,
      times: Number.POSITIVE_INFINITY,
    });
    const fallback = await listAll(createTestDriver(api.server, { services: ['ram'] }));
    expect(new Set(fallback.resources.map((resource) => resource.accountId))).toEqual(
      new Set(['alibaba']),
    );
    expect(fallback.runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  test('an account-wide run asks for no regions; a refused key met by a step still fails the cloud', async () => {
    const { resources } = await listAll(createTestDriver(api.server, { services: ['ram', 'dns'] }));
    expect(resources).toHaveLength(13);
    expect(api.calls.some((call) => call.action === 'DescribeRegions')).toBe(false);

    const error = await rejectionOf(
      listAll(
        createTestDriver(
          api.server,
          { services: ['ram'], accountId: 'prod-account' },
          { ...alibabaCredentials, accessKeyId: 'LTAI5tUnknownKey000000' },
        ),
      ),
    );
    expect(DriverError.isInstance(error) && error.errorClass).toBe('auth');
    expect(error.message).toContain('credentials.accessKeyId');
  });
});
