import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CloudInventoryPluginOptions, defaultResourceNames } from '@cloud-inventory/core';
import type { CliContext } from '../cli-context.ts';
import { findConfigFile } from '../config/find-config.ts';
import { interpolateEnvironment } from '../config/interpolate-environment.ts';
import { readConfigFile } from '../config/read-config-file.ts';
import { UsageError } from '../errors/usage-error.ts';
import { createInventory, type Inventory } from '../inventory/open-inventory.ts';
import { listStoredClouds } from '../inventory/store-clouds.ts';
import { openDatabase } from '../store/open-database.ts';
import { resolveStore } from '../store/resolve-store.ts';
import { useDirectoryListing } from './file-store-listing.ts';

type ResourceNames = Partial<Record<keyof typeof defaultResourceNames, string>>;

// Only `store` and `resources` are read from a config: the dashboard needs no credentials and no
// driver package, so `${AWS_SECRET_ACCESS_KEY}` in a cloud's credentials need not be set.
async function storeSettings(
  context: CliContext,
): Promise<{ store?: string; resources?: ResourceNames; configDirectory?: string }> {
  const configPath = findConfigFile(context.cwd, context.global.config);
  if (!configPath) return {};
  const raw = (await readConfigFile(configPath)) as Record<string, unknown> | null;
  const wanted = {
    ...(typeof raw?.store === 'string' ? { store: raw.store } : {}),
    ...(raw?.resources && typeof raw.resources === 'object'
      ? { resources: raw.resources as ResourceNames }
      : {}),
  };
  return {
    ...interpolateEnvironment(wanted, context.environment, configPath),
    configDirectory: dirname(configPath),
  };
}

/**
 * Open a store for reading only: the clouds come from the store's summary records (the config,
 * when there is one, only names the store), every cloud gets the `noop` driver, nothing is synced,
 * and the plugin runs as a dry run so it writes nothing (not even a redaction key). On a `file://`
 * store, key listings read folder names (`useDirectoryListing`).
 */
export async function openReadOnlyInventory(context: CliContext): Promise<Inventory> {
  const settings = await storeSettings(context);
  const store = resolveStore({
    ...(context.global.store ? { flag: context.global.store } : {}),
    environment: context.environment,
    ...(settings.store ? { config: settings.store } : {}),
    ...(settings.configDirectory ? { configDirectory: settings.configDirectory } : {}),
    cwd: context.cwd,
  });
  const noInventory = () =>
    new UsageError({
      message: `no inventory in the store ${store.display}`,
      hint: 'pass --store <connection string or folder>, or run `cloud-inventory sync` (or `cloud-inventory demo`) first',
    });
  if (
    store.connectionString.startsWith('file:') &&
    !existsSync(fileURLToPath(store.connectionString))
  )
    throw noInventory();
  const database = await openDatabase(store);
  useDirectoryListing(database);
  try {
    const resources = { ...defaultResourceNames, ...settings.resources };
    const clouds = await listStoredClouds(database, resources.clouds);
    if (clouds.length === 0) throw noInventory();
    await import('@cloud-inventory/driver-mocks');
    const pluginOptions: CloudInventoryPluginOptions = {
      clouds: clouds.map((cloud) => ({ id: cloud.id, driver: 'noop' })),
      discovery: { runOnInstall: false, dryRun: true },
      ...(settings.resources ? { resources } : {}),
    };
    return await createInventory(context, {
      pluginOptions,
      store,
      configPath: undefined,
      database,
      drivers: new Map(clouds.map((cloud) => [cloud.id, cloud.driver])),
    });
  } catch (error) {
    await database.disconnect().catch(() => {});
    throw error;
  }
}
