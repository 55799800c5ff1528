import { readFileSync } from 'node:fs';
import { checkReadmeSections, readmeOmissions } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { alibabaReadmeSections } from '../scripts/readme-types.ts';
import { alibabaCatalog, alibabaPermissions, alibabaPolicyDocument } from '../src/driver.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  test('has the types table and the RAM policy generated from the catalog (run scripts/readme-types.ts --write)', () => {
    checkReadmeSections(readme, alibabaReadmeSections);
  });

  test('names every service, resource type, config option and credential source', () => {
    expect(
      readmeOmissions(readme, {
        catalog: alibabaCatalog,
        options: [
          'accountId',
          'services',
          'regions',
          'defaultRegion',
          'endpoint',
          'pageSize',
          'timeoutMs',
          'retry',
        ],
        mentions: [
          'credentials.accessKeyId',
          'credentials.accessKeySecret',
          'credentials.securityToken',
          'ALIBABA_ACCESS_KEY_ID',
          'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
          '@alicloud/pop-core',
          'ali-oss',
        ],
      }),
    ).toEqual([]);
  });

  test('every catalog type has its RAM actions, and the policy allows each of them', () => {
    const allowed = new Set(alibabaPolicyDocument().Statement[0]!.Action);
    for (const service of alibabaCatalog.services) {
      for (const { type } of service.resourceTypes) {
        const actions = alibabaPermissions[type];
        expect(actions?.length, type).toBeGreaterThan(0);
        for (const action of actions ?? []) expect(allowed.has(action), action).toBe(true);
      }
    }
    expect(alibabaPolicyDocument(['alibaba.ram.user']).Statement[0]!.Action).toEqual([
      'ecs:DescribeRegions',
      'ram:ListUsers',
    ]);
  });
});
