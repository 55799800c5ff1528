import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createAwsDriver } from '../src/driver.ts';
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
