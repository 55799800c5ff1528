// Registering entry: importing '@cloud-inventory/driver-aws' registers the `aws` driver. Use
// '@cloud-inventory/driver-aws/driver' to import the class without registering anything.
import { registerCloudDriver } from '@cloud-inventory/core';
import { AwsDriver } from './aws-driver.ts';

registerCloudDriver('aws', AwsDriver);

export * from './driver.ts';
