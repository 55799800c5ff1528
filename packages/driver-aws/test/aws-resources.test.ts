// What each service family yields from one full run against the fake AWS: ids, names, tags from
// the batch APIs, configuration shapes, pagination across every protocol, and the calls never made.
import type { CloudResource } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { ofType } from '@cloud-inventory/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { awsCatalog } from '../src/driver.ts';
import {
  callsTo,
  configurationOf,
  runAws,
  type SignedRequest,
  startAwsApi,
} from './aws-test-helpers.ts';

let server: FakeProviderServer & { signed: SignedRequest[] };
let resources: CloudResource[];

beforeAll(async () => {
  server = await startAwsApi();
  ({ resources } = await runAws(server));
});
afterAll(async () => {
  await server.close();
});

const find = (type: string, name: string) => {
  const resource = resources.find(
    (candidate) => candidate.resourceType === type && candidate.name === name,
  );
  if (!resource) throw new Error(`no ${type} named ${name}`);
  return resource;
};

describe('one run over every service', () => {
  test('yields every catalog type, each resource once, with the account id', () => {
    const declared = awsCatalog.services.flatMap((service) =>
      service.resourceTypes.map((type) => type.type),
    );
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(new Set(declared));
    const identities = resources.map(
      (resource) => `${resource.resourceType}:${resource.resourceId}`,
    );
    expect(new Set(identities).size).toBe(identities.length);
    expect(resources.every((resource) => resource.accountId === '123456789012')).toBe(true);
  });

  test('pages through at least two pages in every protocol', () => {
    const paged = {
      ec2: [
        'DescribeInstances',
        'DescribeVolumes',
        'DescribeVpcs',
        'DescribeTransitGatewayAttachments',
      ],
      query: [
        'DescribeDBInstances',
        'GetAccountAuthorizationDetails',
        'DescribeAlarms',
        'ListTopics',
      ],
      json: ['DynamoDB_20120810.ListTables', 'AmazonSQS.ListQueues', 'TrentService.ListKeys'],
      restJson: ['GET /2015-03-31/functions', 'GET /clusters', 'GET /restapis', 'GET /v2/apis'],
      restXml: ['GET /', 'GET /2013-04-01/hostedzone', 'GET /2020-05-31/distribution'],
    };
    for (const [protocol, operations] of Object.entries(paged)) {
      for (const operation of operations) {
        const calls = server.signed.filter(
          (entry) => entry.target === operation && entry.region === 'us-east-1',
        );
        expect(calls.length, `${protocol} ${operation}`).toBeGreaterThanOrEqual(2);
      }
    }
    // WAFv2 answers a marker on its last page too: the driver stops on the empty page.
    expect(callsTo(server, 'ListWebACLs').length).toBeLessThanOrEqual(12);
  });

  test('never reads a secret value or a parameter value', () => {
    const targets = new Set(server.signed.map((entry) => entry.target));
    for (const forbidden of [
      'secretsmanager.GetSecretValue',
      'secretsmanager.BatchGetSecretValue',
      'AmazonSSM.GetParameter',
      'AmazonSSM.GetParameters',
      'AmazonSSM.GetParametersByPath',
    ]) {
      expect(targets.has(forbidden), forbidden).toBe(false);
    }
    expect(ofType(resources, 'aws.secretsmanager.secret')).toHaveLength(2);
    expect(ofType(resources, 'aws.ssm.parameter')).toHaveLength(2);
  });
});

