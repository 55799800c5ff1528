import type { DriverCatalog } from '@cloud-inventory/core';
import { defineCatalog } from '@cloud-inventory/driver-kit';

// Nested region objects carry DigitalOcean's catalogue (sizes offered, features, availability),
// which changes on DigitalOcean's side without any change to the resource.
const regionCatalogue = ['region.sizes', 'region.features', 'region.available'];

// A reserved IP embeds the whole Droplet it is assigned to; only which Droplet it is matters to
// the IP, the Droplet's own state is versioned on the Droplet.
const embeddedDropletState = [
  'droplet.status',
  'droplet.locked',
  'droplet.next_backup_window',
  'droplet.backup_ids',
  'droplet.snapshot_ids',
  'droplet.volume_ids',
  'droplet.image',
  'droplet.size',
  'droplet.size_slug',
  'droplet.memory',
  'droplet.vcpus',
  'droplet.disk',
  'droplet.kernel',
  'droplet.features',
  'droplet.networks',
  'droplet.region',
  'droplet.tags',
  'droplet.vpc_uuid',
];

const connections = [
  'connection',
  'private_connection',
  'standby_connection',
  'standby_private_connection',
  'ui_connection',
];

// Terraform imports (digitalocean/digitalocean, each resource page's "Import" section): by id, a
// reserved IP by its address, a domain and a registry by name, a record as `domain,record id`, a
// Spaces bucket as `region,name`; snapshots as Droplet or volume snapshots by their resource type.
// Registry repositories have no Terraform resource. NOTE: a cluster's default node pool (tagged
// `terraform:default-node-pool`) is imported with its cluster; the provider refuses it alone.

