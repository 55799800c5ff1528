// End to end through core with a least-privilege role: DescribeImages denied in every region and
// GetBucketVersioning denied on one bucket. The run names both denials; everything else is
// inventoried; a denied type deletes nothing; the enrichment failure makes no version.
import '../src/index.ts';
import { DescribeImagesCommand, DescribeKeyPairsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import type { CloudInventoryPlugin, ScopeReport } from '@cloud-inventory/core';
import { installTestPlugin, stopTestPlugin } from '@cloud-inventory/testkit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { failOperation, type SignedRequest, startAwsApi } from './aws-test-helpers.ts';
import { awsRoute } from './fixtures/aws-fake-routes.ts';
import { awsTestCredentials } from './fixtures/aws-fixtures.ts';

const cloudId = 'aws-least-privilege';
let server: Awaited<ReturnType<typeof startAwsApi>> & { signed: SignedRequest[] };
let plugin: CloudInventoryPlugin;

beforeAll(async () => {
  server = await startAwsApi();
  plugin = await installTestPlugin({
    clouds: [
      {
        id: cloudId,
        driver: 'aws',
        credentials: awsTestCredentials,
        config: { endpoint: server.url, maxAttempts: 2, services: ['ec2', 'ebs', 's3'] },
      },
    ],
    discovery: { concurrency: 4 },
  });
  failOperation(server, EC2Client, DescribeImagesCommand, {
    code: 'UnauthorizedOperation',
    message:
      'You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/inventory is not authorized to perform: ec2:DescribeImages with an explicit deny in a service control policy',
    status: 403,
  });
  failOperation(server, S3Client, GetBucketVersioningCommand, {
    code: 'AccessDenied',
    message:
      'User: arn:aws:iam::123456789012:user/inventory is not authorized to perform: s3:GetBucketVersioning on resource: "arn:aws:s3:::acme-app-logs-eu"',
    status: 403,
    match: (request) => request.path.startsWith('/acme-app-logs-eu'),
  });
});
afterAll(async () => {
  await stopTestPlugin(plugin);
  await server.close();
});

const bucket = {
  cloudId,
  resourceType: 'aws.s3.bucket',
  resourceId: 'arn:aws:s3:::acme-app-logs-eu',
};

test('the run record names the denied list call per region and the denied read once', async () => {
  const first = await plugin.syncCloud(cloudId);
  expect(first.status).toBe('partial');
  for (const [resourceType, resourceId] of [
    ['aws.ec2.key-pair', 'key-0a1b2c3d4e5f60001'],
    ['aws.ec2.elastic-ip', 'eipalloc-0a1b2c3d4e5f60001'],
    ['aws.ec2.instance', 'i-0a1b2c3d4e5f60001'],
    ['aws.ebs.volume', 'vol-0a1b2c3d4e5f60001'],
    ['aws.s3.bucket', 'arn:aws:s3:::acme-app-assets'],
    ['aws.s3.bucket', 'arn:aws:s3:::acme-app-logs-eu'],
  ] as const) {
    expect(
      await plugin.getResource({ cloudId, resourceType, resourceId }),
      resourceId,
    ).toMatchObject({ status: 'active' });
  }
  const [run] = await plugin.listRuns(cloudId, { limit: 1 });
  const scopes = (run?.scopes ?? []) as ScopeReport[];
  for (const region of ['us-east-1', 'eu-west-1']) {
    expect(scopes).toContainEqual(
      expect.objectContaining({
        service: 'ec2',
        region,
        status: 'failed',
        errorClass: 'auth',
        call: 'ec2:DescribeImages',
      }),
    );
  }
  expect(scopes).toContainEqual(
    expect.objectContaining({
      service: 's3',
      region: 'global',
      status: 'complete',
      enrichmentErrors: [
        expect.objectContaining({
          call: 's3:GetBucketVersioning',
          errorClass: 'auth',
          failed: 1,
          attempted: 2,
        }),
      ],
    }),
  );
});

test('a second run with the same denials records no version; a removed key pair is deleted, images are not', async () => {
  server.addRoutes([awsRoute(EC2Client, DescribeKeyPairsCommand, 'ec2', () => ({ KeyPairs: [] }))]);
  const second = await plugin.syncCloud(cloudId);
  expect(second).toMatchObject({ created: 0, updated: 0 });
  expect(await plugin.getResource(bucket)).toMatchObject({ status: 'active' });
  expect(
    await plugin.getResource({
      cloudId,
      resourceType: 'aws.ec2.key-pair',
      resourceId: 'key-0a1b2c3d4e5f60001',
    }),
  ).toMatchObject({ status: 'deleted' });
  expect(second.deleted).toBe(1);
});
