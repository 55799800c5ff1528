export { CloudInventoryError } from './cloud-inventory-error.ts';
export { ConfigurationError, type ConfigurationIssue } from './configuration-error.ts';
export { DriverError } from './driver-error.ts';
export { InvalidResourceError } from './invalid-resource-error.ts';
export { LockLostError } from './lock-lost-error.ts';
export { NoSuchDriverError, packageForDriver } from './no-such-driver-error.ts';
export { StorageError } from './storage-error.ts';
export { UnsupportedDriverVersionError } from './unsupported-driver-version-error.ts';
