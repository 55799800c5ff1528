import { type AzureListDefinition, childList, subscriptionList } from './azure-definition.ts';

const subscription = '/subscriptions/{subscriptionId}';

/** Identities, DNS, resource groups, Key Vault, App Service, open-source databases, caches, messaging, Front Door. */
export const azurePlatformDefinitions: AzureListDefinition[] = [
  subscriptionList({
    service: 'identity',
    resourceType: 'azure.identity.userassignedidentity',
    provider: 'Microsoft.ManagedIdentity',
    path: `${subscription}/providers/Microsoft.ManagedIdentity/userAssignedIdentities`,
    pager: (clients, options) =>
      clients.managedIdentity.userAssignedIdentities.listBySubscription(options),
  }),
  subscriptionList({
    service: 'dns',
    resourceType: 'azure.dns.zone',
    provider: 'Microsoft.Network',
    path: `${subscription}/providers/Microsoft.Network/dnszones`,
    pager: (clients, options) => clients.dns.zones.list(options),
  }),
  childList({
    service: 'dns',
    resourceType: 'azure.dns.recordset',
    provider: 'Microsoft.Network',
    parentPath: `${subscription}/providers/Microsoft.Network/dnszones`,
    path: `${subscription}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/dnsZones/{zoneName}/all`,
    parents: (clients, options) => clients.dns.zones.list(options),
    children: (clients, parent, options) =>
      clients.dns.recordSets.listAllByDnsZone(parent.resourceGroup, parent.name, options),
  }),
  subscriptionList({
    service: 'dns',
    resourceType: 'azure.dns.privatezone',
    provider: 'Microsoft.Network',
    path: `${subscription}/providers/Microsoft.Network/privateDnsZones`,
    pager: (clients, options) => clients.privateDns.privateZones.list(options),
  }),
  subscriptionList({
    service: 'resources',
    resourceType: 'azure.resources.resourcegroup',
    provider: 'Microsoft.Resources',
    path: `${subscription}/resourcegroups`,
    pager: (clients, options) => clients.resources.resourceGroups.list(options),
  }),
  subscriptionList({
    service: 'keyvault',
    resourceType: 'azure.keyvault.vault',
    provider: 'Microsoft.KeyVault',
    path: `${subscription}/providers/Microsoft.KeyVault/vaults`,
    pager: (clients, options) => clients.keyVault.vaults.listBySubscription(options),
  }),
  subscriptionList({
    service: 'appservice',
    resourceType: 'azure.appservice.plan',
    provider: 'Microsoft.Web',
    path: `${subscription}/providers/Microsoft.Web/serverfarms`,
    pager: (clients, options) => clients.appService.appServicePlans.list(options),
  }),
  subscriptionList({
    service: 'appservice',
    resourceType: 'azure.appservice.webapp',
    provider: 'Microsoft.Web',
    path: `${subscription}/providers/Microsoft.Web/sites`,
    pager: (clients, options) => clients.appService.webApps.list(options),
  }),
  subscriptionList({
    service: 'postgresql',
    resourceType: 'azure.postgresql.flexibleserver',
    provider: 'Microsoft.DBforPostgreSQL',
    path: `${subscription}/providers/Microsoft.DBforPostgreSQL/flexibleServers`,
    pager: (clients, options) => clients.postgresql.servers.listBySubscription(options),
  }),
  subscriptionList({
    service: 'mysql',
    resourceType: 'azure.mysql.flexibleserver',
    provider: 'Microsoft.DBforMySQL',
    path: `${subscription}/providers/Microsoft.DBforMySQL/flexibleServers`,
    pager: (clients, options) => clients.mysql.servers.list(options),
  }),
  subscriptionList({
    service: 'redis',
    resourceType: 'azure.redis.cache',
    provider: 'Microsoft.Cache',
    path: `${subscription}/providers/Microsoft.Cache/redis`,
    pager: (clients, options) => clients.redis.redis.listBySubscription(options),
  }),
  subscriptionList({
    service: 'eventhub',
    resourceType: 'azure.eventhub.namespace',
    provider: 'Microsoft.EventHub',
    path: `${subscription}/providers/Microsoft.EventHub/namespaces`,
    pager: (clients, options) => clients.eventHub.namespaces.list(options),
  }),
  subscriptionList({
    service: 'servicebus',
    resourceType: 'azure.servicebus.namespace',
    provider: 'Microsoft.ServiceBus',
    path: `${subscription}/providers/Microsoft.ServiceBus/namespaces`,
    pager: (clients, options) => clients.serviceBus.namespaces.list(options),
  }),
  subscriptionList({
    service: 'frontdoor',
    resourceType: 'azure.frontdoor.frontdoor',
    provider: 'Microsoft.Network',
    path: `${subscription}/providers/Microsoft.Network/frontDoors`,
    pager: (clients, options) => clients.frontDoor.frontDoors.list(options),
  }),
];
