import { DriverError } from '@cloud-inventory/core';
import { describe, expect, it } from 'vitest';
import {
  createAwsMockDriver,
  createGcpMockDriver,
  createMongoDbAtlasMockDriver,
} from '../src/driver.ts';
import { collect, createRecordingRuntime, keyOf } from './mock-test-helpers.ts';

const config = { seed: 13, resourceCount: 300 };
const scopeName = (scope: { service: string; region: string }) =>
  `${scope.service}/${scope.region}`;

describe('scope reports', () => {
  it('reports every (service, region) as complete with its resource count', async () => {
    const { resources, runtime } = await collect(createAwsMockDriver({ config }));
    expect(runtime.scopes.map(scopeName).sort()).toEqual(
      [
        ...['ec2', 'vpc', 'ebs', 'rds', 'lambda', 'sqs'].flatMap((service) =>
          ['us-east-1', 'us-west-2', 'eu-west-1'].map((region) => `${service}/${region}`),
        ),
        's3/global',
        'iam/global',
      ].sort(),
    );
    for (const scope of runtime.scopes) {
      expect(scope.status).toBe('complete');
      expect(scope.durationMs).toBeGreaterThanOrEqual(0);
      const inScope = resources.filter(
        (resource) => resource.service === scope.service && resource.region === scope.region,
      );
      expect(scope.resourceCount).toBe(inScope.length);
    }
    expect(runtime.progress.at(-1)?.processed).toBe(resources.length);
  });

  it('failScopes report failed scopes with their error class and omit exactly their resources', async () => {
    const healthy = await collect(createAwsMockDriver({ config }));
    const failing = await collect(
      createAwsMockDriver({
        config: {
          ...config,
          failScopes: [
            { service: 'ec2', region: 'us-east-1' },
            { service: 'iam', errorClass: 'auth' },
          ],
        },
      }),
    );
    const failed = failing.runtime.scopes.filter((scope) => scope.status === 'failed');
    expect(failed.map((scope) => [scopeName(scope), scope.errorClass])).toEqual([
      ['ec2/us-east-1', 'server'],
      ['iam/global', 'auth'],
    ]);
    expect(failed.every((scope) => typeof scope.error === 'string' && scope.error.length > 0)).toBe(
      true,
    );
    expect(failing.runtime.scopes.filter((scope) => scope.status === 'complete')).toHaveLength(
      healthy.runtime.scopes.length - 2,
    );
    const expected = healthy.resources
      .filter(
        (resource) =>
          !(resource.service === 'ec2' && resource.region === 'us-east-1') &&
          resource.service !== 'iam',
      )
      .map(keyOf);
    expect(failing.resources.map(keyOf)).toEqual(expected);
    expect(expected.length).toBeLessThan(healthy.resources.length - 20);
  });

  it('failAfter throws a DriverError after exactly n resources and reports the scope in progress as failed', async () => {
    const driver = createAwsMockDriver({ config: { ...config, failAfter: 25 } });
    const runtime = createRecordingRuntime();
    const seen: string[] = [];
    let caught: unknown;
    try {
      for await (const resource of driver.listResources({
        runtime,
        concurrency: 1,
        dryRun: false,
        signal: new AbortController().signal,
      })) {
        seen.push(keyOf(resource));
      }
    } catch (error) {
      caught = error;
    }
    expect(DriverError.isInstance(caught)).toBe(true);
    expect((caught as DriverError).errorClass).toBe('server');
    expect((caught as DriverError).retryable).toBe(true);
    expect(seen).toHaveLength(25);
    expect(runtime.scopes.at(-1)?.status).toBe('failed');
    await expect(
      collect(createAwsMockDriver({ config: { ...config, failAfter: 0 } })),
    ).rejects.toThrow(/failAfter/);
    await expect(
      collect(createAwsMockDriver({ config: { ...config, failAfter: 1000 } })),
    ).resolves.toBeDefined();
  });

  it('latencyMs delays every scope', async () => {
    const driver = createMongoDbAtlasMockDriver({ config: { latencyMs: 30 } });
    const started = performance.now();
    const { runtime } = await collect(driver, { include: ['clusters', 'users'] });
    expect(runtime.scopes).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(58);
    expect(runtime.scopes.every((scope) => (scope.durationMs ?? 0) >= 29)).toBe(true);
  });

  it('stops promptly when the signal is aborted, mid-stream or during a delay', async () => {
    const controller = new AbortController();
    const driver = createAwsMockDriver({ config: { seed: 1, resourceCount: 10_000 } });
    let count = 0;
    const listing = (async () => {
      for await (const _resource of driver.listResources({
        runtime: createRecordingRuntime(),
        concurrency: 1,
        dryRun: false,
        signal: controller.signal,
      })) {
        count += 1;
        if (count === 10) controller.abort(new Error('sync cancelled'));
      }
    })();
    await expect(listing).rejects.toThrow('sync cancelled');
    expect(count).toBe(10);

    const slow = new AbortController();
    const started = performance.now();
    setTimeout(() => slow.abort(), 20);
    await expect(
      collect(createAwsMockDriver({ config: { latencyMs: 5_000 } }), { signal: slow.signal }),
    ).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('filters', () => {
  it('include by service lists only that service', async () => {
    const { resources, runtime } = await collect(createAwsMockDriver({ config }), {
      include: ['ec2'],
    });
    expect(new Set(resources.map((resource) => resource.service))).toEqual(new Set(['ec2']));
    expect(runtime.scopes.map(scopeName).sort()).toEqual([
      'ec2/eu-west-1',
      'ec2/us-east-1',
      'ec2/us-west-2',
    ]);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });

  it('include by region lists only that region, and service + region combine', async () => {
    const byRegion = await collect(createAwsMockDriver({ config }), { include: ['us-east-1'] });
    expect(new Set(byRegion.resources.map((resource) => resource.region))).toEqual(
      new Set(['us-east-1']),
    );
    const both = await collect(createAwsMockDriver({ config }), { include: ['ec2', 'us-west-2'] });
    expect(both.runtime.scopes.map(scopeName)).toEqual(['ec2/us-west-2']);
    expect(
      both.resources.every(
        (resource) => resource.service === 'ec2' && resource.region === 'us-west-2',
      ),
    ).toBe(true);
    expect(both.resources.length).toBeGreaterThan(0);
  });

  it('exclude removes services and regions, and filtered-out scopes are not reported', async () => {
    const { resources, runtime } = await collect(createAwsMockDriver({ config }), {
      exclude: ['s3', 'eu-west-1'],
    });
    expect(
      resources.some((resource) => resource.service === 's3' || resource.region === 'eu-west-1'),
    ).toBe(false);
    expect(
      runtime.scopes.some((scope) => scope.service === 's3' || scope.region === 'eu-west-1'),
    ).toBe(false);
    expect(resources.length).toBeGreaterThan(100);
  });

  it('a resource-type filter lists only that type and reports its scopes as skipped (never complete)', async () => {
    // gcp-mock `compute` holds two types (instance, disk); every aws-mock service holds one.
    const { resources, runtime } = await collect(createGcpMockDriver({ config }), {
      include: ['gcp.compute.instance'],
    });
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(
      new Set(['gcp.compute.instance']),
    );
    expect(runtime.scopes).toHaveLength(3);
    for (const scope of runtime.scopes) {
      expect(scope.status).toBe('skipped');
      expect(scope.error).toMatch(/gcp\.compute\.disk/);
      expect(scope.resourceCount).toBe(
        resources.filter((resource) => resource.region === scope.region).length,
      );
    }
    const excluded = await collect(createGcpMockDriver({ config }), {
      exclude: ['gcp.compute.disk'],
    });
    expect(
      excluded.resources.some((resource) => resource.resourceType === 'gcp.compute.disk'),
    ).toBe(false);
    expect(
      excluded.runtime.scopes
        .filter((scope) => scope.status === 'skipped')
        .map((scope) => scope.service),
    ).toEqual(['compute', 'compute', 'compute']);
  });

  it('aws-mock types follow the aws driver: a filter naming every type of a service lists it complete', async () => {
    const { resources, runtime } = await collect(createAwsMockDriver({ config }), {
      include: ['aws.vpc.security-group', 'aws.ebs.volume'],
    });
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(
      new Set(['aws.vpc.security-group', 'aws.ebs.volume']),
    );
    expect(new Set(resources.map((resource) => resource.service))).toEqual(new Set(['vpc', 'ebs']));
    expect(runtime.scopes).toHaveLength(6);
    expect(runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
    const excluded = await collect(createAwsMockDriver({ config }), {
      exclude: ['aws.ebs.volume'],
    });
    expect(excluded.resources.some((resource) => resource.resourceType === 'aws.ebs.volume')).toBe(
      false,
    );
    expect(excluded.runtime.scopes.some((scope) => scope.service === 'ebs')).toBe(false);
    expect(excluded.runtime.scopes.every((scope) => scope.status === 'complete')).toBe(true);
  });
});
