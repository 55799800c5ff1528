import {
  ConfigurationError,
  type ConfigurationIssue,
  type DriverCatalog,
} from '@cloud-inventory/core';

/** True when `name` matches `pattern` (case-insensitive, `*` matches any run of characters). */
export function matchesNamePattern(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern.toLowerCase() === name.toLowerCase();
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(name);
}

function servicesOf(all: readonly string[] | DriverCatalog): { name: string; types: string[] }[] {
  if (Array.isArray(all)) return (all as readonly string[]).map((name) => ({ name, types: [] }));
  return (all as DriverCatalog).services.map((service) => ({
    name: service.name,
    types: service.resourceTypes.map((descriptor) => descriptor.type),
  }));
}

function quoteList(names: readonly string[]): string {
  return names.length > 0 ? names.join(', ') : '(none)';
}

/** Options of `filterServices`. */
export interface FilterServicesOptions {
  /** Every service the driver knows: its names, or the catalog (then resource types in filters count too). */
  all: readonly string[] | DriverCatalog;
  /** `config.services`: only these (unknown names throw a ConfigurationError listing the valid ones). */
  services?: readonly string[] | null;
  /** `ListOptions.include`: services, resource types or regions; entries naming no service are ignored here. */
  include?: readonly string[];
  /** `ListOptions.exclude`: services (or all of a service's resource types) left out. */
  exclude?: readonly string[];
  /** Option path used in error messages. @default 'config.services' */
  optionPath?: string;
}

/** The services to list after `config.services`, `include` and `exclude`, in catalog order. */
export function filterServices(options: FilterServicesOptions): string[] {
  const services = servicesOf(options.all);
  const names = services.map((service) => service.name);
  const matchesService = (pattern: string, service: { name: string; types: string[] }) =>
    matchesNamePattern(pattern, service.name) ||
    service.types.some((type) => matchesNamePattern(pattern, type));

  let selected = services;
  if (options.services && options.services.length > 0) {
    const issues: ConfigurationIssue[] = [];
    options.services.forEach((pattern, index) => {
      if (!services.some((service) => matchesNamePattern(pattern, service.name))) {
        issues.push({
          path: `${options.optionPath ?? 'config.services'}[${index}]`,
          expected: `one of ${quoteList(names)}`,
          received: JSON.stringify(pattern),
        });
      }
    });
    if (issues.length > 0) throw new ConfigurationError({ issues });
    selected = selected.filter((service) =>
      options.services!.some((pattern) => matchesNamePattern(pattern, service.name)),
    );
  }
  const includes = (options.include ?? []).filter((pattern) =>
    services.some((service) => matchesService(pattern, service)),
  );
  if (includes.length > 0) {
    selected = selected.filter((service) =>
      includes.some((pattern) => matchesService(pattern, service)),
    );
  }
  const excludes = options.exclude ?? [];
  return selected
    .filter(
      (service) =>
        !excludes.some((pattern) => matchesNamePattern(pattern, service.name)) &&
        !(
          service.types.length > 0 &&
          service.types.every((type) =>
            excludes.some((pattern) => matchesNamePattern(pattern, type)),
          )
        ),
    )
    .map((service) => service.name);
}

/** Options of `filterRegions`. */
export interface FilterRegionsOptions {
  /** Every region available (static list, or what the provider reported). */
  all: readonly string[];
  /** `config.regions`: only these. */
  regions?: readonly string[] | null;
  /** `ListOptions.include`: entries naming a known region restrict to those regions. */
  include?: readonly string[];
  /** `ListOptions.exclude`: regions left out. */
  exclude?: readonly string[];
  /** Throw a ConfigurationError for `regions` entries that match no known region. @default true */
  strict?: boolean;
  /** Option path used in error messages. @default 'config.regions' */
  optionPath?: string;
}

/** The regions to list after `config.regions`, `include` and `exclude`, in the order of `all`. */
export function filterRegions(options: FilterRegionsOptions): string[] {
  let selected = [...options.all];
  if (options.regions && options.regions.length > 0) {
    if (options.strict ?? true) {
      const issues: ConfigurationIssue[] = [];
      options.regions.forEach((pattern, index) => {
        if (!options.all.some((region) => matchesNamePattern(pattern, region))) {
          issues.push({
            path: `${options.optionPath ?? 'config.regions'}[${index}]`,
            expected: `one of ${quoteList(options.all)}`,
            received: JSON.stringify(pattern),
          });
        }
      });
      if (issues.length > 0) throw new ConfigurationError({ issues });
    }
    selected = selected.filter((region) =>
      options.regions!.some((pattern) => matchesNamePattern(pattern, region)),
    );
  }
  const includes = (options.include ?? []).filter((pattern) =>
    options.all.some((region) => matchesNamePattern(pattern, region)),
  );
  if (includes.length > 0) {
    selected = selected.filter((region) =>
      includes.some((pattern) => matchesNamePattern(pattern, region)),
    );
  }
  const excludes = options.exclude ?? [];
  return selected.filter(
    (region) => !excludes.some((pattern) => matchesNamePattern(pattern, region)),
  );
}

