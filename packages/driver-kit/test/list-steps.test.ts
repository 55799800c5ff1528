import { type CloudResource, DriverError, type ScopeReport } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { type ListStep, runSteps, sleep } from '../src/index.ts';

function resource(type: string, id: string): CloudResource {
  return { resourceType: type, resourceId: id, service: 'compute', region: 'r1' };
}

function recorder() {
  const scopes: ScopeReport[] = [];
  return { scopes, runtime: { reportScope: (scope: ScopeReport) => void scopes.push(scope) } };
}

async function drain(iterable: AsyncIterable<CloudResource>): Promise<CloudResource[]> {
  const output: CloudResource[] = [];
  for await (const item of iterable) output.push(item);
  return output;
}

function denied(call: string): DriverError {
  return new DriverError({
    message: `You are not authorized to perform: ${call}`,
    errorClass: 'auth',
    statusCode: 403,
  });
}

describe('runSteps', () => {
  test('a denied list call fails only its own types; the service’s other steps complete', async () => {
    const steps: ListStep[] = [
      {
        service: 'compute',
        region: 'r1',
        resourceTypes: ['x.compute.instance'],
        call: 'compute:ListInstances',
        async *list() {
          yield resource('x.compute.instance', 'i-1');
        },
      },
      {
        service: 'compute',
        region: 'r1',
        resourceTypes: ['x.compute.image'],
        call: 'compute:ListImages',
        list() {
          throw denied('compute:ListImages');
        },
      },
      {
        service: 'compute',
        region: 'r1',
        resourceTypes: ['x.compute.key'],
        call: 'compute:ListKeys',
        async *list() {
          yield resource('x.compute.key', 'k-1');
          // A resource of a type the step does not cover is dropped.
          yield resource('x.compute.image', 'sneaky');
        },
      },
    ];
    const { scopes, runtime } = recorder();
    const resources = await drain(runSteps({ steps, runtime, concurrency: 1 }));
    expect(resources.map((item) => item.resourceId)).toEqual(['i-1', 'k-1']);
    expect(scopes).toHaveLength(3);
    const images = scopes.find((scope) => scope.resourceTypes?.[0] === 'x.compute.image');
    expect(images).toMatchObject({
      status: 'failed',
      errorClass: 'auth',
      call: 'compute:ListImages',
      region: 'r1',
    });
    expect(images?.error).toContain('compute:ListImages');
    const complete = scopes.filter((scope) => scope.status === 'complete');
    expect(complete.map((scope) => scope.resourceTypes)).toEqual([
      ['x.compute.instance'],
      ['x.compute.key'],
    ]);
  });

  test('a failing enrichment keeps the resource, records the failure on it and once on the scope', async () => {
    const steps: ListStep[] = [
      {
        service: 'storage',
        resourceTypes: ['x.storage.bucket'],
        async *list() {
          for (const name of ['a', 'b', 'c'])
            yield { ...resource('x.storage.bucket', name), configuration: { name } };
        },
        async enrich(bucket, reads) {
          const versioning = await reads.read('storage:GetVersioning', async () => {
            if (bucket.resourceId !== 'b') throw denied('storage:GetVersioning');
            await sleep(1);
            return 'Enabled';
          });
          const tags = await reads.read('storage:GetTags', async () => ({ team: 'x' }));
          return {
            ...bucket,
            tags,
            configuration: { ...(bucket.configuration as object), versioning },
          };
        },
      },
    ];
    const { scopes, runtime } = recorder();
    const resources = await drain(runSteps({ steps, runtime }));
    expect(resources.map((item) => item.resourceId)).toEqual(['a', 'b', 'c']);
    expect(resources.every((item) => (item.tags as Record<string, string>).team === 'x')).toBe(
      true,
    );
    const [a, b] = resources;
    expect(a?.metadata?.enrichmentErrors).toEqual([
      {
        call: 'storage:GetVersioning',
        errorClass: 'auth',
        message: 'You are not authorized to perform: storage:GetVersioning',
      },
    ]);
    expect(b?.metadata).toBeUndefined();
    expect((b?.configuration as { versioning?: string } | undefined)?.versioning).toBe('Enabled');
    expect(scopes).toEqual([
      expect.objectContaining({
        status: 'complete',
        resourceCount: 3,
        enrichmentErrors: [
          expect.objectContaining({ call: 'storage:GetVersioning', failed: 2, attempted: 3 }),
        ],
      }),
    ]);
  });

  test('an enrich function that throws keeps the listed resource and completes the step', async () => {
    const steps: ListStep[] = [
      {
        service: 'clusters',
        resourceTypes: ['x.clusters.cluster', 'x.clusters.pool'],
        async *list() {
          yield resource('x.clusters.cluster', 'k1');
        },
        async enrich() {
          throw new Error('node pools: HTTP 500');
        },
      },
    ];
    const { scopes, runtime } = recorder();
    const resources = await drain(runSteps({ steps, runtime }));
    expect(resources).toHaveLength(1);
    expect(resources[0]?.metadata?.enrichmentErrors).toEqual([
      expect.objectContaining({
        call: 'enrich x.clusters.cluster',
        message: 'node pools: HTTP 500',
      }),
    ]);
    expect(scopes[0]?.status).toBe('complete');
  });

  test('enrichment returning children yields them after the parent, in listing order', async () => {
    const steps: ListStep[] = [
      {
        service: 'dns',
        resourceTypes: ['x.dns.zone', 'x.dns.record'],
        async *list() {
          for (const zone of ['z1', 'z2', 'z3']) yield resource('x.dns.zone', zone);
        },
        async enrich(zone, reads) {
          const records =
            (await reads.read('dns:ListRecords', async () => {
              await sleep(zone.resourceId === 'z1' ? 10 : 1);
              return [`${zone.resourceId}/www`];
            })) ?? [];
          return [zone, ...records.map((id) => resource('x.dns.record', id))];
        },
      },
    ];
    const { runtime } = recorder();
    const resources = await drain(runSteps({ steps, runtime, enrichConcurrency: 3 }));
    expect(resources.map((item) => item.resourceId)).toEqual([
      'z1',
      'z1/www',
      'z2',
      'z2/www',
      'z3',
      'z3/www',
    ]);
  });

  test('an aborted sync is not recorded as an enrichment failure', async () => {
    const controller = new AbortController();
    const steps: ListStep[] = [
      {
        service: 'storage',
        resourceTypes: ['x.storage.bucket'],
        async *list() {
          yield resource('x.storage.bucket', 'a');
          yield resource('x.storage.bucket', 'b');
        },
        async enrich(bucket, reads) {
          await reads.read('storage:GetTags', async () => {
            controller.abort(new Error('stop'));
            throw new Error('aborted by the signal');
          });
          return bucket;
        },
      },
    ];
    const { scopes, runtime } = recorder();
    await expect(
      drain(runSteps({ steps, runtime, signal: controller.signal, enrichConcurrency: 1 })),
    ).rejects.toThrow();
    expect(scopes.every((scope) => scope.status !== 'complete')).toBe(true);
  });
});
