// Registering entry: importing '@cloud-inventory/driver-linode' registers the `linode` driver in
// core's registry. Import '@cloud-inventory/driver-linode/driver' to get the class without that.
import { registerCloudDriver } from '@cloud-inventory/core';
import { LinodeDriver } from './linode-driver.ts';

registerCloudDriver('linode', LinodeDriver);

export * from './driver.ts';
