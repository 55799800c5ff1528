import {
  BaseCloudDriver,
  type CloudDriverOptions,
  type CloudResource,
  ConfigurationError,
  type DriverCatalog,
  type ListOptions,
} from '@cloud-inventory/core';
import {
  type MockDriverConfig,
  type ResolvedMockConfig,
  resolveMockConfig,
} from './mock-driver-options.ts';
import { MockFilter } from './mock-filters.ts';
import type { MockProviderDefinition } from './mock-provider-definition.ts';
import { buildEstatePlans, buildSamplePlans, serviceOfType } from './mock-scope-plans.ts';
import { runMockScopes } from './mock-scope-runner.ts';
import { genericMockProvider } from './providers/generic-mock.ts';
import { findMockProviderDefinition, mockProviderDefinitions } from './providers/index.ts';

/** Options of a mock driver; everything but `config` has a default. */
export type MockDriverOptions = Partial<CloudDriverOptions<unknown, MockDriverConfig>>;

/** The driver state a mock persists through `runtime.emitState`. */
export interface MockDriverState {
  /** Number of the last run. */
  mockRun: number;
}

/** The catalog of a definition (types with their volatile and secret paths). */
export function catalogOfMockProvider(definition: MockProviderDefinition): DriverCatalog {
  return {
    driver: definition.driver,
    services: definition.services.map((service) => ({
      name: service.name,
      description: service.description,
      ...(service.global ? { global: true } : {}),
      resourceTypes: service.resourceTypes.map((type) => ({
        type: type.type,
        description: type.description,
        volatilePaths: [...(type.volatilePaths ?? [])],
        secretPaths: [...(type.secretPaths ?? [])],
      })),
    })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Run number stored by the previous run in `runtime.state.mockRun`, or 0. */
export function previousMockRun(state: unknown): number {
  const value = isRecord(state) ? state.mockRun : undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

// `config.provider` picks the definition when the constructor is not given one.
function definitionFromConfig(config: MockDriverConfig): MockProviderDefinition {
  const provider = config.provider;
  if (provider === undefined) return genericMockProvider;
  const found = findMockProviderDefinition(provider);
  if (found) return found;
  throw new ConfigurationError({
    issues: [
      {
        path: 'config.provider',
        expected: `one of ${mockProviderDefinitions.map((definition) => definition.provider).join(', ')} (or a mock driver name)`,
        received: JSON.stringify(provider),
      },
    ],
  });
}

/**
 * A deterministic mock driver. Without a definition it imitates the provider named by
 * `config.provider`, or a generic cloud (`mock.*` types); the provider mocks (`AwsMockDriver`, ...)
 * pass their own definition.
 */
export class MockCloudDriver extends BaseCloudDriver<unknown, MockDriverConfig> {
  /** What the mock imitates. */
  readonly definition: MockProviderDefinition;
  readonly #settings: ResolvedMockConfig;

  constructor(options: MockDriverOptions = {}, chosenDefinition?: MockProviderDefinition) {
    const config = options.config ?? {};
    const definition = chosenDefinition ?? definitionFromConfig(config);
    const settings = resolveMockConfig(config, definition.defaultAccountId);
    super({
      ...options,
      id: options.id ?? `${definition.driver}-${settings.accountId}`,
      driver: options.driver ?? definition.driver,
      credentials: options.credentials ?? {},
      config,
    });
    this.definition = definition;
    this.#settings = settings;
    this.#checkServices();
  }

  /** Services and resource types, with volatile and secret paths. */
  override get catalog(): DriverCatalog {
    return catalogOfMockProvider(this.definition);
  }

  /** `config.accountId`, or the provider's default account. */
  override get accountId(): string {
    return this.#settings.accountId;
  }

  /** Streams the estate scope by scope; see the package README for the behaviour of each option. */
  async *listResources(options: ListOptions): AsyncGenerator<CloudResource, void, undefined> {
    const runtime = options?.runtime;
    const run = this.#settings.run ?? previousMockRun(runtime?.state) + 1;
    const previousState = isRecord(runtime?.state) ? runtime.state : {};
    runtime?.emitState?.({ ...previousState, mockRun: run } satisfies MockDriverState);
    const filter = new MockFilter(options?.include, options?.exclude, this.#vocabulary());
    const planOptions = { definition: this.definition, config: this.#settings, filter, run };
    const samples = this.#settings.sampleResources;
    const plans = samples
      ? buildSamplePlans({ ...planOptions, samples })
      : buildEstatePlans(planOptions);
    this.logger.debug('mock listing', { driver: this.driver, run, scopes: plans.length });
    yield* runMockScopes(plans, {
      runtime,
      signal: options?.signal,
      failScopes: this.#settings.failScopes,
      failAfter: this.#settings.failAfter,
      latencyMs: this.#settings.latencyMs,
      driver: this.driver,
      cloudId: this.id,
    });
  }

  #vocabulary(): { services: Set<string>; types: Set<string> } {
    const services = new Set<string>();
    const types = new Set<string>();
    for (const service of this.definition.services) {
      services.add(service.name);
      for (const type of service.resourceTypes) types.add(type.type);
    }
    for (const sample of this.#settings.sampleResources ?? []) {
      services.add(sample.service ?? serviceOfType(this.definition, sample.resourceType));
      types.add(sample.resourceType);
    }
    return { services, types };
  }

  // A misspelt service would silently list nothing; say so at construction instead.
  #checkServices(): void {
    const wanted = this.#settings.services;
    if (!wanted) return;
    const vocabulary = this.#vocabulary();
    const unknown = wanted.filter(
      (token) => !vocabulary.services.has(token) && !vocabulary.types.has(token),
    );
    if (unknown.length === 0) return;
    throw new ConfigurationError({
      issues: unknown.map((token) => ({
        path: 'config.services',
        expected: `a service or resource type of ${this.definition.driver} (${[...vocabulary.services].join(', ')})`,
        received: JSON.stringify(token),
      })),
    });
  }
}
