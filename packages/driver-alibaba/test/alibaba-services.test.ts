import { listAll, ofType } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { alibabaCatalog, alibabaPolicyDocument } from '../src/driver.ts';
import { type AlibabaTestApi, createTestDriver, startAlibabaApi } from './alibaba-test-helpers.ts';
import { fakeRegions, rpcListSpecs } from './fixtures/alibaba-estate.ts';

describe('alibaba services against the fake API', () => {
  let api: AlibabaTestApi;
  beforeEach(async () => {
    api = await startAlibabaApi();
  });
  afterEach(async () => {
    await api.server.close();
  });

  test('lists every type in both regions, following every page of every list call', async () => {
    const { resources, runtime } = await listAll(createTestDriver(api.server));
    const regional = alibabaCatalog.services.filter((service) => !service.global);
    for (const service of regional) {
      for (const { type } of service.resourceTypes) {
        const listed = ofType(resources, type);
        if (type === 'alibaba.slb.nlb-load-balancer') {
          // NLB DescribeRegions offers only cn-hangzhou: no NLB call goes to ap-southeast-1.
          expect(listed.map((resource) => resource.region)).toEqual(Array(3).fill('cn-hangzhou'));
          continue;
        }
        const expected = type === 'alibaba.ack.node-pool' ? 6 : 4;
        expect(listed, type).toHaveLength(expected);
        expect(new Set(listed.map((resource) => resource.region))).toEqual(new Set(fakeRegions));
      }
    }
    expect(ofType(resources, 'alibaba.oss.bucket')).toHaveLength(4);
    expect(ofType(resources, 'alibaba.cdn.domain')).toHaveLength(3);
    expect(ofType(resources, 'alibaba.dns.domain')).toHaveLength(3);
    expect(ofType(resources, 'alibaba.dns.record')).toHaveLength(4);
    expect(ofType(resources, 'alibaba.ram.user')).toHaveLength(3);
    expect(ofType(resources, 'alibaba.ram.role')).toHaveLength(3);
    expect(resources).toHaveLength(93);
    // The account UID from sts:GetCallerIdentity is on every resource.
    expect(new Set(resources.map((resource) => resource.accountId))).toEqual(
      new Set(['1234567890123456']),
    );
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);

    // Page size 2: every list of 3 items took two calls in its own paging style.
    for (const spec of rpcListSpecs) {
      const calls = api.calls.filter(
        (call) => call.action === spec.action && call.params.Version === spec.version,
      );
      const first = spec.regional
        ? calls.filter((call) => call.params.RegionId === 'cn-hangzhou')
        : calls;
      if (spec.offeredIn) {
        expect(calls.filter((call) => !spec.offeredIn!.includes(call.params.RegionId!))).toEqual(
          [],
        );
      }
      // The record step lists the domains again: a denied record call must not hide the domains.
      expect(first.length, spec.key).toBe(spec.action === 'DescribeDomains' ? 4 : 2);
      const second = first[1]!.params;
      if (spec.paging === 'page') expect(second.PageNumber, spec.key).toBe('2');
      if (spec.paging === 'token') expect(second.NextToken, spec.key).toBe('token-2');
      if (spec.paging === 'marker') expect(second.Marker, spec.key).toBe('marker-2');
    }
    const clusterPages = api.calls.filter(
      (call) => call.action === 'DescribeClustersV1' && call.params.region_id === 'cn-hangzhou',
    );
    // Clusters and node pools are two steps: each pages through the clusters.
    expect(clusterPages.map((call) => call.params.page_number).sort()).toEqual([
      '1',
      '1',
      '2',
      '2',
    ]);
    const bucketPages = api.calls.filter((call) => call.action === 'oss:ListBuckets');
    expect(bucketPages.map((call) => call.params.marker ?? '')).toEqual(['', 'backup-sg-1']);
  });

  test('normalizes every tag shape to string→string', async () => {
    const { resources } = await listAll(createTestDriver(api.server));
    const byId = (id: string) => resources.find((resource) => resource.resourceId === id)!;
    expect(byId('i-cn-hangzhou-1').tags).toEqual({ team: 'platform', env: 'prod' }); // TagKey/TagValue
    expect(byId('vpc-cn-hangzhou-1').tags).toEqual({ team: 'network' }); // Key/Value
    expect(byId('alb-cn-hangzhou-1').tags).toEqual({ team: 'edge' }); // ALB: a plain array
    expect(byId('ccn-hangzhou1').tags).toEqual({ team: 'platform' }); // ACK: key/value
    expect(byId('ccn-hangzhou1/npccn-hangzhou12').tags).toEqual({ pool: 'pool-2' });
    expect(byId('assets-hz-1').tags).toEqual({ team: 'web', env: 'prod' }); // OSS GetBucketTagging
    expect(byId('logs-hz-2').tags).toEqual({});
    expect(byId('rm-cn-hangzhou-2').tags).toEqual({ team: 'orders', env: 'prod' }); // ListTagResources
    expect(byId('key-cn-hangzhou-3').tags).toEqual({ purpose: 'envelope' }); // ListResourceTags
    expect(byId('nlb-cn-hangzhou-1').tags).toEqual({ team: 'edge' });
    expect(byId('cdn2.example.com').tags).toEqual({ team: 'web' }); // DescribeTagResources
  });

  test('keeps the whole payload and the per-resource reads in the configuration', async () => {
    const { resources } = await listAll(createTestDriver(api.server));
    const byId = (id: string) => resources.find((resource) => resource.resourceId === id)!;
    const group = byId('sg-cn-hangzhou-1').configuration as Record<string, any>;
    expect(group.Permissions.Permission[0]).toMatchObject({
      PortRange: '443/443',
      Direction: 'ingress',
    });
    expect(group.VpcId).toBe('vpc-cn-hangzhou-1');
    const key = byId('key-ap-southeast-1-1');
    expect((key.configuration as Record<string, any>).KeyMetadata.KeySpec).toBe('Aliyun_AES_256');
    expect(key.name).toBe('envelope key key-ap-southeast-1-1');
    const bucket = byId('backup-sg-1');
    expect(bucket.region).toBe('ap-southeast-1');
    expect(bucket.configuration).toMatchObject({
      Name: 'backup-sg-1',
      Location: 'oss-ap-southeast-1',
      Region: 'ap-southeast-1',
      StorageClass: 'IA',
      ExtranetEndpoint: 'oss-ap-southeast-1.aliyuncs.com',
      Versioning: 'Enabled',
    });
    expect(byId('99999102').name).toBe('www2.example1.com A');
    expect(byId('ccn-hangzhou1/npccn-hangzhou11').configuration).toMatchObject({
      cluster_id: 'ccn-hangzhou1',
    });
  });

  test('reads each bucket through its own region endpoint', async () => {
    await listAll(createTestDriver(api.server));
    const reads = api.calls.filter(
      (call) => call.action !== 'oss:ListBuckets' && call.action.startsWith('oss:'),
    );
    expect(reads).toHaveLength(8);
    for (const call of reads) {
      const [bucket, host] = call.host!.split('.oss-');
      const region = api.estate.buckets.find((candidate) => candidate.name === bucket)!.region;
      expect(host).toBe(`${region}.aliyuncs.com`);
    }
  });

  test('signs every RPC call (the fake verifies the HMAC-SHA1 signature) and sends the STS token', async () => {
    const driver = createTestDriver(
      api.server,
      { services: ['vpc'], regions: ['cn-hangzhou'] },
      {
        accessKeyId: 'LTAI5tFakeKey0123456789',
        accessKeySecret: 'fake-secret-0123456789abcdef',
        securityToken: 'sts-token-value',
      },
    );
    const { resources } = await listAll(driver);
    expect(resources).toHaveLength(12);
    expect(api.calls.every((call) => call.params.SecurityToken === 'sts-token-value')).toBe(true);
    expect(api.calls.every((call) => call.params.Signature !== undefined)).toBe(true);
  });

  test('lists only own images and honours include filters per type', async () => {
    const { resources, runtime } = await listAll(createTestDriver(api.server), {
      include: ['alibaba.ecs.image'],
    });
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(
      new Set(['alibaba.ecs.image']),
    );
    const imageCalls = api.calls.filter((call) => call.action === 'DescribeImages');
    expect(imageCalls.every((call) => call.params.ImageOwnerAlias === 'self')).toBe(true);
    expect(api.calls.some((call) => call.action === 'DescribeInstances')).toBe(false);
    expect(
      runtime.scopes.every((scope) => scope.resourceTypes?.join() === 'alibaba.ecs.image'),
    ).toBe(true);
  });

  test('the generated RAM policy allows every call the driver makes', async () => {
    await listAll(createTestDriver(api.server));
    const prefixes: Record<string, string> = {
      '2014-05-26': 'ecs',
      '2016-04-28': 'vpc',
      '2014-08-15': 'rds',
      '2015-01-01': 'kvstore',
      '2014-05-15': 'slb',
      '2020-06-16': 'alb',
      '2022-04-30': 'nlb',
      '2018-05-10': 'cdn',
      '2015-01-09': 'alidns',
      '2015-05-01': 'ram',
      '2016-01-20': 'kms',
      '2015-04-01': 'sts',
    };
    const made = new Set(
      api.calls.map((call) => {
        if (call.action.startsWith('oss:')) return call.action;
        if (call.params.Version) return `${prefixes[call.params.Version]}:${call.action}`;
        return `cs:${call.action}`;
      }),
    );
    // GetCallerIdentity needs no permission.
    expect(made.delete('sts:GetCallerIdentity')).toBe(true);
    const allowed = alibabaPolicyDocument().Statement[0]!.Action;
    expect([...made].sort()).toEqual([...allowed].sort());
  });
});
