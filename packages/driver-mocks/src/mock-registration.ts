import { registerCloudDriver } from '@cloud-inventory/core';
import { mockProviders } from './mock-drivers.ts';
import { createNoopDriver } from './noop-driver.ts';

/** Every name `registerMockDrivers` registers: `noop`, the eleven `<provider>-mock` and their aliases. */
export function mockDriverNames(): string[] {
  return ['noop', ...mockProviders.flatMap((provider) => [provider.name, ...provider.aliases])];
}

/**
 * Registers `noop` and the eleven provider mocks (with aliases) in core's registry. Idempotent:
 * registering the same factories again is a no-op, also from a second copy of this package.
 */
export function registerMockDrivers(): void {
  registerCloudDriver('noop', createNoopDriver);
  for (const provider of mockProviders) {
    registerCloudDriver(provider.name, provider.create, { aliases: [...provider.aliases] });
  }
}
