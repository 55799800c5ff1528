// Side-effect-free entry: exports the driver, its factory and catalog; registers nothing.
export { oracleCatalog } from './oracle-catalog.ts';
export {
  createOracleDriver,
  type OracleCredentials,
  OracleDriver,
  type OracleDriverConfig,
} from './oracle-driver.ts';
export {
  type OracleRetryOptions,
  oracleDefaultConfigFilePath,
  oracleDefaultPageSize,
  oracleDefaultProfile,
  oracleEnvironmentVariables,
} from './oracle-options.ts';
