import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CloudInventoryPlugin, CloudLock, type ScopeReport, StorageError } from '../src/index.ts';
import { countRequests, createTestDatabase, instance, ScriptedDriver } from './helpers.ts';

// The failure paths of a sync (DESIGN.md, "Write order"): each test reproduces one way the store
// used to lose or falsify history.
describe('engine failure paths', () => {
  let database: any;
  beforeEach(async () => {
    database = await createTestDatabase();
    ScriptedDriver.resources = [];
    ScriptedDriver.scopes = undefined;
    ScriptedDriver.failWith = undefined;
  });
  afterEach(async () => {
    await database.disconnect();
  });

  const createPlugin = (clouds = ['aws-test'], extra: Record<string, unknown> = {}) =>
    new CloudInventoryPlugin({
      clouds: clouds.map((id) => ({ id, driver: ScriptedDriver, config: { accountId: '1' } })),
      discovery: { runOnInstall: false },
      lock: { ttl: 5 },
      ...extra,
    });
  const ec2 = (types: string[], status: ScopeReport['status'] = 'complete'): ScopeReport => ({
    service: 'ec2',
    region: 'us-east-1',
    status,
    resourceTypes: types,
  });
  const image = (id: string) => instance(id, { resourceType: 'aws.ec2.image' });

  test('a deletion stored by a run that failed before its change log reaches the change feed', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = ['i-1', 'i-2', 'i-3'].map((id) => instance(id));
    expect((await plugin.syncCloud('aws-test')).status).toBe('succeeded');
    // The next run deletes i-3, then the change-log write fails.
    ScriptedDriver.resources = ['i-1', 'i-2'].map((id) => instance(id));
    const putObject = database.client.putObject.bind(database.client);
    database.client.putObject = async (parameters: { key: string }) => {
      if (parameters.key.includes('/changelog/')) throw new Error('injected 503 on the change log');
      return putObject(parameters);
    };
    const failed = await plugin.syncCloud('aws-test');
    database.client.putObject = putObject;
    expect(failed).toMatchObject({ status: 'failed', deleted: 1 });
    expect(failed.errors.storage?.[0]).toMatch(/changelog/);
    expect(
      (
        await plugin.getResource({
          cloudId: 'aws-test',
          resourceType: 'aws.ec2.instance',
          resourceId: 'i-3',
        })
      )?.status,
    ).toBe('deleted');

    const next = await plugin.syncCloud('aws-test');
    expect(next).toMatchObject({ status: 'succeeded', created: 0, deleted: 0 });
    const deletions = await plugin.listChanges({ cloudId: 'aws-test', kind: 'deleted' });
    expect(deletions.items.map((change) => change.resourceId)).toEqual(['i-3']);
    const now = await plugin.inventoryAt(new Date(), { cloudId: 'aws-test' });
    expect(now.map((entry) => entry.resourceId).sort()).toEqual(['i-1', 'i-2']);
    expect((await plugin.verify({ cloudId: 'aws-test' })).problems).toEqual([]);
  });

  test('a missing index shard fails the run with a StorageError naming it; verify --repair rebuilds it', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = ['i-1', 'i-2'].map((id) => instance(id));
    await plugin.syncCloud('aws-test');
    const shard = 'plugin=cloud-inventory/index/aws-test/g1-shard-0.json';
    await plugin.objectStore.delete(shard);
    const damaged = await plugin.syncCloud('aws-test');
    expect(damaged).toMatchObject({ status: 'failed', created: 0 });
    expect(damaged.reason).toContain(shard);
    expect(damaged.reason).toMatch(/verify aws-test --repair/);
    expect(damaged.errors.storage).toHaveLength(1);

    const report = await plugin.verify({ cloudId: 'aws-test' });
    expect(report.clean).toBe(false);
    expect(report.problems.map((problem) => problem.kind)).toEqual(['index-unreadable']);
    const repaired = await plugin.verify({ cloudId: 'aws-test', repair: true });
    expect(repaired).toMatchObject({ clean: true, problems: [] });
    expect(repaired.repaired?.map((problem) => problem.kind)).toEqual(['index-unreadable']);
    expect(await plugin.syncCloud('aws-test')).toMatchObject({
      status: 'succeeded',
      created: 0,
      unchanged: 2,
    });
  });

  test('verify finds an index that lost entries and a change feed that lost lines; repair restores both without touching versions', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = ['i-1', 'i-2', 'i-3'].map((id) => instance(id));
    await plugin.syncCloud('aws-test');
    const shard = 'plugin=cloud-inventory/index/aws-test/g1-shard-0.json';
    const stored = await plugin.objectStore.getJson<{ format: 1; entries: unknown[][] }>(shard);
    await plugin.objectStore.putJson(shard, { format: 1, entries: stored!.value.entries.slice(1) });
    for (const key of await plugin.objectStore.list('plugin=cloud-inventory/changelog/aws-test/'))
      await plugin.objectStore.delete(key.slice(key.indexOf('plugin=')));
    const deleted: string[] = [];
    const deleteObject = database.client.deleteObject.bind(database.client);
    database.client.deleteObject = async (key: string) => {
      deleted.push(key);
      return deleteObject(key);
    };
    const report = await plugin.verify({ cloudId: 'aws-test', repair: true });
    database.client.deleteObject = deleteObject;
    expect(report.repaired?.map((problem) => problem.kind).sort()).toEqual([
      'change-feed-missing',
      'index-missing-entry',
    ]);
    expect(report.clean).toBe(true);
    // Only the replaced index generation goes; no record is touched.
    expect(deleted).toEqual([shard]);
    expect(await plugin.syncCloud('aws-test')).toMatchObject({ created: 0, unchanged: 3 });
    const created = await plugin.listChanges({ cloudId: 'aws-test', kind: 'created' });
    expect(created.items).toHaveLength(3);
  });

  test('a run killed mid-way reads interrupted once its lock is gone; the next sync stores that', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = [instance('i-1')];
    await plugin.syncCloud('aws-test');
    // What a SIGKILL leaves: a summary and run record saying running, and the lock (expired).
    const { clouds, runs } = plugin.inventoryResources;
    const summary = await clouds.get('aws-test');
    const { id: _id, ...summaryFields } = summary;
    await clouds.replace('aws-test', {
      ...Object.fromEntries(Object.entries(summaryFields).filter(([key]) => !key.startsWith('_'))),
      status: 'running',
      lastRunFinished: false,
      lastRunId: 'killed-run',
    });
    await runs.insert({
      id: 'aws-test:killed-run',
      cloudId: 'aws-test',
      driver: 'x',
      runId: 'killed-run',
      status: 'running',
      startedAt: new Date().toISOString(),
      worker: 'dead-worker',
    });
    await plugin.objectStore.putJson(CloudLock.key('aws-test'), {
      cloudId: 'aws-test',
      owner: 'dead-worker',
      acquiredAt: new Date(Date.now() - 7_200_000).toISOString(),
      expiresAt: new Date(Date.now() - 3_600_000).toISOString(),
      ttlMs: 5000,
    });
    expect((await plugin.getCloudSummary('aws-test'))?.status).toBe('interrupted');
    const [killed] = (await plugin.listRuns('aws-test')).filter(
      (run) => run.runId === 'killed-run',
    );
    expect(killed).toMatchObject({
      status: 'interrupted',
      interruptedDetectedAt: expect.any(String),
    });
    expect(
      (await plugin.verify({ cloudId: 'aws-test' })).problems.map((problem) => problem.kind),
    ).toContain('run-stuck-running');

    expect((await plugin.syncCloud('aws-test')).status).toBe('succeeded');
    const stored = await runs.get('aws-test:killed-run');
    expect(stored).toMatchObject({
      status: 'interrupted',
      interruptedDetectedAt: expect.any(String),
    });
    expect((await plugin.verify({ cloudId: 'aws-test' })).problems).toEqual([]);
  });

  test('a rejected resource in a complete scope keeps its last good version and stays active', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.scopes = [{ service: 'ec2', region: 'us-east-1', status: 'complete' }];
    ScriptedDriver.resources = [instance('i-1'), instance('i-2')];
    await plugin.syncCloud('aws-test');
    // i-2 comes back with a configuration the engine refuses (a cycle cannot be stored).
    const cyclic: Record<string, unknown> = { InstanceId: 'i-2' };
    cyclic.self = { parent: cyclic };
    ScriptedDriver.resources = [instance('i-1'), instance('i-2', { configuration: cyclic })];
    const summary = await plugin.syncCloud('aws-test');
    expect(summary).toMatchObject({ status: 'partial', rejected: 1, deleted: 0 });
    expect(summary.rejectedResources?.[0]).toMatchObject({ resourceId: 'i-2' });
    const kept = await plugin.getResource({
      cloudId: 'aws-test',
      resourceType: 'aws.ec2.instance',
      resourceId: 'i-2',
    });
    expect(kept).toMatchObject({ status: 'active', latestVersion: 1 });
    const [run] = await plugin.listRuns('aws-test', { limit: 1 });
    expect((run as any).rejected).toEqual([expect.objectContaining({ resourceId: 'i-2' })]);
  });

  test('several type-limited reports of one service and region combine: each type deletes what it listed completely', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.scopes = [ec2(['aws.ec2.instance']), ec2(['aws.ec2.image'])];
    ScriptedDriver.resources = [instance('i-1'), instance('i-2'), image('ami-1'), image('ami-2')];
    await plugin.syncCloud('aws-test');
    ScriptedDriver.resources = [instance('i-1'), image('ami-1')];
    expect(await plugin.syncCloud('aws-test')).toMatchObject({ deleted: 2 });
    // A failed step keeps its own type, whatever the order of the reports.
    ScriptedDriver.scopes = [ec2(['aws.ec2.image'], 'failed'), ec2(['aws.ec2.instance'])];
    ScriptedDriver.resources = [];
    expect(await plugin.syncCloud('aws-test')).toMatchObject({ deleted: 1, status: 'partial' });
    const images = await plugin.listResources({
      cloudId: 'aws-test',
      resourceType: 'aws.ec2.image',
    });
    expect(images.items.map((item) => item.resourceId)).toEqual(['ami-1']);
  });

  test('a step-limited complete scope moves lastSeenAt of its type, not of a failed one', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.scopes = [ec2(['aws.ec2.instance']), ec2(['aws.ec2.image'])];
    ScriptedDriver.resources = [instance('i-1'), image('ami-1')];
    await plugin.syncCloud('aws-test');
    const reference = (resourceType: string, resourceId: string) => ({
      cloudId: 'aws-test',
      resourceType,
      resourceId,
    });
    const before = await plugin.getResource(reference('aws.ec2.image', 'ami-1'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    ScriptedDriver.scopes = [ec2(['aws.ec2.instance']), ec2(['aws.ec2.image'], 'failed')];
    await plugin.syncCloud('aws-test');
    const seenInstance = await plugin.getResource(reference('aws.ec2.instance', 'i-1'));
    const seenImage = await plugin.getResource(reference('aws.ec2.image', 'ami-1'));
    expect(String(seenInstance?.lastSeenAt) > String(before?.lastSeenAt)).toBe(true);
    expect(seenImage?.lastSeenAt).toBe(before?.lastSeenAt);
  });

  test('a storage error while taking one cloud’s lock fails that cloud; syncAll returns every summary', async () => {
    const plugin = createPlugin(['aws-a', 'aws-b']);
    await plugin.install(database);
    ScriptedDriver.resources = [instance('i-1')];
    const failures: unknown[] = [];
    plugin.on('sync.failed', (summary) => failures.push(summary));
    const getObject = database.client.getObject.bind(database.client);
    database.client.getObject = async (key: string) => {
      if (key.includes('/locks/aws-a'))
        throw Object.assign(new Error('503 SlowDown'), { statusCode: 503 });
      return getObject(key);
    };
    const summaries = await plugin.syncAll();
    database.client.getObject = getObject;
    expect(summaries.map((summary) => [summary.cloudId, summary.status])).toEqual([
      ['aws-a', 'failed'],
      ['aws-b', 'succeeded'],
    ]);
    expect(summaries[0]?.errors.storage?.[0]).toMatch(/locks\/aws-a/);
    expect(failures).toHaveLength(1);
    expect(StorageError.name).toBe('StorageError');
  });

  test('a nothing-changed sync stays at a handful of requests with the journal and fencing', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = Array.from({ length: 300 }, (_, index) => instance(`i-${index}`));
    await plugin.syncCloud('aws-test');
    const counter = countRequests(database);
    expect(await plugin.syncCloud('aws-test')).toMatchObject({ unchanged: 300, created: 0 });
    expect(counter.total).toBeLessThanOrEqual(12);
  });
});
