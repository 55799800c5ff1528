// Side-effect-free entry: exports the driver, its factory and catalog; registers nothing.
export { azureCatalog } from './azure-catalog.ts';
export {
  AzureDriver,
  createAzureDriver,
} from './azure-driver.ts';
export { AzureNoSubscriptionError, AzureProviderNotRegisteredError } from './azure-errors.ts';
export {
  type AzureCredentials,
  type AzureDriverConfig,
  type AzureRetryOptions,
  azureDefaultEndpoint,
  azureEnvironmentVariables,
} from './azure-options.ts';
export { normalizeAzureLocation, normalizeAzureResourceId } from './azure-resource-ids.ts';
