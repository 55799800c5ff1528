import { readFileSync, writeFileSync } from 'node:fs';
import {
  type BenchBackend,
  type BenchEngine,
  createEngine,
  type EngineUnderTest,
  type SyncCounts,
} from './bench-engines.ts';
import {
  BenchEstate,
  type BenchScenario,
  expectedScenario,
  type ScenarioExpectation,
} from './bench-estate.ts';
import {
  countClientRequests,
  emptyCounts,
  RequestCounter,
  type RequestCounts,
  subtractCounts,
} from './bench-request-counter.ts';
import {
  type BenchS3Endpoints,
  fetchWireCounts,
  type S3ClientSetup,
  type WireSnapshot,
} from './bench-s3-server.ts';
import { copyMemoryDatabaseToS3, type SeedReport, type SeedTarget } from './bench-seed.ts';

/** One engine x backend x size, run through a sequence of scenarios on one database. */
export interface BenchCaseJob {
  engine: BenchEngine;
  backend: BenchBackend;
  size: number;
  scenarios: BenchScenario[];
  /** Scenarios to report; the others of `scenarios` only build the state. @default all */
  report?: BenchScenario[];
  /** A scenario still running after this long is reported as "did not finish". */
  timeLimitMs: number;
  /** Mock provider of the estate. @default 'aws-mock' */
  provider?: string;
  /** Estate seed. @default 7 */
  seed?: number;
  /** Endpoints of the local S3 server (s3 backend). */
  s3?: BenchS3Endpoints;
  /** How s3db.js's S3 client is set up (see S3ClientSetup). @default 'tuned' */
  s3Setup?: S3ClientSetup;
  /** Open this existing bucket, which already holds the listing of `seededHistory` (s3 backend). */
  seededBucket?: string;
  /** Scenarios the seeded bucket holds, oldest first. */
  seededHistory?: BenchScenario[];
  /** After the initial sync, copy the memory database into this bucket (untimed setup). */
  exportAfterInitial?: SeedTarget;
}

/** What one scenario measured. */
export interface ScenarioResult {
  scenario: BenchScenario;
  /** False when the time limit was hit (or an earlier scenario of the case did not finish). */
  finished: boolean;
  /** Why the scenario did not run or finish. */
  note?: string;
  /** From the call to the engine's sync until its last storage request completed. */
  wallMs: number;
  /** Part of `wallMs` spent on writes still in flight after the engine's sync resolved. */
  trailingMs: number;
  /** Resources the driver yielded before the sync ended (or the time limit hit). */
  yielded: number;
  expected: ScenarioExpectation;
  /** The engine's own counts. */
  counts?: SyncCounts;
  /** Storage requests counted on the s3db.js client. */
  requests: RequestCounts;
  /** Storage requests counted on the wire by the proxy (s3 backend only). */
  wireRequests?: RequestCounts;
  /** CPU time of the benchmarked process during the scenario (the machine is shared: wall time is not). */
  cpuMs: number;
  /** CPU time of the S3 server process (fauxqs and the counting proxy) during the scenario. */
  serverCpuMs?: number;
  /** Peak resident set size of the process during the scenario, in bytes. */
  peakRssBytes: number;
  /** RSS when the scenario started (after a GC): what the process held before the sync. */
  startRssBytes?: number;
  /** Largest V8 heapUsed sampled every 50 ms during the scenario (live data plus garbage not yet collected). */
  peakHeapUsedBytes?: number;
  /** Wall time of every round when the case ran several (`bench-rounds.ts`); this result is the median one. */
  roundWallMs?: number[];
}

/** Everything a case measured. */
export interface BenchCaseResult {
  job: Omit<BenchCaseJob, 's3'>;
  scenarios: ScenarioResult[];
  /** Peak RSS of the whole case (includes the memory backend's stored objects). */
  peakRssBytes: number;
  /** The copy made for `exportAfterInitial`. */
  seed?: SeedReport;
  error?: string;
}

const statusPath = '/proc/self/status';

