import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import type { BenchCaseResult, ScenarioResult } from './bench-case.ts';
import type { BenchEngine } from './bench-engines.ts';
import { benchScenarios, scenarioLabels } from './bench-estate.ts';
import type { FanOutResult } from './bench-fan-out.ts';
import {
  finder,
  markdownTable,
  megabytes,
  perResource,
  ratioText,
  reportedRequests,
  seconds,
  unfinishedNote,
} from './bench-format.ts';
import type { BenchOptions } from './bench-options.ts';
import { requestKinds, writeCount } from './bench-request-counter.ts';
import { evaluateTargets } from './bench-targets.ts';

export { extrapolatedMs, reportedRequests } from './bench-format.ts';
export { evaluateTargets, type TargetVerdict } from './bench-targets.ts';

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
