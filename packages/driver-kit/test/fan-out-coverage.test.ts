import { type CloudResource, DriverError, type ScopeReport } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { type ListScope, runScopes, sleep } from '../src/index.ts';

function server(id: string, region: string | null, resourceType = 'acme.server'): CloudResource {
  return { resourceType, resourceId: id, service: 'servers', region };
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

/** `region:status:count` of every report of `service`, in report order. */
function outcomes(reports: ScopeReport[], service: string): string[] {
  return reports
    .filter((scope) => scope.service === service)
    .map((scope) => `${scope.region}:${scope.status}:${scope.resourceCount ?? '-'}`);
}

function httpError(status: number): DriverError {
  return new DriverError({
    message: `HTTP ${status}`,
    errorClass: status === 401 || status === 403 ? 'auth' : 'server',
    statusCode: status,
  });
}

describe('runScopes: account-wide scopes (coversRegions)', () => {
  test('reports one complete listing once per covered region, with per-region counts', async () => {
    const { scopes: reports, runtime } = recorder();
    const resources = await drain(
      runScopes({
        runtime,
        scopes: [
          {
            service: 'servers',
            coversRegions: ['fsn1', 'nbg1', 'hel1'],
            list: () => [
              server('1', 'fsn1'),
              server('2', 'fsn1'),
              server('3', 'nbg1'),
              // A region nobody planned for (new location) is covered too: it was listed.
              server('4', 'xyz9'),
              server('5', null),
            ],
          },
        ],
      }),
    );
    expect(resources.map((resource) => resource.resourceId)).toEqual(['1', '2', '3', '4', '5']);
    expect(outcomes(reports, 'servers')).toEqual([
      'global:complete:1',
      'fsn1:complete:2',
      'nbg1:complete:1',
      'hel1:complete:0',
      'xyz9:complete:1',
    ]);
    expect(new Set(reports.map((scope) => scope.durationMs)).size).toBe(1);
    expect(reports.every((scope) => scope.resourceTypes === undefined)).toBe(true);
  });

  test('without coversRegions a scope is reported once, for its region, whatever its resources carry', async () => {
    const { scopes: reports, runtime } = recorder();
    await drain(
      runScopes({
        runtime,
        scopes: [{ service: 'servers', list: () => [server('1', 'fsn1'), server('2', 'nbg1')] }],
      }),
    );
    expect(outcomes(reports, 'servers')).toEqual(['global:complete:2']);
  });

  test('a failed listing is failed in every covered region, with its class and what it listed', async () => {
    const { scopes: reports, runtime } = recorder();
    const resources = await drain(
      runScopes({
        runtime,
        concurrency: 2,
        scopes: [
          {
            service: 'servers',
            coversRegions: ['fsn1', 'nbg1'],
            async *list() {
              yield server('1', 'fsn1');
              yield server('2', 'ash');
              throw httpError(503);
            },
          },
          {
            service: 'volumes',
            coversRegions: ['fsn1', 'nbg1'],
            list: () => [{ ...server('9', 'nbg1', 'acme.volume'), service: 'volumes' }],
          },
        ],
      }),
    );
    expect(resources).toHaveLength(3);
    expect(outcomes(reports, 'servers')).toEqual([
      'global:failed:0',
      'fsn1:failed:1',
      'nbg1:failed:0',
      'ash:failed:1',
    ]);
    const servers = reports.filter((scope) => scope.service === 'servers');
    expect(
      servers.every((scope) => scope.errorClass === 'server' && scope.error === 'HTTP 503'),
    ).toBe(true);
    expect(outcomes(reports, 'volumes')).toEqual([
      'global:complete:0',
      'fsn1:complete:0',
      'nbg1:complete:1',
    ]);
  });

  test('a function is called once the listing is over and may name regions found meanwhile', async () => {
    const { scopes: reports, runtime } = recorder();
    const found: string[] = [];
    let calls = 0;
    await drain(
      runScopes({
        runtime,
        scopes: [
          {
            service: 'servers',
            coversRegions: () => {
              calls += 1;
              return [...found, 'global', 'fsn1'];
            },
            async *list() {
              found.push('sin', 'ash');
              yield server('1', 'fsn1');
            },
          },
        ],
      }),
    );
    expect(calls).toBe(1);
    expect(outcomes(reports, 'servers')).toEqual([
      'global:complete:0',
      'sin:complete:0',
      'ash:complete:0',
      'fsn1:complete:1',
    ]);
  });

  test('a throwing coversRegions is logged; the listing is still reported for its own and seen regions', async () => {
    const { scopes: reports, runtime } = recorder();
    const warnings: string[] = [];
    const logger = {
      debug() {},
      info() {},
      warn: (message: string) => void warnings.push(message),
      error() {},
    };
    await drain(
      runScopes({
        runtime,
        logger,
        scopes: [
          {
            service: 'servers',
            coversRegions: () => {
              throw new Error('no regions');
            },
            list: () => [server('1', 'fsn1')],
          },
        ],
      }),
    );
    expect(outcomes(reports, 'servers')).toEqual(['global:complete:0', 'fsn1:complete:1']);
    expect(warnings).toEqual(['coversRegions failed; reporting the listed regions only']);
  });

  test('a cancelled listing is skipped in every covered region, without counts', async () => {
    const controller = new AbortController();
    const { scopes: reports, runtime } = recorder();
    const scopes: ListScope[] = [
      {
        service: 'servers',
        coversRegions: ['fsn1', 'nbg1'],
        async *list(signal) {
          yield server('1', 'hel1');
          await sleep(10_000, signal);
        },
      },
    ];
    const run = (async () => {
      for await (const _ of runScopes({ scopes, runtime, signal: controller.signal })) {
        setTimeout(() => controller.abort(new Error('cancelled by test')), 5);
      }
    })();
    await expect(run).rejects.toThrow('cancelled by test');
    expect(outcomes(reports, 'servers')).toEqual([
      'global:skipped:-',
      'fsn1:skipped:-',
      'nbg1:skipped:-',
      'hel1:skipped:-',
    ]);
  });

  test('refused credentials fail every covered region of every scope, and throw', async () => {
    const { scopes: reports, runtime } = recorder();
    const scopes: ListScope[] = [
      {
        service: 'servers',
        coversRegions: ['fsn1', 'nbg1'],
        list: () => Promise.reject(httpError(401)),
      },
      {
        service: 'volumes',
        coversRegions: ['fsn1', 'nbg1'],
        async *list(signal) {
          await sleep(5_000, signal);
          yield server('1', 'fsn1');
        },
      },
    ];
    const error = await drain(runScopes({ scopes, runtime, concurrency: 2 })).catch(
      (caught: unknown) => caught,
    );
    expect(DriverError.isInstance(error) && error.errorClass).toBe('auth');
    expect(outcomes(reports, 'servers')).toEqual([
      'global:failed:0',
      'fsn1:failed:0',
      'nbg1:failed:0',
    ]);
    expect(outcomes(reports, 'volumes')).toEqual([
      'global:failed:-',
      'fsn1:failed:-',
      'nbg1:failed:-',
    ]);
    expect(reports.every((scope) => scope.errorClass === 'auth')).toBe(true);
  });

  test('duplicate regions, and the scope region in coversRegions, are reported once', async () => {
    const { scopes: reports, runtime } = recorder();
    await drain(
      runScopes({
        runtime,
        scopes: [
          {
            service: 'servers',
            region: 'eu',
            coversRegions: ['eu', 'fsn1', 'fsn1', ''],
            list: () => [server('1', 'fsn1')],
          },
        ],
      }),
    );
    expect(outcomes(reports, 'servers')).toEqual(['eu:complete:0', 'fsn1:complete:1']);
  });
});

describe('runScopes: type-filtered scopes (resourceTypes)', () => {
  test('names the types on every report and drops resources of other types', async () => {
    const { scopes: reports, runtime } = recorder();
    const resources = await drain(
      runScopes({
        runtime,
        scopes: [
          {
            service: 'networks',
            resourceTypes: ['acme.network.subnet'],
            coversRegions: ['fsn1'],
            list: () => [
              { ...server('n1', null, 'acme.network'), service: 'networks' },
              { ...server('n1/10.0.0.0/24', 'fsn1', 'acme.network.subnet'), service: 'networks' },
              { ...server('n1/10.0.1.0/24', null, 'acme.network.subnet'), service: 'networks' },
            ],
          },
          {
            service: 'servers',
            resourceTypes: ['acme.server'],
            list: () => [server('1', 'fsn1'), server('x', 'fsn1', 'acme.server.backup')],
          },
        ],
      }),
    );
    expect(resources.map((resource) => resource.resourceId).sort()).toEqual([
      '1',
      'n1/10.0.0.0/24',
      'n1/10.0.1.0/24',
    ]);
    expect(outcomes(reports, 'networks')).toEqual(['global:complete:1', 'fsn1:complete:1']);
    expect(outcomes(reports, 'servers')).toEqual(['global:complete:1']);
    for (const scope of reports) {
      expect(scope.resourceTypes).toEqual(
        scope.service === 'networks' ? ['acme.network.subnet'] : ['acme.server'],
      );
    }
    // Each report has its own copy: a consumer editing one does not edit the others.
    expect(reports[0]?.resourceTypes).not.toBe(reports[1]?.resourceTypes);
  });

  test('a failed type-filtered scope still names its types', async () => {
    const { scopes: reports, runtime } = recorder();
    await drain(
      runScopes({
        runtime,
        scopes: [
          {
            service: 'servers',
            resourceTypes: ['acme.server'],
            coversRegions: ['fsn1'],
            list: () => Promise.reject(httpError(500)),
          },
        ],
      }),
    );
    expect(reports).toEqual([
      expect.objectContaining({
        region: 'global',
        status: 'failed',
        errorClass: 'server',
        resourceTypes: ['acme.server'],
      }),
      expect.objectContaining({
        region: 'fsn1',
        status: 'failed',
        errorClass: 'server',
        resourceTypes: ['acme.server'],
      }),
    ]);
  });
});
