import { MockCloudDriver, type MockDriverOptions } from './mock-cloud-driver.ts';
import { defineMockProvider } from './mock-provider-definition.ts';

/** A provider with no services: `noop` lists `config.sampleResources` or nothing. */
export const noopMockProvider = defineMockProvider({
  driver: 'noop',
  provider: 'noop',
  aliases: [],
  defaultAccountId: 'noop',
  regions: ['global'],
  services: [],
});

/** Lists `config.sampleResources` (defaults filled) or nothing; the seed's test driver. */
export class NoopDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, noopMockProvider);
  }
}

/** Builds a `NoopDriver`. */
export function createNoopDriver(options: MockDriverOptions = {}): NoopDriver {
  return new NoopDriver(options);
}
