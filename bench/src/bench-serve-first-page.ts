// Server time of the dashboard's first inventory page on a big store (the `serve` target: the first
// page of a 100k-resource store in < 300 ms, without loading the whole inventory):
//   node --conditions=source bench/src/bench-serve-first-page.ts                  # 100,000 on memory
//   node --conditions=source bench/src/bench-serve-first-page.ts --size 10000 --backend file
//   node --conditions=source bench/src/bench-serve-first-page.ts --store file:///path/to/store
// It syncs the bench estate once with the real engine (minutes at 100k), then times requests through
// the dashboard's Hono app in this process (no network: server time) and counts storage requests.
import { parseArgs } from 'node:util';
import { CloudInventoryPlugin } from '@cloud-inventory/core';
import '@cloud-inventory/driver-mocks';
import { recommendedDatabaseOptions } from '@cloud-inventory/core';
import { Database } from 's3db.js/lite';
import { createDashboardApp } from '../../packages/cli/src/serve/dashboard-app.ts';
import { DashboardData } from '../../packages/cli/src/serve/dashboard-data.ts';
import { createCoreEngine } from './bench-engines.ts';
import { BenchEstate } from './bench-estate.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    backend: { type: 'string', default: 'memory' },
    store: { type: 'string' },
    samples: { type: 'string', default: '15' },
  },
});
const size = Number(values.size);
const samples = Number(values.samples);

async function openStore(): Promise<{
  database: any;
  close: () => Promise<void>;
  cloudId: string;
}> {
  if (values.store) {
    const database: any = new Database(recommendedDatabaseOptions(values.store) as never);
    await database.connect();
    const ids: string[] = await database.resources.plg_cloud_inventory_clouds.listIds();
    return { database, close: () => database.disconnect(), cloudId: ids[0] as string };
  }
  const engine = await createCoreEngine(
    values.backend as 'memory' | 'file',
    new BenchEstate({ size }),
  );
  const started = performance.now();
  const counts = await engine.sync();
  console.log(
    `synced ${size.toLocaleString('en-US')} resources on ${values.backend} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    counts,
  );
  return { database: engine.database, close: () => engine.close(), cloudId: 'bench' };
}

// Count what one request asks of the store: listings and object reads.
function countStorageRequests(client: any): { reset(): void; snapshot(): Record<string, number> } {
  const counts: Record<string, number> = {};
  for (const method of ['listObjects', 'getObject', 'headObject', 'getAllKeys']) {
    const original = client[method]?.bind(client);
    if (!original) continue;
    client[method] = (...parameters: unknown[]) => {
      counts[method] = (counts[method] ?? 0) + 1;
      return original(...parameters);
    };
  }
  return {
    reset: () => {
      for (const key of Object.keys(counts)) delete counts[key];
    },
    snapshot: () => ({ ...counts }),
  };
}

async function timeRequest(
  app: any,
  path: string,
): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await app.request(path);
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, bytes: body.length };
}

const store = await openStore();
const plugin = new CloudInventoryPlugin({
  clouds: [{ id: store.cloudId, driver: 'noop' }],
  discovery: { runOnInstall: false, dryRun: true },
});
await plugin.install(store.database);
const requests = countStorageRequests(store.database.client);
const app = createDashboardApp({
  data: new DashboardData(plugin, { driverOf: () => 'bench' }),
  storeDisplay: 'bench',
});
const firstPage = (await (await app.request('/api/resources?limit=1')).json()) as any;
const second = `/api/resources?limit=100&cursor=${((await (await app.request('/api/resources?limit=100')).json()) as any).cursor}`;
const paths = [
  '/api/resources?limit=100',
  '/inventory',
  second,
  `/api/resources?limit=100&cloud=${store.cloudId}`,
  `/api/resources/${encodeURIComponent(String(firstPage.items[0]?.id))}`,
];
console.log(
  `\nserver time per request (ms), ${samples} warm samples after one cold request; storage requests of the cold one`,
);
console.log('| request | cold ms | warm median ms | warm max ms | status | storage requests |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const path of paths) {
  requests.reset();
  const cold = await timeRequest(app, path);
  const counted = requests.snapshot();
  const warm: number[] = [];
  for (let sample = 0; sample < samples; sample += 1) warm.push((await timeRequest(app, path)).ms);
  warm.sort((left, right) => left - right);
  const median = warm[Math.floor(warm.length / 2)] as number;
  const shown = path.length > 60 ? `${path.slice(0, 57)}...` : path;
  console.log(
    `| \`${shown}\` | ${cold.ms.toFixed(1)} | ${median.toFixed(1)} | ${(warm.at(-1) as number).toFixed(1)} | ${cold.status} | ${JSON.stringify(counted)} |`,
  );
}
const memory = process.memoryUsage();
console.log(
  `\nheap used ${(memory.heapUsed / 1e6).toFixed(0)} MB, rss ${(memory.rss / 1e6).toFixed(0)} MB (the memory backend keeps the whole bucket in this process)`,
);
await store.close();
