import { type FakeRequest, runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createAlibabaDriver } from '../src/driver.ts';
import { alibabaCredentials, alibabaFixtures } from './fixtures/alibaba-fixtures.ts';

// What Alibaba Cloud answers a RAM user without the action (RPC APIs: one path, the action in the form).
const forbidden = {
  Code: 'Forbidden.RAM',
  Message:
    "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
  RequestId: '1C488B66-0000-4A7B-9C8D-0123456789AB',
  Recommend: 'https://api.aliyun.com/troubleshoot',
};
const actionIs = (action: string) => (request: FakeRequest) =>
  request.form().get('Action') === action;

runDriverConformance({
  describe,
  test,
  name: 'alibaba',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    createAlibabaDriver({
      id: 'alibaba-test',
      driver: 'alibaba',
      credentials,
      config: { pageSize: 2, ...config, endpoint, retry },
    }),
  fixtures: alibabaFixtures(),
  credentials: alibabaCredentials,
  capabilities: { tags: true, regions: true, secretTypes: ['alibaba.ack.node-pool'] },
  // Least privilege: a RAM policy without ecs:DescribeSnapshots and
  // ecs:DescribeSecurityGroupAttribute.
  denial: {
    listFault: { match: actionIs('DescribeSnapshots'), status: 403, body: forbidden },
    expectDeniedTypes: ['alibaba.ecs.snapshot'],
    enrichmentFault: {
      match: actionIs('DescribeSecurityGroupAttribute'),
      status: 403,
      body: forbidden,
    },
    expectEnrichmentCall: 'ecs:DescribeSecurityGroupAttribute',
    config: { services: ['ecs', 'vpc'] },
  },
});
