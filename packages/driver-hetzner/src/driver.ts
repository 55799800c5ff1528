// Side-effect-free entry: exports the driver, its factory and catalog; registers nothing.
export { hetznerCatalog } from './hetzner-catalog.ts';
export {
  createHetznerDriver,
  type HetznerCredentials,
  HetznerDriver,
  type HetznerDriverConfig,
} from './hetzner-driver.ts';
export { hetznerKnownLocations } from './hetzner-locations.ts';
export {
  type HetznerRetryOptions,
  hetznerDefaultAccountId,
  hetznerDefaultEndpoint,
  hetznerTokenEnvironmentVariable,
} from './hetzner-options.ts';
