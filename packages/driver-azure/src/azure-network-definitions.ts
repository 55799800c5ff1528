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
  pager: (clients: AzureSubscriptionClients, options: AzureCallOptions) => Promise<AzurePager>,
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
    pager: async (clients, options) =>
      (await clients.get('network')).virtualNetworks.listAll(options),
    // A virtual network's payload carries its subnets in full (id, name, properties).
    embedded: {
      resourceType: 'azure.network.subnet',
      items: (parent) => parent.properties?.subnets,
    },
  }),
  networkList('azure.network.loadbalancer', 'loadBalancers', async (clients, options) =>
    (await clients.get('network')).loadBalancers.listAll(options),
  ),
  networkList('azure.network.publicipaddress', 'publicIPAddresses', async (clients, options) =>
    (await clients.get('network')).publicIPAddresses.listAll(options),
  ),
  networkList(
    'azure.network.networksecuritygroup',
    'networkSecurityGroups',
    async (clients, options) =>
      (await clients.get('network')).networkSecurityGroups.listAll(options),
  ),
  networkList('azure.network.applicationgateway', 'applicationGateways', async (clients, options) =>
    (await clients.get('network')).applicationGateways.listAll(options),
  ),
  networkList('azure.network.networkinterface', 'networkInterfaces', async (clients, options) =>
    (await clients.get('network')).networkInterfaces.listAll(options),
  ),
  networkList('azure.network.privateendpoint', 'privateEndpoints', async (clients, options) =>
    (await clients.get('network')).privateEndpoints.listBySubscription(options),
  ),
  networkList('azure.network.routetable', 'routeTables', async (clients, options) =>
    (await clients.get('network')).routeTables.listAll(options),
  ),
  networkList('azure.network.natgateway', 'natGateways', async (clients, options) =>
    (await clients.get('network')).natGateways.listAll(options),
  ),
  networkList('azure.network.firewall', 'azureFirewalls', async (clients, options) =>
    (await clients.get('network')).azureFirewalls.listAll(options),
  ),
  // ARM has no subscription-wide list of virtual network gateways: one call per resource group.
  childList({
    service: 'network',
    resourceType: 'azure.network.virtualnetworkgateway',
    provider: 'Microsoft.Network',
    parentPath: `${subscription}/resourcegroups`,
    path: `${subscription}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworkGateways`,
    parents: async (clients, options) =>
      (await clients.get('resources')).resourceGroups.list(options),
    children: async (clients, parent, options) =>
      (await clients.get('network')).virtualNetworkGateways.list(parent.name, options),
  }),
];
