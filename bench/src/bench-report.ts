import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import type { BenchCaseResult, ScenarioResult } from './bench-case.ts';
import type { BenchBackend, BenchEngine } from './bench-engines.ts';
import { type BenchScenario, benchScenarios, scenarioLabels } from './bench-estate.ts';
import type { FanOutResult } from './bench-fan-out.ts';
import type { BenchOptions } from './bench-options.ts';
import { type RequestCounts, requestKinds, writeCount } from './bench-request-counter.ts';

/** The machine a run came from. */
export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memory: string;
  node: string;
  platform: string;
  summary: string;
}

/** Everything one `pnpm bench` measured. */
export interface BenchRun {
  startedAt: string;
  durationMs: number;
  machine: MachineInfo;
  options: BenchOptions;
  cases: BenchCaseResult[];
  fanOut?: FanOutResult;
  /** The code measured: git commit, and whether core or the mocks had uncommitted edits before or during the run. */
  revision?: { commit: string; uncommittedAtStart: string[]; uncommittedAtEnd: string[] };
}

/** `git rev-parse` and the uncommitted files under the packages the benchmark runs. */
export function describeRevision(repository: string): { commit: string; uncommitted: string[] } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repository,
      encoding: 'utf8',
    }).trim();
    const status = execFileSync(
      'git',
      [
        'status',
        '--porcelain',
        '--',
        'packages/core',
        'packages/driver-mocks',
        'packages/driver-kit',
        'packages/testkit',
      ],
      { cwd: repository, encoding: 'utf8' },
    );
    return {
      commit,
      uncommitted: status
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(3)),
    };
  } catch {
    return { commit: 'unknown', uncommitted: [] };
  }
}

/** nproc, CPU model, `free -h`, Node version. */
export function describeMachine(): MachineInfo {
  let memory = `${(totalmem() / 1024 ** 3).toFixed(1)} GiB total`;
  try {
    memory = execFileSync('free', ['-h'], { encoding: 'utf8' }).trim();
  } catch {}
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) cpuModel = match[1].trim();
  } catch {}
  const nproc = availableParallelism();
  return {
    nproc,
    cpuModel,
    memory,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    summary: `${nproc} cpu (${cpuModel}), Node ${process.version}`,
  };
}

/** The request counts reported for a scenario: on the wire for s3, on the client otherwise. */
export function reportedRequests(result: ScenarioResult): RequestCounts {
  return result.wireRequests ?? result.requests;
}

type Finder = (
  engine: BenchEngine,
  backend: BenchBackend,
  size: number,
  scenario: BenchScenario,
) => ScenarioResult | undefined;

function finder(run: BenchRun): Finder {
  return (engine, backend, size, scenario) =>
    run.cases
      .find(
        (entry) =>
          entry.job.engine === engine && entry.job.backend === backend && entry.job.size === size,
      )
      ?.scenarios.find((entry) => entry.scenario === scenario);
}

const seconds = (ms: number) => (ms >= 100_000 ? (ms / 1000).toFixed(0) : (ms / 1000).toFixed(2));
const perResource = (value: number, size: number) => {
  const ratio = value / size;
  return ratio === 0
    ? '0'
    : ratio >= 10
      ? ratio.toFixed(1)
      : ratio >= 0.1
        ? ratio.toFixed(2)
        : ratio.toFixed(4);
};
const megabytes = (bytes: number) => (bytes / 1048576).toFixed(0);
const ratioText = (value: number, lowerBound: boolean) =>
  `${lowerBound ? '≥ ' : ''}${value >= 100 ? value.toFixed(0) : value.toFixed(1)}×`;

/** For a run stopped at its limit: the whole listing's time at the pace it had (resources reached). */
export function extrapolatedMs(result: ScenarioResult): number | undefined {
  if (result.finished || result.yielded <= 0 || result.wallMs <= 0) return undefined;
  return (result.wallMs * result.expected.listed) / result.yielded;
}

function describeDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(0)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function unfinishedNote(result: ScenarioResult): string {
  const estimate = extrapolatedMs(result);
  const note = result.note ?? 'did not finish';
  return estimate === undefined
    ? note
    : `${note}; about ${describeDuration(estimate)} for all at that pace`;
}

function checkCounts(result: ScenarioResult, engine: BenchEngine): string {
  if (!result.finished) return unfinishedNote(result);
  const counts = result.counts;
  if (!counts) return '';
  const expected = result.expected;
  const deletedOk = engine === 'reference' ? true : counts.deleted === expected.deleted;
  const ok =
    counts.created === expected.created &&
    counts.updated === expected.updated &&
    counts.unchanged === expected.unchanged &&
    deletedOk;
  const text = `${counts.created}/${counts.updated}/${counts.unchanged}/${counts.deleted}`;
  if (ok && engine === 'reference' && expected.deleted > 0) return `${text} (has no deletion)`;
  return ok
    ? `${text} ✓`
    : `${text} ✗ expected ${expected.created}/${expected.updated}/${expected.unchanged}/${expected.deleted}`;
}

/** The main table: one row per (size, backend, scenario, engine). */
export function renderScenarioTable(run: BenchRun): string {
  const header = [
    'N',
    'backend',
    'scenario',
    'engine',
    'wall s',
    'CPU s',
    'resources/s',
    'requests',
    'req/resource',
    ...requestKinds.map((kind) => `${kind}/res`),
    'MB written',
    'peak RSS MB (at start)',
    'created/updated/unchanged/deleted',
  ];
  const rows: string[][] = [];
  const cases = [...run.cases].sort(
    (left, right) =>
      left.job.size - right.job.size ||
      left.job.backend.localeCompare(right.job.backend) ||
      left.job.engine.localeCompare(right.job.engine),
  );
  for (const size of [...new Set(cases.map((entry) => entry.job.size))]) {
    for (const backend of [...new Set(cases.map((entry) => entry.job.backend))]) {
      for (const scenario of benchScenarios) {
        for (const entry of cases) {
          if (entry.job.size !== size || entry.job.backend !== backend) continue;
          const result = entry.scenarios.find((candidate) => candidate.scenario === scenario);
          if (!result) continue;
          const requests = reportedRequests(result);
          const ran = result.finished || result.wallMs > 0;
          const bound = result.finished ? '' : '≥ ';
          // A run stopped at its limit is described per resource it reached.
          const per = result.finished ? size : Math.max(1, result.yielded);
          const mark = result.finished ? '' : '*';
          rows.push([
            size.toLocaleString('en-US'),
            backend,
            scenarioLabels[scenario],
            entry.job.engine === 'core' ? 'ours' : 's3db.js plugin',
            result.finished
              ? seconds(result.wallMs)
              : ran
                ? `DNF > ${seconds(result.wallMs)}`
                : '—',
            ran
              ? `${seconds(result.cpuMs)}${result.serverCpuMs !== undefined ? ` + ${seconds(result.serverCpuMs)}` : ''}`
              : '—',
            result.finished
              ? Math.round(result.expected.listed / (result.wallMs / 1000)).toLocaleString('en-US')
              : '—',
            ran ? `${bound}${requests.total.toLocaleString('en-US')}` : '—',
            ran ? `${perResource(requests.total, per)}${mark}` : '—',
            ...requestKinds.map((kind) =>
              ran ? `${perResource(requests[kind], per)}${mark}` : '—',
            ),
            ran ? megabytes(requests.bytesWritten) : '—',
            ran
              ? `${megabytes(result.peakRssBytes)}${result.startRssBytes ? ` (${megabytes(result.startRssBytes)})` : ''}`
              : '—',
            checkCounts(result, entry.job.engine),
          ]);
        }
      }
    }
  }
  return markdownTable(header, rows);
}

