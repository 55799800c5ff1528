// Registering entry: importing '@cloud-inventory/driver-cloudflare' registers the `cloudflare`
// driver (alias `cf`) in core's registry. Import '@cloud-inventory/driver-cloudflare/driver' to
// get the class without that.
import { registerCloudDriver } from '@cloud-inventory/core';
import { CloudflareDriver } from './cloudflare-driver.ts';

registerCloudDriver('cloudflare', CloudflareDriver, { aliases: ['cf'] });

export * from './driver.ts';
