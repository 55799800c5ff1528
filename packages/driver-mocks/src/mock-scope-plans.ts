import type { CloudResource } from '@cloud-inventory/core';
import type { MockSampleResource, ResolvedMockConfig } from './mock-driver-options.ts';
import { type MockEstateCell, MockEstateLayout, serviceRegions } from './mock-estate-layout.ts';
import { MockEstateLifecycle } from './mock-estate-lifecycle.ts';
import type { MockFilter } from './mock-filters.ts';
import type {
  MockIdentity,
  MockProviderDefinition,
  MockResourceTypeDefinition,
} from './mock-provider-definition.ts';
import { normalizeSeed } from './mock-random.ts';
import { MockIdentityHelpers, MockResourceContext } from './mock-resource-context.ts';
import type { MockScopePlan } from './mock-scope-runner.ts';

/** Inputs shared by both plan builders. */
export interface MockPlanOptions {
  /** Provider definition. */
  definition: MockProviderDefinition;
  /** Resolved config. */
  config: ResolvedMockConfig;
  /** Include/exclude filter. */
  filter: MockFilter;
  /** Run number. */
  run: number;
}

/** True when `config.services` keeps (service, type). */
export function selectedByConfig(
  services: readonly string[] | undefined,
  service: string,
  type: string,
): boolean {
  return services === undefined || services.includes(service) || services.includes(type);
}

/** The service a resource type belongs to: the catalog's, else the first segment after the provider. */
export function serviceOfType(definition: MockProviderDefinition, type: string): string {
  for (const service of definition.services) {
    if (service.resourceTypes.some((candidate) => candidate.type === type)) return service.name;
  }
  const withoutProvider = type.startsWith(`${definition.provider}.`)
    ? type.slice(definition.provider.length + 1)
    : type;
  return withoutProvider.split('.')[0] || withoutProvider;
}

/** Plans of a generated estate: every resource is built from (seed, index, run) when it is yielded. */
export function buildEstatePlans(options: MockPlanOptions): MockScopePlan[] {
  const { definition, config, filter, run } = options;
  const selected = new Set<string>();
  const typeDefinitions = new Map<string, MockResourceTypeDefinition>();
  for (const service of definition.services) {
    for (const type of service.resourceTypes) {
      typeDefinitions.set(type.type, type);
      if (selectedByConfig(config.services, service.name, type.type)) selected.add(type.type);
    }
  }
  const layout = new MockEstateLayout({
    definition,
    types: selected,
    regions: config.regions ?? definition.regions,
    mode: config.mode,
    resourceCount: config.resourceCount,
  });
  const seed = normalizeSeed(config.seed, 1);
  const lifecycle = new MockEstateLifecycle({
    seed,
    baseCount: layout.baseCount,
    driftRate: config.driftRate,
    deleteRate: config.deleteRate,
  });
  const resolve = (type: string, region: string, unit: number): MockIdentity | undefined => {
    const slot = layout.referenceSlot(type, region, unit);
    const target = typeDefinitions.get(type);
    if (!slot || !target) return undefined;
    return target.identify(
      new MockIdentityHelpers(seed, slot.index, slot.region, config.accountId, resolve),
    );
  };
  const build = (cell: MockEstateCell, index: number): CloudResource => {
    const identity = new MockIdentityHelpers(seed, index, cell.region, config.accountId, resolve);
    const resolvedIdentity = cell.definition.identify(identity);
    const context = new MockResourceContext({
      identity,
      resolvedIdentity,
      run,
      provider: definition.provider,
      driftCounters: lifecycle.driftCounters(index, run, cell.definition.driftAttributes),
    });
    const body = cell.definition.build(context);
    return {
      provider: definition.provider,
      accountId: config.accountId,
      region: cell.region,
      service: cell.service,
      resourceType: cell.definition.type,
      resourceId: resolvedIdentity.id,
      name: resolvedIdentity.name,
      tags: body.tags ?? null,
      labels: body.labels ?? null,
      configuration: body.configuration,
      metadata: { ...body.metadata, mock: { index, bornRun: lifecycle.bornRun(index) } },
    };
  };
  function* cellResources(cell: MockEstateCell): Generator<CloudResource> {
    if (cell.count === 0) return;
    const limit = lifecycle.indexLimit(run);
    // Generation 0 is the run-1 estate; generation g >= 1 holds resources added after run 1 that
    // reuse the cell's slots, so a cell's resources are found without scanning the estate.
    for (let offset = 0; offset + cell.start < limit; offset += lifecycle.baseCount) {
      const end = Math.min(offset + cell.start + cell.count, limit);
      for (let index = offset + cell.start; index < end; index += 1) {
        if (lifecycle.isAlive(index, run)) yield build(cell, index);
      }
    }
  }
  const plans: MockScopePlan[] = [];
  for (const scope of layout.scopes) {
    const serviceDefinition = definition.services.find((service) => service.name === scope.service);
    const knownTypes = serviceDefinition?.resourceTypes.map((type) => type.type) ?? [];
    const cells = scope.cells.filter((cell) =>
      filter.allows(scope.service, scope.region, cell.definition.type),
    );
    if (cells.length === 0) continue;
    const listedTypes = cells.map((cell) => cell.definition.type);
    plans.push({
      service: scope.service,
      region: scope.region,
      listedTypes,
      omittedTypes: knownTypes.filter((type) => !listedTypes.includes(type)),
      *resources() {
        for (const cell of cells) yield* cellResources(cell);
      },
    });
  }
  return plans;
}

interface SampleScope {
  service: string;
  region: string;
  knownTypes: Set<string>;
  samples: CloudResource[];
}

/** Plans of `config.sampleResources`: the catalog's scopes plus any scope the samples name. */
export function buildSamplePlans(
  options: MockPlanOptions & { samples: readonly MockSampleResource[] },
): MockScopePlan[] {
  const { definition, config, filter } = options;
  const scopes = new Map<string, SampleScope>();
  const scopeFor = (service: string, region: string): SampleScope => {
    const key = `${service}\u0000${region}`;
    let scope = scopes.get(key);
    if (!scope) {
      scope = { service, region, knownTypes: new Set(), samples: [] };
      scopes.set(key, scope);
    }
    return scope;
  };
  for (const service of definition.services) {
    for (const region of serviceRegions(service, config.regions ?? definition.regions)) {
      const scope = scopeFor(service.name, region);
      for (const type of service.resourceTypes) scope.knownTypes.add(type.type);
    }
  }
  for (const sample of options.samples) {
    const resource: CloudResource = {
      ...structuredClone(sample),
      provider: sample.provider ?? definition.provider,
      accountId: sample.accountId ?? config.accountId,
      service: sample.service ?? serviceOfType(definition, sample.resourceType),
    };
    const scope = scopeFor(resource.service!, resource.region ?? 'global');
    scope.knownTypes.add(resource.resourceType);
    scope.samples.push(resource);
  }
  const plans: MockScopePlan[] = [];
  for (const scope of scopes.values()) {
    const keeps = (type: string) =>
      selectedByConfig(config.services, scope.service, type) &&
      filter.allows(scope.service, scope.region, type);
    const listedTypes = [...scope.knownTypes].filter(keeps);
    if (listedTypes.length === 0) continue;
    plans.push({
      service: scope.service,
      region: scope.region,
      listedTypes,
      omittedTypes: [...scope.knownTypes].filter((type) => !keeps(type)),
      *resources() {
        for (const sample of scope.samples)
          if (keeps(sample.resourceType)) yield structuredClone(sample);
      },
    });
  }
  return plans;
}
