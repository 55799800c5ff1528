import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createAlibabaDriver } from '../src/driver.ts';
import { alibabaCredentials, alibabaFixtures } from './fixtures/alibaba-fixtures.ts';

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
});
