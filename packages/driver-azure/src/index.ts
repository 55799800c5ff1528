// Registering entry: importing '@cloud-inventory/driver-azure' registers the `azure` driver (alias
// `az`) in core's registry. Import '@cloud-inventory/driver-azure/driver' to get the class without that.
import { registerCloudDriver } from '@cloud-inventory/core';
import { AzureDriver } from './azure-driver.ts';

registerCloudDriver('azure', AzureDriver, { aliases: ['az'] });

export * from './driver.ts';
