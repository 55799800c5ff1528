import {
  defineMockProvider,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import { linodeTags, numericId, parentId, tagRecord } from './linode-mock-helpers.ts';
import { domain, domainRecord, firewall, nodeBalancer, vpc } from './linode-mock-network.ts';
import { privateIp, publicIp } from './mock-shared.ts';

// Types, services, ids, volatile and secret paths follow @cloud-inventory/driver-linode's catalog
// (a subset of it: the default estate holds one resource per type and must stay small); field
// names follow Linode's API (linode/linode-api-docs openapi.yaml).

const instance: MockResourceTypeDefinition = {
  type: 'linode.linode',
  description: 'Linode instance (GET /v4/linode/instances)',
  weight: 4,
  driftAttributes: 3,
  volatilePaths: ['status', 'updated', 'backups.last_successful'],
  identify: (context) => ({
    id: String(numericId(context, 50_000_000)),
    name: context.label(['web', 'app', 'worker', 'cache']),
  }),
  build: (context) => {
    const tags = linodeTags(context, 1);
    const type = context.pickDrifting(
      ['g6-nanode-1', 'g6-standard-1', 'g6-standard-2', 'g6-standard-4', 'g6-dedicated-4'],
      'type',
      0,
    );
    const vcpus = Number(/-(\d+)$/.exec(type)?.[1] ?? 1);
    return {
      configuration: {
        id: Number(context.id),
        label: context.name,
        region: context.region,
        type,
        status: context.random('status') < 0.9 ? 'running' : 'offline',
        image: context.pick(
          ['linode/ubuntu24.04', 'linode/debian12', 'linode/almalinux9'],
          'image',
        ),
        group: '',
        hypervisor: 'kvm',
        ipv4: [publicIp(context), privateIp(context, 'ip.private').replace(/^10\./, '192.168.')],
        ipv6: `2600:3c00::f03c:${context.hex(2, 'v6a')}ff:fe${context.hex(2, 'v6b')}:${context.hex(4, 'v6c')}/128`,
        specs: {
          vcpus,
          memory: vcpus * 2048,
          disk: vcpus * 51200,
          transfer: vcpus * 1000,
          gpus: 0,
        },
        alerts: {
          cpu: context.pickDrifting([80, 90, 180, 360], 'alert-cpu', 2),
          io: 10000,
          network_in: 10,
          network_out: 10,
          transfer_quota: 80,
        },
        backups: {
          enabled: true,
          available: true,
          schedule: { day: 'Sunday', window: 'W2' },
          last_successful: context.volatileTimestamp('backup'),
        },
        watchdog_enabled: true,
        created: context.pastTimestamp(600, 'created'),
        updated: context.volatileTimestamp('updated'),
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const volume: MockResourceTypeDefinition = {
  type: 'linode.volume',
  description: 'Block storage volume (GET /v4/volumes)',
  weight: 2,
  driftAttributes: 2,
  volatilePaths: ['status', 'updated'],
  identify: (context) => ({
    id: String(numericId(context, 900_000)),
    name: `${context.label(['data', 'media', 'db'])}-vol`,
  }),
  build: (context) => {
    const tags = linodeTags(context, 1);
    const attachedTo = context.reference('linode.linode', 'attached');
    return {
      configuration: {
        id: Number(context.id),
        label: context.name,
        region: context.region,
        size: context.pick([20, 50, 100, 500], 'size') + 10 * context.drift(0),
        status: 'active',
        linode_id: attachedTo ? Number(attachedTo.id) : null,
        linode_label: attachedTo ? attachedTo.name : null,
        filesystem_path: `/dev/disk/by-id/scsi-0Linode_Volume_${context.name}`,
        hardware_type: 'nvme',
        encryption: 'enabled',
        created: context.pastTimestamp(600, 'created'),
        updated: context.volatileTimestamp('updated'),
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const kubernetesCluster: MockResourceTypeDefinition = {
  type: 'linode.kubernetes.cluster',
  description: 'LKE cluster (GET /v4/lke/clusters)',
  weight: 1,
  driftAttributes: 3,
  volatilePaths: ['updated'],
  identify: (context) => ({
    id: String(numericId(context, 200_000)),
    name: `lke-${context.label(['apps', 'jobs'])}`,
  }),
  build: (context) => {
    const tags = linodeTags(context, 1);
    return {
      configuration: {
        id: Number(context.id),
        label: context.name,
        region: context.region,
        k8s_version: context.pickDrifting(['1.30', '1.31', '1.32'], 'version', 0),
        control_plane: { high_availability: context.pickDrifting([false, true], 'ha', 2) },
        created: context.pastTimestamp(400, 'created'),
        updated: context.volatileTimestamp('updated'),
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const kubernetesNodePool: MockResourceTypeDefinition = {
  type: 'linode.kubernetes.nodepool',
  description: 'LKE node pool (GET /v4/lke/clusters/{clusterId}/pools); id `<clusterId>/<poolId>`',
  weight: 2,
  driftAttributes: 2,
  volatilePaths: ['nodes[*].status'],
  identify: (context) => {
    const pool = numericId(context, 400_000);
    return {
      id: `${parentId(context, 'linode.kubernetes.cluster', 200_000)}/${pool}`,
      name: `pool-${pool}`,
    };
  },
  build: (context) => {
    const tags = linodeTags(context, 2);
    const count = context.pick([1, 3, 5], 'count') + context.drift(0);
    const poolId = Number(context.id.split('/')[1]);
    return {
      configuration: {
        id: poolId,
        type: context.pickDrifting(['g6-standard-2', 'g6-standard-4', 'g6-dedicated-4'], 'type', 1),
        count,
        autoscaler: { enabled: true, min: 1, max: 10 },
        disks: [],
        labels: {},
        taints: [],
        nodes: Array.from({ length: count }, (_, position) => ({
          id: `${poolId}-${context.hex(4, `node-${position}`)}`,
          instance_id: poolId * 10 + position,
          status: context.volatileRandom(`node-${position}`) < 0.9 ? 'ready' : 'not_ready',
        })),
        tags,
      },
      tags: tagRecord(tags),
      metadata: { clusterId: Number(context.id.split('/')[0]) },
    };
  },
};

const mysqlDatabase: MockResourceTypeDefinition = {
  type: 'linode.databases.mysql',
  description: 'Managed MySQL database cluster (GET /v4beta/databases/mysql/instances)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['updated', 'status', 'used_disk_size_gb'],
  identify: (context) => ({
    id: String(numericId(context, 120_000)),
    name: `${context.label(['orders', 'sessions', 'reports'])}-db`,
  }),
  build: (context) => {
    const id = Number(context.id);
    return {
      configuration: {
        id,
        label: context.name,
        region: context.region,
        engine: 'mysql',
        version: context.pickDrifting(['8.0.30', '8.0.35', '8.4.2'], 'version', 0),
        type: context.pick(['g6-dedicated-2', 'g6-dedicated-4'], 'type'),
        cluster_size: context.pick([1, 3], 'size'),
        status: context.volatileRandom('status') < 0.95 ? 'active' : 'backing_up',
        encrypted: true,
        allow_list: [`${publicIp(context, 'allow')}/32`],
        hosts: {
          primary: `lin-${id}-mysql-primary.servers.linodedb.net`,
          secondary: `lin-${id}-mysql-primary-private.servers.linodedb.net`,
        },
        port: 3306,
        ssl_connection: true,
        replication_type: 'semi_synch',
        total_disk_size_gb: 30,
        used_disk_size_gb: context.volatileGauge(29, 'disk'),
        updates: {
          frequency: 'weekly',
          duration: 3,
          hour_of_day: context.pickDrifting([0, 2, 4, 22], 'maintenance', 1),
          day_of_week: 1,
          week_of_month: null,
        },
        created: context.pastTimestamp(500, 'created'),
        updated: context.volatileTimestamp('updated'),
      },
    };
  },
};

/** Linode (Akamai): a subset of the real driver's catalog, same services, types and ids. */
export const linodeMockProvider = defineMockProvider({
  driver: 'linode-mock',
  provider: 'linode',
  aliases: [],
  defaultAccountId: 'E1AF5EEC-526F-487D-B317EBEB34C87D71',
  regions: ['us-east', 'eu-west', 'ap-south'],
  services: [
    { name: 'linodes', description: 'Linode instances', resourceTypes: [instance] },
    {
      name: 'kubernetes',
      description: 'LKE clusters and node pools',
      resourceTypes: [kubernetesCluster, kubernetesNodePool],
    },
    { name: 'volumes', description: 'Block storage volumes', resourceTypes: [volume] },
    { name: 'nodebalancers', description: 'NodeBalancers', resourceTypes: [nodeBalancer] },
    { name: 'firewalls', description: 'Cloud Firewalls', global: true, resourceTypes: [firewall] },
    { name: 'vpcs', description: 'VPCs and their subnets', resourceTypes: [vpc] },
    {
      name: 'domains',
      description: 'DNS domains and records',
      global: true,
      resourceTypes: [domain, domainRecord],
    },
    { name: 'databases', description: 'Managed databases', resourceTypes: [mysqlDatabase] },
  ],
});
