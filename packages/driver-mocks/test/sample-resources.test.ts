import { ConfigurationError } from '@cloud-inventory/core';
import { describe, expect, it } from 'vitest';
import {
  createAwsMockDriver,
  createGcpMockDriver,
  createNoopDriver,
  type MockSampleResource,
} from '../src/driver.ts';
import { collect } from './mock-test-helpers.ts';

// The example of the product description, verbatim.
const seedExample: MockSampleResource = {
  resourceId: 'i-1234567890abcdef0',
  region: 'us-east-1',
  service: 'ec2',
  resourceType: 'ec2.instance',
  name: 'demo-instance',
  configuration: { instanceId: 'i-1234567890abcdef0', instanceType: 't3.micro', state: 'running' },
  tags: { Environment: 'sandbox' },
};

describe('config.sampleResources', () => {
  it('yields exactly the given resources with provider and accountId filled in', async () => {
    const samples = [structuredClone(seedExample)];
    const { resources } = await collect(
      createAwsMockDriver({
        config: { accountId: '123456789012', sampleResources: samples, resourceCount: 500 },
      }),
    );
    expect(resources).toEqual([{ ...seedExample, provider: 'aws', accountId: '123456789012' }]);
    expect(samples).toEqual([seedExample]);
    resources[0]!.tags!.Environment = 'changed';
    const again = await collect(createAwsMockDriver({ config: { sampleResources: samples } }));
    expect(again.resources[0]!.tags).toEqual({ Environment: 'sandbox' });
  });

  it('derives the service from the type and keeps values the sample sets', async () => {
    const { resources } = await collect(
      createAwsMockDriver({
        config: {
          sampleResources: [
            { resourceType: 'aws.s3.bucket', resourceId: 'logs-bucket', region: 'global' },
            {
              resourceType: 'ec2.volume',
              resourceId: 'vol-1',
              region: 'eu-west-1',
              provider: 'custom',
              accountId: '999',
            },
            { resourceType: 'aws.backup.vault', resourceId: 'vault-1', region: 'us-east-1' },
          ],
        },
      }),
    );
    expect(
      resources.map((resource) => [
        resource.resourceId,
        resource.service,
        resource.provider,
        resource.accountId,
      ]),
    ).toEqual([
      ['vol-1', 'ec2', 'custom', '999'],
      ['logs-bucket', 's3', 'aws', '123456789012'],
      ['vault-1', 'backup', 'aws', '123456789012'],
    ]);
  });

  it('reports every catalog scope as complete, so a sample that disappears can be marked deleted', async () => {
    const { runtime } = await collect(
      createGcpMockDriver({
        config: {
          sampleResources: [
            { resourceType: 'gcp.compute.instance', resourceId: 'vm-1', region: 'us-central1' },
          ],
        },
      }),
    );
    const compute = runtime.scopes.find(
      (scope) => scope.service === 'compute' && scope.region === 'us-central1',
    );
    expect(compute).toMatchObject({ status: 'complete', resourceCount: 1 });
    const storage = runtime.scopes.find((scope) => scope.service === 'storage');
    expect(storage).toMatchObject({ region: 'global', status: 'complete', resourceCount: 0 });
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  it('applies filters and failScopes to samples too', async () => {
    const sampleResources: MockSampleResource[] = [
      seedExample,
      { resourceType: 'aws.iam.role', resourceId: 'arn:aws:iam::1:role/a', region: 'global' },
    ];
    const filtered = await collect(createAwsMockDriver({ config: { sampleResources } }), {
      include: ['iam'],
    });
    expect(filtered.resources.map((resource) => resource.resourceId)).toEqual([
      'arn:aws:iam::1:role/a',
    ]);
    const failing = await collect(
      createAwsMockDriver({ config: { sampleResources, failScopes: [{ service: 'ec2' }] } }),
    );
    expect(failing.resources.map((resource) => resource.resourceId)).toEqual([
      'arn:aws:iam::1:role/a',
    ]);
    expect(
      failing.runtime.scopes
        .filter((scope) => scope.status === 'failed')
        .map((scope) => scope.service),
    ).toEqual(['ec2', 'ec2', 'ec2']);
  });

  it('rejects samples without a type or id', () => {
    expect(() =>
      createAwsMockDriver({
        config: { sampleResources: [{ resourceType: 'aws.s3.bucket' } as MockSampleResource] },
      }),
    ).toThrow(ConfigurationError);
  });
});

describe('noop', () => {
  it('yields nothing and reports no scope without samples', async () => {
    const driver = createNoopDriver({ config: { resourceCount: 100 } });
    const { resources, runtime } = await collect(driver);
    expect(resources).toEqual([]);
    expect(runtime.scopes).toEqual([]);
    expect(driver.catalog).toEqual({ driver: 'noop', services: [] });
  });

  it('yields config.sampleResources', async () => {
    const { resources, runtime } = await collect(
      createNoopDriver({ config: { sampleResources: [seedExample] } }),
    );
    expect(resources).toEqual([{ ...seedExample, provider: 'noop', accountId: 'noop' }]);
    expect(runtime.scopes).toMatchObject([
      { service: 'ec2', region: 'us-east-1', status: 'complete', resourceCount: 1 },
    ]);
  });
});
