// Registering entry: importing '@cloud-inventory/driver-oracle' registers the `oracle` driver (alias
// `oci`) in core's registry. Import '@cloud-inventory/driver-oracle/driver' to get the class without that.
import { registerCloudDriver } from '@cloud-inventory/core';
import { OracleDriver } from './oracle-driver.ts';

registerCloudDriver('oracle', OracleDriver, { aliases: ['oci'] });

export * from './driver.ts';
