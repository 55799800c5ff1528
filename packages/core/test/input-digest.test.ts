import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CloudInventoryPlugin, Redactor } from '../src/index.ts';
import { countRequests, createTestDatabase, instance, ScriptedDriver } from './helpers.ts';

// A nothing-changed sync skips redaction and digesting for resources whose keyed input digest
// matches the index; these tests pin what must still make it redo them.
describe('input digests', () => {
  let database: any;
  beforeEach(async () => {
    database = await createTestDatabase();
    ScriptedDriver.resources = [];
    ScriptedDriver.scopes = undefined;
    ScriptedDriver.failWith = undefined;
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await database.disconnect();
  });

  const createPlugin = (extra: Record<string, unknown> = {}) =>
    new CloudInventoryPlugin({
      clouds: [{ id: 'aws-test', driver: ScriptedDriver, config: { accountId: '111122223333' } }],
      discovery: { runOnInstall: false },
      redactionKey: 'first-redaction-key-0123456789',
      ...extra,
    });
  const withSecret = (id: string, token: string) =>
    instance(id, {
      configuration: { InstanceId: id, Settings: { Token: token, Mode: 'a' } },
    });

  test('an unchanged listing is neither redacted nor digested again; a changed secret still is', async () => {
    const plugin = createPlugin();
    await plugin.install(database);
    ScriptedDriver.resources = [withSecret('i-1', 'one'), withSecret('i-2', 'two')];
    await plugin.syncCloud('aws-test');
    const redact = vi.spyOn(Redactor.prototype, 'redact');
    expect(await plugin.syncCloud('aws-test')).toMatchObject({ unchanged: 2, updated: 0 });
    expect(redact).not.toHaveBeenCalled();
    ScriptedDriver.resources = [withSecret('i-1', 'one'), withSecret('i-2', 'changed')];
    expect(await plugin.syncCloud('aws-test')).toMatchObject({ unchanged: 1, updated: 1 });
  });

  test('a new redaction key or a new secret path redoes every resource', async () => {
    const first = createPlugin({ redact: ['Settings.Mode'] });
    await first.install(database);
    ScriptedDriver.resources = [withSecret('i-1', 'one')];
    await first.syncCloud('aws-test');
    await first.stop();
    const rekeyed = createPlugin({
      redact: ['Settings.Mode'],
      redactionKey: 'second-redaction-key-0123456789',
    });
    await rekeyed.install(database);
    // The redaction markers change with the key, so the digest does.
    expect(await rekeyed.syncCloud('aws-test')).toMatchObject({ updated: 1, unchanged: 0 });
    await rekeyed.stop();
    const unredacted = createPlugin({ redactionKey: 'second-redaction-key-0123456789' });
    await unredacted.install(database);
    expect(await unredacted.syncCloud('aws-test')).toMatchObject({ updated: 1, unchanged: 0 });
    const version = await unredacted.inventoryResources.versions.get(
      'aws-test:aws.ec2.instance:i-1:v3',
    );
    expect(JSON.stringify(version)).toContain('"Mode":"a"');
    await unredacted.stop();
  });

  test('new ignored paths are digested once and remembered; a volatile value changing writes no index', async () => {
    const first = createPlugin();
    await first.install(database);
    const listing = (observed: number) =>
      Array.from({ length: 5 }, (_, index) =>
        instance(`i-${index}`, {
          configuration: { InstanceId: `i-${index}`, Observed: observed },
        }),
      );
    ScriptedDriver.resources = listing(1);
    await first.syncCloud('aws-test');
    await first.stop();
    const ignoring = createPlugin({
      discovery: { runOnInstall: false, ignorePaths: { '*': ['Observed'] } },
    });
    await ignoring.install(database);
    // Ignoring a path that had a value changes the digest (once).
    expect(await ignoring.syncCloud('aws-test')).toMatchObject({ updated: 5 });
    const redact = vi.spyOn(Redactor.prototype, 'redact');
    const counter = countRequests(database);
    ScriptedDriver.resources = listing(2);
    expect(await ignoring.syncCloud('aws-test')).toMatchObject({ unchanged: 5 });
    expect(redact).not.toHaveBeenCalled();
    const quiet = counter.counts.PUT;
    counter.reset();
    ScriptedDriver.resources = listing(3);
    expect(await ignoring.syncCloud('aws-test')).toMatchObject({ unchanged: 5 });
    expect(counter.counts.PUT).toBe(quiet);
    await ignoring.stop();
    // Another rule that changes no digest: digested once, then skipped again.
    const more = createPlugin({
      discovery: { runOnInstall: false, ignorePaths: { '*': ['Observed', 'Missing'] } },
    });
    await more.install(database);
    expect(await more.syncCloud('aws-test')).toMatchObject({ unchanged: 5 });
    expect(redact).toHaveBeenCalled();
    redact.mockClear();
    expect(await more.syncCloud('aws-test')).toMatchObject({ unchanged: 5 });
    expect(redact).not.toHaveBeenCalled();
    await more.stop();
  });
});
