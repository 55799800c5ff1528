// Registering entry: importing '@cloud-inventory/driver-hetzner' registers the `hetzner` driver in
// core's registry. Import '@cloud-inventory/driver-hetzner/driver' to get the class without that.
import { registerCloudDriver } from '@cloud-inventory/core';
import { HetznerDriver } from './hetzner-driver.ts';

registerCloudDriver('hetzner', HetznerDriver);

export * from './driver.ts';
