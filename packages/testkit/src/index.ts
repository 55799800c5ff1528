export { matchAmzTarget, matchQueryAction, queryAction, queryParameters } from './aws-matchers.ts';
export { type CatalogColumn, catalogColumns, catalogTable } from './catalog-table.ts';
export { type CollectResourcesOptions, collectResources } from './collect-resources.ts';
export {
  ConformanceError,
  catalogTypes,
  checkCatalog,
  checkEveryTypeProduced,
  checkKeyValues,
  checkResources,
  checkScopes,
  checkSecretPaths,
  identityOf,
} from './conformance-checks.ts';
export {
  type ConformanceDenial,
  checkEnrichmentDenial,
  checkListDenial,
} from './conformance-denial.ts';
export {
  type ConformanceCapabilities,
  type ConformanceContext,
  type ConformanceDriverInput,
  type ConformanceFixtures,
  type ConformanceRetryPolicy,
  type ConformanceRun,
  conformanceRetryPolicy,
  type DriverConformanceOptions,
} from './conformance-options.ts';
export { runDriverConformance } from './driver-conformance.ts';
export { type FakeAuth, FakeAuthenticator } from './fake-auth.ts';
export type { FakeFault, FaultOptions } from './fake-faults.ts';
export {
  type CursorPagesOptions,
  cursorPages,
  digitalOceanPages,
  type FakeItems,
  hetznerPages,
  linkHeaderPages,
  nextLinkPages,
  type PageNumberInfo,
  type PageNumberPagesOptions,
  pageNumberPages,
  withQuery,
} from './fake-pagination.ts';
export {
  createFakeProviderServer,
  type FakeFixture,
  type FakeHandler,
  type FakeProviderServer,
  type FakeProviderServerOptions,
  type FakeRequestLogEntry,
  type FakeRoute,
  type FakeRouteTable,
  normalizeRoutes,
} from './fake-provider-server.ts';
export {
  type FakeRequest,
  type FakeResponse,
  jsonResponse,
  textResponse,
  xmlResponse,
} from './fake-request.ts';
export { type ListAllOptions, type ListAllResult, listAll } from './list-all.ts';
export { alignedTable, codeList, compactTable } from './markdown-table.ts';
export {
  createMemoryDatabase,
  destroyMemoryDatabase,
  type MemoryDatabaseOptions,
} from './memory-database.ts';
export { type ReadmeCoverage, readmeOmissions } from './readme-coverage.ts';
export {
  checkReadmeSections,
  generatedTableMarkers,
  type ReadmeMarkers,
  type ReadmeSection,
  replaceBetweenMarkers,
  resourceTypesSection,
  runReadmeScript,
  withGeneratedSections,
} from './readme-sections.ts';
export { rejectionOf } from './rejection-of.ts';
export { byId, countByType, ofType } from './resource-lookups.ts';
export { compilePathPattern, type PathMatcher } from './route-pattern.ts';
export {
  countedClientMethods,
  countStorageRequests,
  type StorageRequestCounter,
  type StorageRequestCounts,
  type StorageRequestKind,
} from './storage-request-counter.ts';
export { installTestPlugin, stopTestPlugin } from './test-plugin.ts';
export { testRetryPolicy } from './test-retry-policy.ts';
export { createTestRuntime, type TestRuntime } from './test-runtime.ts';
