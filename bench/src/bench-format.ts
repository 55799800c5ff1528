import type { ScenarioResult } from './bench-case.ts';
import type { BenchBackend, BenchEngine } from './bench-engines.ts';
import type { BenchScenario } from './bench-estate.ts';
import type { BenchRun } from './bench-report.ts';
import type { RequestCounts } from './bench-request-counter.ts';

/** The request counts reported for a scenario: on the wire for s3, on the client otherwise. */
export function reportedRequests(result: ScenarioResult): RequestCounts {
  return result.wireRequests ?? result.requests;
}

/** Finds one scenario's result in a run. */
export type Finder = (
  engine: BenchEngine,
  backend: BenchBackend,
  size: number,
  scenario: BenchScenario,
) => ScenarioResult | undefined;

/** A finder over a run's cases. */
export function finder(run: BenchRun): Finder {
  return (engine, backend, size, scenario) =>
    run.cases
      .find(
        (entry) =>
          entry.job.engine === engine && entry.job.backend === backend && entry.job.size === size,
      )
      ?.scenarios.find((entry) => entry.scenario === scenario);
}

/** Milliseconds as seconds for tables. */
export const seconds = (ms: number) =>
  ms >= 100_000 ? (ms / 1000).toFixed(0) : (ms / 1000).toFixed(2);
/** A count per resource, with as many decimals as it needs. */
export const perResource = (value: number, size: number) => {
  const ratio = value / size;
  return ratio === 0
    ? '0'
    : ratio >= 10
      ? ratio.toFixed(1)
      : ratio >= 0.1
        ? ratio.toFixed(2)
        : ratio.toFixed(4);
};
/** Bytes as whole megabytes. */
export const megabytes = (bytes: number) => (bytes / 1048576).toFixed(0);
/** A ratio as `4.2×` (`≥ ` for a lower bound). */
export const ratioText = (value: number, lowerBound: boolean) =>
  `${lowerBound ? '≥ ' : ''}${value >= 100 ? value.toFixed(0) : value.toFixed(1)}×`;

/** For a run stopped at its limit: the whole listing's time at the pace it had (resources reached). */
export function extrapolatedMs(result: ScenarioResult): number | undefined {
  if (result.finished || result.yielded <= 0 || result.wallMs <= 0) return undefined;
  return (result.wallMs * result.expected.listed) / result.yielded;
}

/** A duration in s, min or h. */
export function describeDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(0)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Why a scenario did not finish, with its extrapolated duration. */
export function unfinishedNote(result: ScenarioResult): string {
  const estimate = extrapolatedMs(result);
  const note = result.note ?? 'did not finish';
  return estimate === undefined
    ? note
    : `${note}; about ${describeDuration(estimate)} for all at that pace`;
}

/** A markdown table. */
export function markdownTable(header: string[], rows: string[][]): string {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}
