// Registering entry: importing '@cloud-inventory/driver-mongodb-atlas' registers the
// `mongodb-atlas` driver (alias `atlas`) in core's registry. Import
// '@cloud-inventory/driver-mongodb-atlas/driver' to get the class without that.
import { registerCloudDriver } from '@cloud-inventory/core';
import { AtlasDriver } from './atlas-driver.ts';

registerCloudDriver('mongodb-atlas', AtlasDriver, { aliases: ['atlas'] });

export * from './driver.ts';
