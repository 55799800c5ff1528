import type {
  MockProviderDefinition,
  MockResourceTypeDefinition,
  MockServiceDefinition,
} from './mock-provider-definition.ts';

/** A contiguous range of base indices holding one resource type in one region. */
export interface MockEstateCell {
  /** Service of the type. */
  service: string;
  /** Region or `global`. */
  region: string;
  /** The type. */
  definition: MockResourceTypeDefinition;
  /** First base index. */
  start: number;
  /** Number of base indices. */
  count: number;
}

/** One (service, region) pair with the cells listed in it. */
export interface MockEstateScope {
  /** Service. */
  service: string;
  /** Region or `global`. */
  region: string;
  /** Cells of the scope, one per selected type. */
  cells: MockEstateCell[];
}

/** Inputs of the layout. */
export interface MockEstateLayoutOptions {
  /** Provider definition. */
  definition: MockProviderDefinition;
  /** Types the estate holds (already narrowed by `config.services`). */
  types: ReadonlySet<string>;
  /** Regions of regional services. */
  regions: readonly string[];
  /** `default`: one resource per type; `seeded`: `resourceCount` resources spread by weight. */
  mode: 'default' | 'seeded';
  /** Resources at run 1 in `seeded` mode. */
  resourceCount: number;
}

/** Regions a service is listed in. */
export function serviceRegions(
  service: MockServiceDefinition,
  regions: readonly string[],
): string[] {
  return service.global ? ['global'] : regions.filter((region) => region !== 'global');
}

/**
 * Splits the base indices of an estate into cells, scope by scope (service, then region, then
 * type), so a scope's resources are contiguous ranges and stream without scanning the estate.
 */
export class MockEstateLayout {
  /** Scopes in listing order. */
  readonly scopes: MockEstateScope[];
  /** Number of base indices. */
  readonly baseCount: number;
  readonly #cellsByTypeRegion = new Map<string, MockEstateCell>();
  readonly #cellsByType = new Map<string, MockEstateCell[]>();

  constructor(options: MockEstateLayoutOptions) {
    const counts = allocateCounts(options);
    this.scopes = [];
    let start = 0;
    for (const service of options.definition.services) {
      for (const region of serviceRegions(service, options.regions)) {
        const cells: MockEstateCell[] = [];
        for (const definition of service.resourceTypes) {
          if (!options.types.has(definition.type)) continue;
          const count = counts.get(`${definition.type}|${region}`) ?? 0;
          const cell: MockEstateCell = { service: service.name, region, definition, start, count };
          start += count;
          cells.push(cell);
          this.#cellsByTypeRegion.set(`${definition.type}|${region}`, cell);
          const list = this.#cellsByType.get(definition.type) ?? [];
          list.push(cell);
          this.#cellsByType.set(definition.type, list);
        }
        if (cells.length > 0) this.scopes.push({ service: service.name, region, cells });
      }
    }
    this.baseCount = start;
  }

  /** A base index of `type` chosen by `unit` in [0, 1), preferring `region`; undefined when none. */
  referenceSlot(
    type: string,
    region: string,
    unit: number,
  ): { index: number; region: string } | undefined {
    const local = this.#cellsByTypeRegion.get(`${type}|${region}`);
    const cell =
      local && local.count > 0
        ? local
        : this.#cellsByType.get(type)?.find((candidate) => candidate.count > 0);
    if (!cell) return undefined;
    return { index: cell.start + Math.floor(unit * cell.count), region: cell.region };
  }
}

interface TypePlacement {
  definition: MockResourceTypeDefinition;
  regions: string[];
}

function placements(options: MockEstateLayoutOptions): TypePlacement[] {
  const result: TypePlacement[] = [];
  for (const service of options.definition.services) {
    const regions = serviceRegions(service, options.regions);
    if (regions.length === 0) continue;
    for (const definition of service.resourceTypes) {
      if (options.types.has(definition.type)) result.push({ definition, regions });
    }
  }
  return result;
}

// Count per `type|region`; largest-remainder rounding keeps the total exact.
function allocateCounts(options: MockEstateLayoutOptions): Map<string, number> {
  const counts = new Map<string, number>();
  const types = placements(options);
  if (types.length === 0) return counts;
  if (options.mode === 'default') {
    types.forEach((placement, ordinal) => {
      const region = placement.regions[ordinal % placement.regions.length]!;
      counts.set(`${placement.definition.type}|${region}`, 1);
    });
    return counts;
  }
  const perType = largestRemainder(
    options.resourceCount,
    types.map((placement) => placement.definition.weight ?? 1),
  );
  types.forEach((placement, ordinal) => {
    const total = perType[ordinal] ?? 0;
    const perRegion = largestRemainder(
      total,
      placement.regions.map(() => 1),
    );
    placement.regions.forEach((region, regionOrdinal) => {
      counts.set(`${placement.definition.type}|${region}`, perRegion[regionOrdinal] ?? 0);
    });
  });
  return counts;
}

/** Splits `total` into integers proportional to `weights` that sum to `total`. */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weightSum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / weightSum);
  const result = exact.map((value) => Math.floor(value));
  let left = total - result.reduce((sum, value) => sum + value, 0);
  const order = exact
    .map((value, position) => ({ position, remainder: value - Math.floor(value) }))
    .sort(
      (first, second) => second.remainder - first.remainder || first.position - second.position,
    );
  for (const { position } of order) {
    if (left <= 0) break;
    result[position] = (result[position] ?? 0) + 1;
    left -= 1;
  }
  return result;
}
