import type { CloudResource, DriverCatalog } from '@cloud-inventory/core';
import {
  type ListStep,
  type ResourceTypeSelection,
  type StepContext,
  selectResourceTypes,
} from '@cloud-inventory/driver-kit';
import type { GcpApiClient } from './gcp-api-client.ts';
import type { GcpListContext, GcpListingDefinition } from './gcp-resource.ts';

/** Options of `buildGcpSteps`. */
export interface BuildGcpStepsOptions {
  /** REST client. */
  client: GcpApiClient;
  /** Catalog (for type selection). */
  catalog: DriverCatalog;
  /** Listings to turn into steps. */
  definitions: readonly GcpListingDefinition[];
  /** Projects to list. */
  projects: readonly string[];
  /** Every region of the projects. */
  allRegions: readonly string[];
  /** Regions selected by `config.regions` and the filters. */
  selectedRegions: readonly string[];
  /** Services selected by `config.services` and the filters. */
  services: readonly string[];
  /** `ListOptions.include`. */
  include?: readonly string[] | undefined;
  /** `ListOptions.exclude`. */
  exclude?: readonly string[] | undefined;
}

/**
 * One step per listing and project (and per region for per-region listings): a denied or failing
 * call fails exactly its types there, while every other listing completes. Project-wide calls
 * (aggregated lists, `locations/-`) cover every selected region; resources of other regions are
 * dropped, so only what was selected is reported complete.
 */
export function buildGcpSteps(options: BuildGcpStepsOptions): ListStep[] {
  const selections = new Map<string, ResourceTypeSelection>();
  const selectionOf = (service: string) => {
    let selection = selections.get(service);
    if (!selection) {
      selection = selectResourceTypes({
        catalog: options.catalog,
        service,
        ...(options.include ? { include: options.include } : {}),
        ...(options.exclude ? { exclude: options.exclude } : {}),
      });
      selections.set(service, selection);
    }
    return selection;
  };
  const regions = new Set(options.allRegions);
  const selected = new Set(options.selectedRegions);
  const keepsRegion = (region: string) => region === 'global' || selected.has(region);
  const steps: ListStep[] = [];
  for (const project of options.projects) {
    for (const definition of options.definitions) {
      if (!options.services.includes(definition.service)) continue;
      const chosen = selectionOf(definition.service).types;
      const types = definition.types
        .map((entry) => entry.type)
        .filter((type) => chosen.includes(type));
      if (types.length === 0) continue;
      const stepRegions =
        definition.placement === 'per-region' ? options.selectedRegions : ['global'];
      for (const region of stepRegions) {
        const contextOf = (step: StepContext): GcpListContext => ({
          client: options.client,
          project,
          region,
          regions,
          keepsRegion,
          service: definition.service,
          signal: step.signal,
        });
        const where =
          region === 'global' ? `projects/${project}` : `projects/${project} in ${region}`;
        steps.push({
          service: definition.service,
          region,
          resourceTypes: types,
          call: `${definition.method} on ${where} (needs ${definition.permission})`,
          ...(definition.placement === 'regional'
            ? { coversRegions: options.selectedRegions }
            : {}),
          list: (step) => keepSelected(definition.list(contextOf(step)), keepsRegion),
          ...(definition.enrich
            ? {
                enrich: (resource, reads, step) =>
                  definition.enrich!(resource, reads, { ...contextOf(step), step }),
              }
            : {}),
        });
      }
    }
  }
  return steps;
}

async function* keepSelected(
  resources: AsyncIterable<CloudResource>,
  keepsRegion: (region: string) => boolean,
): AsyncGenerator<CloudResource> {
  for await (const resource of resources) {
    if (keepsRegion(resource.region ?? 'global')) yield resource;
  }
}
