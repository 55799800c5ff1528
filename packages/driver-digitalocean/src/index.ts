// Importing the package registers the driver as `digitalocean` (alias `do`).
import { registerCloudDriver } from '@cloud-inventory/core';
import { DigitalOceanDriver } from './digitalocean-driver.ts';

registerCloudDriver('digitalocean', DigitalOceanDriver, { aliases: ['do'] });

export * from './driver.ts';
