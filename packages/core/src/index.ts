export { BaseCloudDriver, type CloudDriverOptions, SUPPORTED_SPECIFICATION_VERSIONS } from './base-cloud-driver.ts';
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
export * from './errors/index.ts';
export { createConsoleLogger, silentLogger } from './logger.ts';
export type * from './types.ts';
export * from './versioning/index.ts';
