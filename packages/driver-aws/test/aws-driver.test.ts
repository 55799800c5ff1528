// Driver behaviour against the fake AWS: regions, global services, filters, account, credentials,
// role assumption, failure isolation, throttling and cancellation.
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand, DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetBucketTaggingCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ConfigurationError, DriverError } from '@cloud-inventory/core';
import {
  collectResources,
  createTestRuntime,
  type FakeProviderServer,
  type FakeRequest,
  ofType,
  xmlResponse,
} from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createAwsDriver } from '../src/driver.ts';
import {
  awsDriver,
  callsTo,
  failOperation,
  runAws,
  type SignedRequest,
  scopeOfType,
  startAwsApi,
} from './aws-test-helpers.ts';
import { awsRoute } from './fixtures/aws-fake-routes.ts';
import { assumedCredentials, awsTestCredentials } from './fixtures/aws-fixtures.ts';

let server: FakeProviderServer & { signed: SignedRequest[] };
beforeEach(async () => {
  server = await startAwsApi();
});
afterEach(async () => {
  await server.close();
});

describe('regions and global services', () => {
  test('lists every enabled region (DescribeRegions AllRegions=false) and the global services once', async () => {
    const { resources, runtime } = await runAws(server, {
      services: ['ec2', 'lambda', 'iam', 's3', 'wafv2'],
    });
    expect(callsTo(server, 'DescribeRegions')).toHaveLength(1);
    const regions = (type: string) =>
      [...new Set(ofType(resources, type).map((item) => item.region))].sort();
    expect(regions('aws.ec2.instance')).toEqual(['eu-west-1', 'us-east-1']);
    expect(regions('aws.lambda.function')).toEqual(['eu-west-1', 'us-east-1']);
    expect(regions('aws.iam.role')).toEqual(['global']);
    expect(regions('aws.s3.bucket')).toEqual(['global']);
    // WAFv2: REGIONAL ACLs per region, CLOUDFRONT ACLs once as global (asked in us-east-1).
    expect(regions('aws.wafv2.web-acl')).toEqual(['global', 'us-east-1']);
    const cloudFront = ofType(resources, 'aws.wafv2.web-acl').filter(
      (acl) => acl.region === 'global',
    );
    expect(cloudFront.map((acl) => (acl.configuration as { Scope: string }).Scope)).toEqual([
      'CLOUDFRONT',
      'CLOUDFRONT',
    ]);
    // One report per resource type and region (one listing step each).
    const scopes = [
      ...new Set(runtime.scopes.map((scope) => `${scope.service}@${scope.region}`)),
    ].sort();
    expect(scopes).toEqual([
      'ec2@eu-west-1',
      'ec2@us-east-1',
      'iam@global',
      'lambda@eu-west-1',
      'lambda@us-east-1',
      's3@global',
      'wafv2@eu-west-1',
      'wafv2@global',
      'wafv2@us-east-1',
    ]);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
    // Every call of a region-scoped service was signed for that region.
    const lambdaRegions = new Set(
      server.signed.filter((entry) => entry.signingName === 'lambda').map((entry) => entry.region),
    );
    expect([...lambdaRegions].sort()).toEqual(['eu-west-1', 'us-east-1']);
  });

  test('config.regions skips discovery and keeps the global services', async () => {
    const { resources } = await runAws(server, {
      regions: ['eu-west-1'],
      services: ['ec2', 'iam'],
    });
    expect(callsTo(server, 'DescribeRegions')).toHaveLength(0);
    expect(new Set(resources.map((resource) => resource.region))).toEqual(
      new Set(['eu-west-1', 'global']),
    );
  });

  test('config.regions patterns are matched against the enabled regions', async () => {
    const { resources } = await runAws(server, { regions: ['eu-*'], services: ['ec2'] });
    expect(callsTo(server, 'DescribeRegions')).toHaveLength(1);
    expect(new Set(resources.map((resource) => resource.region))).toEqual(new Set(['eu-west-1']));
  });

  test('S3: a bucket without BucketRegion is located (GetBucketLocation); an unreadable part is left out', async () => {
    server.addRoutes([
      awsRoute(S3Client, ListBucketsCommand, 's3', () => ({
        Buckets: [{ Name: 'legacy-bucket', CreationDate: new Date('2015-01-01T00:00:00Z') }],
      })),
      {
        method: 'GET',
        path: /^\/legacy-bucket\/?$/,
        service: 's3',
        match: (request: FakeRequest) => request.searchParams.has('location'),
        handler: () =>
          xmlResponse(
            '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">EU</LocationConstraint>',
          ),
      },
    ]);
    failOperation(server, S3Client, GetBucketTaggingCommand, {
      code: 'AccessDenied',
      message: 'Access Denied',
      status: 403,
    });
    const { resources, runtime } = await runAws(server, { services: ['s3'] });
    expect(runtime.scopeFor('s3', 'global')).toMatchObject({
      status: 'complete',
      enrichmentErrors: [
        {
          call: 's3:GetBucketTagging',
          errorClass: 'auth',
          message: expect.stringMatching(/GetBucketTagging failed with AccessDenied, HTTP 403/),
          failed: 1,
          attempted: 1,
        },
      ],
    });
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({ name: 'legacy-bucket', tags: {} });
    expect(resources[0]!.configuration).toMatchObject({
      BucketRegion: 'eu-west-1',
      Versioning: {},
    });
    expect(resources[0]!.metadata?.enrichmentErrors).toEqual([
      expect.objectContaining({ call: 's3:GetBucketTagging', errorClass: 'auth' }),
    ]);
    const bucketCalls = server.signed.filter((entry) =>
      entry.target.startsWith('GET /legacy-bucket'),
    );
    expect(bucketCalls[0]?.region).toBe('us-east-1');
    expect(bucketCalls.slice(1).every((entry) => entry.region === 'eu-west-1')).toBe(true);
  });

  test('discovery include/exclude filter regions, services and resource types', async () => {
    const { resources, runtime } = await runAws(
      server,
      { services: ['ec2', 'ebs', 'iam'] },
      { include: ['aws.ec2.instance', 'ebs', 'us-east-1'], exclude: ['aws.ebs.snapshot'] },
    );
    expect([...new Set(resources.map((resource) => resource.resourceType))].sort()).toEqual([
      'aws.ebs.volume',
      'aws.ec2.instance',
    ]);
    expect(new Set(resources.map((resource) => resource.region))).toEqual(new Set(['us-east-1']));
    // Scopes listed for some types only say so: the engine deletes nothing of the other types.
    expect(runtime.scopeFor('ec2', 'us-east-1')?.resourceTypes).toEqual(['aws.ec2.instance']);
    expect(runtime.scopeFor('ebs', 'us-east-1')?.resourceTypes).toEqual(['aws.ebs.volume']);
    expect(runtime.scopes.some((scope) => scope.service === 'iam')).toBe(false);
    expect(callsTo(server, 'DescribeImages')).toHaveLength(0);
    expect(callsTo(server, 'DescribeSnapshots')).toHaveLength(0);
  });

  test('an unknown service in config.services is a ConfigurationError naming the valid ones', async () => {
    const driver = awsDriver(server, { services: ['ec3'] });
    await driver.initialize();
    await expect(collectResources(driver)).rejects.toThrow(/ec2/);
    await driver.destroy();
  });
});

