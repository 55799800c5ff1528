import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  measureWrites,
  runFaultTrial,
  sweepTrials,
  type TrialOutcome,
  WriteFault,
} from '../support/fault-sweep.ts';
import { connectDatabase } from '../support/inventory-database.ts';
import { type S3Proxy, startS3Proxy } from '../support/s3-proxy.ts';
import { type LocalS3Server, startS3Server } from '../support/s3-server.ts';

// Each trial fails one storage write of a sync (a 503 after the client's retries) at a different
// position, from the lock and the first record to the final change log, index and summary, then
// syncs the same listing cleanly and checks the store (see runFaultTrial).
async function sweep(database: any, prefix: string, total: number): Promise<TrialOutcome[]> {
  const fault = new WriteFault(database);
  const writes = await measureWrites(database, fault, `${prefix}-measure`);
  expect(writes.initial).toBeGreaterThan(80);
  expect(writes.update).toBeGreaterThan(20);
  const outcomes: TrialOutcome[] = [];
  for (const [index, trial] of sweepTrials(total, writes).entries())
    outcomes.push(await runFaultTrial(database, fault, `${prefix}-${index}`, trial));
  return outcomes;
}

function expectClean(outcomes: TrialOutcome[], total: number) {
  const failing = outcomes.filter((outcome) => outcome.violations.length > 0);
  expect(
    failing.map((outcome) => ({ ...outcome.trial, violations: outcome.violations.slice(0, 4) })),
  ).toEqual([]);
  expect(outcomes).toHaveLength(total);
  // The positions reached the writes of every kind of sync, and the faults changed outcomes.
  expect(outcomes.filter((outcome) => outcome.faultyStatus === 'failed').length).toBeGreaterThan(
    total / 2,
  );
  const spurious = outcomes.reduce(
    (sum, outcome) => sum + Math.max(0, outcome.created - outcome.expectedCreated),
    0,
  );
  expect(spurious).toBe(0);
}

describe('one failed storage write, then a clean sync (seeded fault sweep)', () => {
  test('200 trials on memory://: zero invariant violations, zero spurious creates', async () => {
    const database = await connectDatabase('memory://fault-sweep/inventory');
    try {
      const outcomes = await sweep(database, 'sweep', 200);
      expectClean(outcomes, 200);
    } finally {
      await database.disconnect().catch(() => {});
    }
  }, 240_000);

  describe('over the S3 wire path', () => {
    let server: LocalS3Server;
    let proxy: S3Proxy;
    beforeAll(async () => {
      server = await startS3Server('fault-sweep');
      proxy = await startS3Proxy({ target: server.endpoint, conditionalWrites: true });
    });
    afterAll(async () => {
      await proxy?.stop();
      await server?.stop();
    });

    test('24 trials through fauxqs: zero invariant violations, zero spurious creates', async () => {
      const database = await connectDatabase(server.connectionString({ endpoint: proxy.endpoint }));
      try {
        const outcomes = await sweep(database, 's3sweep', 24);
        expectClean(outcomes, 24);
      } finally {
        await database.disconnect().catch(() => {});
      }
    }, 300_000);
  });
});
