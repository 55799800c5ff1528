import { type AzureListDefinition, childList, subscriptionList } from './azure-definition.ts';

const subscription = '/subscriptions/{subscriptionId}';

/** Identities, DNS, resource groups, Key Vault, App Service, open-source databases, caches, messaging, Front Door. */
export const azurePlatformDefinitions: AzureListDefinition[] = [
  subscriptionList({
    service: 'identity',
    resourceType: 'azure.identity.userassignedidentity',
    provider: 'Microsoft.ManagedIdentity',
    path: `${subscription}/providers/Microsoft.ManagedIdentity/userAssignedIdentities`,
    pager: async (clients, options) =>
      (await clients.get('managedIdentity')).userAssignedIdentities.listBySubscription(options),
  }),
  subscriptionList({
    service: 'dns',
    resourceType: 'azure.dns.zone',
    provider: 'Microsoft.Network',
    path: `${subscription}/providers/Microsoft.Network/dnszones`,
    pager: async (clients, options) => (await clients.get('dns')).zones.list(options),
  }),
  childList({
    service: 'dns',
    resourceType: 'azure.dns.recordset',
    provider: 'Microsoft.Network',
    parentPath: `${subscription}/providers/Microsoft.Network/dnszones`,
    path: `${subscription}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/dnsZones/{zoneName}/all`,
    parents: async (clients, options) => (await clients.get('dns')).zones.list(options),
    children: async (clients, parent, options) =>
      (await clients.get('dns')).recordSets.listAllByDnsZone(
        parent.resourceGroup,
        parent.name,
        options,
      ),
  }),
  subscriptionList({
    service: 'dns',
    resourceType: 'azure.dns.privatezone',
    provider: 'Microsoft.Network',
    path: `${subscription}/providers/Microsoft.Network/privateDnsZones`,
    pager: async (clients, options) => (await clients.get('privateDns')).privateZones.list(options),
  }),
  childList({
    service: 'dns',
    resourceType: 'azure.dns.privaterecordset',
    provider: 'Microsoft.Network',
    parentPath: `${subscription}/providers/Microsoft.Network/privateDnsZones`,
    path: `${subscription}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/ALL`,
    parents: async (clients, options) =>
      (await clients.get('privateDns')).privateZones.list(options),
    children: async (clients, parent, options) =>
      (await clients.get('privateDns')).recordSets.list(parent.resourceGroup, parent.name, options),
  }),
  childList({
    service: 'dns',
    resourceType: 'azure.dns.virtualnetworklink',
    provider: 'Microsoft.Network',
    parentPath: `${subscription}/providers/Microsoft.Network/privateDnsZones`,
    path: `${subscription}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks`,
    parents: async (clients, options) =>
      (await clients.get('privateDns')).privateZones.list(options),
    children: async (clients, parent, options) =>
      (await clients.get('privateDns')).virtualNetworkLinks.list(
        parent.resourceGroup,
        parent.name,
        options,
      ),
  }),
  subscriptionList({
    service: 'resources',
    resourceType: 'azure.resources.resourcegroup',
    provider: 'Microsoft.Resources',
    path: `${subscription}/resourcegroups`,
    pager: async (clients, options) =>
      (await clients.get('resources')).resourceGroups.list(options),
  }),
  subscriptionList({
    service: 'keyvault',
    resourceType: 'azure.keyvault.vault',
    provider: 'Microsoft.KeyVault',
    path: `${subscription}/providers/Microsoft.KeyVault/vaults`,
    pager: async (clients, options) =>
      (await clients.get('keyVault')).vaults.listBySubscription(options),
  }),
  subscriptionList({
    service: 'appservice',
    resourceType: 'azure.appservice.plan',
    provider: 'Microsoft.Web',
    path: `${subscription}/providers/Microsoft.Web/serverfarms`,
    pager: async (clients, options) =>
      (await clients.get('appService')).appServicePlans.list(options),
  }),
  subscriptionList({
    service: 'appservice',
    resourceType: 'azure.appservice.webapp',
    provider: 'Microsoft.Web',
    path: `${subscription}/providers/Microsoft.Web/sites`,
    pager: async (clients, options) => (await clients.get('appService')).webApps.list(options),
  }),
  subscriptionList({
    service: 'postgresql',
    resourceType: 'azure.postgresql.flexibleserver',
    provider: 'Microsoft.DBforPostgreSQL',
    path: `${subscription}/providers/Microsoft.DBforPostgreSQL/flexibleServers`,
    pager: async (clients, options) =>
      (await clients.get('postgresql')).servers.listBySubscription(options),
  }),
  subscriptionList({
    service: 'mysql',
    resourceType: 'azure.mysql.flexibleserver',
    provider: 'Microsoft.DBforMySQL',
    path: `${subscription}/providers/Microsoft.DBforMySQL/flexibleServers`,
    pager: async (clients, options) => (await clients.get('mysql')).servers.list(options),
  }),
  subscriptionList({
    service: 'redis',
    resourceType: 'azure.redis.cache',
    provider: 'Microsoft.Cache',
    path: `${subscription}/providers/Microsoft.Cache/redis`,
    pager: async (clients, options) =>
      (await clients.get('redis')).redis.listBySubscription(options),
  }),
  subscriptionList({
    service: 'eventhub',
    resourceType: 'azure.eventhub.namespace',
    provider: 'Microsoft.EventHub',
    path: `${subscription}/providers/Microsoft.EventHub/namespaces`,
    pager: async (clients, options) => (await clients.get('eventHub')).namespaces.list(options),
  }),
  subscriptionList({
    service: 'servicebus',
    resourceType: 'azure.servicebus.namespace',
    provider: 'Microsoft.ServiceBus',
    path: `${subscription}/providers/Microsoft.ServiceBus/namespaces`,
    pager: async (clients, options) => (await clients.get('serviceBus')).namespaces.list(options),
  }),
  subscriptionList({
    service: 'frontdoor',
    resourceType: 'azure.frontdoor.frontdoor',
    provider: 'Microsoft.Network',
    path: `${subscription}/providers/Microsoft.Network/frontDoors`,
    pager: async (clients, options) => (await clients.get('frontDoor')).frontDoors.list(options),
  }),
  subscriptionList({
    service: 'frontdoor',
    resourceType: 'azure.frontdoor.profile',
    provider: 'Microsoft.Cdn',
    path: `${subscription}/providers/Microsoft.Cdn/profiles`,
    pager: async (clients, options) => (await clients.get('cdn')).profiles.list(options),
    // The same list serves classic CDN profiles; Front Door Standard/Premium are these SKUs.
    keep: (object) => /_AzureFrontDoor$/i.test(String((object.sku as { name?: unknown })?.name)),
  }),
];
