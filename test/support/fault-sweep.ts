import { CloudInventoryPlugin } from '@cloud-inventory/core';
import { expect } from 'vitest';
import { EstateDriver, estateResource } from './estate-driver.ts';
import { checkInvariants } from './invariants.ts';
import { testRedactionKey } from './inventory-database.ts';

/** One trial of the sweep: which sync fails, and at which write (1-based) of that sync. */
export interface FaultTrial {
  /** `initial`: the cloud's first sync fails; `update`: a sync after a clean baseline fails. */
  mode: 'initial' | 'update';
  /** Position of the failing write among the sync's object writes (puts and deletes). */
  position: number;
}

/** What a trial saw, for the report. */
export interface TrialOutcome {
  trial: FaultTrial;
  /** Status of the sync that had the failing write (`succeeded` when the position was past its last write). */
  faultyStatus: string;
  /** What the clean sync after it created. */
  created: number;
  /** What it should have created: listed resources that had no snapshot. */
  expectedCreated: number;
  violations: string[];
}

const count = 40;

/** Counts the object writes of a database's client and fails the n-th one once, like a 503 after retries. */
export class WriteFault {
  #writes = 0;
  #failAt = 0;
  #keyFilter: (key: string) => boolean = () => true;

  constructor(database: any) {
    const client = database.client;
    for (const method of ['putObject', 'deleteObject'] as const) {
      const original = client[method].bind(client);
      client[method] = async (...args: any[]) => {
        const key = String(typeof args[0] === 'string' ? args[0] : args[0]?.key);
        if (this.#failAt > 0 && this.#keyFilter(key)) {
          this.#writes += 1;
          if (this.#writes === this.#failAt) {
            this.#failAt = 0;
            throw Object.assign(new Error(`injected 503 SlowDown on ${method} ${key}`), {
              name: 'SlowDown',
              statusCode: 503,
              $metadata: { httpStatusCode: 503 },
            });
          }
        }
        return original(...args);
      };
    }
  }

  /** Fail the `position`-th write (of keys the filter accepts) from now on. */
  arm(position: number, keyFilter: (key: string) => boolean): void {
    this.#writes = 0;
    this.#failAt = position;
    this.#keyFilter = keyFilter;
  }

  /** Writes counted since the last `arm`. */
  get writes(): number {
    return this.#writes;
  }

  /** True when the armed write has not happened (the sync made fewer writes). */
  get pending(): boolean {
    return this.#failAt > 0;
  }

  /** Stop failing. */
  disarm(): void {
    this.#failAt = 0;
  }
}

function plugin(cloudId: string, generation: number): CloudInventoryPlugin {
  return new CloudInventoryPlugin({
    clouds: [
      {
        id: cloudId,
        driver: EstateDriver,
        config: { accountId: '700000000000', count, generation, checkpointEvery: 1000 } as never,
      },
    ],
    discovery: { runOnInstall: false },
    // A run whose lock release failed leaves the lock until its TTL: the clean sync waits it out.
    lock: { ttl: 3, timeout: 10 },
    redactionKey: testRedactionKey,
  });
}

function listedIds(generation: number): string[] {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const resource = estateResource('700000000000', index, generation);
    if (resource) ids.push(`${resource.resourceType}:${resource.resourceId}`);
  }
  return ids;
}

async function snapshotsOf(instance: CloudInventoryPlugin, cloudId: string) {
  const snapshots = new Map<string, Record<string, unknown>>();
  for await (const snapshot of instance.iterateResources({ cloudId, status: 'all' }))
    snapshots.set(`${snapshot.resourceType}:${snapshot.resourceId}`, snapshot);
  return snapshots;
}

/**
 * One trial: (a clean baseline sync,) a sync whose `position`-th write fails, then a clean sync of
 * the same listing, then every check: the clean sync creates only what was never stored, keeps
 * every `firstSeenAt`, and leaves a store that `verify` and the invariant check find clean, with
 * `totalVersions` equal to the versions stored and the change feed agreeing with the snapshots.
 */
