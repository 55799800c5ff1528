import { ConfigurationError, InvalidResourceError } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import {
  buildResource,
  defineCatalog,
  defineResourceType,
  filterRegions,
  filterServices,
  isResourceTypeSelected,
  normalizeTags,
  tagsFromPairs,
  tagsFromStrings,
} from '../src/index.ts';

const catalog = defineCatalog('digitalocean', [
  {
    name: 'droplets',
    resourceTypes: [
      defineResourceType({ type: 'digitalocean.droplet', volatilePaths: ['status'] }),
    ],
  },
  {
    name: 'kubernetes',
    resourceTypes: [
      { type: 'digitalocean.kubernetes.cluster' },
      { type: 'digitalocean.kubernetes.nodepool' },
    ],
  },
  {
    name: 'databases',
    resourceTypes: [{ type: 'digitalocean.database', secretPaths: ['connection.password'] }],
  },
]);

describe('tags', () => {
  test('from pairs of every common spelling', () => {
    expect(
      tagsFromPairs([
        { Key: 'env', Value: 'prod' },
        { key: 'team', value: 'core' },
        { TagKey: 'cost', TagValue: 42 },
        { Key: 'flag' },
      ]),
    ).toEqual({
      env: 'prod',
      team: 'core',
      cost: '42',
      flag: '',
    });
  });

  test('from DigitalOcean/Vultr strings', () => {
    expect(tagsFromStrings(['env:prod', 'web', 'url:https://x', ''])).toEqual({
      env: 'prod',
      web: '',
      url: 'https://x',
    });
  });

  test('normalizeTags accepts maps, pairs, strings and nothing', () => {
    expect(normalizeTags({ a: '1' })).toEqual({ a: '1' });
    expect(normalizeTags([{ Key: 'a', Value: '1' }])).toEqual({ a: '1' });
    expect(normalizeTags(['a:1'])).toEqual({ a: '1' });
    expect(normalizeTags(null)).toEqual({});
    expect(normalizeTags('nonsense')).toEqual({});
  });
});

describe('buildResource', () => {
  test('normalises ids, tags and labels and fills the region', () => {
    expect(
      buildResource({
        provider: 'digitalocean',
        service: 'droplets',
        resourceType: 'digitalocean.droplet',
        resourceId: 3164444,
        name: 'web-1',
        tags: ['env:prod', 'web'],
        configuration: { id: 3164444 },
      }),
    ).toEqual({
      provider: 'digitalocean',
      region: 'global',
      service: 'droplets',
      resourceType: 'digitalocean.droplet',
      resourceId: '3164444',
      name: 'web-1',
      tags: { env: 'prod', web: '' },
      labels: {},
      configuration: { id: 3164444 },
    });
  });

  test.each([
    ['an empty id', { resourceId: '  ' }, 'resourceId'],
    ['a NaN id', { resourceId: Number.NaN }, 'resourceId'],
    ['an upper-case type', { resourceType: 'digitalocean.Droplet' }, 'resourceType'],
    ['a type of another driver', { resourceType: 'aws.ec2.instance' }, 'resourceType'],
  ])('rejects %s', (_, override, field) => {
    const attempt = () =>
      buildResource({
        provider: 'digitalocean',
        service: 'droplets',
        resourceType: 'digitalocean.droplet',
        resourceId: '1',
        ...override,
      });
    expect(attempt).toThrow(InvalidResourceError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidResourceError).field).toBe(field);
    }
  });
});

describe('catalog', () => {
  test('rejects malformed types, foreign prefixes, duplicates, empty services and bad paths', () => {
    expect(() => defineResourceType({ type: 'Hetzner.Server' })).toThrow(/lower case/);
    expect(() =>
      defineCatalog('hetzner', [{ name: 'servers', resourceTypes: [{ type: 'aws.server' }] }]),
    ).toThrow(/must start with "hetzner."/);
    expect(() =>
      defineCatalog('hetzner', [
        { name: 'a', resourceTypes: [{ type: 'hetzner.server' }] },
        { name: 'b', resourceTypes: [{ type: 'hetzner.server' }] },
      ]),
    ).toThrow(/declared twice/);
    expect(() => defineCatalog('hetzner', [{ name: 'servers', resourceTypes: [] }])).toThrow(
      /no resource types/,
    );
    expect(() => defineResourceType({ type: 'hetzner.server', secretPaths: [''] })).toThrow(
      /not a valid path/,
    );
    expect(catalog.services.map((service) => service.name)).toEqual([
      'droplets',
      'kubernetes',
      'databases',
    ]);
  });
});

describe('filters', () => {
  test('config.services keeps only those and rejects unknown names, listing the valid ones', () => {
    expect(filterServices({ all: catalog, services: ['databases', 'droplets'] })).toEqual([
      'droplets',
      'databases',
    ]);
    let error: unknown;
    try {
      filterServices({ all: catalog, services: ['droplets', 'dropletz'] });
    } catch (caught) {
      error = caught;
    }
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as ConfigurationError).issues).toEqual([
      {
        path: 'config.services[1]',
        expected: 'one of droplets, kubernetes, databases',
        received: '"dropletz"',
      },
    ]);
  });

  test('include/exclude name services, resource types or regions', () => {
    expect(filterServices({ all: catalog, include: ['kubernetes', 'nyc1'] })).toEqual([
      'kubernetes',
    ]);
    expect(filterServices({ all: catalog, include: ['digitalocean.database'] })).toEqual([
      'databases',
    ]);
    expect(filterServices({ all: catalog, include: ['nyc1'] })).toEqual([
      'droplets',
      'kubernetes',
      'databases',
    ]);
    expect(filterServices({ all: catalog, exclude: ['droplets'] })).toEqual([
      'kubernetes',
      'databases',
    ]);
    expect(filterServices({ all: catalog, exclude: ['digitalocean.kubernetes.*'] })).toEqual([
      'droplets',
      'databases',
    ]);
    expect(filterServices({ all: catalog, exclude: ['digitalocean.kubernetes.cluster'] })).toEqual([
      'droplets',
      'kubernetes',
      'databases',
    ]);
    expect(
      isResourceTypeSelected('digitalocean.kubernetes.cluster', {
        exclude: ['digitalocean.kubernetes.cluster'],
      }),
    ).toBe(false);
    expect(
      isResourceTypeSelected('digitalocean.kubernetes.nodepool', {
        include: ['digitalocean.kubernetes.cluster', 'nyc1'],
      }),
    ).toBe(false);
    expect(isResourceTypeSelected('digitalocean.droplet', { include: ['nyc1'] })).toBe(true);
  });

  test('regions: config, globs, include and exclude', () => {
    const all = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1'];
    expect(filterRegions({ all, regions: ['eu-*'] })).toEqual(['eu-west-1', 'eu-central-1']);
    expect(filterRegions({ all, include: ['us-west-2', 'ec2'] })).toEqual(['us-west-2']);
    expect(filterRegions({ all, exclude: ['us-*'] })).toEqual(['eu-west-1', 'eu-central-1']);
    expect(() => filterRegions({ all, regions: ['mars-1'] })).toThrow(
      /config\.regions\[0\]: expected one of us-east-1/,
    );
    expect(filterRegions({ all, regions: ['mars-1'], strict: false })).toEqual([]);
  });
});
