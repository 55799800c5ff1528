import { models as dnsModels } from 'oci-dns';
import type { OracleListDefinition } from './oracle-listing.ts';

/** OKE clusters and node pools, Autonomous Databases and DB systems, load balancers, DNS zones. */
export const oraclePlatformDefinitions: OracleListDefinition[] = [
  {
    service: 'kubernetes',
    type: 'oracle.kubernetes.cluster',
    call: 'ListClusters',
    scope: 'regional',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() =>
        clients.get('containerengine', region).listClusters({ compartmentId, page, limit }),
      ),
  },
  {
    service: 'kubernetes',
    type: 'oracle.kubernetes.nodepool',
    call: 'ListNodePools',
    scope: 'regional',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() =>
        clients.get('containerengine', region).listNodePools({ compartmentId, page, limit }),
      ),
  },
  {
    service: 'database',
    type: 'oracle.database.autonomous-database',
    call: 'ListAutonomousDatabases',
    scope: 'regional',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() =>
        clients.get('database', region).listAutonomousDatabases({ compartmentId, page, limit }),
      ),
  },
  {
    service: 'database',
    type: 'oracle.database.db-system',
    call: 'ListDbSystems',
    scope: 'regional',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() => clients.get('database', region).listDbSystems({ compartmentId, page, limit })),
  },
  {
    service: 'loadbalancer',
    type: 'oracle.loadbalancer.load-balancer',
    call: 'ListLoadBalancers',
    scope: 'regional',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() =>
        clients.get('loadbalancer', region).listLoadBalancers({ compartmentId, page, limit }),
      ),
  },
  {
    // Public zones are global: listed once, through the identity region, as region `global`.
    service: 'dns',
    type: 'oracle.dns.zone',
    call: 'ListZones (scope GLOBAL)',
    scope: 'global',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() =>
        clients
          .get('dns', region)
          .listZones({ compartmentId, page, limit, scope: dnsModels.Scope.Global }),
      ),
  },
  {
    service: 'dns',
    type: 'oracle.dns.zone',
    call: 'ListZones (scope PRIVATE)',
    scope: 'regional',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() =>
        clients
          .get('dns', region)
          .listZones({ compartmentId, page, limit, scope: dnsModels.Scope.Private }),
      ),
  },
];
