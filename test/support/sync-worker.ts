// A sync worker process: `node --conditions=source test/support/sync-worker.ts` with its job as
// JSON as its first argument. It prints JSON lines on stdout:
// driver events, `ready`, one `summary` per cloud and `done`. With `waitForGo` it waits for a
// line on stdin before syncing, so several workers start together.
import { createInterface } from 'node:readline';
import { CloudInventoryPlugin } from '@cloud-inventory/core';
import { type EstateConfig, EstateDriver, onEstateEvent } from './estate-driver.ts';
import { connectDatabase } from './inventory-database.ts';

/** What a worker is asked to do. */
export interface WorkerJob {
  connectionString: string;
  clouds: Array<{ id: string; config: EstateConfig }>;
  /** Sync these cloud ids one by one; default: `syncAll`. */
  only?: string[];
  lock?: { ttl?: number; timeout?: number };
  concurrency?: number;
  redactionKey: string;
  waitForGo?: boolean;
  /** Print every `listed` event (noisy; the crash test uses it to time kills). */
  reportListed?: boolean;
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

const job = JSON.parse(process.argv[2] ?? '{}') as WorkerJob;
onEstateEvent((event) => {
  if (event.type !== 'listed' || job.reportListed) print({ ...event, pid: process.pid });
});
process.on('unhandledRejection', (error) => {
  print({ type: 'unhandled-rejection', message: String(error) });
  process.exitCode = 70;
});

process.on('exit', (code) => {
  if (!finished)
    process.stderr.write(`worker exiting early with code ${code}: ${new Error('exit').stack}\n`);
});
let finished = false;
const database = await connectDatabase(job.connectionString);
const plugin = new CloudInventoryPlugin({
  clouds: job.clouds.map((cloud) => ({
    id: cloud.id,
    driver: EstateDriver,
    config: cloud.config as never,
  })),
  discovery: { runOnInstall: false, concurrency: job.concurrency ?? 3 },
  lock: { ttl: job.lock?.ttl ?? 300, timeout: job.lock?.timeout ?? 0 },
  redactionKey: job.redactionKey,
});
await plugin.install(database);
print({ type: 'ready', pid: process.pid });
if (job.waitForGo) {
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  lines.close();
}
const summaries = job.only
  ? await Promise.all(job.only.map((cloudId) => plugin.syncCloud(cloudId)))
  : await plugin.syncAll();
for (const summary of summaries) print({ type: 'summary', pid: process.pid, summary });
await plugin.stop();
await database.disconnect();
print({ type: 'done', pid: process.pid });
finished = true;
process.exit(process.exitCode ?? 0);
