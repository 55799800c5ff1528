import { aggregatedDefinition, globalDefinition } from './gcp-compute-listing.ts';
import type { GcpListingDefinition } from './gcp-resource.ts';

/** VPC: networks, subnetworks, firewalls, addresses, Cloud Routers (with NAT), routes. */
export const gcpNetworkDefinitions: GcpListingDefinition[] = [
  globalDefinition({
    service: 'vpc',
    collection: 'networks',
    permission: 'compute.networks.list',
    entry: { type: 'gcp.vpc.network', description: 'VPC network (networks.list)' },
  }),
  aggregatedDefinition({
    service: 'vpc',
    collection: 'subnetworks',
    permission: 'compute.subnetworks.list',
    entry: { type: 'gcp.vpc.subnetwork', description: 'Subnetwork (subnetworks.aggregatedList)' },
  }),
  globalDefinition({
    service: 'vpc',
    collection: 'firewalls',
    permission: 'compute.firewalls.list',
    entry: { type: 'gcp.vpc.firewall', description: 'VPC firewall rule (firewalls.list)' },
  }),
  aggregatedDefinition({
    service: 'vpc',
    collection: 'addresses',
    permission: 'compute.addresses.list',
    entry: {
      type: 'gcp.vpc.address',
      description: 'Reserved IP address, regional or global (addresses.aggregatedList)',
      volatilePaths: ['status', 'users'],
    },
  }),
  aggregatedDefinition({
    service: 'vpc',
    collection: 'routers',
    permission: 'compute.routers.list',
    entry: {
      type: 'gcp.vpc.router',
      description:
        'Cloud Router with its Cloud NAT configurations in `nats` (routers.aggregatedList)',
    },
  }),
  globalDefinition({
    service: 'vpc',
    collection: 'routes',
    permission: 'compute.routes.list',
    entry: { type: 'gcp.vpc.route', description: 'Route (routes.list)' },
  }),
];
