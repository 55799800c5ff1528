// The fake AWS itself: it must refuse fixtures with fields the API does not declare.

import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { expect, test } from 'vitest';
import { operationOf, serializeOutput, serviceInfoOf } from './fixtures/aws-fake-protocols.ts';

test('serializes EC2 query output with the wire names and refuses invented fields', () => {
  const ec2 = serviceInfoOf(EC2Client);
  expect(ec2).toMatchObject({ protocol: 'ec2', signingName: 'ec2', version: '2016-11-15' });
  const operation = operationOf(DescribeVpcsCommand);
  const answer = serializeOutput(ec2, operation, { Vpcs: [{ VpcId: 'vpc-1', IsDefault: true }] });
  expect(answer.body).toContain(
    '<vpcSet><item><isDefault>true</isDefault><vpcId>vpc-1</vpcId></item></vpcSet>',
  );
  expect(() =>
    serializeOutput(ec2, operation, { Vpcs: [{ VpcId: 'vpc-1', Colour: 'blue' }] }),
  ).toThrow(/no member "Colour" in shape Vpc/);
});

test('serializes REST-JSON output by jsonName with epoch timestamps', () => {
  const lambda = serviceInfoOf(LambdaClient);
  expect(lambda.protocol).toBe('restJson');
  const answer = serializeOutput(lambda, operationOf(ListFunctionsCommand), {
    Functions: [{ FunctionName: 'f', MemorySize: 128 }],
    NextMarker: 'next',
  });
  expect(JSON.parse(String(answer.body))).toEqual({
    Functions: [{ FunctionName: 'f', MemorySize: 128 }],
    NextMarker: 'next',
  });
});
