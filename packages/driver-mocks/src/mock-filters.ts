/** What the filter knows to classify tokens: the services and types that exist. */
export interface MockFilterVocabulary {
  /** Service names. */
  services: ReadonlySet<string>;
  /** Resource types. */
  types: ReadonlySet<string>;
}

/**
 * `options.include` / `options.exclude` matching. Include tokens are split by what they name:
 * services and resource types select what is listed, any other token is a region; a resource passes
 * when it matches the selected services/types (if any) AND the selected regions (if any). Exclude
 * tokens remove every resource whose service, type or region they name.
 */
export class MockFilter {
  readonly #includeServices = new Set<string>();
  readonly #includeTypes = new Set<string>();
  readonly #includeRegions = new Set<string>();
  readonly #exclude: Set<string>;

  constructor(
    include: readonly string[] | undefined,
    exclude: readonly string[] | undefined,
    vocabulary: MockFilterVocabulary,
  ) {
    for (const token of include ?? []) {
      if (vocabulary.services.has(token)) this.#includeServices.add(token);
      else if (vocabulary.types.has(token)) this.#includeTypes.add(token);
      else this.#includeRegions.add(token);
    }
    this.#exclude = new Set(exclude ?? []);
  }

  /** True when resources of `type` in (service, region) are listed. */
  allows(service: string, region: string, type: string): boolean {
    if (this.#exclude.has(service) || this.#exclude.has(region) || this.#exclude.has(type))
      return false;
    const selectsWhat = this.#includeServices.size > 0 || this.#includeTypes.size > 0;
    if (selectsWhat && !this.#includeServices.has(service) && !this.#includeTypes.has(type))
      return false;
    return this.#includeRegions.size === 0 || this.#includeRegions.has(region);
  }
}
