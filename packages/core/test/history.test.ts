import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  BaseCloudDriver,
  CloudInventoryPlugin,
  type CloudResource,
  type DriverCatalog,
  type ListOptions,
} from '../src/index.ts';
import { createTestDatabase, instance, ScriptedDriver } from './helpers.ts';

class CatalogDriver extends ScriptedDriver {
  override get catalog(): DriverCatalog {
    return {
      driver: 'catalog',
      services: [
        {
          name: 'ec2',
          resourceTypes: [
            {
              type: 'aws.ec2.instance',
              volatilePaths: ['State.TransitionTime', 'Metrics[*].value'],
              secretPaths: ['UserData'],
            },
          ],
        },
      ],
    };
  }
}

async function allStoredText(database: any): Promise<string> {
  const keys: string[] = await database.client.getAllKeys({ prefix: '' });
  const parts: string[] = [];
  for (const key of keys) {
    const object = await database.client.getObject(key);
    parts.push(key, JSON.stringify(object.Metadata ?? {}), await object.Body.transformToString());
  }
  return parts.join('\n');
}

describe('history', () => {
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

  const createPlugin = (extra: Record<string, unknown> = {}) =>
    new CloudInventoryPlugin({
      clouds: [{ id: 'aws-h', driver: CatalogDriver }],
      discovery: { runOnInstall: false },
      redactionKey: 'r'.repeat(32),
      ...extra,
    });

  const east = (id: string) => instance(id, { region: 'us-east-1' });
  const west = (id: string) => instance(id, { region: 'us-west-2' });

  test('a missing resource is deleted only when its scope was listed completely', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.scopes = [
      { service: 'ec2', region: 'us-east-1', status: 'complete' },
      { service: 'ec2', region: 'us-west-2', status: 'complete' },
    ];
    ScriptedDriver.resources = [east('i-e1'), east('i-e2'), west('i-w1')];
    await plugin.syncCloud('aws-h');

    // us-west-2 fails for several runs: nothing there is deleted.
    ScriptedDriver.scopes = [
      { service: 'ec2', region: 'us-east-1', status: 'complete' },
      { service: 'ec2', region: 'us-west-2', status: 'failed', errorClass: 'throttled' },
    ];
    ScriptedDriver.resources = [east('i-e1')];
    const partial = await plugin.syncCloud('aws-h');
    expect(partial).toMatchObject({ status: 'partial', deleted: 1 });
    expect(partial.errors.throttled?.[0]).toContain('ec2/us-west-2');
    for (let run = 0; run < 3; run += 1) expect((await plugin.syncCloud('aws-h')).deleted).toBe(0);
    expect(await plugin.getResource('aws-h:aws.ec2.instance:i-w1')).toMatchObject({
      status: 'active',
    });

    const deleted = await plugin.getResource('aws-h:aws.ec2.instance:i-e2');
    expect(deleted).toMatchObject({ status: 'deleted' });
    expect(deleted?.deletedAt).toEqual(expect.any(String));
    const change = await plugin.inventoryResources.changes.get('aws-h:aws.ec2.instance:i-e2:c1');
    expect(change).toMatchObject({ kind: 'deleted', fromVersion: 1 });
    expect(change.configuration).toMatchObject({ InstanceId: 'i-e2' });
    expect(await plugin.getCloudSummary('aws-h')).toMatchObject({ totalResources: 2 });

    // It comes back: restored, history kept.
    ScriptedDriver.scopes = [
      { service: 'ec2', region: 'us-east-1', status: 'complete' },
      { service: 'ec2', region: 'us-west-2', status: 'complete' },
    ];
    ScriptedDriver.resources = [east('i-e1'), east('i-e2'), west('i-w1')];
    expect(await plugin.syncCloud('aws-h')).toMatchObject({ restored: 1, status: 'succeeded' });
    const history = await plugin.getHistory('aws-h:aws.ec2.instance:i-e2');
    expect(history?.changes.map((item) => item.kind)).toEqual(['created', 'deleted', 'restored']);
    expect(history?.versions).toHaveLength(1);
    expect(await plugin.getCloudSummary('aws-h')).toMatchObject({ totalResources: 3 });
  });

  test('a driver that fails mid-stream or a filtered run deletes nothing', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = [east('i-1'), east('i-2')];
    await plugin.syncCloud('aws-h');
    ScriptedDriver.resources = [east('i-1')];
    ScriptedDriver.failWith = new Error('connection reset');
    const failed = await plugin.syncCloud('aws-h');
    expect(failed).toMatchObject({ status: 'partial', deleted: 0 });
    ScriptedDriver.failWith = undefined;
    const filtered = createPlugin({ discovery: { runOnInstall: false, include: ['s3'] } });
    await filtered.install(database);
    expect((await filtered.syncCloud('aws-h')).deleted).toBe(0);
    expect(await plugin.getResource('aws-h:aws.ec2.instance:i-2')).toMatchObject({
      status: 'active',
    });
  });

  test('a scope complete only for some resource types deletes only those types', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    const bucketLike = (id: string) => instance(id, { resourceType: 'aws.ec2.volume' });
    ScriptedDriver.scopes = [{ service: 'ec2', region: 'us-east-1', status: 'complete' }];
    ScriptedDriver.resources = [east('i-1'), bucketLike('vol-1')];
    await plugin.syncCloud('aws-h');
    ScriptedDriver.scopes = [
      {
        service: 'ec2',
        region: 'us-east-1',
        status: 'complete',
        resourceTypes: ['aws.ec2.instance'],
      },
    ];
    ScriptedDriver.resources = [];
    expect(await plugin.syncCloud('aws-h')).toMatchObject({ deleted: 1 });
    expect(await plugin.getResource('aws-h:aws.ec2.instance:i-1')).toMatchObject({
      status: 'deleted',
    });
    expect(await plugin.getResource('aws-h:aws.ec2.volume:vol-1')).toMatchObject({
      status: 'active',
    });
  });

  test('every sync writes a run record with counts, scopes and grouped errors', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.scopes = [
      { service: 'ec2', region: 'us-east-1', status: 'complete' },
      { service: 'ec2', region: 'eu-west-1', status: 'failed', errorClass: 'auth' },
    ];
    ScriptedDriver.resources = [
      east('i-1'),
      { resourceType: 'aws.ec2.instance', resourceId: '' } as CloudResource,
    ];
    const summary = await plugin.syncCloud('aws-h');
    const [run] = await plugin.listRuns('aws-h');
    expect(run).toMatchObject({
      runId: summary.runId,
      status: 'partial',
      counts: { created: 1, rejected: 1 },
      errors: { auth: { count: 1 }, 'invalid-resource': { count: 1 } },
    });
    expect(run!.scopes).toHaveLength(2);
    expect((run!.rejected as Array<Record<string, unknown>>)[0]).toMatchObject({
      field: 'resourceId',
      resourceType: 'aws.ec2.instance',
    });
  });

  test('volatile paths and user ignorePaths never create a version on their own', async () => {
    const plugin = createPlugin({
      discovery: {
        runOnInstall: false,
        ignorePaths: { '*': ['LastSeen'], 'aws.ec2.instance': ['Counters.*'] },
      },
    });
    await plugin.install(database);
    const build = (tick: number, type = 't3.micro') =>
      instance('i-1', {
        configuration: {
          InstanceType: type,
          State: { Name: 'running', TransitionTime: `t${tick}` },
          Metrics: [{ value: tick }],
          LastSeen: tick,
          Counters: { a: tick },
        },
      });
    ScriptedDriver.resources = [build(1)];
    await plugin.syncCloud('aws-h');
    ScriptedDriver.resources = [build(2)];
    expect(await plugin.syncCloud('aws-h')).toMatchObject({ unchanged: 1, updated: 0 });
    ScriptedDriver.resources = [build(3, 't3.large')];
    expect(await plugin.syncCloud('aws-h')).toMatchObject({ updated: 1 });
    const version = await plugin.getVersion('aws-h:aws.ec2.instance:i-1', 2);
    expect(version?.configuration).toMatchObject({ State: { TransitionTime: 't3' }, LastSeen: 3 });
    const change = await plugin.inventoryResources.changes.get('aws-h:aws.ec2.instance:i-1:c1');
    expect(Object.keys(change.diff.updated)).toEqual(['configuration.InstanceType']);
  });

  test('planted secrets never reach storage, logs or events, yet a changed secret is a change', async () => {
    const logLines: string[] = [];
    const events: string[] = [];
    const logger = {
      debug: (m: string, f?: object) => logLines.push(m + JSON.stringify(f ?? {})),
      info: (m: string, f?: object) => logLines.push(m + JSON.stringify(f ?? {})),
      warn: (m: string, f?: object) => logLines.push(m + JSON.stringify(f ?? {})),
      error: (m: string, f?: object) => logLines.push(m + JSON.stringify(f ?? {})),
    };
    const plugin = new CloudInventoryPlugin({
      clouds: [
        {
          id: 'aws-s',
          driver: CatalogDriver,
          credentials: { secretAccessKey: 'CREDENTIAL-PLANT-1' },
        },
      ],
      discovery: { runOnInstall: false },
      verbose: true,
      logger,
      redact: ['Custom.apiSecretValue'],
    });
    plugin.on('resource.created', (payload) => events.push(JSON.stringify(payload)));
    plugin.on('resource.updated', (payload) => events.push(JSON.stringify(payload)));
    await plugin.install(database);
    const withSecret = (password: string) =>
      instance('i-1', {
        configuration: {
          UserData: 'IyEvYmluL2Jhc2gKZXhwb3J0IFRPS0VO-PLANT-2',
          MasterUserPassword: password,
          Environment: { Variables: { API_KEY: 'ENV-PLANT-3' } },
          ConnectionUri: 'mongodb://app:URI-PLANT-4@cluster0.example.net',
          Custom: { apiSecretValue: 'USER-PLANT-5' },
        },
        tags: { 'db-password': 'TAG-PLANT-6' },
      });
    ScriptedDriver.resources = [withSecret('PASSWORD-PLANT-7')];
    await plugin.syncCloud('aws-s');
    ScriptedDriver.resources = [withSecret('PASSWORD-PLANT-8')];
    expect(await plugin.syncCloud('aws-s')).toMatchObject({ updated: 1 });
    const stored = await allStoredText(database);
    const everything = [stored, ...logLines, ...events].join('\n');
    for (const plant of [
      'CREDENTIAL-PLANT-1',
      'PLANT-2',
      'ENV-PLANT-3',
      'URI-PLANT-4',
      'USER-PLANT-5',
      'TAG-PLANT-6',
      'PASSWORD-PLANT-7',
      'PASSWORD-PLANT-8',
    ]) {
      expect(everything).not.toContain(plant);
    }
    const change = await plugin.inventoryResources.changes.get('aws-s:aws.ec2.instance:i-1:c1');
    expect(Object.keys(change.diff.updated)).toEqual(['configuration.MasterUserPassword']);
    expect(change.diff.updated['configuration.MasterUserPassword'].before).toMatch(/^\[redacted:/);
  });

  test('a generated redaction key is stored once and reused', async () => {
    const first = new CloudInventoryPlugin({
      clouds: [{ id: 'k', driver: ScriptedDriver }],
      discovery: { runOnInstall: false },
    });
    await first.install(database);
    ScriptedDriver.resources = [instance('i-1', { configuration: { password: 'p' } })];
    await first.syncCloud('k');
    const second = new CloudInventoryPlugin({
      clouds: [{ id: 'k', driver: ScriptedDriver }],
      discovery: { runOnInstall: false },
    });
    await second.install(database);
    expect(await second.syncCloud('k')).toMatchObject({ unchanged: 1 });
  });

  test('listResources filters and pages through everything', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = Array.from({ length: 45 }, (_, index) =>
      instance(`i-${String(index).padStart(2, '0')}`, {
        region: index % 3 === 0 ? 'eu-west-1' : 'us-east-1',
        tags: { env: index % 2 === 0 ? 'prod' : 'dev', team: 'core' },
      }),
    );
    ScriptedDriver.resources.push({
      resourceType: 'aws.s3.bucket',
      service: 's3',
      resourceId: 'arn:aws:s3:::logs/2024',
      name: 'logs',
      region: 'global',
      configuration: {},
    });
    await plugin.syncCloud('aws-h');
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await plugin.listResources(
        { cloudId: 'aws-h' },
        { limit: 10, ...(cursor ? { cursor } : {}) },
      );
      seen.push(...page.items.map((item) => String(item.resourceId)));
      cursor = page.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(46);
    expect(
      (await plugin.listResources({ region: 'eu-west-1', tags: { env: 'prod' } }, { limit: 100 }))
        .items,
    ).toHaveLength(8);
    expect((await plugin.listResources({ resourceType: 'aws.s3.bucket' })).items[0]).toMatchObject({
      resourceId: 'arn:aws:s3:::logs/2024',
    });
    expect((await plugin.listResources({ name: 'SERVER-i-4' })).items).toHaveLength(5);
    expect((await plugin.listResources({ status: 'deleted' })).items).toHaveLength(0);
  });

  test('getHistory, getVersion, diffVersions between any two versions, listChanges by time and kind', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    const sizes = ['t3.micro', 't3.small', 't3.large'];
    const times: string[] = [];
    for (const size of sizes) {
      ScriptedDriver.resources = [
        instance('i-1', { configuration: { InstanceType: size } }),
        instance('i-2'),
      ];
      times.push(new Date().toISOString());
      await plugin.syncCloud('aws-h');
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const history = await plugin.getHistory({
      cloudId: 'aws-h',
      resourceType: 'aws.ec2.instance',
      resourceId: 'i-1',
    });
    expect(history?.versions.map((version) => version.version)).toEqual([1, 2, 3]);
    expect(await plugin.getVersion('aws-h:aws.ec2.instance:i-1', 2)).toMatchObject({
      configuration: { InstanceType: 't3.small' },
    });
    expect((await plugin.diffVersions('aws-h:aws.ec2.instance:i-1', 1, 3)).updated).toEqual({
      'configuration.InstanceType': { before: 't3.micro', after: 't3.large' },
    });
    const updates = await plugin.listChanges({ kind: 'updated', since: times[1], withDiff: true });
    expect(updates.items.map((item) => item.resourceId)).toEqual(['i-1', 'i-1']);
    expect(updates.items[1]!.diff).toMatchObject({
      updated: { 'configuration.InstanceType': { after: 't3.large' } },
    });
    expect((await plugin.listChanges({ kind: 'created', cloudId: 'aws-h' })).items).toHaveLength(2);
    expect(
      (await plugin.listChanges({ until: times[1] })).items.every(
        (item) => item.kind === 'created',
      ),
    ).toBe(true);
  });

  test('inventoryAt answers across a deletion without reading every version', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = [east('i-1'), east('i-2')];
    await plugin.syncCloud('aws-h');
    await new Promise((resolve) => setTimeout(resolve, 15));
    const beforeDeletion = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 15));
    ScriptedDriver.resources = [instance('i-1', { configuration: { InstanceType: 'm5.large' } })];
    await plugin.syncCloud('aws-h');
    const past = await plugin.inventoryAt(beforeDeletion, {}, { withConfiguration: true });
    expect(past.map((entry) => entry.resourceId).sort()).toEqual(['i-1', 'i-2']);
    expect(past.find((entry) => entry.resourceId === 'i-2')?.deletedSince).toEqual(
      expect.any(String),
    );
    expect(past.find((entry) => entry.resourceId === 'i-1')).toMatchObject({
      version: 1,
      configuration: { InstanceType: 't3.micro' },
    });
    const unmarked = await plugin.inventoryAt(beforeDeletion, {}, { withDeletedSince: false });
    expect(unmarked.map((entry) => entry.resourceId).sort()).toEqual(['i-1', 'i-2']);
    expect(unmarked.some((entry) => 'deletedSince' in entry || 'configuration' in entry)).toBe(
      false,
    );
    const now = await plugin.inventoryAt(new Date());
    expect(now.map((entry) => `${entry.resourceId}@${entry.version}`)).toEqual(['i-1@2']);
    expect(await plugin.inventoryAt('2000-01-01T00:00:00Z')).toEqual([]);
  });

  test('events for every change and sync, with typed payloads', async () => {
    const plugin = createPlugin();
    const seen: Array<[string, any]> = [];
    for (const name of [
      'resource.created',
      'resource.updated',
      'resource.deleted',
      'resource.restored',
      'sync.started',
      'sync.completed',
      'sync.failed',
    ]) {
      plugin.on(name, (payload) => seen.push([name, payload]));
    }
    await plugin.install(database);
    ScriptedDriver.resources = [east('i-1'), east('i-2')];
    await plugin.syncCloud('aws-h');
    ScriptedDriver.resources = [instance('i-1', { tags: { env: 'x' } })];
    await plugin.syncCloud('aws-h');
    expect(seen.map(([name]) => name)).toEqual([
      'sync.started',
      'resource.created',
      'resource.created',
      'sync.completed',
      'sync.started',
      'resource.updated',
      'resource.deleted',
      'sync.completed',
    ]);
    expect(seen[5]![1]).toMatchObject({
      cloudId: 'aws-h',
      resourceId: 'i-1',
      kind: 'updated',
      version: 2,
      changedSections: ['tags'],
    });
  });

  describe('webhooks', () => {
    let server: Server;
    let received: Array<{ body: string; signature: string | undefined }>;
    let url: string;
    beforeEach(async () => {
      received = [];
      server = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk) => {
          body += chunk;
        });
        request.on('end', () => {
          received.push({
            body,
            signature: request.headers['x-cloud-inventory-signature'] as string | undefined,
          });
          response.writeHead(200).end('ok');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    });
    afterEach(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    test('batched, signed, filtered deliveries', async () => {
      const plugin = createPlugin({
        notifications: [
          {
            url,
            events: ['resource.created', 'sync.completed'],
            secret: 'hook-secret',
            filter: { cloudId: 'aws-h' },
          },
        ],
      });
      await plugin.install(database);
      ScriptedDriver.resources = [east('i-1'), east('i-2'), east('i-3')];
      await plugin.syncCloud('aws-h');
      await plugin.flushNotifications();
      const events = received.flatMap((delivery) =>
        JSON.parse(delivery.body).events.map((event: { event: string }) => event.event),
      );
      expect(events.sort()).toEqual([
        'resource.created',
        'resource.created',
        'resource.created',
        'sync.completed',
      ]);
      for (const delivery of received) {
        expect(delivery.signature).toBe(
          `sha256=${createHmac('sha256', 'hook-secret').update(delivery.body).digest('hex')}`,
        );
      }
    });

    test('a receiver that is down neither slows nor fails the sync', async () => {
      const downUrl = url.replace(/:\d+\//, ':9/');
      const plugin = createPlugin({ notifications: [{ url: downUrl }] });
      await plugin.install(database);
      ScriptedDriver.resources = [east('i-1')];
      const started = Date.now();
      const summary = await plugin.syncCloud('aws-h');
      expect(summary.status).toBe('succeeded');
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  test('retention prunes old versions and changes but keeps the latest and what inventoryAt needs', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    for (const size of ['a', 'b', 'c', 'd']) {
      ScriptedDriver.resources = [
        instance('i-1', { configuration: { InstanceType: size } }),
        instance('i-2'),
      ];
      await plugin.syncCloud('aws-h');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const windowStart = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    ScriptedDriver.resources = [
      instance('i-1', { configuration: { InstanceType: 'e' } }),
      instance('i-2'),
    ];
    await plugin.syncCloud('aws-h');
    const { applyRetention } = await import('../src/engine/retention.ts');
    const { DigestIndex } = await import('../src/storage/digest-index.ts');
    const summary = await plugin.getCloudSummary('aws-h');
    const index = await DigestIndex.load(plugin.objectStore, 'aws-h', summary?.index as never);
    const maxAgeDays = (Date.now() - Date.parse(windowStart)) / 86_400_000;
    const result = await applyRetention({
      store: plugin.objectStore,
      resources: plugin.inventoryResources,
      cloudId: 'aws-h',
      index,
      maxAgeDays,
      keepLast: 1,
    });
    expect(result.versionsRemoved).toBe(3);
    const versions = (await plugin.getHistory('aws-h:aws.ec2.instance:i-1'))?.versions.map(
      (version) => version.version,
    );
    expect(versions).toEqual([4, 5]);
    expect(
      (await plugin.inventoryAt(windowStart, {}, { withConfiguration: true }))
        .map((entry) => `${entry.resourceId}:${JSON.stringify(entry.configuration)}`)
        .sort(),
    ).toEqual([
      'i-1:{"InstanceType":"d"}',
      'i-2:{"InstanceId":"i-2","InstanceType":"t3.micro","State":{"Name":"running"}}',
    ]);
    expect(await plugin.getVersion('aws-h:aws.ec2.instance:i-2', 1)).not.toBeNull();
  });
});

/** Keeps TypeScript happy about the unused import in some editors. */
export type { ListOptions };
export { BaseCloudDriver };