/** Options of `filterListedRegions`. */
export interface FilterListedRegionsOptions extends Omit<FilterRegionsOptions, 'all' | 'strict'> {
  /** The provider's regions, and whether they came from its API or a built-in fallback list. */
  listed: { names: readonly string[]; fromApi: boolean };
}

/**
 * `filterRegions` over regions that may come from a built-in fallback list (the provider's region
 * call failed or is not allowed): then a configured region the fallback does not know is kept, not
 * refused, and `config.regions` is not checked strictly. Gives every known region and the selected ones.
 */
export function filterListedRegions(options: FilterListedRegionsOptions): {
  all: string[];
  selected: string[];
} {
  const { listed, ...filters } = options;
  // A region missing from the built-in fallback list must not fail the sync or be dropped.
  const configured = (filters.regions ?? []).filter((region) => !region.includes('*'));
  const all = listed.fromApi ? [...listed.names] : [...new Set([...listed.names, ...configured])];
  return { all, selected: filterRegions({ ...filters, all, strict: listed.fromApi }) };
}

/** Options of `selectResourceTypes`. */
export interface SelectResourceTypesOptions {
  /** The service whose resource types are selected, as named in the catalog. */
  service: string;
  /**
   * The driver's catalog: gives the service's types, and lets an `include` that names only other
   * services (or their types) leave this service out, as `filterServices` does.
   */
  catalog?: DriverCatalog;
  /** The service's resource types, when there is no catalog (then only this service is known). */
  types?: readonly string[];
  /** `ListOptions.include`: services, resource types or regions. */
  include?: readonly string[];
  /** `ListOptions.exclude`: services, resource types or regions. */
  exclude?: readonly string[];
}

/** The resource types of one service that survive `include` / `exclude`. */
export interface ResourceTypeSelection {
  /** Service name. */
  service: string;
  /** Selected types, in catalog order; empty when the filters leave the service out. */
  types: string[];
  /** True when the filters keep only some of the service's types (then scopes must name them). */
  partial: boolean;
}

/**
 * The resource types of one service that `include` / `exclude` keep. Each filter entry is read
 * against this service only: an entry matching the service's name selects (or, in `exclude`,
 * drops) all its types; an entry matching some of its types selects (or drops) those; anything
 * else (a region, another service or another service's type) says nothing about its types. So
 * `include: ['servers', 'hetzner.network']` keeps every type of `servers` and only
 * `hetzner.network` of `networks`, and `include: ['fsn1']` keeps every type of every service.
 * Put `types` in `ListScope.resourceTypes` when `partial` is true.
 */
export function selectResourceTypes(options: SelectResourceTypesOptions): ResourceTypeSelection {
  const { service } = options;
  const descriptor = options.catalog?.services.find((candidate) => candidate.name === service);
  if (options.catalog && !descriptor) {
    throw new Error(
      `selectResourceTypes: the ${options.catalog.driver} catalog has no service ${JSON.stringify(service)}; services: ${quoteList(options.catalog.services.map((candidate) => candidate.name))}.`,
    );
  }
  const all = descriptor
    ? descriptor.resourceTypes.map((resourceType) => resourceType.type)
    : [...(options.types ?? [])];
  const matchesAny = (patterns: readonly string[], name: string) =>
    patterns.some((pattern) => matchesNamePattern(pattern, name));
  const unselected: ResourceTypeSelection = { service, types: [], partial: all.length > 0 };

  const excludes = options.exclude ?? [];
  if (matchesAny(excludes, service)) return unselected;
  const includes = options.include ?? [];
  const namesService = includes.some((pattern) => matchesNamePattern(pattern, service));
  const typePatterns = includes.filter((pattern) =>
    all.some((type) => matchesNamePattern(pattern, type)),
  );
  let included = all;
  if (!namesService) {
    if (typePatterns.length > 0) {
      included = all.filter((type) => matchesAny(typePatterns, type));
    } else if (
      options.catalog &&
      includes.some((pattern) => namesCatalogEntry(options.catalog!, pattern))
    ) {
      // The include picks other services (or their types) only: this one is not listed.
      return unselected;
    }
  }
  const types = included.filter((type) => !matchesAny(excludes, type));
  return { service, types, partial: types.length < all.length };
}

function namesCatalogEntry(catalog: DriverCatalog, pattern: string): boolean {
  return catalog.services.some(
    (service) =>
      matchesNamePattern(pattern, service.name) ||
      service.resourceTypes.some((resourceType) => matchesNamePattern(pattern, resourceType.type)),
  );
}

/**
 * Whether a resource type survives `include`/`exclude` (include entries containing a dot name
 * resource types).
 * @deprecated Treats any dotted include entry as a type pattern, so `include: ['servers',
 * 'hetzner.network']` drops `hetzner.server`; use `selectResourceTypes`, which reads the filters
 * against one service's name and types.
 */
export function isResourceTypeSelected(
  type: string,
  filters: { include?: readonly string[]; exclude?: readonly string[] },
): boolean {
  if ((filters.exclude ?? []).some((pattern) => matchesNamePattern(pattern, type))) return false;
  const typePatterns = (filters.include ?? []).filter((pattern) => pattern.includes('.'));
  return (
    typePatterns.length === 0 || typePatterns.some((pattern) => matchesNamePattern(pattern, type))
  );
}
