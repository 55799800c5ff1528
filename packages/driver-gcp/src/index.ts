// Registering entry: importing '@cloud-inventory/driver-gcp' registers the `gcp` driver in core's
// registry. Import '@cloud-inventory/driver-gcp/driver' to get the class without that.
import { registerCloudDriver } from '@cloud-inventory/core';
import { GcpDriver } from './gcp-driver.ts';

registerCloudDriver('gcp', GcpDriver);

export * from './driver.ts';
