import { finalizeHash, hashNumbers, hashString, toUnit } from './mock-random.ts';

const deleteSalt = hashString('lifecycle.delete');
const driftSalt = hashString('lifecycle.drift');

/** Options of the estate lifecycle. */
export interface MockEstateLifecycleOptions {
  /** Estate seed (uint32). */
  seed: number;
  /** Resources present at run 1 (indices `0..baseCount-1`). */
  baseCount: number;
  /** Fraction of live resources that drift at each run after the first. */
  driftRate: number;
  /** Fraction of live resources deleted at each run after the first; as many are added. */
  deleteRate: number;
}

/**
 * Decides, from (seed, index, run) alone, when a resource is born, when it is deleted and how often
 * each of its attributes drifted; nothing is kept in memory, so estates of any size stream.
 *
 * Index `i < baseCount` is born at run 1. At each run r >= 2, `additionsPerRun` new indices
 * (`baseCount + (r - 2) * additionsPerRun + k`) are born. A resource's deletion run is drawn from a
 * geometric distribution, so each live resource disappears at each run with probability `deleteRate`
 * and stays gone.
 */
export class MockEstateLifecycle {
  /** Estate seed. */
  readonly seed: number;
  /** Resources present at run 1. */
  readonly baseCount: number;
  /** Drift probability per resource and run. */
  readonly driftRate: number;
  /** Deletion probability per resource and run. */
  readonly deleteRate: number;
  /** New resources born at each run after the first. */
  readonly additionsPerRun: number;
  readonly #driftThreshold: number;
  readonly #logKeep: number;

  constructor(options: MockEstateLifecycleOptions) {
    this.seed = options.seed >>> 0;
    this.baseCount = options.baseCount;
    this.driftRate = options.driftRate;
    this.deleteRate = options.deleteRate;
    this.additionsPerRun = Math.round(options.baseCount * options.deleteRate);
    this.#driftThreshold = options.driftRate * 4_294_967_296;
    this.#logKeep = Math.log(1 - options.deleteRate);
  }

  /** Number of indices that exist (alive or deleted) by `run`. */
  indexLimit(run: number): number {
    return this.baseCount + this.additionsPerRun * Math.max(0, run - 1);
  }

  /** Run at which `index` first appears. */
  bornRun(index: number): number {
    if (index < this.baseCount || this.additionsPerRun === 0) return 1;
    return 2 + Math.floor((index - this.baseCount) / this.additionsPerRun);
  }

  /** Run at which `index` disappears (Infinity when never). */
  deletedRun(index: number): number {
    if (this.deleteRate <= 0) return Number.POSITIVE_INFINITY;
    const born = this.bornRun(index);
    if (this.deleteRate >= 1) return born + 1;
    // A uniform in (0, 1] turned into a geometric count of surviving runs.
    const uniform = (hashNumbers(this.seed, index, deleteSalt) + 1) / 4_294_967_296;
    return born + 1 + Math.floor(Math.log(uniform) / this.#logKeep);
  }

  /** True when `index` is listed at `run`. */
  isAlive(index: number, run: number): boolean {
    if (index >= this.indexLimit(run)) return false;
    const born = this.bornRun(index);
    return born <= run && run < this.deletedRun(index);
  }

  /** True when `index` drifted exactly at `run`. */
  driftedAt(index: number, run: number): boolean {
    return (
      run > this.bornRun(index) &&
      hashNumbers(this.seed, index, run, driftSalt) < this.#driftThreshold
    );
  }

  /**
   * Per-attribute drift counts of `index` up to `run`: at every run after its birth where the resource
   * drifts, one attribute (chosen by hash) is bumped, so its value is guaranteed to change.
   */
  driftCounters(index: number, run: number, attributes: number): number[] {
    const counters = new Array<number>(Math.max(1, attributes)).fill(0);
    if (this.driftRate <= 0) return counters;
    for (let current = this.bornRun(index) + 1; current <= run; current += 1) {
      const hash = hashNumbers(this.seed, index, current, driftSalt);
      if (hash < this.#driftThreshold) {
        const attribute = finalizeHash(hash ^ 0x5bd1e995) % counters.length;
        counters[attribute] = (counters[attribute] ?? 0) + 1;
      }
    }
    return counters;
  }

  /** A float in [0, 1) for (index, salt) that is the same at every run. */
  stableUnit(index: number, salt: number): number {
    return toUnit(hashNumbers(this.seed, index, salt));
  }
}
