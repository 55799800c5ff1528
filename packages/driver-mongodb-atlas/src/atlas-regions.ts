import { filterRegions } from '@cloud-inventory/driver-kit';

/** One `replicationSpecs[].regionConfigs[]` entry of a cluster (Admin API 2024-08-05). */
interface AtlasRegionConfig {
  regionName?: string;
  providerName?: string;
  priority?: number;
}

/** The region of a cluster: the highest-priority region of its replication specs (its preferred primary). */
export function clusterRegion(cluster: {
  replicationSpecs?: Array<{ regionConfigs?: AtlasRegionConfig[] }>;
}): string | undefined {
  const configs = (cluster.replicationSpecs ?? []).flatMap((spec) => spec.regionConfigs ?? []);
  let best: AtlasRegionConfig | undefined;
  for (const config of configs) {
    if (typeof config.regionName !== 'string' || config.regionName === '') continue;
    if (!best || (config.priority ?? 0) > (best.priority ?? 0)) best = config;
  }
  return best?.regionName;
}

/** The region of a serverless instance or flex cluster: `providerSettings.regionName`. */
export function providerSettingsRegion(instance: {
  providerSettings?: { regionName?: string };
}): string | undefined {
  const region = instance.providerSettings?.regionName;
  return typeof region === 'string' && region !== '' ? region : undefined;
}

/** Options of an `AtlasRegionSelection`. */
export interface AtlasRegionSelectionOptions {
  /** `config.regions`. */
  regions?: readonly string[] | null | undefined;
  /** `ListOptions.include` (entries naming a known region restrict to it). */
  include?: readonly string[] | undefined;
  /** `ListOptions.exclude` (regions left out). */
  exclude?: readonly string[] | undefined;
  /** Regions earlier runs met (`runtime.state.regions`). */
  previous?: readonly string[] | undefined;
}

/**
 * Which Atlas regions are listed, and which regions a project-wide listing is reported complete
 * for. Atlas has no cheap "list every region" call, so the known regions are those `config.regions`
 * names, those earlier runs met (kept in `runtime.state`) and those met in this run: a region whose
 * last cluster was removed is still reported complete, so the removal is seen.
 */
export class AtlasRegionSelection {
  readonly #options: AtlasRegionSelectionOptions;
  readonly #known = new Set<string>();

  constructor(options: AtlasRegionSelectionOptions) {
    this.#options = options;
    for (const region of options.previous ?? []) this.#known.add(region);
    for (const region of options.regions ?? []) if (!region.includes('*')) this.#known.add(region);
    // An include entry spelled like an Atlas region (`US_EAST_1`) restricts to it from the start,
    // before any resource of it was met (service and type names are lower case).
    for (const entry of options.include ?? []) {
      if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(entry)) this.#known.add(entry);
    }
  }

  #selected(all: string[]): string[] {
    return filterRegions({
      all,
      regions: this.#options.regions ?? null,
      ...(this.#options.include ? { include: this.#options.include } : {}),
      ...(this.#options.exclude ? { exclude: this.#options.exclude } : {}),
      strict: false,
    });
  }

  /** Whether a resource of `region` is kept (`global` always is); remembers the region. */
  keep(region: string): boolean {
    if (region === 'global') return true;
    this.#known.add(region);
    return this.#selected([...this.#known]).includes(region);
  }

  /** Selected regions known so far: what a project-wide listing covers. */
  covered(): string[] {
    return this.#selected([...this.#known]);
  }

  /** Every region known (for `runtime.state`). */
  known(): string[] {
    return [...this.#known].sort();
  }
}