/** Ratios s3db.js plugin / ours, measured in the same run. */
export function renderRatioTable(run: BenchRun): string {
  const find = finder(run);
  const rows: string[][] = [];
  for (const entry of run.cases) {
    if (entry.job.engine !== 'reference') continue;
    for (const reference of entry.scenarios) {
      const ours = find('core', entry.job.backend, entry.job.size, reference.scenario);
      if (!ours?.finished || (!reference.finished && reference.wallMs === 0)) continue;
      const dnf = !reference.finished;
      const oursRequests = reportedRequests(ours);
      const theirRequests = reportedRequests(reference);
      rows.push([
        entry.job.size.toLocaleString('en-US'),
        entry.job.backend,
        scenarioLabels[reference.scenario],
        ratioText(reference.wallMs / ours.wallMs, dnf),
        ratioText(theirRequests.total / Math.max(1, oursRequests.total), dnf),
        ratioText(writeCount(theirRequests) / Math.max(1, writeCount(oursRequests)), dnf),
        dnf ? unfinishedNote(reference) : '',
      ]);
    }
  }
  return markdownTable(
    [
      'N',
      'backend',
      'scenario',
      'time (theirs / ours)',
      'requests (theirs / ours)',
      'writes (theirs / ours)',
      'note',
    ],
    rows,
  );
}

