import type { AzureSubscriptionClients } from './azure-clients.ts';
import {
  type AzureCallOptions,
  type AzureListDefinition,
  childList,
  subscriptionList,
} from './azure-definition.ts';
import type { AzurePager } from './azure-paging.ts';

const subscription = '/subscriptions/{subscriptionId}';

function networkList(
  resourceType: string,
  collection: string,
  pager: (clients: AzureSubscriptionClients, options: AzureCallOptions) => AzurePager,
): AzureListDefinition {
  return subscriptionList({
    service: 'network',
    resourceType,
    provider: 'Microsoft.Network',
    path: `${subscription}/providers/Microsoft.Network/${collection}`,
    pager,
  });
}

/** Networking: virtual networks (with their subnets), load balancers, IPs, NSGs, gateways, firewalls. */
export const azureNetworkDefinitions: AzureListDefinition[] = [
  subscriptionList({
    service: 'network',
    resourceType: 'azure.network.virtualnetwork',
    provider: 'Microsoft.Network',
    path: `${subscription}/providers/Microsoft.Network/virtualNetworks`,
    pager: (clients, options) => clients.network.virtualNetworks.listAll(options),
    // A virtual network's payload carries its subnets in full (id, name, properties).
    embedded: {
      resourceType: 'azure.network.subnet',
      items: (parent) => parent.properties?.subnets,
    },
  }),
  networkList('azure.network.loadbalancer', 'loadBalancers', (clients, options) =>
    clients.network.loadBalancers.listAll(options),
  ),
  networkList('azure.network.publicipaddress', 'publicIPAddresses', (clients, options) =>
    clients.network.publicIPAddresses.listAll(options),
  ),
  networkList('azure.network.networksecuritygroup', 'networkSecurityGroups', (clients, options) =>
    clients.network.networkSecurityGroups.listAll(options),
  ),
  networkList('azure.network.applicationgateway', 'applicationGateways', (clients, options) =>
    clients.network.applicationGateways.listAll(options),
  ),
  networkList('azure.network.networkinterface', 'networkInterfaces', (clients, options) =>
    clients.network.networkInterfaces.listAll(options),
  ),
  networkList('azure.network.privateendpoint', 'privateEndpoints', (clients, options) =>
    clients.network.privateEndpoints.listBySubscription(options),
  ),
  networkList('azure.network.routetable', 'routeTables', (clients, options) =>
    clients.network.routeTables.listAll(options),
  ),
  networkList('azure.network.natgateway', 'natGateways', (clients, options) =>
    clients.network.natGateways.listAll(options),
  ),
  networkList('azure.network.firewall', 'azureFirewalls', (clients, options) =>
    clients.network.azureFirewalls.listAll(options),
  ),
  // ARM has no subscription-wide list of virtual network gateways: one call per resource group.
  childList({
    service: 'network',
    resourceType: 'azure.network.virtualnetworkgateway',
    provider: 'Microsoft.Network',
    parentPath: `${subscription}/resourcegroups`,
    path: `${subscription}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworkGateways`,
    parents: (clients, options) => clients.resources.resourceGroups.list(options),
    children: (clients, parent, options) =>
      clients.network.virtualNetworkGateways.list(parent.name, options),
  }),
];
