import type { ScenarioResult } from './bench-case.ts';
import { scenarioLabels } from './bench-estate.ts';
import {
  finder,
  megabytes,
  ratioText,
  reportedRequests,
  seconds,
  unfinishedNote,
} from './bench-format.ts';
import type { BenchRun } from './bench-report.ts';
import { writeCount } from './bench-request-counter.ts';

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

  // 1b. Nothing changed on memory://: unchanged resources per second, judged on the recorded
  // listing (the engine alone); the mock's own listing is shown beside it.
  {
    const target =
      'Nothing changed on memory://: ≥ 20,000 unchanged resources per second (recorded listing, N ≥ 10,000)';
    const lines: string[] = [];
    let met = true;
    let measured = false;
    for (const entry of run.cases) {
      if (entry.job.engine !== 'core' || entry.job.backend !== 'memory' || entry.job.size < 10_000)
        continue;
      const recorded = entry.scenarios.find((item) => item.scenario === 'unchanged-recorded');
      if (!recorded?.finished || !recorded.counts) continue;
      measured = true;
      const rate = (recorded.counts.unchanged * 1000) / recorded.wallMs;
      met = met && rate >= 20_000;
      const listed = entry.scenarios.find((item) => item.scenario === 'unchanged');
      const listedRate = listed?.finished ? (listed.expected.listed * 1000) / listed.wallMs : 0;
      lines.push(
        `N=${entry.job.size}: ${Math.round(rate)}/s recorded (${seconds(recorded.wallMs)} s, ${seconds(recorded.cpuMs)} s CPU)${listedRate ? `, ${Math.round(listedRate)}/s with the mock listing it (${seconds(listed!.wallMs)} s)` : ''}`,
      );
    }
    verdicts.push({
      target,
      status: measured ? (met ? 'met' : 'missed') : 'not measured',
      evidence: lines.join('; ') || 'no memory case of 10,000 or more ran the recorded listing',
    });
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
        `${entry.job.backend} N=${entry.job.size}: ${ratioText(ratio, !theirs.finished)} (${seconds(theirs.wallMs)} s vs ${seconds(ours.wallMs)} s${roundsNote(theirs, ours)})`,
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
      'Driver fan-out, 16 regions × 20 services, 50 ms per call: wall time ≤ 1.25 × calls × latency ÷ concurrency, at 16 and 64';
    const fanOut = run.fanOut;
    if (!fanOut) verdicts.push({ target, status: 'not measured', evidence: 'run with --fan-out' });
    else verdicts.push({ target, status: fanOut.status, evidence: fanOut.summary });
  }
  return verdicts;
}

/** How a pair of medians came about, when the case ran several rounds. */
function roundsNote(theirs: ScenarioResult, ours: ScenarioResult): string {
  if (!theirs.roundWallMs || !ours.roundWallMs) return '';
  const list = (rounds: number[]) => rounds.map((ms) => seconds(ms)).join('/');
  return `; medians of ${theirs.roundWallMs.length} rounds: ${list(theirs.roundWallMs)} s vs ${list(ours.roundWallMs)} s`;
}
