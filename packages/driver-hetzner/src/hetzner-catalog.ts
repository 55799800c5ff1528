import type { DriverCatalog } from '@cloud-inventory/core';
import { defineCatalog } from '@cloud-inventory/driver-kit';

// NOTE: no secret paths are declared. No Hetzner Cloud GET response carries a secret: root
// passwords come only in the create/reset responses, user data and certificate private keys are
// write-only, certificate bodies and SSH keys are public. Core's key-name redaction (password,
// private_key, token, ...) still covers such a field if the API ever returns one.

// Terraform imports (hetznercloud/hcloud, each resource page's "Import" section): most resources by
// their id; subnets by `<network-id>-<ip_range>`; snapshot images only (backups have no resource);
// certificates as uploaded or managed by their type. Private ISOs have no Terraform resource.

// Volatile, besides counters and transient states: price lists embedded in server and load
// balancer types (Hetzner's price list, not the resource's settings) and the server types a
// datacenter has capacity for right now (changes with Hetzner's stock, not with the resource).

/** Services of the Hetzner driver and the resource types each one yields. */
export const hetznerCatalog: DriverCatalog = defineCatalog('hetzner', [
  {
    name: 'servers',
    description: 'Cloud servers (GET /servers); region is the location',
    resourceTypes: [
      {
        type: 'hetzner.server',
        terraform: { type: 'hcloud_server', importId: '{resourceId}' },
        description: 'A cloud server',
        volatilePaths: [
          'outgoing_traffic',
          'ingoing_traffic',
          'included_traffic',
          'locked',
          'public_net.firewalls[*].status',
          'placement_group.servers',
          'server_type.prices',
          'datacenter.server_types',
        ],
      },
    ],
  },
  {
    name: 'volumes',
    description: 'Block storage volumes (GET /volumes); region is the location',
    resourceTypes: [
      {
        type: 'hetzner.volume',
        description: 'A block storage volume',
        terraform: { type: 'hcloud_volume', importId: '{resourceId}' },
      },
    ],
  },
  {
    name: 'networks',
    description: 'Private networks and their subnets (GET /networks)',
    global: true,
    resourceTypes: [
      {
        type: 'hetzner.network',
        description: 'A private network',
        terraform: { type: 'hcloud_network', importId: '{resourceId}' },
      },
      {
        type: 'hetzner.network.subnet',
        terraform: {
          type: 'hcloud_network_subnet',
          importId: '{configuration.networkId}-{configuration.ip_range}',
        },
        description: 'A subnet of a network; id `<network id>/<ip_range>`, `networkId` links it',
      },
    ],
  },
  {
    name: 'loadbalancers',
    description: 'Load balancers (GET /load_balancers); region is the location',
    resourceTypes: [
      {
        type: 'hetzner.load-balancer',
        terraform: { type: 'hcloud_load_balancer', importId: '{resourceId}' },
        description: 'A load balancer',
        volatilePaths: [
          'outgoing_traffic',
          'ingoing_traffic',
          'included_traffic',
          'targets[*].health_status',
          'targets[*].targets[*].health_status',
          'load_balancer_type.prices',
        ],
      },
    ],
  },
  {
    name: 'firewalls',
    description: 'Firewalls (GET /firewalls)',
    global: true,
    resourceTypes: [
      {
        type: 'hetzner.firewall',
        description: 'A firewall and its rules',
        terraform: { type: 'hcloud_firewall', importId: '{resourceId}' },
      },
    ],
  },
  {
    name: 'floatingips',
    description: 'Floating IPs (GET /floating_ips); region is the home location',
    resourceTypes: [
      {
        type: 'hetzner.floating-ip',
        description: 'A floating IP',
        terraform: { type: 'hcloud_floating_ip', importId: '{resourceId}' },
      },
    ],
  },
  {
    name: 'primaryips',
    description: 'Primary IPs (GET /primary_ips); region is the location',
    resourceTypes: [
      {
        type: 'hetzner.primary-ip',
        terraform: { type: 'hcloud_primary_ip', importId: '{resourceId}' },
        description: 'A primary IP',
        volatilePaths: ['datacenter.server_types'],
      },
    ],
  },
  {
    name: 'placementgroups',
    description: 'Placement groups (GET /placement_groups)',
    global: true,
    resourceTypes: [
      {
        type: 'hetzner.placement-group',
        description: 'A placement group',
        terraform: { type: 'hcloud_placement_group', importId: '{resourceId}' },
      },
    ],
  },
  {
    name: 'sshkeys',
    description: 'SSH keys (GET /ssh_keys)',
    global: true,
    resourceTypes: [
      {
        type: 'hetzner.ssh-key',
        description: 'A public SSH key',
        terraform: { type: 'hcloud_ssh_key', importId: '{resourceId}' },
      },
    ],
  },
  {
    name: 'images',
    description:
      'Snapshot and backup images (GET /images?type=snapshot&type=backup); no system or app images',
    global: true,
    resourceTypes: [
      {
        type: 'hetzner.image',
        description: 'A snapshot or backup image',
        terraform: {
          type: 'hcloud_snapshot',
          importId: '{resourceId}',
          only: { path: 'configuration.type', values: ['snapshot'] },
        },
      },
    ],
  },
  {
    name: 'isos',
    description: 'Private ISOs (GET /isos, kept when type is private); no public ISOs',
    global: true,
    resourceTypes: [{ type: 'hetzner.iso', description: 'A private ISO' }],
  },
  {
    name: 'certificates',
    description: 'TLS certificates, uploaded and managed (GET /certificates)',
    global: true,
    resourceTypes: [
      {
        type: 'hetzner.certificate',
        terraform: [
          {
            type: 'hcloud_uploaded_certificate',
            importId: '{resourceId}',
            only: { path: 'configuration.type', values: ['uploaded'] },
          },
          {
            type: 'hcloud_managed_certificate',
            importId: '{resourceId}',
            only: { path: 'configuration.type', values: ['managed'] },
          },
        ],
        description: 'A TLS certificate',
        volatilePaths: ['status.renewal'],
      },
    ],
  },
]);
