import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CloudInventoryPlugin,
  type CloudInventoryPluginOptions,
  createConsoleLogger,
  NoSuchDriverError,
} from '@cloud-inventory/core';
import type { CliContext } from '../cli-context.ts';
import { configurationUsageError } from '../config/config-errors.ts';
import { configFileNames, findConfigFile } from '../config/find-config.ts';
import { loadConfig } from '../config/load-config.ts';
import { UsageError } from '../errors/usage-error.ts';
import { type ConnectedDatabase, openDatabase } from '../store/open-database.ts';
import { resolveStore, type StoreLocation } from '../store/resolve-store.ts';
import { listStoredClouds } from './store-clouds.ts';

/** An installed plugin on a connected store, ready for queries or syncs. */
export interface Inventory {
  /** The installed plugin. */
  plugin: CloudInventoryPlugin;
  /** The connected database. */
  database: ConnectedDatabase;
  /** The store in use. */
  store: StoreLocation;
  /** Config file in use; undefined when the clouds were read from the store. */
  configPath: string | undefined;
  /** Plugin options the plugin was built with. */
  pluginOptions: CloudInventoryPluginOptions;
  /** Driver of each cloud (as configured or as last recorded in the store). */
  driverOf(cloudId: string): string;
  /** Disconnect from the store. */
  close(): Promise<void>;
}

/** Options of `openInventory`. */
export interface OpenInventoryOptions {
  /** Fail when there is no config file (sync, run, status); else read the clouds from the store. */
  requireConfig: boolean;
  /**
   * The command talks to the providers (sync, run): a credential variable that is not set is an
   * error, and each driver's own config is checked with the rest. Read commands only read the
   * store. @default false
   */
  needsCredentials?: boolean;
  /** Change the plugin options before the plugin is built (e.g. `run --cron`). */
  adjustOptions?: (options: CloudInventoryPluginOptions) => CloudInventoryPluginOptions;
}

/** Load the config (or the store's clouds), connect to the store and install the plugin. */
export async function openInventory(
  context: CliContext,
  options: OpenInventoryOptions,
): Promise<Inventory> {
  const configPath = findConfigFile(context.cwd, context.global.config);
  if (!configPath) {
    if (options.requireConfig) {
      throw new UsageError({
        message: `no config file in ${context.cwd} (looked for ${configFileNames.join(', ')})`,
        hint: 'run `cloud-inventory init` to write one, pass --config <file>, or try `cloud-inventory demo`',
      });
    }
    return openFromStore(context);
  }
  const validated = await loadConfig(context, configPath, {
    needsCredentials: options.needsCredentials ?? false,
  });
  const store = resolveStore({
    ...(context.global.store ? { flag: context.global.store } : {}),
    environment: context.environment,
    ...(validated.store ? { config: validated.store } : {}),
    configDirectory: dirname(configPath),
    cwd: context.cwd,
  });
  const pluginOptions = options.adjustOptions
    ? options.adjustOptions(validated.pluginOptions)
    : validated.pluginOptions;
  return createInventory(context, {
    pluginOptions,
    store,
    configPath,
  });
}

// Without a config, read commands still work on any store: the clouds are taken from its summary records.
async function openFromStore(context: CliContext): Promise<Inventory> {
  const store = resolveStore({
    ...(context.global.store ? { flag: context.global.store } : {}),
    environment: context.environment,
    cwd: context.cwd,
  });
  const noInventory = () =>
    new UsageError({
      message: `no config file in ${context.cwd} and no inventory in the store ${store.display}`,
      hint: 'run `cloud-inventory init` to write a config, pass --config <file> or --store <connection string>, or try `cloud-inventory demo`',
    });
  if (
    store.connectionString.startsWith('file:') &&
    !existsSync(fileURLToPath(store.connectionString))
  )
    throw noInventory();
  const database = await openDatabase(store);
  try {
    const clouds = await listStoredClouds(database);
    if (clouds.length === 0) throw noInventory();
    await import('@cloud-inventory/driver-mocks');
    const drivers = new Map(clouds.map((cloud) => [cloud.id, cloud.driver]));
    const pluginOptions: CloudInventoryPluginOptions = {
      clouds: clouds.map((cloud) => ({ id: cloud.id, driver: 'noop' })),
      discovery: { runOnInstall: false },
    };
    return await createInventory(context, {
      pluginOptions,
      store,
      configPath: undefined,
      database,
      drivers,
    });
  } catch (error) {
    await database.disconnect().catch(() => {});
    throw error;
  }
}

/** Connect (unless given a database), build the plugin from options and install it. */
export async function createInventory(
  context: CliContext,
  options: {
    pluginOptions: CloudInventoryPluginOptions;
    store: StoreLocation;
    configPath: string | undefined;
    database?: ConnectedDatabase;
    drivers?: Map<string, string>;
  },
): Promise<Inventory> {
  const pluginOptions: CloudInventoryPluginOptions = {
    ...options.pluginOptions,
    discovery: { ...options.pluginOptions.discovery, runOnInstall: false },
    ...(context.global.verbose && !options.pluginOptions.logger
      ? { logger: createConsoleLogger('cloud-inventory') }
      : {}),
  };
  let plugin: CloudInventoryPlugin;
  try {
    plugin = new CloudInventoryPlugin(pluginOptions);
  } catch (error) {
    throw usageErrorOf(error, options.configPath) ?? error;
  }
  const database = options.database ?? (await openDatabase(options.store));
  try {
    await plugin.install(database);
  } catch (error) {
    await database.disconnect().catch(() => {});
    throw error;
  }
  const configured = new Map(plugin.clouds.map((cloud) => [cloud.id, cloud.driverName]));
  return {
    plugin,
    database,
    store: options.store,
    configPath: options.configPath,
    pluginOptions,
    driverOf: (cloudId) => options.drivers?.get(cloudId) ?? configured.get(cloudId) ?? 'unknown',
    close: async () => {
      await database.disconnect().catch(() => {});
    },
  };
}

function usageErrorOf(error: unknown, configPath: string | undefined): UsageError | undefined {
  const fromConfiguration = configurationUsageError(error, configPath);
  if (fromConfiguration) return fromConfiguration;
  if (NoSuchDriverError.isInstance(error)) {
    return new UsageError({
      message: error.message,
      hint: '`cloud-inventory drivers` lists the installed drivers',
      cause: error,
    });
  }
  return undefined;
}
