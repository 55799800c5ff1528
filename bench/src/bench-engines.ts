import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudInventoryPlugin, recommendedDatabaseOptions } from '@cloud-inventory/core';
import { Database } from 's3db.js/lite';
import { CloudInventoryPlugin as ReferenceInventoryPlugin } from 's3db.js/plugins/cloud-inventory.plugin';
import { type BenchEstate, BenchEstateDriver } from './bench-estate.ts';
import {
  type BenchS3Endpoints,
  createBenchBucket,
  type S3ClientSetup,
  s3ConnectionString,
} from './bench-s3-server.ts';

/** Which inventory runs: ours (`@cloud-inventory/core`) or s3db.js's own plugin. */
export type BenchEngine = 'core' | 'reference';

/** Storage behind the s3db.js database. */
export type BenchBackend = 'memory' | 'file' | 's3';

/** Counts a sync reports (the reference plugin has no deletions). */
export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  status: string;
  /** Why a sync did not succeed, as the engine reported it. */
  reason?: string;
}

/** An inventory installed on its own database, ready to sync the estate. */
export interface EngineUnderTest {
  /** The s3db.js database (its `client` is what the benchmark counts). */
  database: any;
  /** Connection string used (credentials included for the local server). */
  connectionString: string;
  /** Prepare the next sync outside the timed section (the reference needs its samples in memory). */
  prepare(): Promise<void>;
  /** One sync of the estate's current scenario; resolves when the engine says it is done. */
  sync(): Promise<SyncCounts>;
  /** Disconnect and remove temporary files. */
  close(): Promise<void>;
}

let databaseCounter = 0;

/** Where a database lives beyond its backend. */
export interface BenchDatabaseOptions {
  /** Endpoints of the local S3 server (s3 backend). */
  s3?: BenchS3Endpoints;
  /** How s3db.js's S3 client is set up. @default 'tuned' */
  s3Setup?: S3ClientSetup;
  /** An existing bucket to open (seeded); a new one is created when omitted. */
  bucket?: string;
}

/** Open a fresh database on a backend: memory (no eviction), a temp directory, or the local S3 server. */
export async function openBenchDatabase(
  backend: BenchBackend,
  label: string,
  options: BenchDatabaseOptions = {},
): Promise<{ database: any; connectionString: string; cleanup: () => Promise<void> }> {
  const { s3, s3Setup = 'tuned' } = options;
  databaseCounter += 1;
  const name = `bench-${label}-${process.pid}-${databaseCounter}`;
  let connectionString: string;
  let cleanup = async () => {};
  if (backend === 'memory') {
    // NOTE: MemoryClient evicts objects silently past maxMemoryMB (512) unless told not to.
    connectionString = `memory://${name}/inventory?evictionEnabled=false`;
  } else if (backend === 'file') {
    const directory = await mkdtemp(join(tmpdir(), `cloud-inventory-${name}-`));
    connectionString = `file://${directory}`;
    // NOTE: synchronous on purpose: the promise version started an unlink for each of the 2·10^6
    // files of a 1M store at once and grew the case process to ~8 GB for several minutes.
    cleanup = async () => rmSync(directory, { recursive: true, force: true });
  } else {
    if (!s3) throw new Error('the s3 backend needs a running S3 server');
    const bucket = options.bucket ?? name;
    if (!options.bucket) await createBenchBucket(s3.direct, bucket);
    connectionString = s3ConnectionString(s3.counted, bucket);
  }
  // Both engines get the options core recommends (see S3ClientSetup), or s3db.js's defaults.
  const databaseOptions =
    s3Setup === 'tuned'
      ? recommendedDatabaseOptions(connectionString)
      : { connectionString, logLevel: 'silent', exitOnSignal: false };
  const database: any = new Database(databaseOptions as never);
  await database.connect();
  if (backend === 'memory' && database.client?.storage?.evictionEnabled !== false)
    throw new Error('memory backend: eviction is still enabled; results would silently lose data');
  return { database, connectionString, cleanup };
}