describe('account and credentials', () => {
  test('the account id comes from STS GetCallerIdentity and lands on every resource', async () => {
    const { resources, driver } = await runAws(server, { services: ['kms'] });
    expect(callsTo(server, 'GetCallerIdentity')).toHaveLength(1);
    expect(driver.accountId).toBe('123456789012');
    expect(resources.length).toBeGreaterThan(0);
    expect(resources.every((resource) => resource.accountId === '123456789012')).toBe(true);
  });

  test('a configured account id skips STS', async () => {
    await runAws(server, { services: ['kms'], accountId: '123456789012', regions: ['us-east-1'] });
    expect(callsTo(server, 'GetCallerIdentity')).toHaveLength(0);
  });

  test('static credentials with a session token sign every request with both', async () => {
    const temporary = { ...awsTestCredentials, sessionToken: 'static-session-token-0123456789' };
    await server.close();
    server = await startAwsApi([temporary]);
    const { resources } = await runAws(server, { services: ['sqs'] }, { credentials: temporary });
    expect(resources.length).toBeGreaterThan(0);
    expect(server.signed.every((entry) => entry.sessionToken === temporary.sessionToken)).toBe(
      true,
    );
  });

  test('a role is assumed once (STS AssumeRole with external id) and its credentials sign every call', async () => {
    const { resources } = await runAws(
      server,
      { services: ['ec2', 'lambda', 'sqs'] },
      {
        credentials: {
          ...awsTestCredentials,
          roleArn: 'arn:aws:iam::123456789012:role/inventory-reader',
          externalId: 'external-id-42',
          roleSessionName: 'nightly-inventory',
        },
      },
    );
    expect(resources.length).toBeGreaterThan(0);
    const assumeRole = callsTo(server, 'AssumeRole');
    expect(assumeRole).toHaveLength(1);
    expect(assumeRole[0]!.accessKeyId).toBe(awsTestCredentials.accessKeyId);
    const others = server.signed.filter((entry) => entry.target !== 'AssumeRole');
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((entry) => entry.accessKeyId === assumedCredentials.accessKeyId)).toBe(
      true,
    );
    expect(others.every((entry) => entry.sessionToken === assumedCredentials.sessionToken)).toBe(
      true,
    );
    const request = server.requests.find((entry) => entry.path === '/' && entry.status === 200);
    expect(request).toBeDefined();
  });

  test('refused credentials fail initialize with a DriverError of class auth that leaks no key', async () => {
    failOperation(server, STSClient, GetCallerIdentityCommand, {
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
    const driver = awsDriver(server);
    const failure = await driver.initialize().catch((error: unknown) => error);
    expect(DriverError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ errorClass: 'auth', service: 'sts' });
    expect((failure as Error).message).toMatch(/GetCallerIdentity.*InvalidClientTokenId/);
    expect((failure as Error).message).not.toContain(awsTestCredentials.accessKeyId);
    expect((failure as Error).message).not.toContain(awsTestCredentials.secretAccessKey);
  });

  test('bad options are refused at construction with every problem listed, without echoing secrets', () => {
    let failure: unknown;
    try {
      createAwsDriver({
        credentials: { accessKeyId: 'AKIAONLYTHEKEYID0000', roleArn: 'not-an-arn' },
        config: { regions: ['us-east-1', 'Frankfurt'], accountId: '42', maxAttempts: 0 },
      });
    } catch (error) {
      failure = error;
    }
    expect(ConfigurationError.isInstance(failure)).toBe(true);
    const issues = (failure as ConfigurationError).issues.map((issue) => issue.path);
    expect(issues).toEqual(
      expect.arrayContaining([
        'credentials.secretAccessKey',
        'credentials.roleArn',
        'config.regions[1]',
        'config.accountId',
        'config.maxAttempts',
      ]),
    );
    expect((failure as Error).message).not.toContain('AKIAONLYTHEKEYID0000');
  });
});

