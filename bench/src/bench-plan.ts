import type { BenchBackend, BenchEngine } from './bench-engines.ts';
import { type BenchScenario, benchScenarios } from './bench-estate.ts';
import type { BenchOptions } from './bench-options.ts';

/** One case the runner will execute (the runner adds server endpoints and bucket names). */
export interface PlannedCase {
  engine: BenchEngine;
  backend: BenchBackend;
  size: number;
  /** Scenarios to run, in the canonical order (`initial` first unless the case is seeded). */
  scenarios: BenchScenario[];
  /** Scenarios to report when not all of `scenarios` (an unselected initial sync only builds state). */
  report?: BenchScenario[];
  /** Per-scenario time limit, milliseconds. */
  timeLimitMs: number;
  /**
   * s3 only: start from a copy of the memory case's state after its initial sync (same engine and
   * size) instead of syncing it over the wire; `initial`, if listed, then runs on a fresh bucket of
   * its own, time-boxed by `initialTimeLimitMs`.
   */
  seededFromMemory?: boolean;
  /** Time box of a seeded case's own initial sync, milliseconds. */
  initialTimeLimitMs?: number;
  /** memory only: a seeded s3 case needs this case's state after its initial sync. */
  exportsAfterInitial?: boolean;
}

const all = [...benchScenarios];
const firstThree: BenchScenario[] = ['initial', 'unchanged', 'unchanged-recorded', 'changed-1pct'];

interface Preset {
  engine: BenchEngine;
  backend: BenchBackend;
  scenarios: BenchScenario[];
  seeded?: boolean;
}

/**
 * The default run, chosen to finish in about 15 minutes on a quiet 2-core machine. s3db.js's plugin
 * is O(N²) per sync (every update lists whole partitions) and writes ~22 objects per new resource
 * one resource at a time, so it runs where a result can come back: its initial sync at 1k (memory,
 * s3) and 10k (memory), and "nothing changed" at 10k on s3 from a copy of its own 10k state, under
 * its time limit. Our 10k and 100k s3 cases start from a copy of the memory case's state too (an
 * initial sync of 100k over the wire takes longer than the whole budget here); at 100k our initial
 * sync over the wire still runs, time-boxed, on a bucket of its own.
 */
const presets: Record<number, Preset[]> = {
  1000: [
    { engine: 'core', backend: 'memory', scenarios: all },
    { engine: 'reference', backend: 'memory', scenarios: ['initial'] },
    { engine: 'core', backend: 'file', scenarios: all },
    { engine: 'reference', backend: 'file', scenarios: ['initial'] },
    { engine: 'core', backend: 's3', scenarios: all },
    { engine: 'reference', backend: 's3', scenarios: ['initial'] },
  ],
  10000: [
    { engine: 'core', backend: 'memory', scenarios: all },
    { engine: 'reference', backend: 'memory', scenarios: ['initial'] },
    { engine: 'reference', backend: 'file', scenarios: ['initial'] },
    {
      engine: 'core',
      backend: 'file',
      scenarios: ['initial', 'unchanged', 'unchanged-recorded', 'changed-10pct'],
    },
    {
      engine: 'core',
      backend: 's3',
      scenarios: ['unchanged', 'changed-1pct', 'changed-10pct', 'deleted-5pct'],
      seeded: true,
    },
    { engine: 'reference', backend: 's3', scenarios: ['unchanged'], seeded: true },
  ],
  100000: [
    { engine: 'core', backend: 'memory', scenarios: firstThree },
    // No recorded listing where peak RSS is judged: it would hold ~180 MB in the case process.
    {
      engine: 'core',
      backend: 's3',
      scenarios: ['initial', 'unchanged', 'changed-1pct'],
      seeded: true,
    },
  ],
};

function genericPresets(size: number): Preset[] {
  const output: Preset[] = [
    { engine: 'core', backend: 'memory', scenarios: all },
    { engine: 'core', backend: 'file', scenarios: all },
    { engine: 'core', backend: 's3', scenarios: all },
  ];
  if (size <= 10_000) {
    output.push(
      { engine: 'reference', backend: 'memory', scenarios: ['initial', 'unchanged'] },
      { engine: 'reference', backend: 's3', scenarios: ['initial', 'unchanged'] },
    );
  }
  return output;
}

/** The cases of a run: presets (or the generic plan for other sizes), filtered by the options. */
export function planCases(options: BenchOptions): PlannedCase[] {
  const planned: PlannedCase[] = [];
  for (const size of options.sizes) {
    const candidates = options.full
      ? genericPresets(size).map((preset) => ({ ...preset, scenarios: all }))
      : (presets[size] ?? genericPresets(size));
    for (const preset of candidates) {
      if (!options.backends.includes(preset.backend) || !options.engines.includes(preset.engine))
        continue;
      const scenarios = preset.scenarios.filter((scenario) => options.scenarios.includes(scenario));
      if (scenarios.length === 0) continue;
      const seeded = Boolean(preset.seeded) && options.seed && options.backends.includes('memory');
      const limitSeconds =
        preset.engine === 'reference'
          ? options.referenceTimeLimitSeconds
          : options.timeLimitSeconds;
      planned.push({
        engine: preset.engine,
        backend: preset.backend,
        size,
        ...(seeded || scenarios.includes('initial')
          ? { scenarios }
          : { scenarios: ['initial', ...scenarios] as BenchScenario[], report: scenarios }),
        timeLimitMs: limitSeconds * 1000,
        ...(seeded
          ? {
              seededFromMemory: true,
              initialTimeLimitMs: options.seededInitialTimeLimitSeconds * 1000,
            }
          : {}),
      });
    }
  }
  // A seeded s3 case needs the memory case of the same engine and size to export its state.
  for (const entry of planned) {
    if (!entry.seededFromMemory) continue;
    let source = planned.find(
      (candidate) =>
        candidate.backend === 'memory' &&
        candidate.engine === entry.engine &&
        candidate.size === entry.size,
    );
    if (!source) {
      source = {
        engine: entry.engine,
        backend: 'memory',
        size: entry.size,
        scenarios: ['initial'],
        timeLimitMs: entry.timeLimitMs,
      };
      planned.splice(planned.indexOf(entry), 0, source);
    }
    source.exportsAfterInitial = true;
  }
  return planned;
}
