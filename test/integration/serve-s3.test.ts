import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../packages/cli/src/cli.ts';
import type { CliContext } from '../../packages/cli/src/cli-context.ts';
import type { Inventory } from '../../packages/cli/src/inventory/open-inventory.ts';
import { createDashboardApp } from '../../packages/cli/src/serve/dashboard-app.ts';
import { DashboardData } from '../../packages/cli/src/serve/dashboard-data.ts';
import { openReadOnlyInventory } from '../../packages/cli/src/serve/open-read-only-inventory.ts';
import { type LocalS3Server, s3SecretKey, startS3Server } from '../support/s3-server.ts';

// `cloud-inventory serve` on an s3:// store: the demo written over the S3 wire path, read back by
// the dashboard through the same path; the store's credentials never reach a page.
describe('serve on an S3 store (fauxqs on 127.0.0.1)', () => {
  let server: LocalS3Server;
  let inventory: Inventory;
  let app: ReturnType<typeof createDashboardApp>;
  let directory: string;

  beforeAll(async () => {
    server = await startS3Server('serve-test');
    directory = mkdtempSync(join(tmpdir(), 'cloud-inventory-serve-s3-'));
    const store = server.connectionString();
    const quiet = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const code = await runCli(
      ['demo', '--store', store, '--cycles', '2', '--resources', '6', '--concurrency', '6'],
      {
        cwd: directory,
        environment: {},
        stdout: quiet(),
        stderr: quiet(),
        signals: { onTerminate: () => () => {} },
      },
    );
    expect([0, 3]).toContain(code);
    const context = {
      cwd: directory,
      environment: {},
      global: { store, json: false, verbose: false },
      log: () => {},
    } as unknown as CliContext;
    inventory = await openReadOnlyInventory(context);
    app = createDashboardApp({
      data: new DashboardData(inventory.plugin, { driverOf: inventory.driverOf }),
      storeDisplay: inventory.store.display,
    });
  }, 180_000);

  afterAll(async () => {
    await inventory?.close();
    await server?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  test('clouds, resources, a resource with its history and diff, changes', async () => {
    const clouds = (await (await app.request('/api/clouds')).json()) as any;
    expect(clouds.clouds).toHaveLength(11);
    const resources = (await (await app.request('/api/resources?cloud=aws-demo')).json()) as any;
    expect(resources.items.length).toBeGreaterThan(0);
    const changes = (await (await app.request('/api/changes?kind=updated')).json()) as any;
    const updated = changes.items[0];
    expect(updated).toBeDefined();
    const id = encodeURIComponent(updated.snapshotId);
    const diff = await app.request(
      `/api/resources/${id}/diff?from=${updated.version - 1}&to=${updated.version}`,
    );
    expect(diff.status).toBe(200);
    const page = await app.request(`/resources/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('table class="diff"');
  });

  test('pages show the store with its credentials masked', async () => {
    for (const path of ['/', '/inventory', '/changes', '/runs']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('***@');
      expect(text).not.toContain(s3SecretKey);
    }
  });
});
