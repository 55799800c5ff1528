// End to end through core: the registered driver, the fake DigitalOcean and a memory database.
import '../src/index.ts';
import { CloudInventoryPlugin, type SyncSummary } from '@cloud-inventory/core';
import { createMemoryDatabase, destroyMemoryDatabase } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DigitalOceanDriverConfig } from '../src/driver.ts';
import {
  type FakeDigitalOcean,
  fakeConfig,
  startFakeDigitalOcean,
} from './digitalocean-test-helpers.ts';
import { digitalOceanCredentials } from './fixtures/digitalocean-fixtures.ts';
import { databasePasswordPlants } from './fixtures/digitalocean-storage-fixtures.ts';

type Database = Awaited<ReturnType<typeof createMemoryDatabase>>;

async function allStoredText(database: Database): Promise<string> {
  const client = database.client as any;
  const keys: string[] = await client.getAllKeys({ prefix: '' });
  const parts: string[] = [];
  for (const key of keys) {
    const object = await client.getObject(key);
    parts.push(key, JSON.stringify(object.Metadata ?? {}), await object.Body.transformToString());
  }
  return parts.join('\n');
}

describe('DigitalOcean through CloudInventoryPlugin', () => {
  let fake: FakeDigitalOcean;
  let database: Database;
  beforeEach(async () => {
    fake = await startFakeDigitalOcean();
    database = await createMemoryDatabase();
  });
  afterEach(async () => {
    await destroyMemoryDatabase(database);
    await fake.server.close();
  });

  const syncWith = async (config: DigitalOceanDriverConfig = {}, driver = 'digitalocean') => {
    const plugin = new CloudInventoryPlugin({
      clouds: [
        {
          id: 'do-test',
          driver,
          credentials: { ...digitalOceanCredentials },
          config: fakeConfig(fake.server, config) as Record<string, unknown>,
        },
      ],
      discovery: { runOnInstall: false },
    });
    await plugin.install(database);
    const [summary] = await plugin.syncAll();
    return { plugin, summary: summary! };
  };
  const sync = async (config: DigitalOceanDriverConfig = {}): Promise<SyncSummary> =>
    (await syncWith(config)).summary;

  test('a changed fixture becomes an updated change with a diff; volatile fields and secrets do not leak into changes or storage', async () => {
    const first = await sync();
    expect(first).toMatchObject({ status: 'succeeded', created: 63, updated: 0, deleted: 0 });

    const [resized, quiet] = fake.estate.droplets as [Record<string, any>, Record<string, any>];
    resized.size_slug = 's-2vcpu-2gb';
    quiet.status = 'off';
    quiet.next_backup_window = { start: '2020-08-06T00:00:00Z', end: '2020-08-06T23:00:00Z' };
    const backend = fake.estate.databases[0] as Record<string, any>;
    backend.connection.password = 'db-password-plant-rotated';
    backend.maintenance_window.pending = false;

    // The `do` alias resolves to the same driver.
    const { plugin, summary: second } = await syncWith({}, 'do');
    expect(second).toMatchObject({
      status: 'succeeded',
      created: 0,
      updated: 2,
      deleted: 0,
      unchanged: 61,
    });

    const changes = await plugin.listChanges({ kind: 'updated', withDiff: true });
    const byType = Object.fromEntries(changes.items.map((change) => [change.resourceType, change]));
    expect(Object.keys(byType).sort()).toEqual(['digitalocean.database', 'digitalocean.droplet']);
    const dropletChange = byType['digitalocean.droplet'] as any;
    expect(dropletChange.resourceId).toBe('3164444');
    expect(dropletChange.diff.updated['configuration.size_slug']).toEqual({
      before: 's-1vcpu-1gb',
      after: 's-2vcpu-2gb',
    });
    const passwordChange = (byType['digitalocean.database'] as any).diff.updated[
      'configuration.connection.password'
    ];
    expect(passwordChange.before).toMatch(/^\[redacted:/);
    expect(passwordChange.after).toMatch(/^\[redacted:/);
    expect(passwordChange.after).not.toBe(passwordChange.before);

    const stored = await allStoredText(database);
    // The configurations are stored (so the checks below can fail), the secrets are not.
    expect(stored).toContain('s-2vcpu-2gb');
    expect(stored).toContain('backend-do-user-19081923-0.db.ondigitalocean.com');
    expect(stored).toContain('STRIPE_KEY');
    for (const secret of [
      ...databasePasswordPlants,
      'db-password-plant-rotated',
      'app-secret-plant-1',
      'MIIEexamplePrivateKeyNotForProductionUseOnly',
      digitalOceanCredentials.token,
      digitalOceanCredentials.spacesAccessKeyId,
      digitalOceanCredentials.spacesSecretAccessKey,
    ]) {
      expect(stored).not.toContain(secret);
    }
  });

  test('deletes only inside the regions a run listed completely', async () => {
    await sync();
    fake.estate.droplets = fake.estate.droplets.filter((droplet) => droplet.id !== 3164412);
    const afterRemoval = await sync();
    expect(afterRemoval).toMatchObject({ status: 'succeeded', deleted: 1 });

    // A run limited to nyc3 must not take everything outside nyc3 for deleted...
    const limited = await sync({ regions: ['nyc3'] });
    expect(limited).toMatchObject({ status: 'succeeded', deleted: 0 });
    // ...but does delete what vanished inside nyc3 and from global services.
    fake.estate.droplets = fake.estate.droplets.filter((droplet) => droplet.id !== 3164459);
    fake.estate.sshKeys.pop();
    fake.estate.volumes = fake.estate.volumes.filter((volume) => volume.name !== 'example');
    const limitedAgain = await sync({ regions: ['nyc3'] });
    expect(limitedAgain).toMatchObject({ deleted: 2 });
    // The nyc1 volume goes once a run covers nyc1.
    expect(await sync()).toMatchObject({ deleted: 1 });
  });

  test('a failing service deletes nothing and makes the run partial', async () => {
    await sync();
    fake.estate.databases = [];
    fake.server.injectFault({ service: 'databases', status: 500, times: Number.POSITIVE_INFINITY });
    const summary = await sync();
    expect(summary).toMatchObject({ status: 'partial', deleted: 0 });
    expect(summary.errors.server?.[0]).toMatch(/DigitalOcean listing databases failed/);
  });
});