function markdownTable(header: string[], rows: string[][]): string {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

/** One target's verdict. */
export interface TargetVerdict {
  target: string;
  status: 'met' | 'missed' | 'not measured' | 'pending';
  evidence: string;
}

/** Evaluate the issue's targets from a run. */
export function evaluateTargets(run: BenchRun): TargetVerdict[] {
  const find = finder(run);
  const verdicts: TargetVerdict[] = [];

  // 1. Nothing changed, 10k, S3 wire path.
  {
    const target =
      'Nothing changed, 10,000 resources, S3 wire path: ≥ 100× fewer requests, ≥ 20× faster, < 0.05 requests per resource';
    const ours = find('core', 's3', 10_000, 'unchanged');
    const theirs = find('reference', 's3', 10_000, 'unchanged');
    if (!ours?.finished)
      verdicts.push({
        target,
        status: 'not measured',
        evidence: 'our engine did not run this case',
      });
    else {
      const oursRequests = reportedRequests(ours).total;
      const amortised = oursRequests / 10_000;
      const parts = [
        `ours: ${oursRequests} requests (${amortised.toFixed(4)} per resource) in ${seconds(ours.wallMs)} s`,
      ];
      let met = amortised < 0.05;
      if (!theirs || (!theirs.finished && theirs.wallMs === 0)) {
        parts.push(`s3db.js plugin: ${theirs?.note ?? 'not run'}`);
        verdicts.push({
          target,
          status: met ? 'not measured' : 'missed',
          evidence: parts.join('; '),
        });
      } else {
        const dnf = !theirs.finished;
        const requestRatio = reportedRequests(theirs).total / Math.max(1, oursRequests);
        const timeRatio = theirs.wallMs / ours.wallMs;
        met = met && requestRatio >= 100 && timeRatio >= 20;
        parts.push(
          `s3db.js plugin: ${dnf ? '≥ ' : ''}${reportedRequests(theirs).total} requests in ${dnf ? `> ${seconds(theirs.wallMs)} s (${unfinishedNote(theirs)})` : `${seconds(theirs.wallMs)} s`}`,
          `requests ${ratioText(requestRatio, dnf)}, time ${ratioText(timeRatio, dnf)}`,
        );
        verdicts.push({ target, status: met ? 'met' : 'missed', evidence: parts.join('; ') });
      }
    }
  }

  // 2. 10% changed: writes per changed resource, nothing per unchanged one. The per-run fixed
  // cost (lock, summary, run record, index) is what "nothing changed" costs at the same size.
  {
    const target =
      '10% changed: ≤ 4 writes per changed resource, no per-resource cost for the unchanged';
    const lines: string[] = [];
    let met = true;
    let measured = false;
    for (const entry of run.cases) {
      if (entry.job.engine !== 'core') continue;
      const result = entry.scenarios.find((candidate) => candidate.scenario === 'changed-10pct');
      if (!result?.finished || !result.counts) continue;
      measured = true;
      const requests = reportedRequests(result);
      const changed = result.counts.updated;
      const writesPerChanged = writeCount(requests) / Math.max(1, changed);
      const readsPerChanged = (requests.total - writeCount(requests)) / Math.max(1, changed);
      const fixed = find('core', entry.job.backend, entry.job.size, 'unchanged');
      const fixedCost = fixed?.finished ? reportedRequests(fixed).total : 0;
      const beyond = Math.max(0, requests.total - 4 * changed - fixedCost);
      const perUnchanged = beyond / Math.max(1, result.counts.unchanged);
      met = met && writesPerChanged <= 4 && perUnchanged < 0.01;
      lines.push(
        `${entry.job.backend} N=${entry.job.size}: ${writesPerChanged.toFixed(2)} writes + ${readsPerChanged.toFixed(2)} reads per changed resource; ${requests.total} requests = ${changed} changed × 4 + ${requests.total - 4 * changed} (the run's fixed cost is ${fixed?.finished ? fixedCost : 'not measured'}), ${perUnchanged.toFixed(4)} per unchanged resource`,
      );
    }
    verdicts.push({
      target,
      status: measured ? (met ? 'met' : 'missed') : 'not measured',
      evidence: lines.join('; ') || 'no 10%-changed case ran',
    });
  }

  // 3. Initial sync at least 5x faster.
  {
    const target = 'Initial sync: ≥ 5× faster than the s3db.js plugin';
    const lines: string[] = [];
    let met = true;
    let measured = false;
    for (const entry of run.cases) {
      if (entry.job.engine !== 'reference') continue;
      const theirs = entry.scenarios.find((candidate) => candidate.scenario === 'initial');
      const ours = find('core', entry.job.backend, entry.job.size, 'initial');
      if (!theirs || !ours?.finished || (!theirs.finished && theirs.wallMs === 0)) continue;
      measured = true;
      const ratio = theirs.wallMs / ours.wallMs;
      met = met && ratio >= 5;
      lines.push(
        `${entry.job.backend} N=${entry.job.size}: ${ratioText(ratio, !theirs.finished)} (${seconds(theirs.wallMs)} s vs ${seconds(ours.wallMs)} s)`,
      );
    }
    verdicts.push({
      target,
      status: measured ? (met ? 'met' : 'missed') : 'not measured',
      evidence: lines.join('; ') || 'no pair ran',
    });
  }

  // 4. 100k peak RSS, judged where the objects are not in our process (s3, file).
  {
    const target = '100,000 resources: peak RSS < 300 MB';
    const lines: string[] = [];
    let met = true;
    let measured = false;
    for (const entry of run.cases) {
      if (entry.job.engine !== 'core' || entry.job.size < 100_000) continue;
      const judged = entry.job.backend !== 'memory';
      if (judged && entry.scenarios.some((result) => result.peakRssBytes > 0)) measured = true;
      const parts = entry.scenarios
        .filter((result) => result.peakRssBytes > 0)
        .map((result) => {
          if (judged) met = met && result.peakRssBytes < 300 * 1048576;
          const heap = result.peakHeapUsedBytes
            ? `, heap used ≤ ${megabytes(result.peakHeapUsedBytes)}`
            : '';
          const start = result.startRssBytes
            ? ` from ${megabytes(result.startRssBytes)} at its start`
            : '';
          return `${scenarioLabels[result.scenario]} ${megabytes(result.peakRssBytes)} MB${start}${heap}`;
        });
      lines.push(
        `${entry.job.backend}: ${parts.join('; ')}${judged ? '' : ' (not judged: the memory backend keeps the bucket in this process)'}`,
      );
    }
    verdicts.push({
      target,
      status: measured ? (met ? 'met' : 'missed') : 'not measured',
      evidence: lines.join(' — ') || 'no 100k case ran',
    });
  }

  // 5. Driver fan-out.
  {
    const target =
      'Driver fan-out, 16 regions × 20 services, 50 ms per call: wall time ≤ 1.25 × calls × latency ÷ concurrency';
    const fanOut = run.fanOut;
    if (!fanOut) verdicts.push({ target, status: 'not measured', evidence: 'run with --fan-out' });
    else verdicts.push({ target, status: fanOut.status, evidence: fanOut.summary });
  }
  return verdicts;
}

/** The whole markdown report of a run. */
export function renderMarkdown(run: BenchRun): string {
  const verdicts = evaluateTargets(run);
  const { machine, options } = run;
  const lines = [
    `# Cloud Inventory benchmark — ${run.startedAt.slice(0, 10)}`,
    '',
    `Run ${run.startedAt} (${(run.durationMs / 1000).toFixed(0)} s), estate \`${options.provider}\` seed ${options.estateSeed}, S3 client \`${options.s3Setup}\`. Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpuModel}, Node ${machine.node}, ${machine.platform}.`,
    '',
    '```',
    machine.memory,
    '```',
    '',
    ...(run.revision
      ? [
          `Code: commit \`${run.revision.commit}\`${
            run.revision.uncommittedAtStart.length + run.revision.uncommittedAtEnd.length === 0
              ? ', no uncommitted change under packages/core, driver-mocks, driver-kit or testkit before or after the run.'
              : `; uncommitted before the run: ${run.revision.uncommittedAtStart.join(', ') || 'none'}; after: ${run.revision.uncommittedAtEnd.join(', ') || 'none'}.`
          }`,
          '',
        ]
      : []),
    '## Targets',
    '',
    markdownTable(
      ['target', 'status', 'evidence'],
      verdicts.map((verdict) => [verdict.target, `**${verdict.status}**`, verdict.evidence]),
    ),
    '',
    '## Ratios (s3db.js plugin ÷ ours, same run)',
    '',
    renderRatioTable(run),
    '',
    '## Every scenario',
    '',
    'Requests are counted on the wire by a proxy for `s3`, on the s3db.js client for `memory` and `file` (listings counted as the 1,000-key pages S3 would need); per-resource columns divide by N. "DNF > t" means the scenario was still running at its time limit: its request counts are what it had done by then (lower bounds), and its per-resource columns (marked *) divide by the resources it had reached.',
    '',
    renderScenarioTable(run),
    '',
  ];
  if (run.fanOut) lines.push('## Driver fan-out', '', run.fanOut.markdown, '');
  const errors = run.cases.filter((entry) => entry.error);
  if (errors.length > 0) {
    lines.push('## Errors', '');
    for (const entry of errors)
      lines.push(
        `- ${entry.job.engine} ${entry.job.backend} N=${entry.job.size}: \`${entry.error?.split('\n')[0]}\``,
      );
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

const notesStart = '<!-- notes:start -->';
const notesEnd = '<!-- notes:end -->';

/** Rewrite RESULTS.md from a run, keeping the hand-written notes section. */
export async function publishResults(path: string, run: BenchRun): Promise<void> {
  let notes = `${notesStart}\n## Notes\n\n(hand-written analysis goes here; kept when the file is regenerated)\n${notesEnd}`;
  try {
    const existing = await readFile(path, 'utf8');
    const start = existing.indexOf(notesStart);
    const end = existing.indexOf(notesEnd);
    if (start >= 0 && end > start) notes = existing.slice(start, end + notesEnd.length);
  } catch {}
  const generated = renderMarkdown(run).replace(
    /^# .*\n/,
    `# Benchmark results\n\nGenerated by \`pnpm bench -- --publish\` (bench/src/run-benchmarks.ts); only the notes section is written by hand.\n\n`,
  );
  await writeFile(path, `${generated}\n${notes}\n`);
}
