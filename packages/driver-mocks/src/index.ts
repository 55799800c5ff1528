// Registering entry: importing '@cloud-inventory/driver-mocks' registers `noop` and the eleven
// `<provider>-mock` drivers with their aliases. Use '@cloud-inventory/driver-mocks/driver' to
// import the classes without registering anything.
import { registerMockDrivers } from './mock-registration.ts';

export * from './driver.ts';

registerMockDrivers();