describe('EC2 family', () => {
  test('instances keep their EC2 id, the Name tag as name, reservation fields and an ARN in metadata', () => {
    const instance = find('aws.ec2.instance', 'web-1');
    expect(instance).toMatchObject({
      resourceId: 'i-0a1b2c3d4e5f60001',
      region: 'us-east-1',
      service: 'ec2',
      tags: { Name: 'web-1', Team: 'platform', Environment: 'production' },
      metadata: { arn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-0a1b2c3d4e5f60001' },
    });
    expect(instance.configuration).toMatchObject({
      ReservationId: 'r-0a1b2c3d4e5f60001',
      OwnerId: '123456789012',
      State: { Name: 'running' },
      LaunchTime: '2024-03-01T10:00:00.000Z',
    });
  });

  test('launch templates carry their default version, user data included (a declared secret path)', () => {
    const template = configurationOf(resources, 'aws.ec2.launch-template', 'web-template');
    expect(template.DefaultVersion.VersionNumber).toBe(2);
    expect(template.DefaultVersion.LaunchTemplateData.UserData).toMatch(/^IyEv/);
  });

  test('VPN connections keep the tunnel keys where the catalog declares them secret', () => {
    const vpn = configurationOf(resources, 'aws.vpn.connection', 'office-vpn');
    expect(
      vpn.Options.TunnelOptions.map((tunnel: { PreSharedKey: string }) => tunnel.PreSharedKey),
    ).toEqual(['example-psk-1', 'example-psk-2']);
    const type = awsCatalog.services
      .flatMap((service) => service.resourceTypes)
      .find((descriptor) => descriptor.type === 'aws.vpn.connection');
    expect(type?.secretPaths).toContain('Options.TunnelOptions[*].PreSharedKey');
  });

  test('Auto Scaling groups use their ARN and read tags from the group', () => {
    expect(find('aws.autoscaling.group', 'web-asg')).toMatchObject({
      resourceId: expect.stringMatching(
        /^arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:/,
      ),
      tags: { Team: 'platform' },
    });
  });
});

describe('load balancers', () => {
  test('classic load balancers get an ARN id and tags from batched DescribeTags', () => {
    expect(find('aws.elb.load-balancer', 'legacy-web')).toMatchObject({
      resourceId: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/legacy-web',
      tags: { Name: 'legacy-web' },
    });
    // One DescribeTags per page (two pages each of classic, v2 load balancers and target groups).
    expect(
      server.signed.filter(
        (entry) => entry.target === 'DescribeTags' && entry.region === 'us-east-1',
      ).length,
    ).toBe(6);
  });

  test('ALBs and NLBs carry their listeners (two pages) and tags; target groups their tags', () => {
    const alb = find('aws.elbv2.load-balancer', 'app-alb');
    expect(alb.tags).toMatchObject({ Name: 'app-alb' });
    expect(
      (alb.configuration as { Listeners: { Port: number }[] }).Listeners.map((item) => item.Port),
    ).toEqual([80, 443]);
    expect(find('aws.elbv2.target-group', 'tcp-targets').tags).toMatchObject({
      Name: 'tcp-targets',
    });
  });
});

describe('data services', () => {
  test('S3 buckets: listed once as global, details read in the bucket region, missing parts left out', () => {
    const assets = find('aws.s3.bucket', 'acme-app-assets');
    expect(assets).toMatchObject({
      resourceId: 'arn:aws:s3:::acme-app-assets',
      region: 'global',
      tags: { Name: 'acme-app-assets' },
    });
    expect(assets.configuration).toMatchObject({
      BucketRegion: 'us-east-1',
      Versioning: { Status: 'Enabled' },
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
      },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true },
    });
    const logs = find('aws.s3.bucket', 'acme-app-logs-eu');
    expect(logs.tags).toEqual({});
    expect(logs.configuration).toMatchObject({
      BucketRegion: 'eu-west-1',
      Versioning: {},
    });
    expect(logs.configuration).not.toHaveProperty('PublicAccessBlockConfiguration');
    const tagging = server.signed.filter(
      (entry) => entry.signingName === 's3' && entry.target.startsWith('GET /acme-app-logs-eu'),
    );
    expect(tagging.length).toBe(4);
    expect(new Set(tagging.map((entry) => entry.region))).toEqual(new Set(['eu-west-1']));
  });

  test('DynamoDB tables carry every page of their tags; RDS resources their TagList', () => {
    expect(find('aws.dynamodb.table', 'orders').tags).toEqual({
      Name: 'orders',
      Team: 'platform',
      Environment: 'production',
    });
    expect(find('aws.dynamodb.table', 'eu-orders').region).toBe('eu-west-1');
    expect(find('aws.rds.instance', 'app-db-1')).toMatchObject({
      resourceId: 'arn:aws:rds:us-east-1:123456789012:db:app-db-1',
      tags: { Name: 'app-db-1' },
    });
    expect(find('aws.rds.cluster', 'orders-aurora').configuration).toMatchObject({
      DBClusterMembers: [{ DBInstanceIdentifier: 'orders-aurora-1', IsClusterWriter: true }],
    });
  });
});

