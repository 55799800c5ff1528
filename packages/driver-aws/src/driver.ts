// Side-effect free entry: exports the AWS driver and its catalog and registers nothing.
export { awsCatalog } from './aws-catalog.ts';
export { AwsDriver, type AwsDriverOptions, createAwsDriver } from './aws-driver.ts';
export type { AwsCredentials, AwsDriverConfig } from './aws-driver-options.ts';
export { classifyAwsError } from './aws-errors.ts';
export {
  type AwsServiceAccess,
  type AwsTypeAccess,
  awsBaseActions,
  awsListCall,
  awsReadOnlyPolicy,
  awsServiceAccess,
  awsTagStrategies,
  awsTypeAccess,
} from './aws-permissions.ts';
