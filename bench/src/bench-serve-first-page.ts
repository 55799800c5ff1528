// Server time of the dashboard's first inventory page on a big store (the `serve` target: the first
// page of a 100k-resource store in < 300 ms, without loading the whole inventory):
//   node --conditions=source bench/src/bench-serve-first-page.ts                  # 100,000 on memory
//   node --conditions=source bench/src/bench-serve-first-page.ts --s3             # and over the S3 wire path
//   node --conditions=source bench/src/bench-serve-first-page.ts --file           # and on a file:// copy
//   node --conditions=source bench/src/bench-serve-first-page.ts --size 10000 --backend file
//   node --conditions=source bench/src/bench-serve-first-page.ts --store file:///path/to/store
// It syncs the bench estate once with the real engine (minutes at 100k), then times requests through
// the dashboard's Hono app in this process (no network: server time) and counts storage requests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CloudInventoryPlugin } from '@cloud-inventory/core';
import '@cloud-inventory/driver-mocks';
import { createDashboardApp, DashboardData, useDirectoryListing } from '@cloud-inventory/cli';
import { recommendedDatabaseOptions } from '@cloud-inventory/core';
import { Database } from 's3db.js/lite';
import { createCoreEngine } from './bench-engines.ts';
import { BenchEstate } from './bench-estate.ts';
import { createBenchBucket, s3ConnectionString, startS3ServerProcess } from './bench-s3-server.ts';
import { copyMemoryDatabaseToS3 } from './bench-seed.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    backend: { type: 'string', default: 'memory' },
    store: { type: 'string' },
    samples: { type: 'string', default: '15' },
    s3: { type: 'boolean', default: false },
    file: { type: 'boolean', default: false },
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
): Promise<{ ms: number; cpuMs: number; status: number; bytes: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const response = await app.request(path);
  const body = await response.text();
  const used = process.cpuUsage(cpu);
  return {
    ms: performance.now() - started,
    // CPU of this process (the whole request for the memory backend): what the wall time would be
    // on an idle machine, which a shared 2-core host is not.
    cpuMs: (used.user + used.system) / 1000,
    status: response.status,
    bytes: body.length,
  };
}

async function measure(database: any, cloudId: string, label: string): Promise<void> {
  const plugin = new CloudInventoryPlugin({
    clouds: [{ id: cloudId, driver: 'noop' }],
    discovery: { runOnInstall: false, dryRun: true },
  });
  await plugin.install(database);
  const requests = countStorageRequests(database.client);
  const app = createDashboardApp({
    data: new DashboardData(plugin, { driverOf: () => 'bench' }),
    storeDisplay: 'bench',
  });
  // The backend's own cost of one 1,000-key listing page, which every first page pays once;
  // timed before any request, so `first` includes what a listing cache has to read.
  const keyPrefix = plugin.inventoryResources.snapshots.getResourceKey('x').replace(/x$/, '');
  const listings: number[] = [];
  for (let sample = 0; sample < 5; sample += 1) {
    const started = performance.now();
    await database.client.listObjects({ prefix: keyPrefix, maxKeys: 1000 });
    listings.push(performance.now() - started);
  }
  const firstListing = listings[0] as number;
  listings.sort((left, right) => left - right);
  const firstPage = (await (await app.request('/api/resources?limit=1')).json()) as any;
  const cursor = ((await (await app.request('/api/resources?limit=100')).json()) as any).cursor;
  const paths = [
    '/api/resources?limit=100',
    '/inventory',
    `/api/resources?limit=100&cursor=${cursor}`,
    `/api/resources?limit=100&cloud=${cloudId}`,
    `/api/resources/${encodeURIComponent(String(firstPage.items[0]?.id))}`,
  ];
  console.log(`\n## ${label}\n`);
  console.log(
    `one 1,000-key listing of the snapshots prefix (the backend alone): first ${firstListing.toFixed(1)} ms, median ${(listings[2] as number).toFixed(1)} ms`,
  );
  console.log(
    `server time per request (ms): one cold request, then ${samples} warm samples; storage requests of the cold one\n`,
  );
  console.log(
    '| request | cold ms | cold CPU ms | warm median ms | warm median CPU ms | warm max ms | status | storage requests |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const path of paths) {
    requests.reset();
    const cold = await timeRequest(app, path);
    const counted = requests.snapshot();
    const warm: number[] = [];
    const warmCpu: number[] = [];
    for (let sample = 0; sample < samples; sample += 1) {
      const timing = await timeRequest(app, path);
      warm.push(timing.ms);
      warmCpu.push(timing.cpuMs);
    }
    warm.sort((left, right) => left - right);
    warmCpu.sort((left, right) => left - right);
    const median = warm[Math.floor(warm.length / 2)] as number;
    const medianCpu = warmCpu[Math.floor(warmCpu.length / 2)] as number;
    const shown = path.length > 60 ? `${path.slice(0, 57)}...` : path;
    console.log(
      `| \`${shown}\` | ${cold.ms.toFixed(1)} | ${cold.cpuMs.toFixed(1)} | ${median.toFixed(1)} | ${medianCpu.toFixed(1)} | ${(warm.at(-1) as number).toFixed(1)} | ${cold.status} | ${JSON.stringify(counted)} |`,
    );
  } // The pages that read the change feed rather than one page of records: measured once each.
  console.log('\nonce each (cold): the change feed and the inventory at a time\n');
  console.log('| request | ms | CPU ms | status | storage requests |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const path of ['/api/overview', '/changes', '/api/inventory?at=now&limit=50']) {
    requests.reset();
    const cold = await timeRequest(app, path);
    console.log(
      `| \`${path}\` | ${cold.ms.toFixed(1)} | ${cold.cpuMs.toFixed(1)} | ${cold.status} | ${JSON.stringify(requests.snapshot())} |`,
    );
  }
}