/** Services and resource types of the DigitalOcean driver, with volatile and secret paths. */
export const digitalOceanCatalog: DriverCatalog = defineCatalog('digitalocean', [
  {
    name: 'droplets',
    description: 'Droplets (virtual machines)',
    resourceTypes: [
      {
        type: 'digitalocean.droplet',
        terraform: { type: 'digitalocean_droplet', importId: '{resourceId}' },
        description: 'A Droplet (GET /v2/droplets)',
        volatilePaths: [
          'status',
          'locked',
          'next_backup_window',
          'backup_ids',
          'snapshot_ids',
          'image.regions',
          'image.status',
          'size.regions',
          'size.available',
          'size.price_monthly',
          'size.price_hourly',
          ...regionCatalogue,
        ],
      },
    ],
  },
  {
    name: 'kubernetes',
    description: 'DigitalOcean Kubernetes (DOKS) clusters and their node pools',
    resourceTypes: [
      {
        type: 'digitalocean.kubernetes.cluster',
        terraform: { type: 'digitalocean_kubernetes_cluster', importId: '{resourceId}' },
        description: 'A Kubernetes cluster (GET /v2/kubernetes/clusters), node pools included',
        volatilePaths: ['status', 'updated_at', 'node_pools[*].nodes'],
      },
      {
        type: 'digitalocean.kubernetes.nodepool',
        terraform: { type: 'digitalocean_kubernetes_node_pool', importId: '{resourceId}' },
        description: 'A node pool of a cluster (listed inline with it); id is the node pool id',
        volatilePaths: ['nodes'],
      },
    ],
  },
  {
    name: 'databases',
    description:
      'Managed database clusters (PostgreSQL, MySQL, Valkey/Redis, MongoDB, Kafka, OpenSearch)',
    resourceTypes: [
      {
        type: 'digitalocean.database',
        terraform: { type: 'digitalocean_database_cluster', importId: '{resourceId}' },
        description:
          'A database cluster (GET /v2/databases) with its trusted sources in `firewall_rules` (GET /v2/databases/{uuid}/firewall)',
        volatilePaths: [
          'status',
          'semantic_version',
          'maintenance_window.pending',
          'maintenance_window.description',
          'version_end_of_life',
          'version_end_of_availability',
        ],
        secretPaths: [
          ...connections.flatMap((connection) => [`${connection}.password`, `${connection}.uri`]),
          'users[*].password',
          'users[*].access_key',
        ],
      },
    ],
  },
  {
    name: 'volumes',
    description: 'Block storage volumes',
    resourceTypes: [
      {
        type: 'digitalocean.volume',
        terraform: { type: 'digitalocean_volume', importId: '{resourceId}' },
        description: 'A block storage volume (GET /v2/volumes)',
        volatilePaths: regionCatalogue,
      },
    ],
  },
  {
    name: 'snapshots',
    description: 'Droplet and volume snapshots',
    resourceTypes: [
      {
        type: 'digitalocean.snapshot',
        terraform: [
          {
            type: 'digitalocean_droplet_snapshot',
            importId: '{resourceId}',
            only: { path: 'configuration.resource_type', values: ['droplet'] },
          },
          {
            type: 'digitalocean_volume_snapshot',
            importId: '{resourceId}',
            only: { path: 'configuration.resource_type', values: ['volume'] },
          },
        ],
        description: 'A snapshot (GET /v2/snapshots); region is the first of its regions',
      },
    ],
  },
  {
    name: 'loadbalancers',
    description: 'Load balancers (regional, regional network and global)',
    resourceTypes: [
      {
        type: 'digitalocean.load-balancer',
        terraform: { type: 'digitalocean_loadbalancer', importId: '{resourceId}' },
        description: 'A load balancer (GET /v2/load_balancers); global ones are in region `global`',
        volatilePaths: ['status', ...regionCatalogue],
      },
    ],
  },
  {
    name: 'firewalls',
    description: 'Cloud firewalls',
    global: true,
    resourceTypes: [
      {
        type: 'digitalocean.firewall',
        terraform: { type: 'digitalocean_firewall', importId: '{resourceId}' },
        description: 'A cloud firewall (GET /v2/firewalls)',
        volatilePaths: ['status', 'pending_changes'],
      },
    ],
  },
  {
    name: 'vpc',
    description: 'VPC networks',
    resourceTypes: [
      {
        type: 'digitalocean.vpc',
        description: 'A VPC network (GET /v2/vpcs)',
        terraform: { type: 'digitalocean_vpc', importId: '{resourceId}' },
      },
    ],
  },
  {
    name: 'floatingips',
    description: 'Reserved IPs (formerly floating IPs)',
    resourceTypes: [
      {
        type: 'digitalocean.reserved-ip',
        terraform: { type: 'digitalocean_reserved_ip', importId: '{configuration.ip}' },
        description: 'A reserved IPv4 address (GET /v2/reserved_ips); id is the address',
        volatilePaths: ['locked', ...regionCatalogue, ...embeddedDropletState],
      },
    ],
  },
  {
    name: 'domains',
    description: 'DNS domains and their records',
    global: true,
    resourceTypes: [
      {
        type: 'digitalocean.domain',
        terraform: { type: 'digitalocean_domain', importId: '{configuration.name}' },
        description: 'A DNS domain (GET /v2/domains); its records are versioned on their own',
        volatilePaths: ['zone_file'],
      },
      {
        type: 'digitalocean.domain.record',
        terraform: {
          type: 'digitalocean_record',
          importId: '{resourceId|before:/},{configuration.id}',
        },
        description: 'A DNS record; id `<domain>/<record id>`',
      },
    ],
  },
  {
    name: 'cdn',
    description: 'CDN endpoints of Spaces buckets',
    global: true,
    resourceTypes: [
      {
        type: 'digitalocean.cdn.endpoint',
        description: 'A CDN endpoint (GET /v2/cdn/endpoints)',
        terraform: { type: 'digitalocean_cdn', importId: '{resourceId}' },
      },
    ],
  },
  {
    name: 'registry',
    description: 'Container registry and its repositories',
    resourceTypes: [
      {
        type: 'digitalocean.registry',
        terraform: { type: 'digitalocean_container_registry', importId: '{configuration.name}' },
        description: 'The container registry (GET /v2/registry)',
        volatilePaths: ['storage_usage_bytes', 'storage_usage_bytes_updated_at'],
      },
      {
        type: 'digitalocean.registry.repository',
        description: 'A repository; id `<registry>/<repository>`; pushes are not changes',
        volatilePaths: ['tag_count', 'manifest_count', 'latest_manifest'],
      },
    ],
  },
  {
    name: 'apps',
    description: 'App Platform apps',
    resourceTypes: [
      {
        type: 'digitalocean.app',
        terraform: { type: 'digitalocean_app', importId: '{resourceId}' },
        description:
          'An app (GET /v2/apps); region is its first datacenter; deployments are not changes, the spec is',
        volatilePaths: [
          'updated_at',
          'last_deployment_active_at',
          'last_deployment_created_at',
          'active_deployment',
          'pending_deployment',
          'in_progress_deployment',
          'domains[*].phase',
          'domains[*].progress',
          'domains[*].certificate_expires_at',
          'dedicated_ips[*].status',
        ],
        secretPaths: ['spec.envs[*].value', 'spec.*[*].envs[*].value', '**.envs[*].value'],
      },
    ],
  },
  {
    name: 'sshkeys',
    description: 'SSH keys of the account',
    global: true,
    resourceTypes: [
      {
        type: 'digitalocean.ssh-key',
        description: 'An SSH key (GET /v2/account/keys)',
        terraform: { type: 'digitalocean_ssh_key', importId: '{resourceId}' },
      },
    ],
  },
  {
    name: 'spaces',
    description: 'Spaces buckets, listed per region through the S3 API with Spaces keys',
    resourceTypes: [
      {
        type: 'digitalocean.spaces.bucket',
        terraform: {
          type: 'digitalocean_spaces_bucket',
          importId: '{configuration.region},{configuration.Name}',
        },
        description: 'A Spaces bucket (S3 ListBuckets); id `<region>/<bucket>`',
      },
    ],
  },
]);
