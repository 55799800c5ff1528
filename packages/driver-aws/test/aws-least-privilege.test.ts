// Least-privilege accounts: a denied list call fails exactly the types it lists (in every region
// it is denied), a denied per-resource read keeps the resources and is recorded on them and once
// per scope. Denials are answered in each protocol's own error shape (EC2 query XML, S3 REST-XML,
// IAM query, REST-JSON, Route 53 REST-XML).
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient, ListNodegroupsCommand } from '@aws-sdk/client-eks';
import {
  GetAccountAuthorizationDetailsCommand,
  IAMClient,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { LambdaClient, ListTagsCommand } from '@aws-sdk/client-lambda';
import {
  ListResourceRecordSetsCommand,
  ListTagsForResourcesCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { GetBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { ofType } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  callsTo,
  failOperation,
  runAws,
  type SignedRequest,
  scopeOfType,
  startAwsApi,
} from './aws-test-helpers.ts';

let server: FakeProviderServer & { signed: SignedRequest[] };
beforeEach(async () => {
  server = await startAwsApi();
});
afterEach(async () => {
  await server.close();
});

const regions = ['us-east-1', 'eu-west-1'];
const user = 'arn:aws:iam::123456789012:user/inventory';

describe('EC2 and S3', () => {
  test('DescribeImages denied everywhere and GetBucketVersioning denied on one bucket: everything else is inventoried and both denials are named', async () => {
    const baseline = await runAws(server, { services: ['ec2', 'ebs', 's3'] });
    failOperation(server, EC2Client, DescribeImagesCommand, {
      code: 'UnauthorizedOperation',
      message: `You are not authorized to perform this operation. User: ${user} is not authorized to perform: ec2:DescribeImages with an explicit deny in a service control policy`,
      status: 403,
    });
    failOperation(server, S3Client, GetBucketVersioningCommand, {
      code: 'AccessDenied',
      message: `User: ${user} is not authorized to perform: s3:GetBucketVersioning on resource: "arn:aws:s3:::acme-app-logs-eu" with an explicit deny in a resource-based policy`,
      status: 403,
      match: (request) => request.path.startsWith('/acme-app-logs-eu'),
    });
    const { resources, runtime } = await runAws(server, { services: ['ec2', 'ebs', 's3'] });

    for (const type of [
      'aws.ec2.instance',
      'aws.ebs.volume',
      'aws.ec2.key-pair',
      'aws.ec2.elastic-ip',
      'aws.ec2.launch-template',
      'aws.ebs.snapshot',
      'aws.s3.bucket',
    ]) {
      const expected = ofType(baseline.resources, type).map((item) => item.resourceId);
      expect(expected.length, type).toBeGreaterThan(0);
      expect(
        ofType(resources, type)
          .map((item) => item.resourceId)
          .sort(),
      ).toEqual(expected.sort());
    }
    expect(ofType(resources, 'aws.ec2.image')).toEqual([]);

    for (const region of regions) {
      expect(scopeOfType(runtime, 'aws.ec2.image', region)).toMatchObject({
        service: 'ec2',
        status: 'failed',
        errorClass: 'auth',
        call: 'ec2:DescribeImages',
        resourceTypes: ['aws.ec2.image'],
        error: expect.stringMatching(/UnauthorizedOperation.*ec2:DescribeImages/),
      });
      for (const type of ['aws.ec2.instance', 'aws.ec2.key-pair', 'aws.ec2.elastic-ip']) {
        expect(scopeOfType(runtime, type, region), `${type} ${region}`).toMatchObject({
          status: 'complete',
          resourceTypes: [type],
        });
      }
    }
    // Retried by nobody: a denial is final.
    expect(callsTo(server, 'DescribeImages')).toHaveLength(2);

    const s3 = scopeOfType(runtime, 'aws.s3.bucket', 'global');
    expect(s3).toMatchObject({
      status: 'complete',
      resourceCount: 2,
      enrichmentErrors: [
        {
          call: 's3:GetBucketVersioning',
          errorClass: 'auth',
          message: expect.stringContaining('not authorized to perform: s3:GetBucketVersioning'),
          failed: 1,
          attempted: 2,
        },
      ],
    });
    const [assets, logs] = ofType(resources, 'aws.s3.bucket');
    expect(assets!.metadata?.enrichmentErrors).toBeUndefined();
    expect(assets!.configuration).toHaveProperty('Versioning');
    expect(logs!.name).toBe('acme-app-logs-eu');
    expect(logs!.metadata?.enrichmentErrors).toEqual([
      expect.objectContaining({ call: 's3:GetBucketVersioning', errorClass: 'auth' }),
    ]);
    // What could be read is kept (region, encryption); versioning is left out.
    expect(logs!.configuration).not.toHaveProperty('Versioning');
    expect(logs!.configuration).toMatchObject({
      BucketRegion: 'eu-west-1',
      ServerSideEncryptionConfiguration: expect.any(Object),
    });
  });

  test('a read denied for every resource is summarized once per scope, not once per resource', async () => {
    failOperation(server, LambdaClient, ListTagsCommand, {
      code: 'AccessDeniedException',
      message: `User: ${user} is not authorized to perform: lambda:ListTags`,
      status: 403,
    });
    const { resources, runtime } = await runAws(server, { services: ['lambda'] });
    const functions = ofType(resources, 'aws.lambda.function');
    expect(functions.length).toBeGreaterThan(2);
    for (const region of regions) {
      const scope = scopeOfType(runtime, 'aws.lambda.function', region)!;
      const count = functions.filter((item) => item.region === region).length;
      expect(scope).toMatchObject({ status: 'complete', resourceCount: count });
      expect(scope.enrichmentErrors).toEqual([
        expect.objectContaining({ call: 'lambda:ListTags', failed: count, attempted: count }),
      ]);
    }
    expect(
      functions.every(
        (item) => (item.metadata?.enrichmentErrors as unknown[] | undefined)?.length === 1,
      ),
    ).toBe(true);
  });
});

describe('IAM', () => {
  test('GetAccountAuthorizationDetails denied: users and roles are listed with ListUsers / ListRoles, without policies, the denial recorded on each', async () => {
    failOperation(server, IAMClient, GetAccountAuthorizationDetailsCommand, {
      code: 'AccessDenied',
      message: `User: ${user} is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: * with an explicit deny`,
      status: 403,
    });
    const { resources, runtime } = await runAws(server, { services: ['iam'] });
    expect(ofType(resources, 'aws.iam.user').map((item) => item.name)).toEqual([
      'alice',
      'deploy-bot',
    ]);
    expect(ofType(resources, 'aws.iam.role').map((item) => item.name)).toEqual([
      'app-role',
      'lambda-orders-api',
    ]);
    for (const type of ['aws.iam.user', 'aws.iam.role']) {
      expect(scopeOfType(runtime, type, 'global')).toMatchObject({
        status: 'complete',
        enrichmentErrors: [
          expect.objectContaining({
            call: 'iam:GetAccountAuthorizationDetails',
            errorClass: 'auth',
            failed: 2,
            attempted: 2,
          }),
        ],
      });
    }
    const alice = ofType(resources, 'aws.iam.user')[0]!;
    expect(alice.tags).toMatchObject({ Team: 'platform' });
    expect(alice.configuration).not.toHaveProperty('UserPolicyList');
    const role = ofType(resources, 'aws.iam.role')[0]!;
    expect(role.configuration).toMatchObject({
      AssumeRolePolicyDocument: { Version: '2012-10-17' },
    });
    expect(callsTo(server, 'ListUsers').length).toBeGreaterThanOrEqual(2);
  });

  test('GetAccountAuthorizationDetails and ListUsers denied: only IAM users fail; roles still list', async () => {
    for (const Command of [GetAccountAuthorizationDetailsCommand, ListUsersCommand]) {
      failOperation(server, IAMClient, Command, { code: 'AccessDenied', status: 403 });
    }
    const { resources, runtime } = await runAws(server, { services: ['iam', 'sqs'] });
    expect(scopeOfType(runtime, 'aws.iam.user', 'global')).toMatchObject({
      status: 'failed',
      errorClass: 'auth',
      call: 'iam:GetAccountAuthorizationDetails, iam:ListUsers',
    });
    expect(scopeOfType(runtime, 'aws.iam.role', 'global')).toMatchObject({ status: 'complete' });
    expect(ofType(resources, 'aws.iam.role')).toHaveLength(2);
    expect(ofType(resources, 'aws.sqs.queue').length).toBeGreaterThan(0);
  });
});

describe('EKS node groups and Route 53 record sets', () => {
  test('ListNodegroups denied: node groups fail in every region, clusters are complete', async () => {
    const baseline = await runAws(server, { services: ['eks'] });
    expect(ofType(baseline.resources, 'aws.eks.nodegroup').length).toBeGreaterThan(0);
    failOperation(server, EKSClient, ListNodegroupsCommand, {
      code: 'AccessDeniedException',
      message: `User: ${user} is not authorized to perform: eks:ListNodegroups on resource: arn:aws:eks:us-east-1:123456789012:cluster/production`,
      status: 403,
    });
    const { resources, runtime } = await runAws(server, { services: ['eks'] });
    expect(ofType(resources, 'aws.eks.cluster')).toEqual(
      ofType(baseline.resources, 'aws.eks.cluster'),
    );
    expect(ofType(resources, 'aws.eks.nodegroup')).toEqual([]);
    // The fake has clusters in us-east-1 only: eu-west-1 never calls ListNodegroups.
    expect(scopeOfType(runtime, 'aws.eks.nodegroup', 'us-east-1')).toMatchObject({
      status: 'failed',
      errorClass: 'auth',
      call: 'eks:ListClusters, eks:ListNodegroups, eks:DescribeNodegroup',
      error: expect.stringMatching(/ListNodegroups .*AccessDeniedException, HTTP 403/),
    });
    for (const region of regions) {
      expect(scopeOfType(runtime, 'aws.eks.cluster', region)).toMatchObject({
        status: 'complete',
      });
    }
  });

  test('record sets are listed page by page; ListResourceRecordSets denied fails them only, and a denied tag batch keeps the zones', async () => {
    const baseline = await runAws(server, { services: ['route53'] });
    const recordSets = ofType(baseline.resources, 'aws.route53.record-set');
    expect(recordSets).toHaveLength(12);
    expect(recordSets[3]).toMatchObject({
      resourceId: 'Z0123456789ABCDEFGHIJ/app.example.com./CNAME/blue',
      region: 'global',
      configuration: { Weight: 90, SetIdentifier: 'blue', HostedZoneId: 'Z0123456789ABCDEFGHIJ' },
    });
    expect(callsTo(server, 'GET /2013-04-01/hostedzone/Z0123456789ABCDEFGHIJ/rrset')).toHaveLength(
      3,
    );

    server.reset();
    failOperation(server, Route53Client, ListResourceRecordSetsCommand, {
      code: 'AccessDenied',
      message: `User: ${user} is not authorized to perform: route53:ListResourceRecordSets`,
      status: 403,
    });
    failOperation(server, Route53Client, ListTagsForResourcesCommand, {
      code: 'AccessDenied',
      message: `User: ${user} is not authorized to perform: route53:ListTagsForResources`,
      status: 403,
    });
    const { resources, runtime } = await runAws(server, { services: ['route53'] });
    expect(ofType(resources, 'aws.route53.record-set')).toEqual([]);
    expect(scopeOfType(runtime, 'aws.route53.record-set', 'global')).toMatchObject({
      status: 'failed',
      errorClass: 'auth',
      call: 'route53:ListHostedZones, route53:ListResourceRecordSets',
    });
    const zones = ofType(resources, 'aws.route53.hosted-zone');
    expect(zones).toHaveLength(2);
    expect(
      zones.every(
        (zone) => (zone.metadata?.enrichmentErrors as unknown[] | undefined)?.length === 1,
      ),
    ).toBe(true);
    expect(scopeOfType(runtime, 'aws.route53.hosted-zone', 'global')).toMatchObject({
      status: 'complete',
      enrichmentErrors: [
        expect.objectContaining({ call: 'route53:ListTagsForResources', failed: 2, attempted: 2 }),
      ],
    });
    // One tag batch per page of zones (the fake pages one zone at a time), not one per read.
    const tagCalls = server.requests.filter((entry) => entry.path.endsWith('/tags/hostedzone'));
    expect(tagCalls).toHaveLength(2);
  });
});
