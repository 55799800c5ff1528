import { Writable } from 'node:stream';
import {
  BaseCloudDriver,
  CloudInventoryPlugin,
  type CloudResource,
  type ListOptions,
} from '@cloud-inventory/core';
import type { Hono } from 'hono';
import { runCli } from '../src/cli.ts';
import type { CliContext } from '../src/cli-context.ts';
import type { Inventory } from '../src/inventory/open-inventory.ts';
import { createDashboardApp } from '../src/serve/dashboard-app.ts';
import { DashboardData } from '../src/serve/dashboard-data.ts';
import { openReadOnlyInventory } from '../src/serve/open-read-only-inventory.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { createWorkspace } from './cli-harness.ts';

/** The tag value and name every page must show as text. */
export const hostileTag = '<img src=x onerror=alert(1)>';
/** Name of the hostile resource. */
export const hostileName = '<script>window.__pwned = 1</script>db-primary';
/** Its snapshot record id. */
export const hostileId = 'hostile-cloud:aws.rds.instance:db-hostile';

/** A driver standing in for an account with attacker-controlled names and tags and a missing permission. */
class HostileDriver extends BaseCloudDriver {
  static round = 1;

  async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    const round = HostileDriver.round;
    options.runtime.reportScope({
      service: 'rds',
      region: 'us-east-1',
      status: 'complete',
      resourceCount: 1,
      durationMs: 40,
      enrichmentErrors: [
        {
          call: 'rds:ListTagsForResource',
          errorClass: 'auth',
          message: 'AccessDenied: not authorized to perform rds:ListTagsForResource',
          failed: 1,
          attempted: 1,
        },
      ],
    });
    options.runtime.reportScope({
      service: 'iam',
      region: 'global',
      status: 'failed',
      errorClass: 'auth',
      call: 'iam:ListRoles',
      error: 'AccessDenied: User is not authorized to perform: iam:ListRoles',
      durationMs: 12,
    });
    yield {
      provider: 'aws',
      accountId: '111122223333',
      region: 'us-east-1',
      service: 'rds',
      resourceType: 'aws.rds.instance',
      resourceId: 'db-hostile',
      name: hostileName,
      tags: { owner: hostileTag, env: 'prod' },
      configuration: {
        DBInstanceClass: round === 1 ? 'db.t3.micro' : 'db.r6g.large',
        MasterUserPassword: `secret-${round}`,
        Engine: 'postgres',
        ...(round === 1 ? { Deprecated: true } : { MultiAZ: true }),
      },
    };
  }
}

/** A demo store plus one hostile cloud, opened read-only, and the dashboard app on it. */
export interface ServeFixture {
  /** The Hono app (call `app.request(path)`). */
  app: Hono;
  /** The queries behind it. */
  data: DashboardData;
  /** The opened store. */
  inventory: Inventory;
  /** `file://` URL of the store. */
  storeUrl: string;
  /** Id of a demo resource with at least two versions. */
  updatedId: string;
  /** Remove everything. */
  cleanup(): Promise<void>;
}

function silentStream(): Writable {
  return new Writable({ write: (_chunk, _encoding, callback) => callback() });
}

async function syncHostileCloud(storeUrl: string): Promise<void> {
  const database = await openDatabase({
    connectionString: storeUrl,
    display: storeUrl,
    source: '--store',
  });
  try {
    const plugin = new CloudInventoryPlugin({
      clouds: [{ id: 'hostile-cloud', driver: HostileDriver }],
      discovery: { runOnInstall: false },
    });
    await plugin.install(database);
    for (const round of [1, 2]) {
      HostileDriver.round = round;
      await plugin.syncCloud('hostile-cloud');
    }
  } finally {
    await database.disconnect().catch(() => {});
  }
}

/** Build the fixture: `demo` (3 cycles, 20 resources per mock cloud), then the hostile cloud. */
export async function createServeFixture(options: { token?: string } = {}): Promise<ServeFixture> {
  const workspace = createWorkspace();
  let output = '';
  const code = await runCli(
    ['demo', '--store', workspace.storeUrl, '--cycles', '3', '--resources', '20', '--json'],
    {
      cwd: workspace.directory,
      environment: {},
      stdout: new Writable({
        write(chunk, _encoding, callback) {
          output += String(chunk);
          callback();
        },
      }),
      stderr: silentStream(),
      signals: { onTerminate: () => () => {} },
    },
  );
  if (code !== 0 && code !== 3) throw new Error(`demo failed with exit code ${code}: ${output}`);
  const demo = JSON.parse(output);
  await syncHostileCloud(workspace.storeUrl);
  const context = {
    cwd: workspace.directory,
    environment: {},
    global: { store: workspace.storeUrl, json: false, verbose: false },
    log: () => {},
  } as unknown as CliContext;
  const inventory = await openReadOnlyInventory(context);
  const data = new DashboardData(inventory.plugin, { driverOf: inventory.driverOf });
  const app = createDashboardApp({
    data,
    storeDisplay: inventory.store.display,
    ...(options.token ? { token: options.token } : {}),
  });
  return {
    app,
    data,
    inventory,
    storeUrl: workspace.storeUrl,
    updatedId: String(demo.exampleChange?.snapshotId ?? hostileId),
    cleanup: async () => {
      await inventory.close();
      workspace.cleanup();
    },
  };
}
