import { readFileSync } from 'node:fs';
import { checkReadmeSections } from '@cloud-inventory/testkit';
import { expect, test } from 'vitest';
import { awsReadmeSections } from '../scripts/readme-types.ts';
import {
  awsCatalog,
  awsListCall,
  awsReadOnlyPolicy,
  awsServiceAccess,
  awsTypeAccess,
} from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README sections generated from the catalog are up to date (node --conditions=source scripts/readme-types.ts --write)', () => {
  checkReadmeSections(readme, awsReadmeSections);
});

test('every service has IAM actions and a tag strategy, and the policy grants reads only', () => {
  for (const service of awsCatalog.services) {
    expect(awsServiceAccess[service.name]?.actions.length, service.name).toBeGreaterThan(0);
    expect(awsServiceAccess[service.name]?.tags, service.name).toBeTruthy();
  }
  const actions = awsReadOnlyPolicy().Statement[0]!.Action;
  expect(actions).toContain('ec2:DescribeInstances');
  expect(actions).toContain('iam:GetAccountAuthorizationDetails');
  for (const action of actions) {
    expect(action).toMatch(/^[a-z0-9-]+:(Describe|List|Get)[A-Za-z]*$|^apigateway:GET$/);
    expect(action).not.toMatch(/GetSecretValue|GetParameter|GetObject|GetItem/);
  }
  expect(awsReadOnlyPolicy(['s3']).Statement[0]!.Action).toEqual([
    'ec2:DescribeRegions',
    's3:GetBucketLocation',
    's3:GetBucketPublicAccessBlock',
    's3:GetBucketTagging',
    's3:GetBucketVersioning',
    's3:GetEncryptionConfiguration',
    's3:ListAllMyBuckets',
    'sts:GetCallerIdentity',
  ]);
});

test('every resource type has its IAM actions (the steps name them as their call), and only catalog types do', () => {
  const types = awsCatalog.services.flatMap((service) =>
    service.resourceTypes.map((type) => type.type),
  );
  expect(Object.keys(awsTypeAccess).sort()).toEqual([...types].sort());
  for (const type of types) {
    expect(awsTypeAccess[type]?.list.length, type).toBeGreaterThan(0);
    expect(awsListCall(type), type).toMatch(/^[a-z0-9-]+:[A-Za-z]+(, [a-z0-9-]+:[A-Za-z]+)*$/);
  }
  expect(awsListCall('aws.iam.user')).toBe('iam:GetAccountAuthorizationDetails, iam:ListUsers');
  expect(readme).toContain('| `aws.s3.bucket` | `s3:ListAllMyBuckets` |');
});
