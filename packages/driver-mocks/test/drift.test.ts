import { describe, expect, it } from 'vitest';
import {
  createAwsMockDriver,
  createDigitalOceanMockDriver,
  type MockCloudDriver,
  mockProviders,
} from '../src/driver.ts';
import { byKey, collect, collectRuns, digestView, valuesAt } from './mock-test-helpers.ts';

function volatilePathsOf(driver: MockCloudDriver): Map<string, string[]> {
  return new Map(
    driver.catalog.services.flatMap((service) =>
      service.resourceTypes.map((type) => [type.type, type.volatilePaths ?? []] as const),
    ),
  );
}

describe('run counter', () => {
  it('reads runtime.state.mockRun, emits the next run and keeps other state keys', async () => {
    const driver = createAwsMockDriver({ config: { seed: 1, resourceCount: 10 } });
    const fresh = await collect(driver);
    expect(fresh.runtime.states).toEqual([{ mockRun: 1 }]);
    const later = await collect(driver, { state: { mockRun: 4, cursor: 'kept' } });
    expect(later.runtime.states).toEqual([{ mockRun: 5, cursor: 'kept' }]);
    const garbage = await collect(driver, { state: { mockRun: 'x' } });
    expect(garbage.runtime.states).toEqual([{ mockRun: 1 }]);
  });

  it('config.run forces the run number and gives the same output as reaching that run through state', async () => {
    const forced = await collect(
      createAwsMockDriver({ config: { seed: 9, resourceCount: 300, run: 3 } }),
      { state: { mockRun: 40 } },
    );
    expect(forced.runtime.states).toEqual([{ mockRun: 3 }]);
    const runs = await collectRuns(
      createAwsMockDriver({ config: { seed: 9, resourceCount: 300 } }),
      3,
    );
    expect(JSON.stringify(forced.resources)).toBe(JSON.stringify(runs[2]!.resources));
  });
});

describe('drift between runs', () => {
  const resourceCount = 4000;
  const driver = createAwsMockDriver({
    config: { seed: 11, resourceCount, driftRate: 0.05, deleteRate: 0.01 },
  });
  const volatilePaths = volatilePathsOf(driver);

  it('run 2 changes about driftRate of the resources, deletes about deleteRate and adds as many', async () => {
    const [first, second] = await collectRuns(driver, 2);
    const before = byKey(first!.resources);
    const after = byKey(second!.resources);
    expect(before.size).toBe(resourceCount);
    const deleted = [...before.keys()].filter((key) => !after.has(key));
    const added = [...after.keys()].filter((key) => !before.has(key));
    expect(deleted.length / resourceCount).toBeGreaterThan(0.005);
    expect(deleted.length / resourceCount).toBeLessThan(0.02);
    expect(added).toHaveLength(Math.round(resourceCount * 0.01));
    let changed = 0;
    let common = 0;
    for (const [key, resource] of before) {
      const next = after.get(key);
      if (!next) continue;
      common += 1;
      const paths = volatilePaths.get(resource.resourceType) ?? [];
      if (digestView(resource.configuration, paths) !== digestView(next.configuration, paths))
        changed += 1;
    }
    expect(changed / common).toBeGreaterThan(0.035);
    expect(changed / common).toBeLessThan(0.065);
  });

  it('volatile fields change at every run, for every resource that has them', async () => {
    const runs = await collectRuns(driver, 3);
    for (let run = 1; run < runs.length; run += 1) {
      const before = byKey(runs[run - 1]!.resources);
      let checked = 0;
      for (const resource of runs[run]!.resources) {
        const previous = before.get(`${resource.resourceType}|${resource.resourceId}`);
        const paths = volatilePaths.get(resource.resourceType) ?? [];
        if (!previous || paths.length === 0) continue;
        for (const path of paths) {
          expect(JSON.stringify(valuesAt(resource.configuration, path))).not.toBe(
            JSON.stringify(valuesAt(previous.configuration, path)),
          );
        }
        checked += 1;
      }
      expect(checked).toBeGreaterThan(1000);
    }
  });

  it('deleted resources stay gone, and the estate size stays roughly stable over many runs', async () => {
    const runs = await collectRuns(
      createAwsMockDriver({ config: { seed: 5, resourceCount: 1000 } }),
      8,
    );
    const gone = new Set<string>();
    for (let run = 1; run < runs.length; run += 1) {
      const current = byKey(runs[run]!.resources);
      for (const key of gone) expect(current.has(key)).toBe(false);
      for (const key of byKey(runs[run - 1]!.resources).keys())
        if (!current.has(key)) gone.add(key);
      expect(current.size).toBeGreaterThan(960);
      expect(current.size).toBeLessThan(1040);
    }
    expect(gone.size).toBeGreaterThan(30);
  });

  it('a drifted secret changes the configuration (a rotated password must show as a change)', async () => {
    const runs = await collectRuns(
      createAwsMockDriver({ config: { seed: 2, resourceCount: 3000, driftRate: 0.5 } }),
      2,
    );
    const before = byKey(runs[0]!.resources);
    const rotated = runs[1]!.resources.filter((resource) => {
      const previous = before.get(`${resource.resourceType}|${resource.resourceId}`);
      return (
        resource.resourceType === 'aws.lambda.function' &&
        previous !== undefined &&
        valuesAt(previous.configuration, 'Environment.Variables.DB_PASSWORD')[0] !==
          valuesAt(resource.configuration, 'Environment.Variables.DB_PASSWORD')[0]
      );
    });
    expect(rotated.length).toBeGreaterThan(0);
  });

  it('driftRate 0 and deleteRate 0 keep a seeded estate identical apart from volatile fields', async () => {
    const steady = createDigitalOceanMockDriver({
      config: { seed: 4, resourceCount: 300, driftRate: 0, deleteRate: 0 },
    });
    const paths = volatilePathsOf(steady);
    const [first, third] = [
      (await collect(steady, { state: { mockRun: 0 } })).resources,
      (await collect(steady, { state: { mockRun: 2 } })).resources,
    ];
    expect(third.map((resource) => resource.resourceId)).toEqual(
      first.map((resource) => resource.resourceId),
    );
    third.forEach((resource, position) => {
      const ignored = paths.get(resource.resourceType) ?? [];
      expect(digestView(resource.configuration, ignored)).toBe(
        digestView(first[position]!.configuration, ignored),
      );
    });
  });

  it.each(mockProviders.map((provider) => [provider.name, provider] as const))(
    '%s drifts between runs',
    async (_name, provider) => {
      const mock = provider.create({ config: { seed: 21, resourceCount: 600, driftRate: 0.2 } });
      const paths = volatilePathsOf(mock);
      const [first, second] = await collectRuns(mock, 2);
      const before = byKey(first!.resources);
      const changedTypes = new Set<string>();
      for (const resource of second!.resources) {
        const previous = before.get(`${resource.resourceType}|${resource.resourceId}`);
        const ignored = paths.get(resource.resourceType) ?? [];
        if (
          previous &&
          digestView(previous.configuration, ignored) !==
            digestView(resource.configuration, ignored)
        ) {
          changedTypes.add(resource.resourceType);
        }
      }
      // Every type of every mock must be able to drift.
      expect([...changedTypes].sort()).toEqual([...paths.keys()].sort());
    },
  );
});
