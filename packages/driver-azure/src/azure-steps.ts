import type { CloudResource, DriverCatalog } from '@cloud-inventory/core';
import {
  buildResource,
  type CoveredRegions,
  type ListStep,
  selectResourceTypes,
} from '@cloud-inventory/driver-kit';
import type { AzureSubscriptionClients } from './azure-clients.ts';
import { azureComputeDefinitions } from './azure-compute-definitions.ts';
import type { AzureListDefinition, AzureListedObject } from './azure-definition.ts';
import { azureEnrichers } from './azure-enrichment.ts';
import { toAzureStepError } from './azure-errors.ts';
import { azureNetworkDefinitions } from './azure-network-definitions.ts';
import { azurePlatformDefinitions } from './azure-platform-definitions.ts';
import {
  normalizeAzureLocation,
  normalizeAzureResourceId,
  parseAzureResourceId,
} from './azure-resource-ids.ts';

/** Every listing step definition of a subscription. */
export const azureDefinitions: readonly AzureListDefinition[] = [
  ...azureComputeDefinitions,
  ...azureNetworkDefinitions,
  ...azurePlatformDefinitions,
];

/** What decides which listed objects are kept. */
export interface AzureKeepFilters {
  /** Lower-case resource group names to keep; undefined keeps all. */
  resourceGroups: ReadonlySet<string> | undefined;
  /** Locations to keep; undefined keeps all. `global` is always kept. */
  regions: ReadonlySet<string> | undefined;
}

/** Options of `azureSteps`. */
export interface AzureStepsOptions {
  catalog: DriverCatalog;
  /** Services left after `config.services`, include and exclude. */
  services: readonly string[];
  /** Clients of each subscription to list. */
  subscriptions: readonly AzureSubscriptionClients[];
  /** Discovery filters. */
  include: string[] | undefined;
  exclude: string[] | undefined;
  /** Which objects to keep. */
  keep: AzureKeepFilters;
  /** Locations each subscription-wide listing is complete for. */
  coversRegions: CoveredRegions;
}

const recordSetTypes = new Set(['azure.dns.recordset', 'azure.dns.privaterecordset']);

/** The CloudResource of one listed ARM object, or undefined when it has no id. */
export function azureResource(
  listed: AzureListedObject,
  service: string,
  subscriptionId: string,
): CloudResource | undefined {
  const { object } = listed;
  if (typeof object.id !== 'string' || object.id.trim() === '') return undefined;
  const resourceGroup = parseAzureResourceId(object.id).resourceGroup;
  // Record sets keep their tags in `properties.metadata`.
  const tags = recordSetTypes.has(listed.resourceType) ? object.properties?.metadata : object.tags;
  return buildResource({
    provider: 'azure',
    accountId: subscriptionId,
    region: normalizeAzureLocation(object.location) ?? listed.parentLocation ?? 'global',
    service,
    resourceType: listed.resourceType,
    resourceId: normalizeAzureResourceId(object.id),
    name: typeof object.name === 'string' ? object.name : null,
    tags,
    configuration: object,
    metadata: {
      armId: object.id,
      subscriptionId,
      ...(resourceGroup ? { resourceGroup } : {}),
    },
  });
}

function kept(resource: CloudResource, keep: AzureKeepFilters): boolean {
  const region = resource.region ?? 'global';
  if (keep.regions && region !== 'global' && !keep.regions.has(region)) return false;
  if (!keep.resourceGroups) return true;
  const group =
    resource.resourceType === 'azure.resources.resourcegroup'
      ? resource.name
      : (resource.metadata?.resourceGroup as string | undefined);
  return typeof group === 'string' && keep.resourceGroups.has(group.toLowerCase());
}

async function* listDefinition(
  definition: AzureListDefinition,
  clients: AzureSubscriptionClients,
  keep: AzureKeepFilters,
  signal: AbortSignal,
): AsyncGenerator<CloudResource> {
  const subscriptionId = clients.subscriptionId;
  try {
    for await (const listed of definition.list(clients, { abortSignal: signal })) {
      const resource = azureResource(listed, definition.service, subscriptionId);
      if (resource && kept(resource, keep)) yield resource;
    }
  } catch (error) {
    if (signal.aborted) throw error;
    throw toAzureStepError(error, {
      provider: definition.provider,
      subscriptionId,
      service: definition.service,
      call: definition.call.replaceAll('{subscriptionId}', subscriptionId),
    });
  }
}

/** One step per (subscription, list call) whose types survive the filters. */
export function azureSteps(options: AzureStepsOptions): ListStep[] {
  const steps: ListStep[] = [];
  for (const clients of options.subscriptions) {
    for (const definition of azureDefinitions) {
      if (!options.services.includes(definition.service)) continue;
      const { types } = selectResourceTypes({
        catalog: options.catalog,
        service: definition.service,
        include: options.include,
        exclude: options.exclude,
      });
      const resourceTypes = definition.resourceTypes.filter((type) => types.includes(type));
      if (resourceTypes.length === 0) continue;
      const enrichers = resourceTypes.flatMap((type) => {
        const enricher = azureEnrichers[type];
        return enricher ? [[type, enricher] as const] : [];
      });
      steps.push({
        service: definition.service,
        region: 'global',
        resourceTypes,
        call: definition.call.replaceAll('{subscriptionId}', clients.subscriptionId),
        coversRegions: options.coversRegions,
        list: (context) => listDefinition(definition, clients, options.keep, context.signal),
        ...(enrichers.length > 0
          ? {
              enrich: async (resource, reads, context) => {
                const enricher = enrichers.find(([type]) => type === resource.resourceType)?.[1];
                return enricher ? enricher(resource, reads, clients, context.signal) : resource;
              },
            }
          : {}),
      });
    }
  }
  return steps;
}
