// Side-effect-free entry: exports the driver, its factory and catalog; registers nothing.
export { gcpCatalog } from './gcp-catalog.ts';
export {
  createGcpDriver,
  type GcpCredentials,
  GcpDriver,
  type GcpDriverConfig,
} from './gcp-driver.ts';
export { gcpDefaultEndpoint } from './gcp-endpoints.ts';
export { gcpKnownRegions } from './gcp-locations.ts';
export {
  type GcpRetryOptions,
  type GcpServiceAccountKey,
  gcpAccessTokenEnvironmentVariable,
  gcpApplicationCredentialsEnvironmentVariable,
  gcpReadOnlyScope,
} from './gcp-options.ts';
