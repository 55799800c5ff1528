export { BoundedQueue } from './bounded-queue.ts';
export {
  classifyError,
  errorClassForStatus,
  isCredentialError,
  statusCodeOf,
  toDriverError,
} from './classify-error.ts';
export { type Clock, sleep, systemClock } from './clock.ts';
export {
  chooseDigestChallenge,
  computeDigestResponse,
  createDigestAuthorization,
  type DigestAlgorithm,
  DigestAuthenticator,
  type DigestChallenge,
  type DigestResponseInput,
  formatNonceCount,
  parseDigestChallenges,
} from './digest-auth.ts';
export { isLoopbackHost, type ResolveEndpointOptions, resolveEndpoint } from './endpoint.ts';
export {
  EnrichmentTracker,
  type EnrichmentTrackerOptions,
  ResourceEnrichment,
} from './enrichment.ts';
export { type ListScope, type RunScopesOptions, runScopes, type ScopeListing } from './fan-out.ts';
export { type HttpAuth, secretsOf } from './http-auth.ts';
export { createHttpClient, HttpClient } from './http-client.ts';
export type {
  HttpClientOptions,
  HttpGetOptions,
  HttpRequestOptions,
  HttpResponse,
  QueryParameters,
  QueryValue,
} from './http-client-options.ts';
export { createHttpDriverError, extractProviderMessage, type HttpFailure } from './http-error.ts';
export { type ListStep, type RunStepsOptions, runSteps, type StepContext } from './list-steps.ts';
export { type PaginateCursorOptions, paginateCursor } from './paginate-cursor.ts';
export {
  defaultNextLink,
  defaultODataNextLink,
  type PaginateLinksOptions,
  paginateLinks,
  paginateNextLink,
  parseLinkHeader,
} from './paginate-links.ts';
export {
  type PageNumberContext,
  type PaginatePagesOptions,
  paginatePages,
} from './paginate-pages.ts';
export {
  defaultMaximumPages,
  type PageInfo,
  type PageResponse,
  PaginationGuard,
  type PaginationOptions,
} from './pagination-guard.ts';
export {
  parseRateLimitHeaders,
  parseResetValue,
  type RateLimitReading,
} from './rate-limit-headers.ts';
export { RateLimitPacer, type RateLimitPacerOptions } from './rate-limit-pacer.ts';
export {
  isSecretHeader,
  redactedValue,
  redactHeaders,
  redactSecrets,
  redactUrl,
} from './redact.ts';
export {
  buildResource,
  defineCatalog,
  defineResourceType,
  type ResourceInput,
  resourceTypePattern,
} from './resource-builder.ts';
export {
  backoffDelay,
  defaultRetryOptions,
  parseRetryAfter,
  type RetryEvent,
  type RetryOptions,
  resolveRetryOptions,
  type WithRetryOptions,
  withRetry,
} from './retry.ts';
export type { CoveredRegions } from './scope-coverage.ts';
export {
  type FilterListedRegionsOptions,
  type FilterRegionsOptions,
  type FilterServicesOptions,
  filterListedRegions,
  filterRegions,
  filterServices,
  isResourceTypeSelected,
  matchesNamePattern,
  type ResourceTypeSelection,
  type SelectResourceTypesOptions,
  selectResourceTypes,
} from './scope-filters.ts';
export { normalizeTags, tagsFromPairs, tagsFromStrings } from './tags.ts';
