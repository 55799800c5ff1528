// Child process: runs one benchmark case (so each has its own peak RSS) and sends the result to
// the parent over IPC. A case whose sync hit its time limit leaves that sync running: exit anyway.
import { type BenchCaseJob, type BenchCaseResult, runBenchCase } from './bench-case.ts';

process.once('message', async (message) => {
  const job = message as BenchCaseJob;
  let result: BenchCaseResult;
  try {
    result = await runBenchCase(job);
  } catch (error) {
    const { s3: _s3, ...publicJob } = job;
    result = {
      job: publicJob,
      scenarios: [],
      peakRssBytes: 0,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  process.send?.(result, () => process.exit(0));
});
