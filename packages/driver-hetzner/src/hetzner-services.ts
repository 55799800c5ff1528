import type { CloudResource } from '@cloud-inventory/core';
import { buildResource, type QueryValue } from '@cloud-inventory/driver-kit';
import type { HetznerObject } from './hetzner-list.ts';
import { networkSubnetResources } from './hetzner-networks.ts';

/** What a service definition needs to turn one API object into resources. */
export interface HetznerMappingContext {
  /** Account id recorded on every resource. */
  accountId: string;
}

/** How one Hetzner service is listed and mapped. */
export interface HetznerServiceDefinition {
  /** Service name, as in the catalog and `config.services`. */
  service: string;
  /** List endpoint. */
  path: string;
  /** Body key of the list. */
  key: string;
  /** Resource type of the listed objects. */
  resourceType: string;
  /** True when resources carry a location as region; false for project-wide (global) services. */
  regional: boolean;
  /** Query parameters that narrow the list server-side. */
  query?: Record<string, QueryValue>;
  /** Keep only the objects this accepts (filters the API cannot apply). */
  keep?: (item: HetznerObject) => boolean;
  /** Display name of an object. @default its `name` */
  displayName?: (item: HetznerObject) => string | undefined;
  /** Location name of an object, for regional services. */
  location?: (item: HetznerObject) => string | undefined;
  /** Where `location` reads the region, for the docs. */
  locationField?: string;
  /** Resources derived from an object besides the object itself (network subnets). */
  children?: (item: HetznerObject, context: HetznerMappingContext) => CloudResource[];
  /** Resource types of `children`. */
  childTypes?: readonly string[];
}

/** The resource types one service definition's list call yields. */
export function hetznerStepTypes(definition: HetznerServiceDefinition): string[] {
  return [definition.resourceType, ...(definition.childTypes ?? [])];
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function nameAt(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  return textOf((value as { name?: unknown }).name);
}

// NOTE: Hetzner is phasing out datacenters (changelog 2025-12-16): servers and primary IPs carry a
// `location` object and lose `datacenter` after 1 July 2026. Read the new field first.
function locationOrDatacenter(item: HetznerObject): string | undefined {
  return nameAt(item.location) ?? nameAt((item.datacenter as { location?: unknown })?.location);
}

/** Every service of the driver, in catalog order. */
export const hetznerServices: readonly HetznerServiceDefinition[] = [
  {
    service: 'servers',
    path: '/servers',
    key: 'servers',
    resourceType: 'hetzner.server',
    regional: true,
    location: locationOrDatacenter,
    locationField: '`location.name`, else `datacenter.location.name`',
  },
  {
    service: 'volumes',
    path: '/volumes',
    key: 'volumes',
    resourceType: 'hetzner.volume',
    regional: true,
    location: (item) => nameAt(item.location),
    locationField: '`location.name`',
  },
  {
    service: 'networks',
    path: '/networks',
    key: 'networks',
    resourceType: 'hetzner.network',
    regional: false,
    children: networkSubnetResources,
    childTypes: ['hetzner.network.subnet'],
  },
  {
    service: 'loadbalancers',
    path: '/load_balancers',
    key: 'load_balancers',
    resourceType: 'hetzner.load-balancer',
    regional: true,
    location: (item) => nameAt(item.location),
    locationField: '`location.name`',
  },
  {
    service: 'firewalls',
    path: '/firewalls',
    key: 'firewalls',
    resourceType: 'hetzner.firewall',
    regional: false,
  },
  {
    service: 'floatingips',
    path: '/floating_ips',
    key: 'floating_ips',
    resourceType: 'hetzner.floating-ip',
    regional: true,
    location: (item) => nameAt(item.home_location),
    locationField: '`home_location.name`',
  },
  {
    service: 'primaryips',
    path: '/primary_ips',
    key: 'primary_ips',
    resourceType: 'hetzner.primary-ip',
    regional: true,
    location: locationOrDatacenter,
    locationField: '`location.name`, else `datacenter.location.name`',
  },
  {
    service: 'placementgroups',
    path: '/placement_groups',
    key: 'placement_groups',
    resourceType: 'hetzner.placement-group',
    regional: false,
  },
  {
    service: 'sshkeys',
    path: '/ssh_keys',
    key: 'ssh_keys',
    resourceType: 'hetzner.ssh-key',
    regional: false,
  },
  {
    service: 'images',
    path: '/images',
    key: 'images',
    resourceType: 'hetzner.image',
    regional: false,
    // Snapshots have no name (null); their description is what the console shows.
    displayName: (item) => textOf(item.name) ?? textOf(item.description),
    // System and app images belong to Hetzner, not to the project.
    query: { type: ['snapshot', 'backup'] },
  },
  {
    service: 'isos',
    path: '/isos',
    key: 'isos',
    resourceType: 'hetzner.iso',
    regional: false,
    // NOTE: GET /isos has no type filter; public ISOs are Hetzner's stock and are left out here.
    keep: (item) => item.type === 'private',
  },
  {
    service: 'certificates',
    path: '/certificates',
    key: 'certificates',
    resourceType: 'hetzner.certificate',
    regional: false,
  },
];

/** The resource of one listed object (region: its location, or `global`). */
export function hetznerResource(
  definition: HetznerServiceDefinition,
  item: HetznerObject,
  context: HetznerMappingContext,
): CloudResource {
  const region = (definition.regional && definition.location?.(item)) || 'global';
  return buildResource({
    provider: 'hetzner',
    accountId: context.accountId,
    region,
    service: definition.service,
    resourceType: definition.resourceType,
    resourceId: item.id,
    name: (definition.displayName ?? ((object) => textOf(object.name)))(item) ?? null,
    labels: item.labels ?? {},
    configuration: item,
  });
}