export async function runFaultTrial(
  database: any,
  fault: WriteFault,
  cloudId: string,
  trial: FaultTrial,
): Promise<TrialOutcome> {
  const generation = trial.mode === 'initial' ? 0 : 1;
  if (trial.mode === 'update') {
    const baseline = plugin(cloudId, 0);
    await baseline.install(database);
    expect((await baseline.syncCloud(cloudId)).status).toBe('succeeded');
  }
  const faulty = plugin(cloudId, generation);
  await faulty.install(database);
  const encoded = encodeURIComponent(cloudId);
  fault.arm(trial.position, (key) => key.includes(cloudId) || key.includes(encoded));
  const faultySummary = await faulty.syncCloud(cloudId);
  fault.disarm();

  const before = await snapshotsOf(faulty, cloudId);
  const listed = listedIds(generation);
  const expectedCreated = listed.filter((id) => !before.has(id)).length;
  const clean = plugin(cloudId, generation);
  await clean.install(database);
  const summary = await clean.syncCloud(cloudId);
  const violations: string[] = [];
  if (summary.status !== 'succeeded')
    violations.push(`clean sync ${summary.status}: ${summary.reason}`);
  if (summary.created !== expectedCreated)
    violations.push(`clean sync created ${summary.created}, expected ${expectedCreated}`);

  const after = await snapshotsOf(clean, cloudId);
  for (const [id, snapshot] of before) {
    if (after.get(id)?.firstSeenAt !== snapshot.firstSeenAt)
      violations.push(`${id}: firstSeenAt changed`);
  }
  const verified = await clean.verify({ cloudId });
  for (const problem of verified.problems)
    violations.push(`verify: ${problem.kind} x${problem.count} (${problem.examples.join(', ')})`);
  const invariants = await checkInvariants(clean, cloudId);
  violations.push(...invariants.violations);
  const cloud = await clean.getCloudSummary(cloudId);
  if (cloud?.totalVersions !== invariants.versions)
    violations.push(`totalVersions ${cloud?.totalVersions}, ${invariants.versions} stored`);
  violations.push(...(await feedAgrees(clean, cloudId, after)));
  return {
    trial,
    faultyStatus: fault.pending ? 'no fault' : faultySummary.status,
    created: summary.created,
    expectedCreated,
    violations,
  };
}

// The change feed and time travel say what the snapshots say.
async function feedAgrees(
  instance: CloudInventoryPlugin,
  cloudId: string,
  snapshots: Map<string, Record<string, unknown>>,
): Promise<string[]> {
  const problems: string[] = [];
  const deletedInFeed = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await instance.listChanges(
      { cloudId, kind: 'deleted' },
      { limit: 1000, ...(cursor ? { cursor } : {}) },
    );
    for (const change of page.items as Array<Record<string, unknown>>)
      deletedInFeed.add(`${change.resourceType}:${change.resourceId}`);
    cursor = page.cursor;
  } while (cursor);
  const active = new Set<string>();
  for (const [id, snapshot] of snapshots) {
    if (snapshot.status === 'active') active.add(id);
    else if (!deletedInFeed.has(id)) problems.push(`${id}: deleted, but not in the change feed`);
  }
  const now = await instance.inventoryAt(new Date(), { cloudId });
  const atNow = new Set(now.map((entry: any) => `${entry.resourceType}:${entry.resourceId}`));
  for (const id of active)
    if (!atNow.has(id)) problems.push(`${id}: active, missing from inventoryAt(now)`);
  for (const id of atNow)
    if (!active.has(id)) problems.push(`${id}: in inventoryAt(now), not active`);
  return problems;
}

/** How many writes a fault-free sync of each mode makes (measured on a cloud of its own). */
export async function measureWrites(
  database: any,
  fault: WriteFault,
  cloudId: string,
): Promise<{ initial: number; update: number }> {
  const encoded = encodeURIComponent(cloudId);
  const filter = (key: string) => key.includes(cloudId) || key.includes(encoded);
  const first = plugin(cloudId, 0);
  await first.install(database);
  fault.arm(Number.MAX_SAFE_INTEGER, filter);
  await first.syncCloud(cloudId);
  const initial = fault.writes;
  const second = plugin(cloudId, 1);
  await second.install(database);
  fault.arm(Number.MAX_SAFE_INTEGER, filter);
  await second.syncCloud(cloudId);
  const update = fault.writes;
  fault.disarm();
  return { initial, update };
}

/** The trials of a sweep: both modes, positions spread over every write of the failing sync. */
export function sweepTrials(
  total: number,
  writesPerSync: { initial: number; update: number },
): FaultTrial[] {
  return Array.from({ length: total }, (_, trial) => {
    const mode = trial % 2 === 0 ? 'update' : 'initial';
    const writes = writesPerSync[mode];
    return { mode, position: 1 + (Math.floor(trial / 2) % writes) };
  });
}
