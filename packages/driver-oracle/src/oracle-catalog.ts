import type { DriverCatalog } from '@cloud-inventory/core';
import { defineCatalog } from '@cloud-inventory/driver-kit';

// Volatile paths: lifecycle states (RUNNING, STOPPED, UPDATING... come and go with operations),
// usage counters (bucket object counts and sizes, file system metered bytes, used database storage),
// maintenance and refresh times, and version markers that move with any write (etag, zone serial).
// Secret paths: instance metadata (`user_data` is cloud-init, which often carries passwords) and
// extended metadata (free-form, user-defined). No other list response carries a secret: database
// admin passwords and load balancer certificate private keys are write-only.

const lifecycle = ['lifecycleState', 'lifecycleDetails'];

/** Services of the Oracle driver and the resource types each one yields. */
export const oracleCatalog: DriverCatalog = defineCatalog('oracle', [
  {
    name: 'compute',
    description: 'Compute instances, boot volumes and custom images, per compartment and region',
    resourceTypes: [
      {
        type: 'oracle.compute.instance',
        description: 'A compute instance (ListInstances)',
        volatilePaths: [...lifecycle, 'timeMaintenanceRebootDue'],
        secretPaths: ['metadata.user_data', 'extendedMetadata'],
      },
      {
        type: 'oracle.compute.boot-volume',
        description: 'A boot volume (ListBootVolumes)',
        volatilePaths: [...lifecycle, 'isHydrated', 'autoTunedVpusPerGB'],
      },
      {
        type: 'oracle.compute.image',
        description: 'A custom image of the tenancy (ListImages; platform images are left out)',
        volatilePaths: lifecycle,
      },
    ],
  },
  {
    name: 'kubernetes',
    description: 'Container Engine for Kubernetes (OKE) clusters and node pools',
    resourceTypes: [
      {
        type: 'oracle.kubernetes.cluster',
        description: 'An OKE cluster (ListClusters)',
        volatilePaths: [
          ...lifecycle,
          'metadata.timeUpdated',
          'metadata.updatedByUserId',
          'metadata.updatedByWorkRequestId',
          'availableKubernetesUpgrades',
        ],
      },
      {
        type: 'oracle.kubernetes.nodepool',
        description: 'A node pool of an OKE cluster (ListNodePools); `clusterId` links it',
        volatilePaths: lifecycle,
      },
    ],
  },
  {
    name: 'database',
    description: 'Autonomous Databases and DB systems',
    resourceTypes: [
      {
        type: 'oracle.database.autonomous-database',
        description: 'An Autonomous Database (ListAutonomousDatabases)',
        volatilePaths: [
          ...lifecycle,
          'usedDataStorageSizeInTBs',
          'usedDataStorageSizeInGBs',
          'actualUsedDataStorageSizeInTBs',
          'allocatedStorageSizeInTBs',
          'totalBackupStorageSizeInGBs',
          'timeMaintenanceBegin',
          'timeMaintenanceEnd',
          'nextLongTermBackupTimeStamp',
          'timeOfLastRefresh',
          'timeOfLastRefreshPoint',
          'timeOfNextRefresh',
          'availableUpgradeVersions',
        ],
      },
      {
        type: 'oracle.database.db-system',
        description: 'A DB system (ListDbSystems)',
        volatilePaths: [
          ...lifecycle,
          'lastPatchHistoryEntryId',
          'lastMaintenanceRunId',
          'nextMaintenanceRunId',
        ],
      },
    ],
  },
  {
    name: 'blockstorage',
    description: 'Block volumes',
    resourceTypes: [
      {
        type: 'oracle.blockstorage.volume',
        description: 'A block volume (ListVolumes)',
        volatilePaths: [...lifecycle, 'isHydrated', 'autoTunedVpusPerGB'],
      },
    ],
  },
  {
    name: 'objectstorage',
    description: 'Object Storage buckets, with their tags and settings',
    resourceTypes: [
      {
        type: 'oracle.objectstorage.bucket',
        description:
          'A bucket (ListBuckets with fields=tags, then GetBucket); id `<region>/n/<namespace>/b/<name>`',
        volatilePaths: ['etag', 'objectLifecyclePolicyEtag', 'approximateCount', 'approximateSize'],
      },
    ],
  },
  {
    name: 'filestorage',
    description: 'File Storage file systems, per availability domain',
    resourceTypes: [
      {
        type: 'oracle.filestorage.file-system',
        description: 'A file system (ListAvailabilityDomains, then ListFileSystems per domain)',
        volatilePaths: [...lifecycle, 'meteredBytes', 'isHydrated'],
      },
    ],
  },
  {
    name: 'vcn',
    description: 'Virtual cloud networks, subnets, security lists, NSGs, route tables and gateways',
    resourceTypes: [
      {
        type: 'oracle.vcn.network',
        description: 'A virtual cloud network (ListVcns)',
        volatilePaths: lifecycle,
      },
      {
        type: 'oracle.vcn.subnet',
        description: 'A subnet (ListSubnets)',
        volatilePaths: lifecycle,
      },
      {
        type: 'oracle.vcn.security-list',
        description: 'A security list (ListSecurityLists)',
        volatilePaths: lifecycle,
      },
      {
        type: 'oracle.vcn.network-security-group',
        description: 'A network security group (ListNetworkSecurityGroups)',
        volatilePaths: lifecycle,
      },
      {
        type: 'oracle.vcn.route-table',
        description: 'A route table (ListRouteTables)',
        volatilePaths: lifecycle,
      },
      {
        type: 'oracle.vcn.internet-gateway',
        description: 'An internet gateway (ListInternetGateways)',
        volatilePaths: lifecycle,
      },
      {
        type: 'oracle.vcn.nat-gateway',
        description: 'A NAT gateway (ListNatGateways)',
        volatilePaths: lifecycle,
      },
      {
        type: 'oracle.vcn.service-gateway',
        description: 'A service gateway (ListServiceGateways)',
        volatilePaths: lifecycle,
      },
    ],
  },
  {
    name: 'loadbalancer',
    description: 'Load balancers with their listeners, backend sets and certificates',
    resourceTypes: [
      {
        type: 'oracle.loadbalancer.load-balancer',
        description: 'A load balancer (ListLoadBalancers)',
        volatilePaths: lifecycle,
      },
    ],
  },
  {
    name: 'identity',
    description:
      'Users, groups, compartments (the whole tree) and policies; listed once, not per region',
    global: true,
    resourceTypes: [
      {
        type: 'oracle.identity.user',
        description: 'A user of the tenancy (ListUsers)',
        volatilePaths: ['lastSuccessfulLoginTime', 'previousSuccessfulLoginTime'],
      },
      { type: 'oracle.identity.group', description: 'A group of the tenancy (ListGroups)' },
      {
        type: 'oracle.identity.compartment',
        description: 'A compartment under the root (ListCompartments, whole subtree)',
      },
      {
        type: 'oracle.identity.policy',
        description: 'An IAM policy with its statements (ListPolicies)',
      },
    ],
  },
  {
    name: 'dns',
    description: 'DNS zones: public zones once (region `global`), private zones per region',
    resourceTypes: [
      {
        type: 'oracle.dns.zone',
        description: 'A DNS zone (ListZones, scope GLOBAL once and PRIVATE per region)',
        volatilePaths: ['serial', 'version', 'lifecycleState'],
      },
    ],
  },
]);