function readHighWaterMark(): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(statusPath, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

// Linux resets VmHWM to the current RSS when "5" is written to clear_refs.
function resetHighWaterMark(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Tracks peak RSS over a section (VmHWM when Linux offers it) and samples the V8 heap every 50 ms. */
class PeakRss {
  #peak = 0;
  #peakHeapUsed = 0;
  #start = 0;
  #timer: NodeJS.Timeout | undefined;
  #useKernel = false;

  start(): void {
    (globalThis as { gc?: () => void }).gc?.();
    this.#useKernel = resetHighWaterMark() && readHighWaterMark() !== undefined;
    const usage = process.memoryUsage();
    this.#start = usage.rss;
    this.#peak = usage.rss;
    this.#peakHeapUsed = usage.heapUsed;
    let samples = 0;
    this.#timer = setInterval(() => {
      const sample = process.memoryUsage();
      this.#peak = Math.max(this.#peak, sample.rss);
      this.#peakHeapUsed = Math.max(this.#peakHeapUsed, sample.heapUsed);
      // BENCH_MEMORY_TRACE=1: where the RSS goes (V8 heap, its committed pages, buffers), every second.
      samples += 1;
      if (process.env.BENCH_MEMORY_TRACE && samples % 20 === 0) {
        const megabytes = (bytes: number) => Math.round(bytes / 1048576);
        process.stderr.write(
          `memory: rss ${megabytes(sample.rss)} heapTotal ${megabytes(sample.heapTotal)} heapUsed ${megabytes(sample.heapUsed)} external ${megabytes(sample.external)} arrayBuffers ${megabytes(sample.arrayBuffers)}\n`,
        );
      }
    }, 50);
    this.#timer.unref();
  }

  stop(): { peakRssBytes: number; startRssBytes: number; peakHeapUsedBytes: number } {
    if (this.#timer) clearInterval(this.#timer);
    const kernel = this.#useKernel ? (readHighWaterMark() ?? 0) : 0;
    return {
      peakRssBytes: Math.max(this.#peak, kernel, process.memoryUsage().rss),
      startRssBytes: this.#start,
      peakHeapUsedBytes: this.#peakHeapUsed,
    };
  }
}

async function wireSnapshot(s3: BenchS3Endpoints | undefined): Promise<WireSnapshot | undefined> {
  return s3 ? fetchWireCounts(s3.counted) : undefined;
}

/** Run one case in this process and return its measurements. */
export async function runBenchCase(job: BenchCaseJob): Promise<BenchCaseResult> {
  const { s3, exportAfterInitial: _exportTarget, ...publicJob } = job;
  const estate = new BenchEstate({
    size: job.size,
    ...(job.provider ? { provider: job.provider } : {}),
    ...(job.seed !== undefined ? { seed: job.seed } : {}),
  });
  const result: BenchCaseResult = { job: publicJob, scenarios: [], peakRssBytes: 0 };
  const counter = new RequestCounter();
  let engine: EngineUnderTest | undefined;
  let uncount = () => {};
  let stopped: string | undefined;
  try {
    for (const scenario of job.seededHistory ?? []) {
      estate.scenario = scenario;
      estate.commit();
    }
    const activeEngine = await createEngine(job.engine, job.backend, estate, {
      ...(s3 ? { s3 } : {}),
      ...(job.s3Setup ? { s3Setup: job.s3Setup } : {}),
      ...(job.seededBucket ? { bucket: job.seededBucket } : {}),
    });
    engine = activeEngine;
    uncount = countClientRequests(activeEngine.database.client, counter);
    for (const scenario of job.scenarios) {
      const expected = expectedScenario(scenario, job.size);
      if (stopped) {
        if (job.report && !job.report.includes(scenario)) continue;
        result.scenarios.push({
          scenario,
          finished: false,
          note: stopped,
          wallMs: 0,
          trailingMs: 0,
          yielded: 0,
          expected,
          requests: emptyCounts(),
          cpuMs: 0,
          peakRssBytes: 0,
        });
        continue;
      }
      estate.scenario = scenario;
      // The recorded listing is made before the timed section, so the sync measures the engine
      // only; s3db.js's plugin always gets its listing that way (`prepare`), so our initial sync,
      // the one compared with it, does too. NOTE: not where peak RSS is judged (100k and more
      // off memory://): a recorded listing of 100k holds ~180 MB in this process.
      const rssJudged = job.backend !== 'memory' && job.size >= 100_000;
      if (
        scenario === 'unchanged-recorded' ||
        (scenario === 'initial' && job.engine === 'core' && !rssJudged)
      )
        await estate.record();
      await activeEngine.prepare();
      const rss = new PeakRss();
      rss.start();
      const requestsBefore = counter.snapshot();
      const wireBefore = await wireSnapshot(s3);
      const cpuBefore = process.cpuUsage();
      const startedAt = performance.now();
      let resolvedAt = startedAt;
      let timer: NodeJS.Timeout | undefined;
      const timeLimit = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), job.timeLimitMs);
      });
      const run = (async () => {
        const counts = await activeEngine.sync();
        resolvedAt = performance.now();
        await counter.settled();
        return counts;
      })();
      const outcome = await Promise.race([run, timeLimit]);
      clearTimeout(timer);
      estate.recorded = undefined;
      // The sync ends with its last storage request (the quiet period `settled` waits is not part of it).
      const finishedAt = Math.max(resolvedAt, counter.lastFinishedAt);
      const wallMs = finishedAt - startedAt;
      const requests = subtractCounts(counter.snapshot(), requestsBefore);
      const cpu = process.cpuUsage(cpuBefore);
      const wireAfter = await wireSnapshot(s3);
      const scenarioResult: ScenarioResult = {
        scenario,
        finished: outcome !== 'timeout',
        wallMs: outcome === 'timeout' ? job.timeLimitMs : wallMs,
        trailingMs: outcome === 'timeout' ? 0 : Math.max(0, finishedAt - resolvedAt),
        yielded: estate.yielded,
        expected,
        requests,
        ...(wireBefore && wireAfter
          ? {
              wireRequests: subtractCounts(wireAfter.counts, wireBefore.counts),
              serverCpuMs: wireAfter.serverCpuMs - wireBefore.serverCpuMs,
            }
          : {}),
        cpuMs: (cpu.user + cpu.system) / 1000,
        ...rss.stop(),
      };
      if (outcome === 'timeout') {
        scenarioResult.note = `did not finish in ${Math.round(job.timeLimitMs / 1000)} s (${estate.yielded} of ${expected.listed} resources reached)`;
        stopped = `not run: ${scenario} did not finish in ${Math.round(job.timeLimitMs / 1000)} s`;
        // The abandoned sync keeps running; the process that ran the case exits after reporting.
        run.catch(() => {});
      } else {
        scenarioResult.counts = outcome;
        estate.commit();
        if (scenario === 'initial' && job.exportAfterInitial)
          result.seed = await copyMemoryDatabaseToS3(
            activeEngine.database.client,
            job.exportAfterInitial,
          );
      }
      if (!job.report || job.report.includes(scenario)) result.scenarios.push(scenarioResult);
      result.peakRssBytes = Math.max(result.peakRssBytes, scenarioResult.peakRssBytes);
    }
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } finally {
    uncount();
    if (!stopped) await engine?.close();
  }
  return result;
}