describe('identity and security', () => {
  test('IAM users and roles come from GetAccountAuthorizationDetails with decoded policy documents', () => {
    const role = configurationOf(resources, 'aws.iam.role', 'app-role');
    expect(role.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    const user = configurationOf(resources, 'aws.iam.user', 'alice');
    expect(user.UserPolicyList[0].PolicyDocument.Statement[0].Action).toBe('s3:GetObject');
    expect(find('aws.iam.user', 'deploy-bot').region).toBe('global');
    expect(callsTo(server, 'ListUserTags')).toHaveLength(0);
  });

  test('KMS keys are named after their alias; rotation and tags are read for customer keys only', () => {
    const customer = find('aws.kms.key', 'alias/app-data');
    expect(customer.tags).toMatchObject({ Name: 'app-data' });
    expect(customer.configuration).toMatchObject({
      KeyRotationEnabled: true,
      Aliases: ['alias/app-data'],
    });
    expect(find('aws.kms.key', 'alias/aws/s3').tags).toEqual({});
    expect(callsTo(server, 'ListResourceTags')).toHaveLength(1);
  });

  test('CloudFront distributions keep origin custom headers under a declared secret path', () => {
    const distribution = find('aws.cloudfront.distribution', 'www.example.com');
    expect(distribution.resourceId).toBe(
      'arn:aws:cloudfront::123456789012:distribution/E1A2B3C4D5E6F7',
    );
    expect(distribution.region).toBe('global');
    expect(
      (distribution.configuration as any).Origins.Items[0].CustomHeaders.Items[0].HeaderValue,
    ).toBe('origin-shared-secret-value');
  });

  test('Route 53 zones: ARN ids and tags in batches of ten zones', () => {
    expect(find('aws.route53.hosted-zone', 'example.com.')).toMatchObject({
      resourceId: 'arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ',
      tags: { Name: 'Z0123456789ABCDEFGHIJ' },
    });
  });

  test('Config recorders carry their status; delivery channels are ided by region', () => {
    expect(
      ofType(resources, 'aws.config.delivery-channel')
        .map((item) => item.resourceId)
        .sort(),
    ).toEqual(['eu-west-1/default', 'us-east-1/default']);
    const recorder = ofType(resources, 'aws.config.recorder').find(
      (item) => item.region === 'us-east-1',
    );
    expect(recorder?.configuration).toMatchObject({ Status: { recording: true } });
  });
});

describe('integration and observability', () => {
  test('SQS queues use the queue ARN, keep the URL and every attribute', () => {
    expect(find('aws.sqs.queue', 'orders')).toMatchObject({
      resourceId: 'arn:aws:sqs:us-east-1:123456789012:orders',
      configuration: {
        QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders',
        Attributes: { VisibilityTimeout: '30' },
      },
      tags: { Name: 'orders' },
    });
  });

  test('HTTP and WebSocket APIs are told apart by protocol', () => {
    expect(find('aws.apigateway.http-api', 'orders-http').resourceId).toBe(
      'arn:aws:apigateway:us-east-1::/apis/h1b2c3d4e0',
    );
    expect(find('aws.apigateway.websocket-api', 'chat-websocket').tags).toMatchObject({
      Name: 'chat-websocket',
    });
    expect(find('aws.apigateway.rest-api', 'orders-rest').resourceId).toBe(
      'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e0',
    );
  });

  test('metric and composite alarms, log groups without the :* suffix, streams with every tag page', () => {
    expect(find('aws.cloudwatch.alarm', 'service-health').configuration).toMatchObject({
      AlarmType: 'CompositeAlarm',
    });
    expect(find('aws.logs.log-group', '/ecs/web')).toMatchObject({
      resourceId: 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web',
      tags: { Name: '/ecs/web' },
    });
    expect(find('aws.kinesis.stream', 'clickstream').tags).toEqual({
      Name: 'clickstream',
      Team: 'platform',
      Environment: 'production',
    });
    expect(find('aws.eventbridge.rule', 'order-created').resourceId).toBe(
      'arn:aws:events:us-east-1:123456789012:rule/orders/order-created',
    );
  });

  test('ECS task definitions keep container environments (declared secret) and EKS node groups their cluster', () => {
    const definition = configurationOf(resources, 'aws.ecs.task-definition', 'web:42');
    expect(definition.containerDefinitions[0].environment[1]).toEqual({
      name: 'DATABASE_URL',
      value: 'postgres://app:s3cr3t@db.internal:5432/app',
    });
    expect(find('aws.eks.nodegroup', 'production/production-spot').configuration).toMatchObject({
      clusterName: 'production',
      scalingConfig: { desiredSize: 3 },
    });
    expect(ofType(resources, 'aws.ecs.service')).toHaveLength(2);
  });
});
