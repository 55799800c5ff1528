// The fake AWS itself: it must refuse fixtures with fields the API does not declare.

import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { expect, test } from 'vitest';
import {
  AwsFakeError,
  operationOf,
  serializeError,
  serializeOutput,
  serviceInfoOf,
} from './fixtures/aws-fake-protocols.ts';

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

test('answers a denial in the error shape of each protocol', () => {
  const denied = (Client: new (config: any) => any, code: string) =>
    serializeError(serviceInfoOf(Client), new AwsFakeError(code, 'not authorized', 403));
  const ec2 = denied(EC2Client, 'UnauthorizedOperation');
  expect(ec2.status).toBe(403);
  expect(ec2.body).toMatch(
    /^<Response><Errors><Error><Code>UnauthorizedOperation<\/Code><Message>not authorized<\/Message><\/Error><\/Errors><RequestID>/,
  );
  expect(denied(S3Client, 'AccessDenied').body).toMatch(
    /<Error><Code>AccessDenied<\/Code><Message>not authorized<\/Message><RequestId>/,
  );
  expect(denied(IAMClient, 'AccessDenied').body).toMatch(
    /^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>AccessDenied<\/Code>/,
  );
  const eks = denied(EKSClient, 'AccessDeniedException');
  expect(eks.headers).toMatchObject({ 'x-amzn-errortype': 'AccessDeniedException' });
  expect(JSON.parse(String(eks.body))).toEqual({
    __type: 'AccessDeniedException',
    message: 'not authorized',
  });
});
