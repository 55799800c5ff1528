import type { ResourceFilter } from '@cloud-inventory/core';
import { parseChoice, parseTags } from '../parse/parse-values.ts';
import { type CommandInput, type OptionDefinition, stringValue, stringValues } from './command.ts';

/** The filter options shared by `list` and `export`. */
export const resourceFilterOptions: Record<string, OptionDefinition> = {
  cloud: { type: 'string', valueName: '<id>', description: 'Only this cloud' },
  driver: {
    type: 'string',
    valueName: '<name>',
    description: 'Only clouds of this driver (aws, aws-mock, ...)',
  },
  service: {
    type: 'string',
    valueName: '<name>',
    description: 'Only this service (ec2, compute, droplets, ...)',
  },
  type: {
    type: 'string',
    valueName: '<type>',
    description: 'Only this resource type (aws.ec2.instance)',
  },
  region: { type: 'string', valueName: '<region>', description: 'Only this region (or global)' },
  tag: {
    type: 'string',
    multiple: true,
    valueName: '<key=value>',
    description: 'Tag or label that must match; repeatable; a bare key only requires the key',
  },
  status: {
    type: 'string',
    valueName: '<status>',
    description: 'active (default), deleted or all',
  },
  name: {
    type: 'string',
    valueName: '<text>',
    description: 'Case-insensitive substring of the name or provider id',
  },
};

/** Build a core ResourceFilter from the parsed options. */
export function resourceFilterFrom(input: CommandInput): ResourceFilter {
  return resourceFilterOf({
    cloud: stringValue(input, 'cloud'),
    driver: stringValue(input, 'driver'),
    service: stringValue(input, 'service'),
    type: stringValue(input, 'type'),
    region: stringValue(input, 'region'),
    name: stringValue(input, 'name'),
    tags: parseTags(stringValues(input, 'tag')),
    status: parseChoice(stringValue(input, 'status'), '--status', [
      'active',
      'deleted',
      'all',
    ] as const),
  });
}

/** The filter fields the CLI and the dashboard read, by their user-facing names. */
export interface ResourceFilterFields {
  cloud?: string | undefined;
  driver?: string | undefined;
  service?: string | undefined;
  type?: string | undefined;
  region?: string | undefined;
  name?: string | undefined;
  tags?: Record<string, string | true> | undefined;
  status?: 'active' | 'deleted' | 'all' | undefined;
}

/** A core ResourceFilter from the fields given (empty ones left out). */
export function resourceFilterOf(fields: ResourceFilterFields): ResourceFilter {
  const filter: ResourceFilter = {};
  if (fields.cloud) filter.cloudId = fields.cloud;
  if (fields.driver) filter.driver = fields.driver;
  if (fields.service) filter.service = fields.service;
  if (fields.type) filter.resourceType = fields.type;
  if (fields.region) filter.region = fields.region;
  if (fields.name) filter.name = fields.name;
  if (fields.tags) filter.tags = fields.tags;
  if (fields.status) filter.status = fields.status;
  return filter;
}
