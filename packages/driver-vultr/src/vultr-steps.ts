import type { DriverCatalog } from '@cloud-inventory/core';
import { type ListStep, selectResourceTypes } from '@cloud-inventory/driver-kit';
import { vultrAccessSteps } from './vultr-access-steps.ts';
import { vultrComputeSteps } from './vultr-compute-steps.ts';
import { vultrDatabaseSteps } from './vultr-database-steps.ts';
import { vultrDnsSteps } from './vultr-dns-steps.ts';
import { vultrNetworkSteps } from './vultr-network-steps.ts';
import type { VultrRunContext } from './vultr-resource.ts';
import { vultrStorageSteps } from './vultr-storage-steps.ts';

/** Every listing step of the driver, one per list call, in catalog order. */
export function vultrSteps(context: VultrRunContext): ListStep[] {
  return [
    ...vultrComputeSteps(context),
    ...vultrStorageSteps(context),
    ...vultrNetworkSteps(context),
    ...vultrDnsSteps(context),
    ...vultrAccessSteps(context),
    ...vultrDatabaseSteps(context),
  ];
}

/** Options of `selectVultrSteps`. */
export interface SelectVultrStepsOptions {
  /** The driver's catalog. */
  catalog: DriverCatalog;
  /** Services left by `filterServices`. */
  services: readonly string[];
  /** `ListOptions.include`. */
  include?: readonly string[] | undefined;
  /** `ListOptions.exclude`. */
  exclude?: readonly string[] | undefined;
}

/**
 * The steps the filters keep, each limited to its selected resource types; a step none of whose
 * types is selected is not run (so no call is made for it).
 */
export function selectVultrSteps(
  steps: readonly ListStep[],
  options: SelectVultrStepsOptions,
): ListStep[] {
  const selected: ListStep[] = [];
  for (const step of steps) {
    if (!options.services.includes(step.service)) continue;
    const { types } = selectResourceTypes({
      catalog: options.catalog,
      service: step.service,
      ...(options.include ? { include: options.include } : {}),
      ...(options.exclude ? { exclude: options.exclude } : {}),
    });
    const resourceTypes = step.resourceTypes.filter((type) => types.includes(type));
    if (resourceTypes.length > 0) selected.push({ ...step, resourceTypes });
  }
  return selected;
}

/** Services whose resources carry a region (the catalog marks the others `global`). */
export function isRegionalService(catalog: DriverCatalog, service: string): boolean {
  return !catalog.services.find((candidate) => candidate.name === service)?.global;
}
