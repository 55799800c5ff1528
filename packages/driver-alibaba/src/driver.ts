// Side-effect-free entry: exports the driver, its factory, catalog and permissions; registers nothing.
export { alibabaCatalog } from './alibaba-catalog.ts';
export {
  type AlibabaCredentials,
  AlibabaDriver,
  type AlibabaDriverConfig,
  createAlibabaDriver,
} from './alibaba-driver.ts';
export { AlibabaApiError, classifyAlibabaError } from './alibaba-errors.ts';
export {
  type AlibabaRetryOptions,
  alibabaDefaultPageSize,
  alibabaDefaultRegion,
  alibabaEnvironmentVariables,
} from './alibaba-options.ts';
export {
  alibabaBasePermissions,
  alibabaPermissions,
  alibabaPolicyDocument,
} from './alibaba-permissions.ts';
