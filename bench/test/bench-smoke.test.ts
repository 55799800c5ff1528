import { describe, expect, test } from 'vitest';
import { runBenchCase } from '../src/bench-case.ts';
import { benchScenarios } from '../src/bench-estate.ts';
import { defaultBenchOptions } from '../src/bench-options.ts';
import { describeMachine, evaluateTargets, renderMarkdown } from '../src/bench-report.ts';

// The benchmark harness at a size that runs in seconds: it completes and counts storage requests.
// No assertion on time: the machine is shared and timings are what `pnpm bench` reports.
describe('benchmark harness (N=200, memory)', () => {
  test('our engine runs every scenario, each producing exactly its changes, with requests counted', async () => {
    const result = await runBenchCase({
      engine: 'core',
      backend: 'memory',
      size: 200,
      scenarios: [...benchScenarios],
      timeLimitMs: 60_000,
    });
    expect(result.error).toBeUndefined();
    expect(result.scenarios.map((scenario) => scenario.scenario)).toEqual([...benchScenarios]);
    for (const scenario of result.scenarios) {
      expect(scenario.finished).toBe(true);
      expect(scenario.requests.total).toBeGreaterThan(0);
      const { listed: _listed, ...expected } = scenario.expected;
      const { status: _status, ...counts } = scenario.counts ?? {};
      expect(counts).toEqual(expected);
    }
    const initial = result.scenarios[0];
    // A created resource is 2 writes (version, snapshot).
    expect(initial?.requests.PUT).toBeGreaterThanOrEqual(2 * 200);
    const unchanged = result.scenarios.find((scenario) => scenario.scenario === 'unchanged');
    expect(unchanged?.requests.total).toBeGreaterThan(0);
    expect(unchanged?.requests.total).toBeLessThan(200);
    // The recorded listing replays the same resources: the same requests as nothing changed.
    const recorded = result.scenarios.find(
      (scenario) => scenario.scenario === 'unchanged-recorded',
    );
    expect(recorded?.yielded).toBe(200);
    expect(recorded?.requests.total).toBe(unchanged?.requests.total);
  }, 60_000);

  test("s3db.js's plugin runs the same estate and its requests are counted", async () => {
    const result = await runBenchCase({
      engine: 'reference',
      backend: 'memory',
      size: 200,
      scenarios: ['initial', 'unchanged'],
      timeLimitMs: 30_000,
    });
    expect(result.error).toBeUndefined();
    const [initial, unchanged] = result.scenarios;
    expect(initial?.finished).toBe(true);
    expect(initial?.counts?.created).toBe(200);
    expect(initial?.requests.PUT).toBeGreaterThan(200);
    expect(unchanged?.requests.total).toBeGreaterThan(0);

    const run = {
      startedAt: new Date().toISOString(),
      durationMs: 0,
      machine: describeMachine(),
      options: defaultBenchOptions,
      cases: [result],
    };
    expect(renderMarkdown(run)).toContain('| 200 | memory | initial sync | s3db.js plugin |');
    expect(evaluateTargets(run)).toHaveLength(6);
  }, 60_000);
});
