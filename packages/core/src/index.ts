export {
  BaseCloudDriver,
  type CloudDriverOptions,
  SUPPORTED_SPECIFICATION_VERSIONS,
} from './base-cloud-driver.ts';
export { deduplicateCloudIds, defaultCloudId } from './cloud-ids.ts';
export { CloudInventoryPlugin } from './cloud-inventory-plugin.ts';
export {
  type CloudDriverClass,
  type CloudDriverFactory,
  createCloudDriver,
  getCloudDriverFactory,
  hasCloudDriver,
  listCloudDrivers,
  type RegisterCloudDriverOptions,
  registerCloudDriver,
  resolveDriverName,
  toDriverFactory,
  unregisterCloudDriver,
} from './driver-registry.ts';
export type { ResolvedCloud } from './engine/sync-cloud.ts';
export type {
  ChangeKind,
  RejectedResource,
  RunRecordStatus,
  SyncStatus,
  SyncSummary,
} from './engine/sync-types.ts';
export type { VerifyProblem, VerifyReport } from './engine/verify-cloud.ts';
export * from './errors/index.ts';
export type {
  ChangeFilter,
  InventoryAtEntry,
  Page,
  ResourceReference,
} from './history/inventory-queries.ts';
export { matchesFilter, type ResourceFilter } from './history/resource-filter.ts';
export { createConsoleLogger, silentLogger } from './logger.ts';
export { closestName } from './options/known-keys.ts';
export * from './options/plugin-options.ts';
export {
  type ValidatePluginOptionsSettings,
  validatePluginOptions,
} from './options/validate-options.ts';
export { CloudLock } from './storage/cloud-lock.ts';
export {
  connectInventoryDatabase,
  type InventoryDatabase,
} from './storage/connect-database.ts';
export { recommendedDatabaseOptions, transientStorageErrors } from './storage/database-options.ts';
export {
  decodeIdPart,
  encodeIdPart,
  snapshotRecordId,
  versionRecordId,
} from './storage/record-ids.ts';
export {
  renderImportId,
  resolveTerraformImport,
  type TerraformImport,
  type TerraformImportSkip,
  type TerraformImportSource,
  terraformDescriptors,
} from './terraform-import.ts';
export type * from './types.ts';
export * from './versioning/index.ts';
