import type { CloudInventoryPluginOptions } from '@cloud-inventory/core';

/** The config file's shape: the plugin options plus the store to keep the inventory in. */
export interface CloudInventoryConfig extends CloudInventoryPluginOptions {
  /**
   * s3db.js connection string of the store (`file:///abs/path`, `s3://key:secret@bucket/prefix`,
   * `http://key:secret@host:9000/bucket`, `memory://bucket`), or a directory path for an on-disk
   * store; `--store` and `CLOUD_INVENTORY_STORE` override it. `${ENV_VAR}` references are expanded.
   * @default 'file://<working directory>/.cloud-inventory'
   */
  store?: string;
}

/** Identity helper that types a `cloud-inventory.config.{ts,mjs,js}` default export. */
export function defineConfig(config: CloudInventoryConfig): CloudInventoryConfig {
  return config;
}
