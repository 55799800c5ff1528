import type { DriverCatalog } from '@cloud-inventory/core';
import { type ListStep, selectResourceTypes } from '@cloud-inventory/driver-kit';
import {
  ackClusterResources,
  ackClustersCall,
  ackNodePoolResources,
  ackNodePoolsCall,
} from './alibaba-ack.ts';
import { dnsRecordResources, dnsRecordsCall } from './alibaba-dns-records.ts';
import { alibabaEcsDefinitions } from './alibaba-ecs-definitions.ts';
import {
  type AlibabaListDefinition,
  type AlibabaListingSettings,
  definitionCall,
  listDefinition,
} from './alibaba-listing.ts';
import { alibabaNetworkDefinitions } from './alibaba-network-definitions.ts';
import {
  enrichOssBucket,
  type OssClients,
  ossBucketResources,
  ossBucketsCall,
} from './alibaba-oss.ts';
import { alibabaPlatformDefinitions } from './alibaba-platform-definitions.ts';

/** Every RPC list definition of the driver. */
export const alibabaListDefinitions: readonly AlibabaListDefinition[] = [
  ...alibabaEcsDefinitions,
  ...alibabaNetworkDefinitions,
  ...alibabaPlatformDefinitions,
];

/** What `alibabaSteps` plans from. */
export interface AlibabaStepPlan {
  /** The catalog. */
  catalog: DriverCatalog;
  /** Services kept by `config.services` and the filters. */
  services: readonly string[];
  /** Regions kept by `config.regions` and the filters. */
  regions: readonly string[];
  /** Region of the account-wide calls. */
  defaultRegion: string;
  /** `ListOptions.include`. */
  include?: readonly string[] | undefined;
  /** `ListOptions.exclude`. */
  exclude?: readonly string[] | undefined;
  /** Settings of every listing. */
  settings: AlibabaListingSettings;
  /** ali-oss clients per region. */
  oss: OssClients;
  /** Regions of the products not offered everywhere (a product absent here: every region). */
  offered?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The list definitions the services and filters select. */
export function selectedDefinitions(
  plan: Pick<AlibabaStepPlan, 'catalog' | 'services' | 'include' | 'exclude'>,
): AlibabaListDefinition[] {
  return alibabaListDefinitions.filter((definition) => {
    if (!plan.services.includes(definition.service)) return false;
    const { types } = selectResourceTypes({
      catalog: plan.catalog,
      service: definition.service,
      include: plan.include,
      exclude: plan.exclude,
    });
    return types.includes(definition.type);
  });
}

/**
 * One step per list call and region (global calls: one step): a denied call fails only its type in
 * its region, and every other type of the service still lists and reports complete.
 */
export function alibabaSteps(plan: AlibabaStepPlan): ListStep[] {
  const steps: ListStep[] = [];
  for (const service of plan.catalog.services) {
    if (!plan.services.includes(service.name)) continue;
    const { types } = selectResourceTypes({
      catalog: plan.catalog,
      service: service.name,
      include: plan.include,
      exclude: plan.exclude,
    });
    for (const definition of alibabaListDefinitions) {
      if (definition.service !== service.name || !types.includes(definition.type)) continue;
      const offered = plan.offered?.get(definition.product);
      const regions =
        definition.scope === 'global'
          ? ['global']
          : plan.regions.filter((region) => !offered || offered.has(region));
      for (const region of regions) steps.push(definitionStep(definition, region, plan.settings));
    }
    steps.push(...specialSteps(service.name, types, plan));
  }
  return steps;
}

function definitionStep(
  definition: AlibabaListDefinition,
  region: string,
  settings: AlibabaListingSettings,
): ListStep {
  const { enrich } = definition;
  return {
    service: definition.service,
    region,
    resourceTypes: [definition.type],
    call: definitionCall(definition),
    list: (context) => listDefinition(definition, region, settings, context),
    ...(enrich
      ? {
          enrich: (resource, reads, context) =>
            enrich(
              {
                api: settings.api,
                target: {
                  product: definition.product,
                  region,
                  service: definition.service,
                  signal: context.signal,
                },
              },
              resource,
              reads,
            ),
        }
      : {}),
  };
}

// ACK (ROA), OSS (ali-oss) and DNS records (a call per domain) do not fit the RPC definitions.
function specialSteps(
  service: string,
  types: readonly string[],
  plan: AlibabaStepPlan,
): ListStep[] {
  const { settings } = plan;
  const steps: ListStep[] = [];
  if (service === 'ack') {
    for (const region of plan.regions) {
      if (types.includes('alibaba.ack.cluster')) {
        steps.push({
          service,
          region,
          resourceTypes: ['alibaba.ack.cluster'],
          call: ackClustersCall,
          list: (context) => ackClusterResources(region, settings, context),
        });
      }
      if (types.includes('alibaba.ack.node-pool')) {
        steps.push({
          service,
          region,
          resourceTypes: ['alibaba.ack.node-pool'],
          call: ackNodePoolsCall,
          list: (context) => ackNodePoolResources(region, settings, context),
        });
      }
    }
  }
  if (service === 'oss' && types.includes('alibaba.oss.bucket')) {
    const regions = new Set(plan.regions);
    steps.push({
      service,
      region: 'global',
      resourceTypes: ['alibaba.oss.bucket'],
      call: ossBucketsCall,
      // ListBuckets answers for the whole account: complete for every selected region.
      coversRegions: [...plan.regions],
      list: (context) =>
        ossBucketResources({
          clients: plan.oss,
          callRegion: plan.defaultRegion,
          regions,
          settings,
          context,
        }),
      enrich: (resource, reads, context) =>
        enrichOssBucket({
          clients: plan.oss,
          api: settings.api,
          resource,
          reads,
          signal: context.signal,
        }),
    });
  }
  if (service === 'dns' && types.includes('alibaba.dns.record')) {
    steps.push({
      service,
      region: 'global',
      resourceTypes: ['alibaba.dns.record'],
      call: dnsRecordsCall,
      list: (context) => dnsRecordResources(settings, context),
    });
  }
  return steps;
}
