import { type AzureListDefinition, childList, subscriptionList } from './azure-definition.ts';

const subscription = '/subscriptions/{subscriptionId}';
const resourceGroup = `${subscription}/resourceGroups/{resourceGroupName}`;

/** Compute, disks, AKS, container registries, storage, SQL and Cosmos DB: one step per list call. */
export const azureComputeDefinitions: AzureListDefinition[] = [
  subscriptionList({
    service: 'compute',
    resourceType: 'azure.compute.virtualmachine',
    provider: 'Microsoft.Compute',
    path: `${subscription}/providers/Microsoft.Compute/virtualMachines`,
    pager: async (clients, options) =>
      (await clients.get('compute')).virtualMachines.listAll(options),
  }),
  subscriptionList({
    service: 'compute',
    resourceType: 'azure.compute.virtualmachinescaleset',
    provider: 'Microsoft.Compute',
    path: `${subscription}/providers/Microsoft.Compute/virtualMachineScaleSets`,
    pager: async (clients, options) =>
      (await clients.get('compute')).virtualMachineScaleSets.listAll(options),
  }),
  subscriptionList({
    service: 'compute',
    resourceType: 'azure.compute.availabilityset',
    provider: 'Microsoft.Compute',
    path: `${subscription}/providers/Microsoft.Compute/availabilitySets`,
    pager: async (clients, options) =>
      (await clients.get('compute')).availabilitySets.listBySubscription(options),
  }),
  subscriptionList({
    service: 'kubernetes',
    resourceType: 'azure.kubernetes.cluster',
    provider: 'Microsoft.ContainerService',
    path: `${subscription}/providers/Microsoft.ContainerService/managedClusters`,
    pager: async (clients, options) =>
      (await clients.get('containerService')).managedClusters.list(options),
  }),
  childList({
    service: 'kubernetes',
    resourceType: 'azure.kubernetes.nodepool',
    provider: 'Microsoft.ContainerService',
    parentPath: `${subscription}/providers/Microsoft.ContainerService/managedClusters`,
    path: `${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/{resourceName}/agentPools`,
    parents: async (clients, options) =>
      (await clients.get('containerService')).managedClusters.list(options),
    children: async (clients, parent, options) =>
      (await clients.get('containerService')).agentPools.list(
        parent.resourceGroup,
        parent.name,
        options,
      ),
  }),
  subscriptionList({
    service: 'containerregistry',
    resourceType: 'azure.containerregistry.registry',
    provider: 'Microsoft.ContainerRegistry',
    path: `${subscription}/providers/Microsoft.ContainerRegistry/registries`,
    pager: async (clients, options) =>
      (await clients.get('containerRegistry')).registries.list(options),
  }),
  subscriptionList({
    service: 'storage',
    resourceType: 'azure.storage.account',
    provider: 'Microsoft.Storage',
    path: `${subscription}/providers/Microsoft.Storage/storageAccounts`,
    pager: async (clients, options) => (await clients.get('storage')).storageAccounts.list(options),
  }),
  subscriptionList({
    service: 'disks',
    resourceType: 'azure.disks.disk',
    provider: 'Microsoft.Compute',
    path: `${subscription}/providers/Microsoft.Compute/disks`,
    pager: async (clients, options) => (await clients.get('compute')).disks.list(options),
  }),
  subscriptionList({
    service: 'disks',
    resourceType: 'azure.disks.snapshot',
    provider: 'Microsoft.Compute',
    path: `${subscription}/providers/Microsoft.Compute/snapshots`,
    pager: async (clients, options) => (await clients.get('compute')).snapshots.list(options),
  }),
  subscriptionList({
    service: 'databases',
    resourceType: 'azure.databases.sqlserver',
    provider: 'Microsoft.Sql',
    path: `${subscription}/providers/Microsoft.Sql/servers`,
    pager: async (clients, options) => (await clients.get('sql')).servers.list(options),
  }),
  childList({
    service: 'databases',
    resourceType: 'azure.databases.sqldatabase',
    provider: 'Microsoft.Sql',
    parentPath: `${subscription}/providers/Microsoft.Sql/servers`,
    path: `${resourceGroup}/providers/Microsoft.Sql/servers/{serverName}/databases`,
    parents: async (clients, options) => (await clients.get('sql')).servers.list(options),
    children: async (clients, parent, options) =>
      (await clients.get('sql')).databases.listByServer(parent.resourceGroup, parent.name, options),
  }),
  subscriptionList({
    service: 'cosmosdb',
    resourceType: 'azure.cosmosdb.account',
    provider: 'Microsoft.DocumentDB',
    path: `${subscription}/providers/Microsoft.DocumentDB/databaseAccounts`,
    pager: async (clients, options) =>
      (await clients.get('cosmosDb')).databaseAccounts.list(options),
  }),
];
