import type { OracleClient } from './oracle-clients.ts';
import type { OracleListDefinition, OraclePage } from './oracle-listing.ts';

type NetworkPage = (
  client: OracleClient<'network'>,
  request: { compartmentId: string; page: string | undefined; limit: number },
) => Promise<OraclePage>;

function networkDefinition(type: string, call: string, list: NetworkPage): OracleListDefinition {
  return {
    service: 'vcn',
    type,
    call,
    scope: 'regional',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() => list(clients.get('network', region), { compartmentId, page, limit })),
  };
}

/** VCNs, subnets, security lists, NSGs, route tables and gateways (VirtualNetworkClient). */
export const oracleNetworkDefinitions: OracleListDefinition[] = [
  networkDefinition('oracle.vcn.network', 'ListVcns', (client, request) =>
    client.listVcns(request),
  ),
  networkDefinition('oracle.vcn.subnet', 'ListSubnets', (client, request) =>
    client.listSubnets(request),
  ),
  networkDefinition('oracle.vcn.security-list', 'ListSecurityLists', (client, request) =>
    client.listSecurityLists(request),
  ),
  networkDefinition(
    'oracle.vcn.network-security-group',
    'ListNetworkSecurityGroups',
    (client, request) => client.listNetworkSecurityGroups(request),
  ),
  networkDefinition('oracle.vcn.route-table', 'ListRouteTables', (client, request) =>
    client.listRouteTables(request),
  ),
  networkDefinition('oracle.vcn.internet-gateway', 'ListInternetGateways', (client, request) =>
    client.listInternetGateways(request),
  ),
  networkDefinition('oracle.vcn.nat-gateway', 'ListNatGateways', (client, request) =>
    client.listNatGateways(request),
  ),
  networkDefinition('oracle.vcn.service-gateway', 'ListServiceGateways', (client, request) =>
    client.listServiceGateways(request),
  ),
];
