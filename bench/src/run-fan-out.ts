// `node --conditions=source bench/src/run-fan-out.ts`: the driver fan-out benchmark alone (what
// `pnpm bench` runs last), printed as its summary line and, with --json, one JSON line of the
// measurements. Used by bench/scripts/compare-fan-out.sh to put two revisions side by side.
import { runFanOutBenchmark } from './bench-fan-out.ts';

const result = await runFanOutBenchmark();
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ status: result.status, measurements: result.measurements }));
} else {
  console.log(`${result.status}: ${result.summary}`);
}
