// Side-effect-free entry: exports the driver, its factory and catalog; registers nothing.
export { cloudflareCatalog } from './cloudflare-catalog.ts';
export {
  CloudflareDriver,
  createCloudflareDriver,
} from './cloudflare-driver.ts';
export {
  CloudflareApiError,
  type CloudflareErrorDetail,
  isCloudflareCredentialError,
} from './cloudflare-errors.ts';
export {
  type CloudflareCredentials,
  type CloudflareDriverConfig,
  type CloudflareRetryOptions,
  cloudflareDefaultEndpoint,
  cloudflareKnownLocations,
  cloudflareTokenEnvironmentVariable,
} from './cloudflare-options.ts';
export { cloudflareTokenPermissions } from './cloudflare-permissions.ts';
