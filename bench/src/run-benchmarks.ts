// `pnpm bench`: runs every case in its own child process, side by side with s3db.js's plugin, and
// writes bench/results/*.json|md (and bench/RESULTS.md with --publish). See bench/README.md.
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerNodeFlags, workerProcessEnvironment } from '@cloud-inventory/cli';
import type { BenchCaseJob, BenchCaseResult } from './bench-case.ts';
import { type FanOutResult, runFanOutBenchmark } from './bench-fan-out.ts';
import { type BenchOptions, benchUsage, parseBenchOptions } from './bench-options.ts';
import { type PlannedCase, planCases } from './bench-plan.ts';
import {
  type BenchRun,
  describeMachine,
  describeRevision,
  publishResults,
  renderMarkdown,
} from './bench-report.ts';
import { medianOfRounds, roundsFor } from './bench-rounds.ts';
import {
  type BenchS3ServerProcess,
  createBenchBucket,
  startS3ServerProcess,
} from './bench-s3-server.ts';

const benchDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** How the `cloud-inventory` command runs a worker (sync, run): its V8 flags and malloc settings. */
interface CaseWorker {
  flags: readonly string[];
  environment: NodeJS.ProcessEnv;
}

function caseWorker(options: BenchOptions): CaseWorker {
  return options.nodeDefaults
    ? { flags: [], environment: process.env }
    : {
        flags: workerNodeFlags,
        environment: options.mallocDefaults ? process.env : workerProcessEnvironment(),
      };
}

/** Run one case in a child process; kill it when it overruns every scenario's limit. */
function runCaseProcess(
  job: BenchCaseJob,
  nodeOptions: string[],
  worker: CaseWorker,
): Promise<BenchCaseResult> {
  // The memory backend holds the bucket in the case process: extra options (a heap cap) skip it.
  const extra = job.backend === 'memory' ? [] : nodeOptions;
  // Both engines run the way the cloud-inventory command runs a worker (sync, run).
  const child = fork(new URL('./bench-case-process.ts', import.meta.url), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['--conditions=source', '--expose-gc', ...worker.flags, ...extra],
    env: worker.environment,
  });
  const { s3: _s3, exportAfterInitial: _target, ...publicJob } = job;
  const hardLimitMs = job.timeLimitMs * job.scenarios.length + 600_000;
  return new Promise((resolveResult) => {
    let result: BenchCaseResult | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), hardLimitMs);
    child.once('message', (message) => {
      result = message as BenchCaseResult;
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolveResult(
        result ?? {
          job: publicJob,
          scenarios: [],
          peakRssBytes: 0,
          error: `case process exited (${signal ?? code}) without a result`,
        },
      );
    });
    child.send(job);
  });
}

function describeCase(planned: PlannedCase): string {
  const engine = planned.engine === 'core' ? 'ours' : 's3db.js plugin';
  const seeded = planned.seededFromMemory ? ' (seeded from memory)' : '';
  return `${engine.padEnd(14)} ${planned.backend.padEnd(6)} N=${String(planned.size).padStart(6)}  ${planned.scenarios.join(', ')}${seeded}`;
}

