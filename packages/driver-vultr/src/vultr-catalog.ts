import type { DriverCatalog } from '@cloud-inventory/core';
import { defineCatalog } from '@cloud-inventory/driver-kit';

// Secret paths: what the Vultr API v2 returns in clear text in its GET answers (OpenAPI spec and
// govultr structs): root passwords of freshly deployed servers, the S3 key pair of an Object
// Storage subscription, the body of a startup script (user data), and the connection passwords
// (and the Kafka client key) of managed databases and their read replicas. Core's key-name
// redaction (password, secret, token, private_key...) would catch some of them anyway; these are
// declared so none depends on a field's name.

// Volatile paths: timestamps that move without a change of settings, transient states, usage
// counters, and what is versioned on its own resource (a cluster's node pools).

/** Services of the Vultr driver and the resource types each one yields. */
export const vultrCatalog: DriverCatalog = defineCatalog('vultr', [
  {
    name: 'instances',
    description: 'Cloud compute instances (VPS)',
    resourceTypes: [
      {
        type: 'vultr.instance',
        description: 'A cloud compute instance (GET /v2/instances)',
        // `kvm` is a console URL carrying a session token: secret, and it is not a setting.
        volatilePaths: ['server_status', 'kvm'],
        secretPaths: ['default_password', 'kvm'],
      },
    ],
  },
  {
    name: 'baremetal',
    description: 'Bare metal servers',
    resourceTypes: [
      {
        type: 'vultr.baremetal',
        description: 'A bare metal server (GET /v2/bare-metals)',
        secretPaths: ['default_password'],
      },
    ],
  },
  {
    name: 'kubernetes',
    description: 'Vultr Kubernetes Engine (VKE) clusters and their node pools',
    resourceTypes: [
      {
        type: 'vultr.kubernetes.cluster',
        description: 'A VKE cluster (GET /v2/kubernetes/clusters), node pools included',
        volatilePaths: ['node_pools'],
      },
      {
        type: 'vultr.kubernetes.nodepool',
        description:
          'A node pool of a VKE cluster (listed inline with it); `clusterId` in metadata',
        volatilePaths: ['date_updated', 'nodes[*].status'],
      },
    ],
  },
  {
    name: 'blockstorage',
    description: 'Block storage volumes',
    resourceTypes: [
      { type: 'vultr.blockstorage.volume', description: 'A block storage volume (GET /v2/blocks)' },
    ],
  },
  {
    name: 'snapshots',
    description: 'Instance snapshots',
    global: true,
    resourceTypes: [
      {
        type: 'vultr.snapshot',
        description: 'A snapshot (GET /v2/snapshots)',
        volatilePaths: ['status'],
      },
    ],
  },
  {
    name: 'objectstorage',
    description: 'Object Storage subscriptions',
    resourceTypes: [
      {
        type: 'vultr.objectstorage.subscription',
        description: 'An Object Storage subscription with its S3 endpoint (GET /v2/object-storage)',
        secretPaths: ['s3_access_key', 's3_secret_key'],
      },
    ],
  },
  {
    name: 'loadbalancers',
    description: 'Load balancers',
    resourceTypes: [
      {
        type: 'vultr.load-balancer',
        description:
          'A load balancer with its forwarding and firewall rules (GET /v2/load-balancers)',
      },
    ],
  },
  {
    name: 'firewalls',
    description: 'Firewall groups and their rules',
    global: true,
    resourceTypes: [
      {
        type: 'vultr.firewall.group',
        description: 'A firewall group (GET /v2/firewalls)',
        volatilePaths: ['instance_count', 'date_modified'],
      },
      {
        type: 'vultr.firewall.rule',
        description:
          'A rule of a firewall group (GET /v2/firewalls/{id}/rules); id `<group id>/<rule id>`',
      },
    ],
  },
  {
    name: 'vpc',
    description: 'VPC 2.0 networks and (legacy) VPC networks',
    resourceTypes: [
      { type: 'vultr.vpc', description: 'A VPC network (GET /v2/vpcs)' },
      { type: 'vultr.vpc2', description: 'A VPC 2.0 network (GET /v2/vpc2)' },
    ],
  },
  {
    name: 'reservedips',
    description: 'Reserved IP addresses',
    resourceTypes: [
      { type: 'vultr.reserved-ip', description: 'A reserved IPv4 or IPv6 (GET /v2/reserved-ips)' },
    ],
  },
  {
    name: 'dns',
    description: 'DNS domains and their records',
    global: true,
    resourceTypes: [
      { type: 'vultr.dns.domain', description: 'A DNS domain (GET /v2/domains)' },
      {
        type: 'vultr.dns.record',
        description: 'A record of a domain (GET /v2/domains/{domain}/records); id `<domain>/<id>`',
      },
    ],
  },
  {
    name: 'sshkeys',
    description: 'SSH keys',
    global: true,
    resourceTypes: [{ type: 'vultr.ssh-key', description: 'A public SSH key (GET /v2/ssh-keys)' }],
  },
  {
    name: 'startupscripts',
    description: 'Startup scripts (boot and PXE)',
    global: true,
    resourceTypes: [
      {
        type: 'vultr.startup-script',
        description:
          'A startup script (GET /v2/startup-scripts, body from GET /v2/startup-scripts/{id})',
        // The script is user data: it may hold anything, credentials included.
        secretPaths: ['script'],
      },
    ],
  },
  {
    name: 'databases',
    description: 'Managed databases (MySQL, PostgreSQL, Valkey/Redis, Kafka, FerretDB)',
    resourceTypes: [
      {
        type: 'vultr.database',
        description: 'A managed database with its read replicas (GET /v2/databases)',
        volatilePaths: [
          'latest_backup',
          'pending_charges',
          'read_replicas[*].latest_backup',
          'read_replicas[*].pending_charges',
        ],
        // At any depth: the database's own, its FerretDB credentials' and its read replicas'.
        secretPaths: ['**.password', '**.access_key'],
      },
    ],
  },
]);