/** Our engine: `@cloud-inventory/core`'s CloudInventoryPlugin with the bench estate driver. */
export async function createCoreEngine(
  backend: BenchBackend,
  estate: BenchEstate,
  options: BenchDatabaseOptions = {},
): Promise<EngineUnderTest> {
  const { database, connectionString, cleanup } = await openBenchDatabase(backend, 'core', options);
  const plugin = new CloudInventoryPlugin({
    clouds: [
      {
        id: 'bench',
        driver: (options: any) => new BenchEstateDriver(options, estate),
      },
    ],
    discovery: { runOnInstall: false },
    redactionKey: 'bench-redaction-key-0123456789abcdef',
  } as never);
  await plugin.install(database);
  return {
    database,
    connectionString,
    prepare: async () => {},
    async sync() {
      const summary = await plugin.syncCloud('bench');
      return {
        created: summary.created + summary.restored,
        updated: summary.updated,
        unchanged: summary.unchanged,
        deleted: summary.deleted,
        status: summary.status,
        ...(summary.reason ? { reason: summary.reason } : {}),
      };
    },
    async close() {
      await plugin.stop().catch(() => {});
      await database.disconnect().catch(() => {});
      await cleanup();
    },
  };
}

/**
 * s3db.js's own CloudInventoryPlugin (21.6.2) on its own database, fed the same estate through its
 * `noop` driver (`config.sampleResources`), with explicit resource names and no sync on install.
 */
export async function createReferenceEngine(
  backend: BenchBackend,
  estate: BenchEstate,
  options: BenchDatabaseOptions = {},
): Promise<EngineUnderTest> {
  const { database, connectionString, cleanup } = await openBenchDatabase(
    backend,
    'reference',
    options,
  );
  const samples: Record<string, unknown>[] = [];
  const plugin: any = new ReferenceInventoryPlugin({
    clouds: [
      { id: 'bench', driver: 'noop', credentials: {}, config: { sampleResources: samples } },
    ],
    discovery: { runOnInstall: false },
    resourceNames: {
      snapshots: 'reference_snapshots',
      versions: 'reference_versions',
      changes: 'reference_changes',
      clouds: 'reference_clouds',
    },
    lock: { ttl: 3600, timeout: 0 },
    logLevel: 'silent',
  } as never);
  await plugin.install(database);
  const driver = plugin.cloudDrivers.get('bench')?.driver;
  if (!driver) throw new Error('reference plugin: the noop cloud was not initialized');
  return {
    database,
    connectionString,
    async prepare() {
      driver.sampleResources = [];
      driver.sampleResources = await estate.referenceResources();
    },
    async sync() {
      // Its noop driver yields from memory; count what it consumed for runs that hit the time limit.
      const resources: Record<string, unknown>[] = driver.sampleResources;
      estate.yielded = 0;
      driver.sampleResources = {
        *[Symbol.iterator]() {
          for (const resource of resources) {
            estate.yielded += 1;
            yield resource;
          }
        },
      };
      try {
        const summary = await plugin.syncCloud('bench');
        return {
          created: summary.created ?? 0,
          updated: summary.updated ?? 0,
          unchanged: summary.unchanged ?? 0,
          deleted: 0,
          status: summary.skipped ? 'skipped' : 'succeeded',
        };
      } finally {
        driver.sampleResources = resources;
      }
    },
    async close() {
      await plugin.stop?.().catch?.(() => {});
      await database.disconnect().catch(() => {});
      await cleanup();
    },
  };
}

/** Create the engine under test for a case. */
export function createEngine(
  engine: BenchEngine,
  backend: BenchBackend,
  estate: BenchEstate,
  options: BenchDatabaseOptions = {},
): Promise<EngineUnderTest> {
  return engine === 'core'
    ? createCoreEngine(backend, estate, options)
    : createReferenceEngine(backend, estate, options);
}
