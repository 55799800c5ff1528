// Side-effect-free entry: exports the driver, its factory and catalog; registers nothing.
export { atlasApiVersions } from './atlas-api.ts';
export { atlasCatalog } from './atlas-catalog.ts';
export {
  type AtlasCredentials,
  AtlasDriver,
  type AtlasDriverConfig,
  createAtlasDriver,
} from './atlas-driver.ts';
export { AtlasCredentialsError } from './atlas-errors.ts';
export type { AtlasCheckpoint } from './atlas-events.ts';
export {
  type AtlasRetryOptions,
  atlasDefaultEndpoint,
  atlasDefaultEventsWindowDays,
  atlasMaximumItemsPerPage,
  atlasPrivateKeyEnvironmentVariable,
  atlasPublicKeyEnvironmentVariable,
} from './atlas-options.ts';