describe('failures and throttling', () => {
  test('AccessDenied on one service fails its scopes with class auth while every other scope completes', async () => {
    failOperation(server, LambdaClient, ListFunctionsCommand, {
      code: 'AccessDeniedException',
      message:
        'User: arn:aws:iam::123456789012:user/inventory is not authorized to perform: lambda:ListFunctions',
      status: 403,
    });
    const { resources, runtime } = await runAws(server, { services: ['ec2', 'lambda', 'sqs'] });
    const lambda = runtime.scopes.filter((scope) => scope.service === 'lambda');
    expect(lambda).toHaveLength(2);
    for (const scope of lambda) {
      expect(scope).toMatchObject({ status: 'failed', errorClass: 'auth' });
      expect(scope.error).toMatch(
        /ListFunctions .*AccessDeniedException, HTTP 403.*ReadOnlyAccess/,
      );
    }
    expect(lambda[0]?.call).toBe('lambda:ListFunctions');
    // ec2: 5 types x 2 regions, sqs: 1 type x 2 regions.
    const others = runtime.scopes.filter((scope) => scope.service !== 'lambda');
    expect(others).toHaveLength(12);
    expect(others.every((scope) => scope.status === 'complete')).toBe(true);
    expect(ofType(resources, 'aws.ec2.instance')).toHaveLength(3);
    expect(ofType(resources, 'aws.lambda.function')).toHaveLength(0);
  });

  test('a region that is not enabled fails its scopes as not-enabled; the other region completes', async () => {
    failOperation(server, EC2Client, DescribeInstancesCommand, {
      code: 'OptInRequired',
      message: 'You are not subscribed to this service.',
      status: 401,
      region: 'eu-west-1',
    });
    const { resources, runtime } = await runAws(server, { services: ['ec2'] });
    expect(scopeOfType(runtime, 'aws.ec2.instance', 'eu-west-1')).toMatchObject({
      status: 'failed',
      errorClass: 'not-enabled',
    });
    expect(scopeOfType(runtime, 'aws.ec2.instance', 'us-east-1')).toMatchObject({
      status: 'complete',
    });
    expect(ofType(resources, 'aws.ec2.instance').map((item) => item.region)).toEqual([
      'us-east-1',
      'us-east-1',
    ]);
  });

  test('a ThrottlingException is retried by the SDK, reported through emitRateLimit, and the scope completes', async () => {
    const fault = failOperation(server, DynamoDBClient, ListTablesCommand, {
      code: 'ThrottlingException',
      message: 'Rate of requests exceeds the allowed throughput.',
      times: 1,
      region: 'eu-west-1',
    });
    const { resources, runtime } = await runAws(server, { services: ['dynamodb'] });
    expect(fault.hits).toBe(1);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
    expect(ofType(resources, 'aws.dynamodb.table')).toHaveLength(3);
    expect(runtime.rateLimits).toEqual([
      expect.objectContaining({
        service: 'dynamodb',
        region: 'eu-west-1',
        operation: 'ListTables',
        throttled: true,
        errorCode: 'ThrottlingException',
        attempt: 1,
        maxAttempts: 2,
      }),
    ]);
  });

  test('throttled on every attempt, the scope fails with class throttled and the others complete', async () => {
    failOperation(server, EC2Client, DescribeInstancesCommand, {
      code: 'RequestLimitExceeded',
      message: 'Request limit exceeded.',
      status: 503,
      region: 'us-east-1',
    });
    const { runtime } = await runAws(server, { services: ['ec2', 'sqs'] });
    expect(scopeOfType(runtime, 'aws.ec2.instance', 'us-east-1')).toMatchObject({
      status: 'failed',
      errorClass: 'throttled',
      call: 'ec2:DescribeInstances',
    });
    expect(scopeOfType(runtime, 'aws.ec2.instance', 'us-east-1')?.error).toMatch(
      /RequestLimitExceeded.*concurrency/,
    );
    expect(scopeOfType(runtime, 'aws.ec2.image', 'us-east-1')).toMatchObject({
      status: 'complete',
    });
    expect(scopeOfType(runtime, 'aws.ec2.instance', 'eu-west-1')).toMatchObject({
      status: 'complete',
    });
    expect(runtime.scopeFor('sqs', 'us-east-1')).toMatchObject({ status: 'complete' });
    expect(runtime.rateLimits.length).toBe(2);
  });

  test('region discovery refused: the run fails with a DriverError telling how to go on', async () => {
    failOperation(server, EC2Client, DescribeRegionsCommand, {
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
      status: 403,
    });
    const driver = awsDriver(server, { services: ['sqs'] });
    await driver.initialize();
    const failure = await collectResources(driver).catch((error: unknown) => error);
    await driver.destroy();
    expect(failure).toMatchObject({ errorClass: 'auth', service: 'ec2' });
    expect((failure as Error).message).toMatch(/DescribeRegions/);
  });

  test('cancelling the sync stops the listing promptly', async () => {
    server.injectFault({ latencyMs: 200, times: Number.POSITIVE_INFINITY, match: () => true });
    const driver = awsDriver(server, { services: ['ec2', 'vpc', 'ebs'], regions: ['us-east-1'] });
    await driver.initialize();
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('sync cancelled')), 100);
    const runtime = createTestRuntime();
    await expect(collectResources(driver, { signal: controller.signal, runtime })).rejects.toThrow(
      /cancelled|abort/i,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(runtime.scopes.every((scope) => scope.status !== 'complete')).toBe(true);
    await driver.destroy();
  });
});
