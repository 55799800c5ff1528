// Registering entry: importing '@cloud-inventory/driver-alibaba' registers the `alibaba` driver (alias
// `aliyun`) in core's registry. Import '@cloud-inventory/driver-alibaba/driver' to get the class without that.
import { registerCloudDriver } from '@cloud-inventory/core';
import { AlibabaDriver } from './alibaba-driver.ts';

registerCloudDriver('alibaba', AlibabaDriver, { aliases: ['aliyun'] });

export * from './driver.ts';
