// Registering entry: importing '@cloud-inventory/driver-vultr' registers the `vultr` driver in
// core's registry. Import '@cloud-inventory/driver-vultr/driver' to get the class without that.
import { registerCloudDriver } from '@cloud-inventory/core';
import { VultrDriver } from './vultr-driver.ts';

registerCloudDriver('vultr', VultrDriver);

export * from './driver.ts';