// Copy every object of the memory bucket into a file:// store, byte for byte (s3db.js stores
// metadata encoded the same way in both), so a big file store needs no second sync.
async function copyMemoryToFile(memoryClient: any, directory: string): Promise<any> {
  const database: any = new Database(recommendedDatabaseOptions(`file://${directory}`) as never);
  await database.connect();
  const fileClient = database.client;
  const prefix: string = memoryClient.keyPrefix
    ? `${String(memoryClient.keyPrefix).replace(/\/$/, '')}/`
    : '';
  const entries = [...(memoryClient.storage.objects as Map<string, any>).entries()];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < entries.length) {
        const [fullKey, stored] = entries[next] as [string, any];
        next += 1;
        const key = prefix && fullKey.startsWith(prefix) ? fullKey.slice(prefix.length) : fullKey;
        await fileClient.storage.put(fileClient._applyKeyPrefix(key), {
          body: stored.body ?? Buffer.alloc(0),
          metadata: stored.metadata ?? {},
          contentType: stored.contentType,
          contentEncoding: stored.contentEncoding,
        });
      }
    }),
  );
  console.log(
    `\ncopied ${entries.length.toLocaleString('en-US')} objects into ${directory} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await database.disconnect();
  const reopened: any = new Database(recommendedDatabaseOptions(`file://${directory}`) as never);
  await reopened.connect();
  return reopened;
}

const store = await openStore();
await measure(
  store.database,
  store.cloudId,
  values.store ? 'given store' : `${values.backend}, ${size.toLocaleString('en-US')} resources`,
);
if (values.s3 && !values.store && values.backend === 'memory') {
  // The S3 wire path: the same objects copied into fauxqs (its own process), read over HTTP.
  const server = await startS3ServerProcess();
  try {
    const bucket = `serve-bench-${process.pid}`;
    await createBenchBucket(server.endpoints.direct, bucket);
    const seed = await copyMemoryDatabaseToS3(store.database.client, {
      direct: server.endpoints.direct,
      bucket,
    });
    console.log(
      `\ncopied ${seed.objects.toLocaleString('en-US')} objects into fauxqs in ${(seed.durationMs / 1000).toFixed(1)} s`,
    );
    const database: any = new Database(
      recommendedDatabaseOptions(s3ConnectionString(server.endpoints.direct, bucket)) as never,
    );
    await database.connect();
    await measure(
      database,
      store.cloudId,
      `S3 wire path (fauxqs on 127.0.0.1), ${size.toLocaleString('en-US')} resources`,
    );
    await database.disconnect();
  } finally {
    await server.stop();
  }
}
if (values.file && !values.store && values.backend === 'memory') {
  const directory = await mkdtemp(join(tmpdir(), 'serve-bench-file-'));
  try {
    const database = await copyMemoryToFile(store.database.client, directory);
    await measure(
      database,
      store.cloudId,
      `file:// copy, ${size.toLocaleString('en-US')} resources, s3db.js's own listing`,
    );
    useDirectoryListing(database);
    await measure(
      database,
      store.cloudId,
      `file:// copy, ${size.toLocaleString('en-US')} resources, with serve's directory listing`,
    );
    await database.disconnect();
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
const memory = process.memoryUsage();
console.log(
  `\nheap used ${(memory.heapUsed / 1e6).toFixed(0)} MB, rss ${(memory.rss / 1e6).toFixed(0)} MB (the memory backend keeps the whole bucket in this process)`,
);
await store.close();
