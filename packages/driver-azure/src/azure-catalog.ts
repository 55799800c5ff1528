import type { ResourceTypeDescriptor, ServiceDescriptor } from '@cloud-inventory/core';
import { defineCatalog } from '@cloud-inventory/driver-kit';

// Every ARM payload: etags change on any write, systemData says who wrote last, and
// provisioningState passes through Updating/Deleting while ARM works.
const armVolatilePaths = [
  '**.etag',
  'systemData.lastModifiedAt',
  'systemData.lastModifiedBy',
  'systemData.lastModifiedByType',
  '**.provisioningState',
];

function armType(
  type: string,
  description: string,
  extra: { volatilePaths?: string[]; secretPaths?: string[] } = {},
): ResourceTypeDescriptor {
  return {
    type,
    description,
    volatilePaths: [...armVolatilePaths, ...(extra.volatilePaths ?? [])],
    ...(extra.secretPaths ? { secretPaths: extra.secretPaths } : {}),
  };
}

const services: ServiceDescriptor[] = [
  {
    name: 'compute',
    description: 'Virtual machines, VM scale sets and availability sets',
    resourceTypes: [
      armType('azure.compute.virtualmachine', 'Virtual machine', {
        // ARM never returns these write-only fields; declared so a future API change cannot leak them.
        secretPaths: ['properties.osProfile.customData', 'properties.userData'],
      }),
      armType('azure.compute.virtualmachinescaleset', 'Virtual machine scale set', {
        volatilePaths: ['sku.capacity'],
        secretPaths: [
          'properties.virtualMachineProfile.osProfile.customData',
          'properties.virtualMachineProfile.userData',
          // Public extension settings: script URLs often carry SAS tokens, commands often secrets.
          'properties.virtualMachineProfile.extensionProfile.extensions[*].properties.settings.fileUris',
          'properties.virtualMachineProfile.extensionProfile.extensions[*].properties.settings.commandToExecute',
        ],
      }),
      armType('azure.compute.availabilityset', 'Availability set'),
    ],
  },
  {
    name: 'kubernetes',
    description: 'AKS managed clusters and their node pools (agent pools)',
    resourceTypes: [
      armType('azure.kubernetes.cluster', 'AKS managed cluster', {
        volatilePaths: ['properties.powerState', 'properties.agentPoolProfiles[*].count'],
        secretPaths: [
          'properties.servicePrincipalProfile.secret',
          'properties.windowsProfile.adminPassword',
        ],
      }),
      armType('azure.kubernetes.nodepool', 'AKS node pool (agent pool)', {
        volatilePaths: ['properties.powerState', 'properties.count'],
      }),
    ],
  },
  {
    name: 'containerregistry',
    description: 'Azure Container Registry',
    resourceTypes: [armType('azure.containerregistry.registry', 'Container registry')],
  },
  {
    name: 'storage',
    description: 'Storage accounts',
    resourceTypes: [
      armType('azure.storage.account', 'Storage account', {
        volatilePaths: [
          'properties.statusOfPrimary',
          'properties.statusOfSecondary',
          'properties.lastGeoFailoverTime',
        ],
      }),
    ],
  },
  {
    name: 'disks',
    description: 'Managed disks and snapshots',
    resourceTypes: [
      armType('azure.disks.disk', 'Managed disk', {
        volatilePaths: ['properties.diskState', 'properties.lastOwnershipUpdateTime'],
      }),
      armType('azure.disks.snapshot', 'Disk snapshot', {
        volatilePaths: ['properties.diskState'],
      }),
    ],
  },
  {
    name: 'databases',
    description: 'Azure SQL logical servers and databases',
    resourceTypes: [
      armType('azure.databases.sqlserver', 'SQL logical server', {
        secretPaths: ['properties.administratorLoginPassword'],
      }),
      armType('azure.databases.sqldatabase', 'SQL database', {
        volatilePaths: ['properties.status', 'properties.pausedDate', 'properties.resumedDate'],
      }),
    ],
  },
  {
    name: 'cosmosdb',
    description: 'Cosmos DB database accounts',
    resourceTypes: [armType('azure.cosmosdb.account', 'Cosmos DB account')],
  },
  {
    name: 'network',
    description:
      'Virtual networks and subnets, load balancers, public IPs, NSGs, application gateways, network interfaces, private endpoints, route tables, NAT gateways, VPN gateways, firewalls',
    resourceTypes: [
      armType('azure.network.virtualnetwork', 'Virtual network (subnets included)'),
      armType('azure.network.subnet', 'Subnet of a virtual network'),
      armType('azure.network.loadbalancer', 'Load balancer'),
      armType('azure.network.publicipaddress', 'Public IP address'),
      armType('azure.network.networksecuritygroup', 'Network security group'),
      armType('azure.network.applicationgateway', 'Application gateway', {
        volatilePaths: ['properties.operationalState'],
        secretPaths: [
          'properties.sslCertificates[*].properties.password',
          'properties.sslCertificates[*].properties.data',
        ],
      }),
      armType('azure.network.networkinterface', 'Network interface'),
      armType('azure.network.privateendpoint', 'Private endpoint'),
      armType('azure.network.routetable', 'Route table'),
      armType('azure.network.natgateway', 'NAT gateway'),
      armType('azure.network.virtualnetworkgateway', 'Virtual network (VPN/ExpressRoute) gateway', {
        secretPaths: ['properties.vpnClientConfiguration.radiusServerSecret'],
      }),
      armType('azure.network.firewall', 'Azure Firewall'),
    ],
  },
  {
    name: 'identity',
    description: 'User-assigned managed identities',
    resourceTypes: [armType('azure.identity.userassignedidentity', 'User-assigned identity')],
  },
  {
    name: 'dns',
    description:
      'Public DNS zones and their record sets, private DNS zones with their record sets and virtual network links',
    resourceTypes: [
      armType('azure.dns.zone', 'Public DNS zone', {
        volatilePaths: ['properties.numberOfRecordSets'],
      }),
      armType('azure.dns.recordset', 'Record set of a public DNS zone'),
      armType('azure.dns.privatezone', 'Private DNS zone', {
        volatilePaths: [
          'properties.numberOfRecordSets',
          'properties.numberOfVirtualNetworkLinks',
          'properties.numberOfVirtualNetworkLinksWithRegistration',
        ],
      }),
      armType('azure.dns.privaterecordset', 'Record set of a private DNS zone'),
      armType('azure.dns.virtualnetworklink', 'Virtual network link of a private DNS zone', {
        volatilePaths: ['properties.virtualNetworkLinkState'],
      }),
    ],
  },
  {
    name: 'resources',
    description: 'Resource groups',
    resourceTypes: [armType('azure.resources.resourcegroup', 'Resource group')],
  },
  {
    name: 'keyvault',
    description: 'Key vaults (metadata only: no keys, secrets or certificates)',
    resourceTypes: [armType('azure.keyvault.vault', 'Key vault')],
  },
  {
    name: 'appservice',
    description: 'App Service plans and web, API and function apps',
    resourceTypes: [
      armType('azure.appservice.plan', 'App Service plan', {
        // Autoscale changes the worker count.
        volatilePaths: ['properties.numberOfSites', 'properties.status', 'sku.capacity'],
      }),
      armType('azure.appservice.webapp', 'Web, API or function app (`kind` tells which)', {
        volatilePaths: [
          'properties.state',
          'properties.lastModifiedTimeUtc',
          'properties.usageState',
        ],
        secretPaths: [
          'properties.siteConfig.appSettings[*].value',
          'properties.siteConfig.connectionStrings[*].connectionString',
          'properties.siteConfig.azureStorageAccounts.*.accessKey',
        ],
      }),
    ],
  },
  {
    name: 'postgresql',
    description: 'Azure Database for PostgreSQL flexible servers',
    resourceTypes: [
      armType('azure.postgresql.flexibleserver', 'PostgreSQL flexible server', {
        volatilePaths: ['properties.state'],
        secretPaths: ['properties.administratorLoginPassword'],
      }),
    ],
  },
  {
    name: 'mysql',
    description: 'Azure Database for MySQL flexible servers',
    resourceTypes: [
      armType('azure.mysql.flexibleserver', 'MySQL flexible server', {
        volatilePaths: ['properties.state'],
        secretPaths: ['properties.administratorLoginPassword'],
      }),
    ],
  },
  {
    name: 'redis',
    description: 'Azure Cache for Redis',
    resourceTypes: [
      armType('azure.redis.cache', 'Redis cache', {
        secretPaths: ['properties.accessKeys'],
      }),
    ],
  },
  {
    name: 'eventhub',
    description: 'Event Hubs namespaces',
    resourceTypes: [
      armType('azure.eventhub.namespace', 'Event Hubs namespace', {
        // Auto-inflate changes the throughput units.
        volatilePaths: ['properties.status', 'properties.updatedAt', 'sku.capacity'],
      }),
    ],
  },
  {
    name: 'servicebus',
    description: 'Service Bus namespaces',
    resourceTypes: [
      armType('azure.servicebus.namespace', 'Service Bus namespace', {
        volatilePaths: ['properties.status', 'properties.updatedAt'],
      }),
    ],
  },
  {
    name: 'frontdoor',
    description: 'Azure Front Door Standard/Premium profiles and classic Front Doors',
    resourceTypes: [
      armType('azure.frontdoor.frontdoor', 'Front Door (classic)', {
        volatilePaths: ['properties.resourceState'],
      }),
      armType('azure.frontdoor.profile', 'Front Door Standard/Premium profile', {
        volatilePaths: ['properties.resourceState'],
      }),
    ],
  },
];

/** Services and resource types of the Azure driver, with their volatile and secret paths. */
export const azureCatalog = defineCatalog('azure', services);