function logScenarioLines(result: BenchCaseResult): void {
  for (const scenario of result.scenarios) {
    const requests = scenario.wireRequests ?? scenario.requests;
    const state = scenario.finished ? `${(scenario.wallMs / 1000).toFixed(2)} s` : 'DNF';
    const counts = scenario.counts;
    if (counts && counts.status !== 'succeeded' && counts.status !== 'skipped')
      console.log(
        `    ${scenario.scenario}: sync ${counts.status}: ${counts.reason ?? 'no reason given'}`,
      );
    console.log(
      `    ${scenario.scenario.padEnd(14)} ${state.padStart(9)}  requests ${String(requests.total).padStart(7)}  peak RSS ${Math.round(scenario.peakRssBytes / 1048576)} MB${scenario.roundWallMs ? `  (median of ${scenario.roundWallMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)` : ''}${scenario.note ? `  (${scenario.note})` : ''}`,
    );
  }
  if (result.seed)
    console.log(
      `    copied ${result.seed.objects} objects to the S3 server in ${(result.seed.durationMs / 1000).toFixed(1)} s (seed, untimed)`,
    );
  if (result.error) console.log(`    error: ${result.error.split('\n')[0]}`);
}

/** Merge the time-boxed initial of a seeded case with the scenarios run on the seeded bucket. */
function mergeResults(first: BenchCaseResult, second: BenchCaseResult): BenchCaseResult {
  return {
    job: { ...second.job, scenarios: [...first.job.scenarios, ...second.job.scenarios] },
    scenarios: [...first.scenarios, ...second.scenarios],
    peakRssBytes: Math.max(first.peakRssBytes, second.peakRssBytes),
    ...(first.error || second.error
      ? { error: [first.error, second.error].filter(Boolean).join('\n') }
      : {}),
  };
}

/** Run the planned cases in order, with S3 servers and seeded buckets as needed. */
export async function runPlan(
  planned: PlannedCase[],
  options: BenchOptions,
): Promise<BenchCaseResult[]> {
  const results: BenchCaseResult[] = [];
  // Seeded buckets outlive the memory case that fills them, until their s3 case ran.
  const seeds = new Map<string, { server: BenchS3ServerProcess; bucket: string; ready: boolean }>();
  const seedKey = (entry: PlannedCase) => `${entry.engine}:${entry.size}`;
  let bucketCounter = 0;
  for (const entry of planned) {
    console.log(`  ${describeCase(entry)}`);
    const job: BenchCaseJob = {
      engine: entry.engine,
      backend: entry.backend,
      size: entry.size,
      scenarios: entry.scenarios,
      ...(entry.report ? { report: entry.report } : {}),
      timeLimitMs: entry.timeLimitMs,
      provider: options.provider,
      seed: options.estateSeed,
      s3Setup: options.s3Setup,
    };
    if (entry.exportsAfterInitial) {
      const server = await startS3ServerProcess();
      bucketCounter += 1;
      const bucket = `bench-seed-${entry.engine}-${entry.size}-${bucketCounter}`;
      await createBenchBucket(server.endpoints.direct, bucket);
      seeds.set(seedKey(entry), { server, bucket, ready: false });
      job.exportAfterInitial = { direct: server.endpoints.direct, bucket };
      const result = await runCaseProcess(job, options.nodeOptions, caseWorker(options));
      if (result.seed) (seeds.get(seedKey(entry)) as { ready: boolean }).ready = true;
      results.push(result);
      logScenarioLines(result);
      continue;
    }
    if (entry.backend !== 's3') {
      const rounds: BenchCaseResult[] = [];
      for (let round = 0; round < roundsFor(entry.size); round += 1)
        rounds.push(await runCaseProcess(job, options.nodeOptions, caseWorker(options)));
      const result = medianOfRounds(rounds);
      results.push(result);
      logScenarioLines(result);
      continue;
    }
    if (!entry.seededFromMemory) {
      const server = await startS3ServerProcess();
      try {
        const result = await runCaseProcess(
          { ...job, s3: server.endpoints },
          options.nodeOptions,
          caseWorker(options),
        );
        results.push(result);
        logScenarioLines(result);
      } finally {
        await server.stop();
      }
      continue;
    }
    const seed = seeds.get(seedKey(entry));
    seeds.delete(seedKey(entry));
    try {
      if (!seed?.ready) {
        const { exportAfterInitial: _target, ...publicJob } = job;
        const result: BenchCaseResult = {
          job: publicJob,
          scenarios: [],
          peakRssBytes: 0,
          error: 'not run: the memory case that seeds this bucket did not finish its initial sync',
        };
        results.push(result);
        logScenarioLines(result);
        continue;
      }
      const initial: BenchCaseResult | undefined = entry.scenarios.includes('initial')
        ? await runCaseProcess(
            {
              ...job,
              scenarios: ['initial'],
              timeLimitMs: entry.initialTimeLimitMs ?? entry.timeLimitMs,
              s3: seed.server.endpoints,
            },
            options.nodeOptions,
            caseWorker(options),
          )
        : undefined;
      const rest = entry.scenarios.filter((scenario) => scenario !== 'initial');
      let result = initial;
      if (rest.length > 0) {
        const seeded = await runCaseProcess(
          {
            ...job,
            scenarios: rest,
            s3: seed.server.endpoints,
            seededBucket: seed.bucket,
            seededHistory: ['initial'],
          },
          options.nodeOptions,
          caseWorker(options),
        );
        result = result ? mergeResults(result, seeded) : seeded;
      }
      if (result) {
        results.push(result);
        logScenarioLines(result);
      }
    } finally {
      await seed?.server.stop();
    }
  }
  for (const leftover of seeds.values()) await leftover.server.stop();
  return results;
}

async function main(): Promise<void> {
  const parsed = parseBenchOptions(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(benchUsage);
    return;
  }
  const options = parsed;
  const startedAt = new Date();
  const repository = resolve(benchDirectory, '..');
  const revisionAtStart = describeRevision(repository);
  const planned = planCases(options);
  console.log(`cloud-inventory bench: ${planned.length} cases, ${describeMachine().summary}`);
  const results = await runPlan(planned, options);
  let fanOut: FanOutResult | undefined;
  if (options.fanOut) {
    console.log('  driver fan-out (testkit fake server, 16 regions x 20 services, 50 ms per call)');
    fanOut = await runFanOutBenchmark();
    console.log(`    ${fanOut.summary}`);
  }
  const run: BenchRun = {
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    machine: describeMachine(),
    options,
    cases: results,
    ...(fanOut ? { fanOut } : {}),
    revision: {
      commit: revisionAtStart.commit,
      uncommittedAtStart: revisionAtStart.uncommitted,
      uncommittedAtEnd: describeRevision(repository).uncommitted,
    },
  };
  const outDirectory = resolve(benchDirectory, options.outDirectory);
  await mkdir(outDirectory, { recursive: true });
  const stamp = startedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const markdown = renderMarkdown(run);
  for (const name of [`bench-${stamp}`, 'latest']) {
    await writeFile(join(outDirectory, `${name}.json`), `${JSON.stringify(run, null, 2)}\n`);
    await writeFile(join(outDirectory, `${name}.md`), markdown);
  }
  console.log(`results: ${join(outDirectory, `bench-${stamp}.md`)} (and .json, latest.*)`);
  if (options.publish) {
    const path = join(benchDirectory, 'RESULTS.md');
    await publishResults(path, run);
    console.log(`published: ${path}`);
  }
  console.log(`done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
