// Side-effect-free entry: exports the driver, its factory and catalog; registers nothing.
export { vultrCatalog } from './vultr-catalog.ts';
export {
  createVultrDriver,
  type VultrCredentials,
  VultrDriver,
  type VultrDriverConfig,
  type VultrDriverOptions,
} from './vultr-driver.ts';
export {
  type VultrRetryOptions,
  vultrApiKeyEnvironmentVariable,
  vultrDefaultAccountId,
  vultrDefaultEndpoint,
  vultrDefaultRequestsPerSecond,
  vultrDocumentedRequestsPerSecond,
} from './vultr-options.ts';
export { vultrKnownRegions } from './vultr-regions.ts';
export { VultrRequestPacer, type VultrRequestPacerOptions } from './vultr-request-pacer.ts';
