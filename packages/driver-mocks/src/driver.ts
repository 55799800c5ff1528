// Side-effect free entry: exports the mock drivers and registers nothing.
export {
  catalogOfMockProvider,
  MockCloudDriver,
  type MockDriverOptions,
  type MockDriverState,
  previousMockRun,
} from './mock-cloud-driver.ts';
export type { MockDriverConfig, MockFailScope, MockSampleResource } from './mock-driver-options.ts';
export {
  AlibabaMockDriver,
  AwsMockDriver,
  AzureMockDriver,
  CloudflareMockDriver,
  createAlibabaMockDriver,
  createAwsMockDriver,
  createAzureMockDriver,
  createCloudflareMockDriver,
  createDigitalOceanMockDriver,
  createGcpMockDriver,
  createHetznerMockDriver,
  createLinodeMockDriver,
  createMockCloudDriver,
  createMongoDbAtlasMockDriver,
  createOracleMockDriver,
  createVultrMockDriver,
  DigitalOceanMockDriver,
  findMockProvider,
  GcpMockDriver,
  HetznerMockDriver,
  LinodeMockDriver,
  type MockProviderEntry,
  MongoDbAtlasMockDriver,
  mockProviders,
  OracleMockDriver,
  VultrMockDriver,
} from './mock-drivers.ts';
export {
  defineMockProvider,
  type MockBuildContext,
  type MockIdentity,
  type MockIdentityContext,
  type MockProviderDefinition,
  type MockResourceBody,
  type MockResourceTypeDefinition,
  type MockServiceDefinition,
} from './mock-provider-definition.ts';
export { mulberry32 } from './mock-random.ts';
export { mockDriverNames, registerMockDrivers } from './mock-registration.ts';
export { createNoopDriver, NoopDriver, noopMockProvider } from './noop-driver.ts';
export {
  alibabaMockProvider,
  awsMockProvider,
  azureMockProvider,
  cloudflareMockProvider,
  digitalOceanMockProvider,
  findMockProviderDefinition,
  gcpMockProvider,
  genericMockProvider,
  hetznerMockProvider,
  linodeMockProvider,
  mockProviderDefinitions,
  mongoDbAtlasMockProvider,
  oracleMockProvider,
  vultrMockProvider,
} from './providers/index.ts';
