import { type CloudResource, DriverError, type ScopeReport } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { type ListScope, runScopes, sleep } from '../src/index.ts';

function resource(service: string, region: string, index: number): CloudResource {
  return { resourceType: `test.${service}`, resourceId: `${region}-${index}`, service, region };
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

function httpError(status: number): DriverError {
  return new DriverError({
    message: `HTTP ${status}`,
    errorClass: status === 401 || status === 403 ? 'auth' : 'server',
    statusCode: status,
  });
}

describe('runScopes', () => {
  test('never runs more than `concurrency` scopes at once, and yields every resource', async () => {
    let inFlight = 0;
    let maximumInFlight = 0;
    const scopes: ListScope[] = Array.from({ length: 10 }, (_, index) => ({
      service: 'servers',
      region: `region-${index}`,
      async *list() {
        inFlight += 1;
        maximumInFlight = Math.max(maximumInFlight, inFlight);
        try {
          for (let item = 0; item < 3; item++) {
            await sleep(5);
            yield resource('servers', `region-${index}`, item);
          }
        } finally {
          inFlight -= 1;
        }
      },
    }));
    const { scopes: reports, runtime } = recorder();
    const resources = await drain(runScopes({ scopes, concurrency: 3, runtime }));
    expect(maximumInFlight).toBe(3);
    expect(resources).toHaveLength(30);
    expect(reports).toHaveLength(10);
    expect(reports.every((scope) => scope.status === 'complete' && scope.resourceCount === 3)).toBe(
      true,
    );
    expect(reports[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  test('isolates a failing scope: the others complete, the failure is reported with its class', async () => {
    const { scopes: reports, runtime } = recorder();
    const resources = await drain(
      runScopes({
        runtime,
        concurrency: 2,
        scopes: [
          { service: 'servers', region: 'fra1', list: () => [resource('servers', 'fra1', 1)] },
          {
            service: 'volumes',
            region: 'fra1',
            async *list() {
              yield resource('volumes', 'fra1', 1);
              throw httpError(503);
            },
          },
          {
            service: 'networks',
            list: async () => [
              resource('networks', 'global', 1),
              resource('networks', 'global', 2),
            ],
          },
        ],
      }),
    );
    expect(resources.map((item) => item.resourceId).sort()).toEqual([
      'fra1-1',
      'fra1-1',
      'global-1',
      'global-2',
    ]);
    const byService = Object.fromEntries(reports.map((scope) => [scope.service, scope]));
    expect(byService.servers).toMatchObject({
      status: 'complete',
      region: 'fra1',
      resourceCount: 1,
    });
    expect(byService.networks).toMatchObject({
      status: 'complete',
      region: 'global',
      resourceCount: 2,
    });
    expect(byService.volumes).toMatchObject({
      status: 'failed',
      errorClass: 'server',
      error: 'HTTP 503',
      resourceCount: 1,
    });
  });

  test('a 401 on the first scope stops everything, reports the rest failed auth, and throws', async () => {
    const { scopes: reports, runtime } = recorder();
    let started = 0;
    const scopes: ListScope[] = Array.from({ length: 6 }, (_, index) => ({
      service: `service-${index}`,
      async *list(signal) {
        started += 1;
        if (index === 0) throw httpError(401);
        await sleep(200, signal);
        yield resource(`service-${index}`, 'global', 1);
      },
    }));
    const startedAt = Date.now();
    const error = await drain(runScopes({ scopes, concurrency: 2, runtime })).catch(
      (caught: unknown) => caught,
    );
    expect(DriverError.isInstance(error) && error.errorClass).toBe('auth');
    expect((error as DriverError).message).toContain(
      'refused the credentials while listing service-0',
    );
    expect(Date.now() - startedAt).toBeLessThan(150);
    expect(started).toBe(2);
    expect(reports).toHaveLength(6);
    expect(reports.every((scope) => scope.status === 'failed' && scope.errorClass === 'auth')).toBe(
      true,
    );
  });

  test('a 403 on one service (a missing permission) does not stop the others', async () => {
    const { scopes: reports, runtime } = recorder();
    const resources = await drain(
      runScopes({
        runtime,
        concurrency: 1,
        scopes: [
          { service: 'iam', list: () => Promise.reject(httpError(403)) },
          { service: 'ec2', list: () => [resource('ec2', 'global', 1)] },
        ],
      }),
    );
    expect(resources).toHaveLength(1);
    expect(reports.map((scope) => `${scope.service}:${scope.status}`)).toEqual([
      'iam:failed',
      'ec2:complete',
    ]);
  });

  test('throws auth when every scope fails with auth, unless abortOnAuthError is false', async () => {
    const scopes: ListScope[] = [
      { service: 'a', list: () => Promise.reject(httpError(403)) },
      { service: 'b', list: () => Promise.reject(httpError(403)) },
    ];
    const first = recorder();
    const error = await drain(runScopes({ scopes, runtime: first.runtime })).catch(
      (caught: unknown) => caught,
    );
    expect(DriverError.isInstance(error) && error.errorClass).toBe('auth');
    const second = recorder();
    await expect(
      drain(runScopes({ scopes, runtime: second.runtime, abortOnAuthError: false })),
    ).resolves.toEqual([]);
    expect(second.scopes).toHaveLength(2);
  });

  test('stops promptly when the signal aborts and reports unfinished scopes as skipped', async () => {
    const controller = new AbortController();
    const { scopes: reports, runtime } = recorder();
    const signals: AbortSignal[] = [];
    const scopes: ListScope[] = Array.from({ length: 4 }, (_, index) => ({
      service: `service-${index}`,
      async *list(signal) {
        signals.push(signal);
        yield resource(`service-${index}`, 'global', 0);
        await sleep(10_000, signal);
      },
    }));
    const received: CloudResource[] = [];
    const startedAt = Date.now();
    const run = (async () => {
      for await (const item of runScopes({
        scopes,
        concurrency: 2,
        runtime,
        signal: controller.signal,
      })) {
        received.push(item);
        if (received.length === 2)
          setTimeout(() => controller.abort(new Error('cancelled by test')), 10);
      }
    })();
    await expect(run).rejects.toThrow('cancelled by test');
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(reports).toHaveLength(4);
    expect(reports.every((scope) => scope.status === 'skipped')).toBe(true);
  });

  test('applies backpressure: a slow consumer keeps producers within the buffer', async () => {
    let produced = 0;
    let consumed = 0;
    let maximumAhead = 0;
    const scopes: ListScope[] = [0, 1].map((index) => ({
      service: `service-${index}`,
      async *list() {
        for (let item = 0; item < 50; item++) {
          produced += 1;
          maximumAhead = Math.max(maximumAhead, produced - consumed);
          yield resource(`service-${index}`, 'global', item);
        }
      },
    }));
    const { runtime } = recorder();
    for await (const _ of runScopes({ scopes, concurrency: 2, runtime, bufferSize: 4 })) {
      consumed += 1;
      await sleep(1);
    }
    expect(consumed).toBe(100);
    // Buffer (4) + one item in hand per producer (2) + one being consumed.
    expect(maximumAhead).toBeLessThanOrEqual(7);
  });

  test('a consumer that stops early aborts the listers', async () => {
    const signals: AbortSignal[] = [];
    const { scopes: reports, runtime } = recorder();
    const scopes: ListScope[] = [0, 1, 2].map((index) => ({
      service: `service-${index}`,
      async *list(signal) {
        signals.push(signal);
        for (let item = 0; ; item++) {
          await sleep(1, signal);
          yield resource(`service-${index}`, 'global', item);
        }
      },
    }));
    let count = 0;
    for await (const _ of runScopes({ scopes, concurrency: 2, runtime })) {
      count += 1;
      if (count === 5) break;
    }
    await sleep(20);
    expect(signals.length).toBe(2);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(reports.map((scope) => scope.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });
});
