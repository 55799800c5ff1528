import type { BenchCaseResult, ScenarioResult } from './bench-case.ts';

/**
 * Rounds a case of `size` resources runs. NOTE: a case of 1,000 resources takes a fraction of a
 * second for us and one to three seconds for s3db.js's plugin, so one round is mostly JIT warm-up,
 * GC timing and the machine's other load: the plugin's 1k initial sync on memory:// took 1.3 s in
 * one published run and 1.4–2.5 s in three runs right after. Small cases (both engines alike) run
 * three times, each in a fresh process, and report the median round of each scenario.
 */
export function roundsFor(size: number): number {
  return size <= 1000 ? 3 : 1;
}

/** Per scenario, the round with the median wall time; the case keeps the highest peak RSS. */
export function medianOfRounds(rounds: BenchCaseResult[]): BenchCaseResult {
  const [first] = rounds;
  if (!first) throw new Error('medianOfRounds: no rounds');
  if (rounds.length === 1) return first;
  const failed = rounds.find((round) => round.error);
  if (failed) return failed;
  const scenarios = first.scenarios.map((scenario) => {
    const candidates = rounds
      .map((round) => round.scenarios.find((other) => other.scenario === scenario.scenario))
      .filter((candidate): candidate is ScenarioResult => candidate !== undefined);
    if (candidates.some((candidate) => !candidate.finished)) return scenario;
    const sorted = [...candidates].sort((left, right) => left.wallMs - right.wallMs);
    const median = sorted[Math.floor(sorted.length / 2)] as ScenarioResult;
    return { ...median, roundWallMs: candidates.map((candidate) => candidate.wallMs) };
  });
  return {
    ...first,
    scenarios,
    peakRssBytes: Math.max(...rounds.map((round) => round.peakRssBytes)),
  };
}
