import { CloudInventoryPlugin, type CloudInventoryPluginOptions } from '@cloud-inventory/core';
import type { Database } from 's3db.js/lite';
import {
  createMemoryDatabase,
  destroyMemoryDatabase,
  type MemoryDatabaseOptions,
} from './memory-database.ts';

// The database each test plugin was installed on, so stopping it can free that storage too.
const databases = new WeakMap<CloudInventoryPlugin, Database>();

/**
 * A CloudInventoryPlugin installed on a fresh memory database; discovery does not run on install
 * unless `options.discovery.runOnInstall` says so. Stop it with `stopTestPlugin`.
 */
export async function installTestPlugin(
  options: CloudInventoryPluginOptions,
  databaseOptions: MemoryDatabaseOptions = {},
): Promise<CloudInventoryPlugin> {
  const database = await createMemoryDatabase(databaseOptions);
  const plugin = new CloudInventoryPlugin({
    ...options,
    discovery: { runOnInstall: false, ...options.discovery },
  });
  databases.set(plugin, database);
  await plugin.install(database);
  return plugin;
}

/** Stop a plugin of `installTestPlugin` (a failed stop is ignored) and free its database. */
export async function stopTestPlugin(plugin: CloudInventoryPlugin): Promise<void> {
  // NOTE: a test that already stopped the plugin, or broke it on purpose, must still clean up.
  await plugin.stop().catch(() => {});
  const database = databases.get(plugin);
  databases.delete(plugin);
  if (database) await destroyMemoryDatabase(database);
}
