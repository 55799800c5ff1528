import type { DriverCatalog } from '@cloud-inventory/core';
import { defineCatalog } from '@cloud-inventory/driver-kit';

// Field names follow Linode's OpenAPI description (linode/linode-api-docs, openapi.yaml) of each
// list call. Volatile: `updated` stamps, transient statuses, usage counters and compliance flags.
// Secret: a StackScript's `script` (deployment code that often embeds keys and passwords) and a
// NodeBalancer config's `ssl_key` (the API answers `<REDACTED>`, declared in case it ever does not).

/** Services of the Linode driver and the resource types each one yields. */
export const linodeCatalog: DriverCatalog = defineCatalog('linode', [
  {
    name: 'linodes',
    description: 'Compute instances (GET /v4/linode/instances)',
    resourceTypes: [
      {
        type: 'linode.linode',
        description: 'A Linode compute instance',
        volatilePaths: ['status', 'updated', 'backups.last_successful'],
      },
    ],
  },
  {
    name: 'kubernetes',
    description: 'LKE clusters and their node pools (GET /v4/lke/clusters)',
    resourceTypes: [
      {
        type: 'linode.kubernetes.cluster',
        description: 'An LKE cluster',
        volatilePaths: ['updated'],
      },
      {
        type: 'linode.kubernetes.nodepool',
        description: 'A node pool of an LKE cluster (GET /v4/lke/clusters/{clusterId}/pools)',
        volatilePaths: ['nodes[*].status'],
      },
    ],
  },
  {
    name: 'volumes',
    description: 'Block Storage volumes (GET /v4/volumes)',
    resourceTypes: [
      {
        type: 'linode.volume',
        description: 'A Block Storage volume',
        volatilePaths: ['status', 'updated'],
      },
    ],
  },
  {
    name: 'nodebalancers',
    description: 'NodeBalancers with their configs and nodes (GET /v4/nodebalancers)',
    resourceTypes: [
      {
        type: 'linode.nodebalancer',
        description: 'A NodeBalancer, its configs under `configs` and each config’s nodes',
        volatilePaths: [
          'updated',
          'transfer',
          'configs[*].nodes_status',
          'configs[*].nodes[*].status',
        ],
        secretPaths: ['configs[*].ssl_key'],
      },
    ],
  },
  {
    name: 'firewalls',
    description: 'Cloud Firewalls with their devices (GET /v4/networking/firewalls)',
    global: true,
    resourceTypes: [
      {
        type: 'linode.firewall',
        description: 'A Cloud Firewall, its rules and its devices under `devices`',
        volatilePaths: ['updated', 'devices[*].updated'],
      },
    ],
  },
  {
    name: 'vlans',
    description: 'VLANs (GET /v4/networking/vlans); id is `<region>/<label>`',
    resourceTypes: [{ type: 'linode.vlan', description: 'A VLAN and the Linodes attached to it' }],
  },
  {
    name: 'vpcs',
    description: 'VPCs and their subnets (GET /v4/vpcs)',
    resourceTypes: [
      {
        type: 'linode.vpc',
        description: 'A VPC, with its subnets as listed',
        volatilePaths: ['updated', 'subnets[*].updated'],
      },
      {
        type: 'linode.vpc.subnet',
        description: 'A VPC subnet; id is `<vpcId>/<subnetId>`',
        volatilePaths: ['updated'],
      },
    ],
  },
  {
    name: 'domains',
    description: 'DNS domains and their records (GET /v4/domains)',
    global: true,
    resourceTypes: [
      { type: 'linode.domain', description: 'A DNS domain (zone)' },
      {
        type: 'linode.domain.record',
        description:
          'A record of a domain (GET /v4/domains/{domainId}/records); id is `<domainId>/<recordId>`',
        volatilePaths: ['updated'],
      },
    ],
  },
  {
    name: 'sshkeys',
    description: 'SSH keys of the token’s user profile (GET /v4/profile/sshkeys)',
    global: true,
    resourceTypes: [{ type: 'linode.ssh-key', description: 'A public SSH key' }],
  },
  {
    name: 'images',
    description: 'Private images (GET /v4/images, X-Filter `{"is_public": false}`)',
    global: true,
    resourceTypes: [
      {
        type: 'linode.image',
        description: 'A private (custom) image',
        volatilePaths: ['updated', 'status', 'regions[*].status'],
      },
    ],
  },
  {
    name: 'objectstorage',
    description: 'Object Storage buckets of every region (GET /v4/object-storage/buckets)',
    resourceTypes: [
      {
        type: 'linode.objectstorage.bucket',
        description: 'An Object Storage bucket; id is `<region>/<label>`',
        volatilePaths: ['objects', 'size'],
      },
    ],
  },
  {
    name: 'stackscripts',
    description:
      'The account’s own StackScripts (GET /v4/linode/stackscripts, X-Filter `{"mine": true}`)',
    global: true,
    resourceTypes: [
      {
        type: 'linode.stackscript',
        description: 'A StackScript of this account (public ones of others are left out)',
        volatilePaths: ['updated', 'deployments_active', 'deployments_total'],
        secretPaths: ['script'],
      },
    ],
  },
  {
    name: 'databases',
    description: 'Managed databases (GET /v4beta/databases/{engine}/instances)',
    resourceTypes: [
      {
        type: 'linode.databases.mysql',
        description: 'A managed MySQL database cluster',
        volatilePaths: ['updated', 'status', 'used_disk_size_gb'],
      },
      {
        type: 'linode.databases.postgresql',
        description: 'A managed PostgreSQL database cluster',
        volatilePaths: ['updated', 'status', 'used_disk_size_gb'],
      },
    ],
  },
  {
    name: 'placementgroups',
    description: 'Placement groups (GET /v4/placement/groups)',
    resourceTypes: [
      {
        type: 'linode.placement-group',
        description: 'A placement group and its member Linodes',
        volatilePaths: ['is_compliant', 'members[*].is_compliant', 'migrations'],
      },
    ],
  },
]);
