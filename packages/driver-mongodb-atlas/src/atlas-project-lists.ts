import type { QueryValue } from '@cloud-inventory/driver-kit';
import type { AtlasCall } from './atlas-api.ts';
import { providerSettingsRegion } from './atlas-regions.ts';
import { textField } from './atlas-resources.ts';

/** An object of an Atlas list answer. */
export type AtlasItem = Record<string, unknown>;

/** One request of a project list: a path under `/api/atlas/v2` and its query. */
export interface AtlasListRequest {
  /** Path. */
  path: string;
  /** Query parameters besides paging. */
  query?: Record<string, QueryValue>;
}

/** How one project-level list is called and mapped to resources. */
export interface AtlasProjectListDefinition {
  /** Service, as in the catalog. */
  service: string;
  /** Resource type of the listed objects. */
  resourceType: string;
  /** Versioned call. */
  call: AtlasCall;
  /** The request(s) that list the objects of a project. */
  requests: (groupId: string) => AtlasListRequest[];
  /** True for `{ results, totalCount, links }` answers; false for plain arrays. */
  paginated: boolean;
  /** Stable id of an object; undefined skips it. */
  resourceId: (item: AtlasItem, groupId: string) => string | undefined;
  /** Display name. */
  name: (item: AtlasItem) => string | undefined;
  /** Atlas region of an object (regional types only). */
  region?: (item: AtlasItem) => string | undefined;
  /** Where the region comes from, for the docs. */
  regionField?: string;
  /** Tags of an object. */
  tags?: (item: AtlasItem) => unknown;
  /** Labels of an object. */
  labels?: (item: AtlasItem) => unknown;
}

const cloudProviders = ['AWS', 'AZURE', 'GCP'] as const;

/** `us-east-1` and `US_EAST_1` both read as Atlas's `US_EAST_1`. */
export function atlasRegionName(value: string | undefined): string | undefined {
  return value ? value.toUpperCase().replace(/-/g, '_') : undefined;
}

function scoped(groupId: string, name: string | undefined): string | undefined {
  return name ? `${groupId}/${name}` : undefined;
}

/** The project-level lists, in catalog order (clusters and their children are in atlas-cluster-steps.ts). */
export const atlasProjectLists: readonly AtlasProjectListDefinition[] = [
  {
    service: 'users',
    resourceType: 'mongodb-atlas.user',
    call: 'databaseUsers',
    requests: (groupId) => [{ path: `/groups/${groupId}/databaseUsers` }],
    paginated: true,
    resourceId: (item, groupId) => {
      const database = textField(item, 'databaseName');
      const username = textField(item, 'username');
      return database && username ? `${groupId}/${database}/${username}` : undefined;
    },
    name: (item) => textField(item, 'username'),
    labels: (item) => item.labels,
  },
  {
    service: 'accesslists',
    resourceType: 'mongodb-atlas.accesslist',
    call: 'accessList',
    requests: (groupId) => [{ path: `/groups/${groupId}/accessList` }],
    paginated: true,
    resourceId: (item, groupId) =>
      scoped(
        groupId,
        textField(item, 'cidrBlock') ??
          textField(item, 'awsSecurityGroup') ??
          textField(item, 'ipAddress'),
      ),
    name: (item) =>
      textField(item, 'cidrBlock') ??
      textField(item, 'awsSecurityGroup') ??
      textField(item, 'ipAddress'),
  },
  {
    service: 'customroles',
    resourceType: 'mongodb-atlas.customrole',
    call: 'customRoles',
    requests: (groupId) => [{ path: `/groups/${groupId}/customDBRoles/roles` }],
    paginated: false,
    resourceId: (item, groupId) => scoped(groupId, textField(item, 'roleName')),
    name: (item) => textField(item, 'roleName'),
  },
  {
    service: 'alerts',
    resourceType: 'mongodb-atlas.alert',
    call: 'alertConfigs',
    requests: (groupId) => [{ path: `/groups/${groupId}/alertConfigs` }],
    paginated: true,
    resourceId: (item) => textField(item, 'id'),
    name: (item) => textField(item, 'eventTypeName'),
  },
  {
    service: 'integrations',
    resourceType: 'mongodb-atlas.integration',
    call: 'integrations',
    requests: (groupId) => [{ path: `/groups/${groupId}/integrations` }],
    paginated: true,
    // A project has at most one integration of each type.
    resourceId: (item, groupId) => scoped(groupId, textField(item, 'type')),
    name: (item) => textField(item, 'type'),
  },
  {
    service: 'datalakes',
    resourceType: 'mongodb-atlas.datalake',
    call: 'dataFederation',
    requests: (groupId) => [{ path: `/groups/${groupId}/dataFederation` }],
    paginated: false,
    resourceId: (item, groupId) => scoped(groupId, textField(item, 'name')),
    name: (item) => textField(item, 'name'),
  },
  {
    service: 'privateendpoints',
    resourceType: 'mongodb-atlas.privateendpoint',
    call: 'privateEndpoints',
    requests: (groupId) =>
      cloudProviders.map((provider) => ({
        path: `/groups/${groupId}/privateEndpoint/${provider}/endpointService`,
      })),
    paginated: false,
    resourceId: (item) => textField(item, 'id'),
    name: (item) =>
      textField(item, 'endpointServiceName') ??
      textField(item, 'privateLinkServiceName') ??
      textField(item, 'id'),
    region: (item) => atlasRegionName(textField(item, 'regionName')),
    regionField: '`regionName` (upper case, `_` for `-`)',
  },
  {
    service: 'networkpeering',
    resourceType: 'mongodb-atlas.networkpeering.container',
    call: 'containers',
    requests: (groupId) => [{ path: `/groups/${groupId}/containers/all` }],
    paginated: true,
    resourceId: (item) => textField(item, 'id'),
    name: (item) => textField(item, 'atlasCidrBlock') ?? textField(item, 'id'),
    // GCP containers span regions (`regions`): they stay global.
    region: (item) => textField(item, 'regionName') ?? textField(item, 'region'),
    regionField: '`regionName` (AWS), `region` (Azure); GCP: `global`',
  },
  {
    service: 'networkpeering',
    resourceType: 'mongodb-atlas.networkpeering.connection',
    call: 'peers',
    requests: (groupId) =>
      cloudProviders.map((provider) => ({
        path: `/groups/${groupId}/peers`,
        query: { providerName: provider },
      })),
    paginated: true,
    resourceId: (item) => textField(item, 'id'),
    name: (item) =>
      textField(item, 'vpcId') ??
      textField(item, 'vnetName') ??
      textField(item, 'networkName') ??
      textField(item, 'id'),
  },
  {
    service: 'serverless',
    resourceType: 'mongodb-atlas.serverless',
    call: 'serverless',
    requests: (groupId) => [{ path: `/groups/${groupId}/serverless` }],
    paginated: true,
    resourceId: (item) => textField(item, 'id'),
    name: (item) => textField(item, 'name'),
    region: (item) =>
      providerSettingsRegion(item as { providerSettings?: { regionName?: string } }),
    regionField: '`providerSettings.regionName`',
    tags: (item) => item.tags,
  },
  {
    service: 'flex',
    resourceType: 'mongodb-atlas.flex',
    call: 'flexClusters',
    requests: (groupId) => [{ path: `/groups/${groupId}/flexClusters` }],
    paginated: true,
    resourceId: (item) => textField(item, 'id'),
    name: (item) => textField(item, 'name'),
    region: (item) =>
      providerSettingsRegion(item as { providerSettings?: { regionName?: string } }),
    regionField: '`providerSettings.regionName`',
    tags: (item) => item.tags,
  },
];
