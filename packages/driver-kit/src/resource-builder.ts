import {
  type CloudResource,
  type DriverCatalog,
  InvalidResourceError,
  parsePathPattern,
  type ResourceTypeDescriptor,
  type ServiceDescriptor,
} from '@cloud-inventory/core';
import { normalizeTags } from './tags.ts';

/** Resource types: `<driver>.<service>.<kind>` or `<driver>.<kind>`, lower case, digits, `-` and `_`. */
export const resourceTypePattern = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$/;

function checkPaths(type: string, field: string, paths: readonly string[] | undefined): void {
  for (const path of paths ?? []) {
    try {
      parsePathPattern(path);
    } catch (error) {
      throw new InvalidResourceError({
        message: `Resource type ${type}: ${field} entry ${JSON.stringify(path)} is not a valid path pattern (${(error as Error).message}).`,
        field,
        resourceType: type,
      });
    }
  }
}

/** Declare one resource type (checked: lower-case dotted name, parseable volatile and secret paths). */
export function defineResourceType(descriptor: ResourceTypeDescriptor): ResourceTypeDescriptor {
  if (!resourceTypePattern.test(descriptor.type)) {
    throw new InvalidResourceError({
      message: `Resource type ${JSON.stringify(descriptor.type)} must be lower case and dotted, like "aws.ec2.instance" or "hetzner.server".`,
      field: 'resourceType',
      resourceType: descriptor.type,
    });
  }
  checkPaths(descriptor.type, 'volatilePaths', descriptor.volatilePaths);
  checkPaths(descriptor.type, 'secretPaths', descriptor.secretPaths);
  return { ...descriptor };
}

/** Build a driver's catalog; checks every type starts with `<driver>.` and appears only once. */
export function defineCatalog(driver: string, services: ServiceDescriptor[]): DriverCatalog {
  const seen = new Set<string>();
  for (const service of services) {
    if (service.resourceTypes.length === 0) {
      throw new InvalidResourceError({
        message: `Catalog of ${driver}: service ${service.name} declares no resource types.`,
        field: 'resourceTypes',
      });
    }
    for (const descriptor of service.resourceTypes) {
      defineResourceType(descriptor);
      if (!descriptor.type.startsWith(`${driver}.`)) {
        throw new InvalidResourceError({
          message: `Catalog of ${driver}: resource type ${descriptor.type} must start with "${driver}.".`,
          field: 'resourceType',
          resourceType: descriptor.type,
        });
      }
      if (seen.has(descriptor.type)) {
        throw new InvalidResourceError({
          message: `Catalog of ${driver}: resource type ${descriptor.type} is declared twice.`,
          field: 'resourceType',
          resourceType: descriptor.type,
        });
      }
      seen.add(descriptor.type);
    }
  }
  return { driver, services };
}

/** Input of `buildResource`: tags and labels may be in any common shape. */
export interface ResourceInput {
  /** Provider (driver) name; the resource type must start with it. */
  provider: string;
  /** Account, project or subscription. */
  accountId?: string;
  /** Region, zone or `global`. @default 'global' */
  region?: string | null;
  /** Service that listed it. */
  service: string;
  /** `<driver>.<...>`, lower case. */
  resourceType: string;
  /** Provider id; numbers are turned into strings. */
  resourceId: string | number;
  /** Display name. */
  name?: string | null;
  /** Tags: a map, `[{Key, Value}]`, `[{key, value}]` or `["k:v", "flag"]`. */
  tags?: unknown;
  /** Labels: same shapes as tags. */
  labels?: unknown;
  /** The provider payload that is versioned. */
  configuration?: unknown;
  /** Extra metadata, not digested. */
  metadata?: Record<string, unknown>;
}

/** Build a CloudResource: checks the id and type, normalises tags and labels, fills the region. */
export function buildResource(input: ResourceInput): CloudResource {
  const numeric = typeof input.resourceId === 'number';
  const resourceId = numeric ? String(input.resourceId) : input.resourceId;
  const usable = numeric ? Number.isFinite(input.resourceId) : typeof resourceId === 'string';
  if (!usable || typeof resourceId !== 'string' || resourceId.trim() === '') {
    throw new InvalidResourceError({
      message: `A ${input.resourceType} resource has no usable id (${JSON.stringify(input.resourceId)}); resourceId must be a non-empty string.`,
      field: 'resourceId',
      resourceType: input.resourceType,
      service: input.service,
    });
  }
  if (
    !resourceTypePattern.test(input.resourceType) ||
    !input.resourceType.startsWith(`${input.provider}.`)
  ) {
    throw new InvalidResourceError({
      message: `Resource type ${JSON.stringify(input.resourceType)} must be lower case and start with "${input.provider}.".`,
      field: 'resourceType',
      resourceType: input.resourceType,
      resourceId,
      service: input.service,
    });
  }
  const resource: CloudResource = {
    provider: input.provider,
    region: input.region ?? 'global',
    service: input.service,
    resourceType: input.resourceType,
    resourceId,
    name: input.name ?? null,
    tags: normalizeTags(input.tags),
    labels: normalizeTags(input.labels),
    configuration: input.configuration ?? {},
  };
  if (input.accountId !== undefined) resource.accountId = input.accountId;
  if (input.metadata !== undefined) resource.metadata = input.metadata;
  return resource;
}
