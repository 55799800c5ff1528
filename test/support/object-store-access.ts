import { BaseCloudDriver, CloudInventoryPlugin, type CloudResource } from '@cloud-inventory/core';

class NoDriver extends BaseCloudDriver {
  async listResources(): Promise<CloudResource[]> {
    return [];
  }
}

/**
 * The engine's raw object store over a connected database, as the plugin builds it (core does not
 * export `createObjectStore`; this installs a plugin that never syncs and takes its store).
 */
export async function objectStoreOf(database: any): Promise<CloudInventoryPlugin['objectStore']> {
  const plugin = new CloudInventoryPlugin({
    clouds: [{ id: 'unused', driver: NoDriver }],
    discovery: { runOnInstall: false },
    redactionKey: 'x'.repeat(32),
  });
  await plugin.install(database);
  return plugin.objectStore;
}
