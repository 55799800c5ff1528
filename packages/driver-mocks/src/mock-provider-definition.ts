/** Identity of one synthetic resource: its provider id and its human name. */
export interface MockIdentity {
  /** The provider's own identifier (ARNs, ARM ids and `zone/record` paths are fine). */
  id: string;
  /** Human name. */
  name: string;
}

/** What a resource type's `identify` receives; everything is derived from (seed, index). */
export interface MockIdentityContext {
  /** Estate seed as a uint32. */
  readonly seed: number;
  /** Index of the resource in the estate; unique across the whole estate. */
  readonly index: number;
  /** Region (or `global`) of the scope the resource is listed in. */
  readonly region: string;
  /** Account, project, subscription or organisation id. */
  readonly accountId: string;
  /** A float in [0, 1) that is stable for this resource and `salt`. */
  random(salt: string): number;
  /** An integer in [min, max] that is stable for this resource and `salt`. */
  integer(min: number, max: number, salt: string): number;
  /** `length` hex characters stable for this resource and `salt`. */
  hex(length: number, salt: string): string;
  /** `length` hex characters that are unique per index (the first 8 are a bijection of the index). */
  uniqueHex(length: number): string;
  /** A stable element of `values`. */
  pick<Value>(values: readonly Value[], salt: string): Value;
  /** A readable name such as `web-prod-0042` (unique per index). */
  label(prefixes: readonly string[]): string;
  /**
   * Identity of a resource of `type` in this estate (same region when possible), or undefined.
   * `identify` may call it only for types whose own `identify` does not reference back.
   */
  reference(type: string, salt: string): MockIdentity | undefined;
}

/** What a resource type's `build` receives: identity plus run-dependent helpers. */
export interface MockBuildContext extends MockIdentityContext {
  /** Id returned by `identify`. */
  readonly id: string;
  /** Name returned by `identify`. */
  readonly name: string;
  /** Run number (1 for the first sync). */
  readonly run: number;
  /** Provider name (`aws`, `gcp`, ...). */
  readonly provider: string;
  /** How many times drift attribute `attribute` changed up to this run. */
  drift(attribute: number): number;
  /** `values[(stable choice + drift(attribute)) % length]`: changes whenever the attribute drifts. */
  pickDrifting<Value>(values: readonly Value[], salt: string, attribute: number): Value;
  /** A float in [0, 1) that changes every run (for volatile fields). */
  volatileRandom(salt: string): number;
  /** An integer in [0, max] (max >= 1) that differs from the previous run's value at every run. */
  volatileGauge(max: number, salt: string): number;
  /** An ISO timestamp that changes every run (for volatile fields). */
  volatileTimestamp(salt: string): string;
  /** A stable ISO timestamp up to `maxDaysAgo` days before the estate's epoch (creation times). */
  pastTimestamp(maxDaysAgo: number, salt: string): string;
}

/** The body of a synthetic resource (the rest of the CloudResource is filled by the driver). */
export interface MockResourceBody {
  /** Provider payload, versioned and diffed; tags are repeated inside it as the API returns them. */
  configuration: Record<string, unknown>;
  /** Key/value tags. */
  tags?: Record<string, unknown> | null;
  /** Key/value labels. */
  labels?: Record<string, unknown> | null;
  /** Extra metadata, not digested. */
  metadata?: Record<string, unknown>;
}

/** One resource type a mock produces. */
export interface MockResourceTypeDefinition {
  /** `<provider>.<service>.<kind>` or `<provider>.<kind>`. */
  type: string;
  /** Short description, shown in the catalog and the README. */
  description: string;
  /** Relative share of the estate. @default 1 */
  weight?: number;
  /** Paths that change every run and are left out of the digest. */
  volatilePaths?: string[];
  /** Paths holding secrets (redacted by the engine). */
  secretPaths?: string[];
  /** How many independent attributes drift between runs (at least 1). */
  driftAttributes: number;
  /** Id and name; must be cheap, other resources call it for references. */
  identify(context: MockIdentityContext): MockIdentity;
  /** Configuration, tags and labels. */
  build(context: MockBuildContext): MockResourceBody;
}

/** One service of a mock provider. */
export interface MockServiceDefinition {
  /** Service name as used in `config.services` and scope reports. */
  name: string;
  /** Short description. */
  description: string;
  /** Listed once under region `global` rather than per region. */
  global?: boolean;
  /** Types the service yields. */
  resourceTypes: MockResourceTypeDefinition[];
}

/** Everything a provider mock needs: names, default account, regions, services. */
export interface MockProviderDefinition {
  /** Registered driver name, e.g. `aws-mock`. */
  driver: string;
  /** Provider written into resources and used as the type prefix, e.g. `aws`. */
  provider: string;
  /** Other registered names, e.g. `do-mock`. */
  aliases: string[];
  /** Account id used when `config.accountId` is not set. */
  defaultAccountId: string;
  /** Regions of the estate when `config.regions` is not set (at least three). */
  regions: string[];
  /** Services in listing order. */
  services: MockServiceDefinition[];
}

/** Identity helper for definitions: keeps the literal types and checks the shape. */
export function defineMockProvider(definition: MockProviderDefinition): MockProviderDefinition {
  return definition;
}
