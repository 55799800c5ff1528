// Side-effect free: exports the driver and its catalog, registers nothing.
export { digitalOceanCatalog } from './digitalocean-catalog.ts';
export {
  createDigitalOceanDriver,
  DigitalOceanDriver,
  type DigitalOceanDriverOptions,
  spacesSkippedReason,
} from './digitalocean-driver.ts';
export { digitalOceanTokenScopes } from './digitalocean-errors.ts';
export {
  type DigitalOceanCredentials,
  type DigitalOceanDriverConfig,
  digitalOceanDefaultEndpoint,
  digitalOceanDefaultSpacesEndpoint,
  digitalOceanRegions,
  digitalOceanSpacesRegions,
} from './digitalocean-options.ts';
