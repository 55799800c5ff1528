// End to end through core: the registered `aws` driver, CloudInventoryPlugin on a memory://
// database and the fake AWS. Volatile fields, secrets, updates, deletions and failed scopes.
import '../src/index.ts';
import {
  DescribeCustomerGatewaysCommand,
  DescribeKeyPairsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { type CloudInventoryPlugin, hasCloudDriver } from '@cloud-inventory/core';
import { installTestPlugin, stopTestPlugin } from '@cloud-inventory/testkit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { failOperation, type SignedRequest, startAwsApi } from './aws-test-helpers.ts';
import { awsRoute } from './fixtures/aws-fake-routes.ts';
import { awsTestCredentials } from './fixtures/aws-fixtures.ts';

const cloudId = 'aws-main';
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
        config: { endpoint: server.url, maxAttempts: 2 },
      },
    ],
    discovery: { concurrency: 6 },
  });
});
afterAll(async () => {
  await stopTestPlugin(plugin);
  await server.close();
});

test('registers as `aws`', () => {
  expect(hasCloudDriver('aws')).toBe(true);
});

test('two syncs, volatile fields changing in between, record no update; secrets are stored hashed', async () => {
  const first = await plugin.syncCloud(cloudId);
  expect(first).toMatchObject({ status: 'succeeded', updated: 0, deleted: 0 });
  expect(first.created).toBeGreaterThan(120);

  // The fixtures answer new ItemCount, queue depths, alarm states, restorable times, sizes,
  // last-used dates... on every call: none of them is a change.
  const second = await plugin.syncCloud(cloudId);
  expect(second).toMatchObject({ status: 'succeeded', created: 0, updated: 0, deleted: 0 });

  const lambda = {
    cloudId,
    resourceType: 'aws.lambda.function',
    resourceId: 'arn:aws:lambda:us-east-1:123456789012:function:orders-api',
  };
  const version = await plugin.getVersion(lambda, 1);
  const stored = JSON.stringify(version);
  expect(stored).toContain('STRIPE_SECRET_KEY');
  expect(stored).not.toContain('sk_live_example');
  for (const [resourceType, resourceId, secret] of [
    [
      'aws.ecs.task-definition',
      'arn:aws:ecs:us-east-1:123456789012:task-definition/web:42',
      's3cr3t',
    ],
    ['aws.vpn.connection', 'vpn-0a1b2c3d4e5f60001', 'example-psk-2'],
    ['aws.ec2.launch-template', 'lt-0a1b2c3d4e5f60001', 'IyEvYmluL2Jhc2gK'],
    [
      'aws.cloudfront.distribution',
      'arn:aws:cloudfront::123456789012:distribution/E1A2B3C4D5E6F7',
      'origin-shared-secret-value',
    ],
  ] as const) {
    const record = await plugin.getVersion({ cloudId, resourceType, resourceId }, 1);
    expect(record, resourceType).not.toBeNull();
    expect(JSON.stringify(record), resourceType).not.toContain(secret);
  }
});

test('a real change is an update, a removed resource is deleted, a failed scope deletes nothing', async () => {
  const keyPair = {
    KeyPairId: 'key-0a1b2c3d4e5f60001',
    KeyFingerprint: '1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca:9f:f5:f1:6f',
    KeyName: 'ops-key',
    KeyType: 'ed25519',
    CreateTime: new Date('2024-03-01T10:00:00Z'),
    Tags: [
      { Key: 'Name', Value: 'ops-key' },
      { Key: 'Team', Value: 'security' },
    ],
  };
  server.addRoutes([
    awsRoute(EC2Client, DescribeKeyPairsCommand, 'ec2', ({ region }) => ({
      KeyPairs: region === 'us-east-1' ? [keyPair] : [],
    })),
    awsRoute(EC2Client, DescribeCustomerGatewaysCommand, 'vpn', () => ({ CustomerGateways: [] })),
  ]);
  failOperation(server, LambdaClient, ListFunctionsCommand, {
    code: 'AccessDeniedException',
    message: 'not authorized to perform: lambda:ListFunctions',
    status: 403,
  });
  const third = await plugin.syncCloud(cloudId);
  expect(third).toMatchObject({ status: 'partial', created: 0, updated: 1, deleted: 1 });

  const history = await plugin.getHistory({
    cloudId,
    resourceType: 'aws.ec2.key-pair',
    resourceId: 'key-0a1b2c3d4e5f60001',
  });
  const update = history?.changes.find((change) => change.kind === 'updated') as {
    diff: { updated: Record<string, unknown>; removed: Record<string, unknown> };
  };
  expect(JSON.stringify(update.diff)).toContain('security');
  expect(
    await plugin.getResource({
      cloudId,
      resourceType: 'aws.vpn.customer-gateway',
      resourceId: 'cgw-0a1b2c3d4e5f60001',
    }),
  ).toMatchObject({ status: 'deleted' });
  // Lambda could not be listed: its functions stay active.
  expect(
    await plugin.getResource({
      cloudId,
      resourceType: 'aws.lambda.function',
      resourceId: 'arn:aws:lambda:eu-west-1:123456789012:function:eu-orders-api',
    }),
  ).toMatchObject({ status: 'active' });
});
