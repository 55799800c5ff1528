import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createAwsDriver } from '../src/driver.ts';
import { awsFault } from './aws-test-helpers.ts';
import { awsFixtures, awsTestCredentials } from './fixtures/aws-fixtures.ts';

runDriverConformance({
  describe,
  test,
  name: 'aws',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    createAwsDriver({
      id: 'aws-test',
      credentials,
      config: { ...config, endpoint, maxAttempts: retry.maximumAttempts },
    }),
  fixtures: awsFixtures,
  credentials: awsTestCredentials,
  // An SCP denying ec2:DescribeImages everywhere and a bucket policy denying GetBucketVersioning.
  denial: {
    listFault: awsFault(EC2Client, DescribeImagesCommand, {
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
      status: 403,
    }),
    expectDeniedTypes: ['aws.ec2.image'],
    enrichmentFault: awsFault(S3Client, GetBucketVersioningCommand, {
      code: 'AccessDenied',
      message: 'Access Denied',
      status: 403,
      match: (request) => request.path.startsWith('/acme-app-logs-eu'),
    }),
    expectEnrichmentCall: 's3:GetBucketVersioning',
    config: { services: ['ec2', 'ebs', 's3'] },
  },
  capabilities: {
    tags: true,
    regions: true,
    secretTypes: [
      'aws.lambda.function',
      'aws.ecs.task-definition',
      'aws.ec2.launch-template',
      'aws.vpn.connection',
    ],
  },
});
