import {
  defineMockProvider,
  type MockBuildContext,
  type MockIdentityContext,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import { ownershipTags, privateIp, publicIp } from './mock-shared.ts';

/** Linode tags are plain strings. */
function linodeTags(context: MockBuildContext, attribute: number): string[] {
  const tags = ownershipTags(context, attribute);
  return [tags.environment, `team-${tags.team}`, `owner-${tags.owner}`];
}

/** Plain string tags as `{ tag: '' }` for CloudResource.tags. */
function tagRecord(tags: readonly string[]): Record<string, string> {
  return Object.fromEntries(tags.map((tag) => [tag, '']));
}

/** Linode ids are integers; unique per index. */
function numericId(context: MockIdentityContext, base: number): number {
  return base + context.index * 3 + (context.seed % 3);
}

const instance: MockResourceTypeDefinition = {
  type: 'linode.linode',
  description: 'Linode instance (GET /v4/linode/instances)',
  weight: 4,
  driftAttributes: 3,
  volatilePaths: ['backups.last_successful'],
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
        hypervisor: 'kvm',
        ipv4: [publicIp(context), privateIp(context, 'ip.private').replace(/^10\./, '192.168.')],
        ipv6: `2600:3c00::f03c:${context.hex(2, 'v6a')}ff:fe${context.hex(2, 'v6b')}:${context.hex(4, 'v6c')}/128`,
        specs: { vcpus, memory: vcpus * 2048, disk: vcpus * 51200, transfer: vcpus * 1000 },
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
        filesystem_path: `/dev/disk/by-id/scsi-0Linode_Volume_${context.name}`,
        hardware_type: 'nvme',
        created: context.pastTimestamp(600, 'created'),
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
        status: 'ready',
        created: context.pastTimestamp(400, 'created'),
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const kubernetesNodePool: MockResourceTypeDefinition = {
  type: 'linode.kubernetes.nodepool',
  description: 'LKE node pool (GET /v4/lke/clusters/{id}/pools)',
  weight: 2,
  driftAttributes: 2,
  identify: (context) => ({
    id: String(numericId(context, 400_000)),
    name: `pool-${context.index}`,
  }),
  build: (context) => {
    const tags = linodeTags(context, 2);
    const cluster = context.reference('linode.kubernetes.cluster', 'cluster');
    return {
      configuration: {
        id: Number(context.id),
        cluster_id: cluster ? Number(cluster.id) : null,
        type: context.pickDrifting(['g6-standard-2', 'g6-standard-4', 'g6-dedicated-4'], 'type', 1),
        count: context.pick([1, 3, 5], 'count') + context.drift(0),
        autoscaler: { enabled: true, min: 1, max: 10 },
        disk_encryption: 'enabled',
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const nodeBalancer: MockResourceTypeDefinition = {
  type: 'linode.nodebalancer',
  description: 'NodeBalancer with its transfer counters (GET /v4/nodebalancers)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['transfer.in', 'transfer.out', 'transfer.total'],
  identify: (context) => ({
    id: String(numericId(context, 600_000)),
    name: `nb-${context.label(['web', 'api'])}`,
  }),
  build: (context) => {
    const tags = linodeTags(context, 1);
    const inbound = context.volatileGauge(100_000, 'transfer-in') / 10;
    const outbound = context.volatileGauge(100_000, 'transfer-out') / 10;
    return {
      configuration: {
        id: Number(context.id),
        label: context.name,
        region: context.region,
        hostname: `nb-${publicIp(context).replaceAll('.', '-')}.${context.region}.nodebalancer.linode.com`,
        ipv4: publicIp(context),
        client_conn_throttle: context.pickDrifting([0, 5, 10, 20], 'throttle', 0),
        transfer: { in: inbound, out: outbound, total: inbound + outbound },
        created: context.pastTimestamp(600, 'created'),
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const firewall: MockResourceTypeDefinition = {
  type: 'linode.firewall',
  description: 'Cloud Firewall with its rules (GET /v4/networking/firewalls)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: String(numericId(context, 70_000)),
    name: `fw-${context.label(['web', 'db', 'admin'])}`,
  }),
  build: (context) => {
    const tags = linodeTags(context, 1);
    const added = Array.from({ length: context.drift(0) }, (_, position) => ({
      action: 'ACCEPT',
      protocol: 'TCP',
      ports: String(8000 + position),
      addresses: { ipv4: ['10.0.0.0/8'] },
      label: `app-${position + 1}`,
    }));
    return {
      configuration: {
        id: Number(context.id),
        label: context.name,
        status: 'enabled',
        rules: {
          inbound: [
            {
              action: 'ACCEPT',
              protocol: 'TCP',
              ports: '443',
              addresses: { ipv4: ['0.0.0.0/0'] },
              label: 'https',
            },
            ...added,
          ],
          inbound_policy: 'DROP',
          outbound_policy: 'ACCEPT',
        },
        created: context.pastTimestamp(700, 'created'),
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const domain: MockResourceTypeDefinition = {
  type: 'linode.domain',
  description: 'DNS domain (GET /v4/domains)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: String(numericId(context, 2_000_000)),
    name: `${context.pick(['acme', 'example', 'widgets'], 'domain')}-${context.uniqueHex(6)}.net`,
  }),
  build: (context) => {
    const tags = linodeTags(context, 1);
    return {
      configuration: {
        id: Number(context.id),
        domain: context.name,
        type: 'master',
        status: 'active',
        soa_email: `hostmaster@${context.name}`,
        ttl_sec: context.pickDrifting([300, 3600, 86400], 'ttl', 0),
        refresh_sec: 0,
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

/** Linode (Akamai): instances, volumes, LKE, NodeBalancers, firewalls and domains. */
export const linodeMockProvider = defineMockProvider({
  driver: 'linode-mock',
  provider: 'linode',
  aliases: [],
  defaultAccountId: 'E1AF5EEC-526F-487D-B317EBEB34C87D71',
  regions: ['us-east', 'eu-west', 'ap-south'],
  services: [
    { name: 'linodes', description: 'Linode instances', resourceTypes: [instance] },
    { name: 'volumes', description: 'Block storage volumes', resourceTypes: [volume] },
    {
      name: 'kubernetes',
      description: 'LKE clusters and node pools',
      resourceTypes: [kubernetesCluster, kubernetesNodePool],
    },
    { name: 'nodebalancers', description: 'NodeBalancers', resourceTypes: [nodeBalancer] },
    { name: 'firewalls', description: 'Cloud Firewalls', global: true, resourceTypes: [firewall] },
    { name: 'domains', description: 'DNS domains', global: true, resourceTypes: [domain] },
  ],
});
