// One sync of the bench estate on a persistent file:// store, with the memory it took: VmHWM,
// process.memoryUsage() at start and end and, with TRACE=1, every 20,000 listed resources (a timer
// is starved while the engine works through a listing, so samples are taken by the listing itself).
// The store is kept, so a large estate is synced from scratch once and then measured again and
// again: `1pct:<revision>` gives every position p % 100 == 50 the attribute `BenchRevision:
// <revision>`, so each new revision changes 1% again. A fourth argument writes a heap snapshot
// (after a GC, next to the store) when the listing reaches that many resources.
//   node --conditions=source --expose-gc --max-semi-space-size=4 --optimize-for-size \
//     bench/src/profile-memory.ts /tmp/store 200000 initial
//   ... bench/src/profile-memory.ts /tmp/store 200000 unchanged 100000
//   ... bench/src/profile-memory.ts /tmp/store 200000 1pct:r1
import { readFileSync, writeFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import {
  BaseCloudDriver,
  type CloudDriverOptions,
  CloudInventoryPlugin,
  type CloudResource,
  type ListOptions,
  recommendedDatabaseOptions,
} from '@cloud-inventory/core';
import { Database } from 's3db.js/lite';
import { BenchEstate } from './bench-estate.ts';

const [directory, sizeText, scenario = 'unchanged', snapshotAtText] = process.argv.slice(2);
if (!directory || !sizeText) {
  console.error('usage: profile-memory.ts <directory> <size> [initial|unchanged|1pct:<revision>]');
  process.exit(2);
}
const size = Number(sizeText);
const snapshotAt = snapshotAtText ? Number(snapshotAtText) : undefined;
const revision = scenario.startsWith('1pct:') ? scenario.slice('1pct:'.length) : undefined;
const estate = new BenchEstate({ size });
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
let listed = 0;

function statusField(name: string): number {
  const match = new RegExp(`${name}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

const megabytes = (bytes: number) => Math.round(bytes / 1048576);

let syncStartedAt = performance.now();

function trace(label: string): void {
  const sample = process.memoryUsage();
  const seconds = ((performance.now() - syncStartedAt) / 1000).toFixed(2);
  console.error(
    `${label} at ${seconds} s: rss ${megabytes(sample.rss)} hwm ${Math.round(statusField('VmHWM'))} heapTotal ${megabytes(sample.heapTotal)} heapUsed ${megabytes(sample.heapUsed)} external ${megabytes(sample.external)} arrayBuffers ${megabytes(sample.arrayBuffers)}`,
  );
}

/** The mock estate, listed live, with the scenario's 1% edits. */
class RevisedEstateDriver extends BaseCloudDriver<unknown, object> {
  readonly #mock = estate.createMock();

  override async initialize(): Promise<void> {
    if (process.env.TRACE) trace('driver initialized (index loaded)');
    await this.#mock.initialize();
  }

  override get catalog() {
    return this.#mock.catalog;
  }

  override get accountId(): string {
    return this.#mock.accountId;
  }

  async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    let position = 0;
    for await (const resource of this.#mock.listResources(options)) {
      const current = position;
      position += 1;
      listed += 1;
      if (process.env.TRACE && listed % 20000 === 0) trace(`listed ${listed}`);
      if (listed === snapshotAt) {
        collectGarbage();
        console.error(
          `heap snapshot ${writeHeapSnapshot(`${directory}-${scenario}-${listed}.heapsnapshot`)}`,
        );
      }
      if (revision && current % 100 === 50) {
        const configuration = resource.configuration as Record<string, unknown>;
        yield { ...resource, configuration: { ...configuration, BenchRevision: revision } };
      } else yield resource;
    }
  }
}

const database: any = new Database(recommendedDatabaseOptions(`file://${directory}`) as never);
await database.connect();
const plugin = new CloudInventoryPlugin({
  clouds: [
    {
      id: 'bench',
      driver: (options: CloudDriverOptions<unknown, object>) => new RevisedEstateDriver(options),
    },
  ],
  discovery: { runOnInstall: false },
  redactionKey: 'bench-redaction-key-0123456789abcdef',
} as never);
await plugin.install(database);
collectGarbage();
// Linux resets VmHWM to the current RSS when "5" is written to clear_refs.
writeFileSync('/proc/self/clear_refs', '5');
const start = process.memoryUsage();
const cpuBefore = process.cpuUsage();
const startedAt = performance.now();
syncStartedAt = startedAt;
const summary = await plugin.syncCloud('bench');
const wallSeconds = (performance.now() - startedAt) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const end = process.memoryUsage();
console.log(
  JSON.stringify({
    scenario,
    size,
    status: summary.status,
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    wallS: Number(wallSeconds.toFixed(2)),
    cpuS: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    startRss: megabytes(start.rss),
    startHeapUsed: megabytes(start.heapUsed),
    peakRss: Math.round(statusField('VmHWM')),
    endRss: megabytes(end.rss),
    endHeapUsed: megabytes(end.heapUsed),
    endArrayBuffers: megabytes(end.arrayBuffers),
  }),
);
await plugin.stop().catch(() => {});
await database.disconnect().catch(() => {});
process.exit(0);
