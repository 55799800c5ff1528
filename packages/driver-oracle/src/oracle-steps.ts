import type { DriverCatalog } from '@cloud-inventory/core';
import { type ListStep, selectResourceTypes } from '@cloud-inventory/driver-kit';
import { oracleComputeDefinitions } from './oracle-compute-definitions.ts';
import { oracleIdentityDefinitions } from './oracle-identity-definitions.ts';
import {
  callRunner,
  listDefinition,
  type OracleListDefinition,
  type OracleListingSettings,
} from './oracle-listing.ts';
import { oracleNetworkDefinitions } from './oracle-network-definitions.ts';
import { oraclePlatformDefinitions } from './oracle-platform-definitions.ts';
import { oracleResource } from './oracle-resource.ts';
import { oracleStorageDefinitions } from './oracle-storage-definitions.ts';

/** Every list definition of the driver, in catalog order within each service. */
export const oracleListDefinitions: readonly OracleListDefinition[] = [
  ...oracleComputeDefinitions,
  ...oraclePlatformDefinitions,
  ...oracleStorageDefinitions,
  ...oracleNetworkDefinitions,
  ...oracleIdentityDefinitions,
];

/** What `oracleSteps` plans from. */
export interface OracleStepPlan {
  /** The catalog. */
  catalog: DriverCatalog;
  /** Services kept by `config.services` and the filters. */
  services: readonly string[];
  /** Regions kept by `config.regions` and the filters. */
  regions: readonly string[];
  /** Region the global (identity, public DNS) calls go to. */
  globalRegion: string;
  /** `ListOptions.include`. */
  include?: readonly string[] | undefined;
  /** `ListOptions.exclude`. */
  exclude?: readonly string[] | undefined;
  /** Settings of every listing. */
  settings: OracleListingSettings;
}

/**
 * One step per list call and region (global calls: one step): a denied call fails only its type
 * in its region, a denied compartment only the listings that cover it, and the rest completes.
 */
export function oracleSteps(plan: OracleStepPlan): ListStep[] {
  const steps: ListStep[] = [];
  for (const service of plan.catalog.services) {
    if (!plan.services.includes(service.name)) continue;
    const { types } = selectResourceTypes({
      catalog: plan.catalog,
      service: service.name,
      include: plan.include,
      exclude: plan.exclude,
    });
    if (types.length === 0) continue;
    for (const definition of oracleListDefinitions) {
      if (definition.service !== service.name || !types.includes(definition.type)) continue;
      const regions = definition.scope === 'global' ? [plan.globalRegion] : plan.regions;
      for (const region of regions) steps.push(definitionStep(definition, region, plan.settings));
    }
    if (types.includes('oracle.identity.compartment')) steps.push(compartmentStep(plan));
  }
  return steps;
}

function definitionStep(
  definition: OracleListDefinition,
  callRegion: string,
  settings: OracleListingSettings,
): ListStep {
  const { enrich } = definition;
  return {
    service: definition.service,
    region: definition.scope === 'global' ? 'global' : callRegion,
    resourceTypes: [definition.type],
    call: definition.call,
    list: (context) => listDefinition(definition, callRegion, settings, context),
    ...(enrich
      ? {
          enrich: (resource, reads, context) =>
            enrich(
              {
                clients: settings.clients,
                region: callRegion,
                tenancyId: settings.tenancyId,
                run: callRunner(context, callRegion, settings.logger),
              },
              resource,
              reads,
            ),
        }
      : {}),
  };
}

// The compartments come from the tree every listing needs anyway: no second ListCompartments.
function compartmentStep(plan: OracleStepPlan): ListStep {
  return {
    service: 'identity',
    region: 'global',
    resourceTypes: ['oracle.identity.compartment'],
    call: 'ListCompartments',
    list: async function* () {
      const tree = await plan.settings.tree();
      if (tree.error !== undefined) throw tree.error;
      for (const compartment of tree.compartments) {
        yield oracleResource({
          accountId: plan.settings.accountId,
          region: 'global',
          service: 'identity',
          resourceType: 'oracle.identity.compartment',
          resourceId: compartment.id,
          name: compartment.name,
          item: compartment,
        });
      }
    },
  };
}
