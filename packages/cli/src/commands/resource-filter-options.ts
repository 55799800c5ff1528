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
  const filter: ResourceFilter = {};
  const cloud = stringValue(input, 'cloud');
  const driver = stringValue(input, 'driver');
  const service = stringValue(input, 'service');
  const type = stringValue(input, 'type');
  const region = stringValue(input, 'region');
  const name = stringValue(input, 'name');
  const tags = parseTags(stringValues(input, 'tag'));
  const status = parseChoice(stringValue(input, 'status'), '--status', [
    'active',
    'deleted',
    'all',
  ] as const);
  if (cloud) filter.cloudId = cloud;
  if (driver) filter.driver = driver;
  if (service) filter.service = service;
  if (type) filter.resourceType = type;
  if (region) filter.region = region;
  if (name) filter.name = name;
  if (tags) filter.tags = tags;
  if (status) filter.status = status;
  return filter;
}
