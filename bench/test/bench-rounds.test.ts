import { describe, expect, test } from 'vitest';
import type { BenchCaseResult, ScenarioResult } from '../src/bench-case.ts';
import { medianOfRounds, roundsFor } from '../src/bench-rounds.ts';

const scenario = (name: 'initial' | 'unchanged', wallMs: number, finished = true) =>
  ({
    scenario: name,
    finished,
    wallMs,
    trailingMs: 0,
    yielded: 1000,
    expected: { listed: 1000 },
    requests: {},
    cpuMs: wallMs,
    peakRssBytes: wallMs * 1000,
  }) as unknown as ScenarioResult;

const round = (initial: number, unchanged: number, peakRssBytes: number): BenchCaseResult =>
  ({
    job: { engine: 'core', backend: 'memory', size: 1000, scenarios: ['initial', 'unchanged'] },
    scenarios: [scenario('initial', initial), scenario('unchanged', unchanged)],
    peakRssBytes,
  }) as unknown as BenchCaseResult;

describe('bench rounds', () => {
  test('small cases run three rounds, large ones one', () => {
    expect(roundsFor(1000)).toBe(3);
    expect(roundsFor(10_000)).toBe(1);
  });

  test('each scenario reports its median round, with every round listed', () => {
    const result = medianOfRounds([round(300, 50, 1), round(100, 70, 3), round(200, 60, 2)]);
    expect(result.scenarios.map((entry) => entry.wallMs)).toEqual([200, 60]);
    expect(result.scenarios[0]?.roundWallMs).toEqual([300, 100, 200]);
    // The median round's own measurements come with it.
    expect(result.scenarios[0]?.peakRssBytes).toBe(200_000);
    expect(result.peakRssBytes).toBe(3);
  });

  test('a failed round or an unfinished scenario is reported as it is', () => {
    const failed = { ...round(1, 1, 1), error: 'boom' };
    expect(medianOfRounds([round(3, 3, 1), failed, round(2, 2, 1)])).toBe(failed);
    const unfinished = round(5, 5, 1);
    unfinished.scenarios[0] = scenario('initial', 5, false);
    const result = medianOfRounds([unfinished, round(1, 1, 1), round(2, 2, 1)]);
    expect(result.scenarios[0]?.finished).toBe(false);
  });
});
