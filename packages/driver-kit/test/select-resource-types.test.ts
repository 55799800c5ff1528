import { describe, expect, test } from 'vitest';
import {
  defineCatalog,
  filterServices,
  isResourceTypeSelected,
  selectResourceTypes,
} from '../src/index.ts';

const catalog = defineCatalog('hetzner', [
  { name: 'servers', resourceTypes: [{ type: 'hetzner.server' }] },
  {
    name: 'networks',
    global: true,
    resourceTypes: [{ type: 'hetzner.network' }, { type: 'hetzner.network.subnet' }],
  },
  {
    name: 'loadbalancers',
    resourceTypes: [{ type: 'hetzner.load-balancer' }, { type: 'hetzner.load-balancer.target' }],
  },
]);

/** `service: types (partial)` for every service, as selected with the catalog. */
function selectAll(filters: { include?: string[]; exclude?: string[] }): string[] {
  return catalog.services.map((service) => {
    const selection = selectResourceTypes({ catalog, service: service.name, ...filters });
    return `${selection.service}: ${selection.types.join(',') || '-'}${selection.partial ? ' (partial)' : ''}`;
  });
}

describe('selectResourceTypes', () => {
  test('no filters, or filters naming regions only, keep every type of every service', () => {
    const all = [
      'servers: hetzner.server',
      'networks: hetzner.network,hetzner.network.subnet',
      'loadbalancers: hetzner.load-balancer,hetzner.load-balancer.target',
    ];
    expect(selectAll({})).toEqual(all);
    expect(selectAll({ include: ['fsn1', 'eu-*'], exclude: ['nbg1'] })).toEqual(all);
  });

  test('a service named in include keeps all its types; a type names only its own service', () => {
    // The case isResourceTypeSelected gets wrong: the dotted entry is not a filter on servers.
    expect(selectAll({ include: ['servers', 'hetzner.network'] })).toEqual([
      'servers: hetzner.server',
      'networks: hetzner.network (partial)',
      'loadbalancers: - (partial)',
    ]);
    expect(
      isResourceTypeSelected('hetzner.server', { include: ['servers', 'hetzner.network'] }),
    ).toBe(false);
    // Naming the service and one of its types is the whole service.
    expect(selectAll({ include: ['networks', 'hetzner.network.subnet'] })[1]).toBe(
      'networks: hetzner.network,hetzner.network.subnet',
    );
  });

  test('type patterns and globs select the matching types, partial only when some are left out', () => {
    expect(selectAll({ include: ['hetzner.network.subnet', 'fsn1'] })).toEqual([
      'servers: - (partial)',
      'networks: hetzner.network.subnet (partial)',
      'loadbalancers: - (partial)',
    ]);
    expect(selectAll({ include: ['hetzner.network*'] })[1]).toBe(
      'networks: hetzner.network,hetzner.network.subnet',
    );
    expect(selectAll({ include: ['hetzner.*'] })).toEqual(selectAll({}));
    expect(selectAll({ include: ['HETZNER.Load-Balancer'] })[2]).toBe(
      'loadbalancers: hetzner.load-balancer (partial)',
    );
  });

  test('exclude drops types, or a whole service by name', () => {
    expect(selectAll({ exclude: ['hetzner.network.subnet', 'servers', 'fsn1'] })).toEqual([
      'servers: - (partial)',
      'networks: hetzner.network (partial)',
      'loadbalancers: hetzner.load-balancer,hetzner.load-balancer.target',
    ]);
    expect(
      selectAll({ include: ['hetzner.network.subnet'], exclude: ['hetzner.network.subnet'] })[1],
    ).toBe('networks: - (partial)');
  });

  test('agrees with filterServices on which services are listed', () => {
    for (const filters of [
      { include: ['servers', 'hetzner.network'] },
      { include: ['hetzner.load-balancer.target'], exclude: ['servers'] },
      { include: ['nbg1'], exclude: ['hetzner.network', 'hetzner.network.subnet'] },
      { exclude: ['loadbalancers'] },
    ]) {
      const listed = catalog.services
        .filter(
          (service) =>
            selectResourceTypes({ catalog, service: service.name, ...filters }).types.length > 0,
        )
        .map((service) => service.name);
      expect(listed).toEqual(filterServices({ all: catalog, ...filters }));
    }
  });

  test('with the types alone, entries naming other services say nothing about this one', () => {
    const types = ['hetzner.network', 'hetzner.network.subnet'];
    expect(
      selectResourceTypes({ service: 'networks', types, include: ['servers', 'fsn1'] }),
    ).toEqual({ service: 'networks', types, partial: false });
    expect(
      selectResourceTypes({ service: 'networks', types, include: ['hetzner.network'] }),
    ).toEqual({ service: 'networks', types: ['hetzner.network'], partial: true });
    expect(selectResourceTypes({ service: 'networks', types, exclude: ['networks'] })).toEqual({
      service: 'networks',
      types: [],
      partial: true,
    });
  });

  test('a service missing from the catalog is a programming error naming the services', () => {
    expect(() => selectResourceTypes({ catalog, service: 'volumes' })).toThrow(
      /hetzner catalog has no service "volumes"; services: servers, networks, loadbalancers/,
    );
  });
});
