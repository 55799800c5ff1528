// Side-effect-free entry: exports the driver, its factory and catalog; registers nothing.
export { linodeCatalog } from './linode-catalog.ts';
export {
  createLinodeDriver,
  type LinodeCredentials,
  LinodeDriver,
  type LinodeDriverConfig,
  type LinodeDriverOptions,
  linodeSteps,
} from './linode-driver.ts';
export { linodeCredentialHint, linodeTokenScopes } from './linode-errors.ts';
export type { LinodeApiVersion, LinodePage } from './linode-list.ts';
export { linodeEnrichmentCalls } from './linode-network-steps.ts';
export {
  type LinodeRetryOptions,
  linodeDefaultEndpoint,
  linodeMaximumPageSize,
  linodeMinimumPageSize,
  linodeTokenEnvironmentVariable,
} from './linode-options.ts';
export { linodeKnownRegions } from './linode-regions.ts';
