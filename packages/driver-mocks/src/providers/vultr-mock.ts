import {
  defineMockProvider,
  type MockBuildContext,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import { fakePassword, ownershipTags, privateIp, publicIp, uniqueUuid } from './mock-shared.ts';

/** Vultr tags are plain strings. */
function vultrTags(context: MockBuildContext, attribute: number): string[] {
  const tags = ownershipTags(context, attribute);
  return [`env-${tags.environment}`, `team-${tags.team}`, `owner-${tags.owner}`];
}

function tagRecord(tags: readonly string[]): Record<string, string> {
  return Object.fromEntries(tags.map((tag) => [tag, '']));
}

const instance: MockResourceTypeDefinition = {
  type: 'vultr.instance',
  description: 'Cloud compute instance (GET /v2/instances)',
  weight: 4,
  driftAttributes: 3,
  // As in the driver's catalog: `kvm` is a console URL with a session token.
  volatilePaths: ['server_status', 'kvm'],
  secretPaths: ['default_password', 'kvm'],
  identify: (context) => ({
    id: uniqueUuid(context),
    name: context.label(['web', 'app', 'worker', 'vpn']),
  }),
  build: (context) => {
    const tags = vultrTags(context, 1);
    const plan = context.pickDrifting(
      ['vc2-1c-1gb', 'vc2-1c-2gb', 'vc2-2c-4gb', 'vc2-4c-8gb', 'vhf-2c-4gb'],
      'plan',
      0,
    );
    const vcpus = Number(/-(\d+)c-/.exec(plan)?.[1] ?? 1);
    return {
      configuration: {
        id: context.id,
        label: context.name,
        hostname: context.name,
        os: 'Ubuntu 24.04 LTS x64',
        os_id: 2284,
        ram: vcpus * 2048,
        disk: vcpus * 50,
        vcpu_count: vcpus,
        plan,
        region: context.region,
        main_ip: publicIp(context),
        internal_ip: privateIp(context),
        v6_main_ip: `2001:19f0:${context.hex(4, 'v6a')}:${context.hex(4, 'v6b')}::1`,
        netmask_v4: '255.255.254.0',
        allowed_bandwidth: vcpus * 1000,
        date_created: context.pastTimestamp(500, 'created'),
        status: 'active',
        power_status: context.random('power') < 0.9 ? 'running' : 'stopped',
        server_status: 'ok',
        kvm: `https://my.vultr.com/subs/vps/novnc/api.php?data=${context.volatileRandom('kvm').toString(36).slice(2)}`,
        features: ['auto_backups', ...(context.drift(2) % 2 === 1 ? ['ddos_protection'] : [])],
        firewall_group_id: context.reference('vultr.firewall.group', 'firewall')?.id ?? '',
        // NOTE: Vultr returns the root password of freshly created instances; declared as a secret path.
        default_password: fakePassword(context, 'root'),
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const kubernetesCluster: MockResourceTypeDefinition = {
  type: 'vultr.kubernetes.cluster',
  description: 'VKE cluster (GET /v2/kubernetes/clusters)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: uniqueUuid(context),
    name: `vke-${context.label(['apps', 'jobs'])}`,
  }),
  build: (context) => ({
    configuration: {
      id: context.id,
      label: context.name,
      date_created: context.pastTimestamp(400, 'created'),
      cluster_subnet: '10.244.0.0/16',
      service_subnet: '10.96.0.0/12',
      ip: publicIp(context),
      endpoint: `${context.id}.vultr-k8s.com`,
      version: context.pickDrifting(['v1.30.6+1', 'v1.31.2+1', 'v1.32.1+1'], 'version', 0),
      region: context.region,
      status: 'active',
      ha_controlplanes: context.pickDrifting([false, true], 'ha', 1),
      enable_firewall: true,
    },
  }),
};

const kubernetesNodePool: MockResourceTypeDefinition = {
  type: 'vultr.kubernetes.nodepool',
  description: 'VKE node pool (listed inline with GET /v2/kubernetes/clusters)',
  weight: 2,
  driftAttributes: 2,
  volatilePaths: ['date_updated', 'nodes[*].status'],
  identify: (context) => ({
    id: uniqueUuid(context),
    name: `np-${context.label(['general', 'highmem'])}`,
  }),
  build: (context) => {
    const cluster = context.reference('vultr.kubernetes.cluster', 'cluster');
    const quantity = context.pick([1, 3, 5], 'nodes') + context.drift(0);
    return {
      configuration: {
        id: context.id,
        date_created: context.pastTimestamp(400, 'created'),
        date_updated: context.volatileTimestamp('updated'),
        label: context.name,
        tag: context.name,
        plan: context.pickDrifting(['vc2-2c-4gb', 'vc2-4c-8gb', 'vhf-4c-16gb'], 'plan', 1),
        status: 'active',
        node_quantity: quantity,
        min_nodes: 1,
        max_nodes: 10,
        auto_scaler: true,
        nodes: Array.from({ length: quantity }, (_, position) => ({
          id: `${context.hex(8, `node-${position}`)}-${context.id.slice(9)}`,
          label: `${context.name}-${context.hex(13, `node-label-${position}`)}`,
          date_created: context.pastTimestamp(400, `node-created-${position}`),
          status: context.volatileRandom(`node-${position}`) < 0.95 ? 'active' : 'pending',
        })),
      },
      // The API has no cluster id on a node pool; the driver links it in metadata.
      metadata: { clusterId: cluster?.id ?? null },
    };
  },
};

const blockStorage: MockResourceTypeDefinition = {
  type: 'vultr.blockstorage.volume',
  description: 'Block storage volume (GET /v2/blocks)',
  weight: 2,
  driftAttributes: 2,
  identify: (context) => ({
    id: uniqueUuid(context),
    name: `${context.label(['data', 'backup', 'media'])}-block`,
  }),
  build: (context) => {
    const attached = context.reference('vultr.instance', 'attached');
    const size = context.pick([10, 40, 100, 500], 'size') + 10 * context.drift(0);
    return {
      configuration: {
        id: context.id,
        label: context.name,
        region: context.region,
        size_gb: size,
        cost: size * 0.1,
        status: 'active',
        attached_to_instance: attached?.id ?? '',
        mount_id: `${context.region}-${context.hex(12, 'mount')}`,
        block_type: context.pickDrifting(['high_perf', 'storage_opt'], 'block-type', 1),
        date_created: context.pastTimestamp(500, 'created'),
      },
    };
  },
};

/** How many rules a firewall group has in this run (2 to 4, drifting). */
function ruleCount(context: MockBuildContext): number {
  return 2 + (context.drift(0) % 3);
}

const firewallGroup: MockResourceTypeDefinition = {
  type: 'vultr.firewall.group',
  description: 'Firewall group (GET /v2/firewalls)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['instance_count', 'date_modified'],
  identify: (context) => ({
    id: uniqueUuid(context),
    name: `fw-${context.label(['web', 'ssh', 'db'])}`,
  }),
  build: (context) => ({
    configuration: {
      id: context.id,
      description: context.pickDrifting(
        [`${context.name}`, `${context.name} (managed)`],
        'description',
        1,
      ),
      date_created: context.pastTimestamp(700, 'created'),
      date_modified: context.volatileTimestamp('modified'),
      instance_count: context.volatileGauge(12, 'instances'),
      rule_count: ruleCount(context),
      max_rule_count: 50,
    },
  }),
};

const firewallRule: MockResourceTypeDefinition = {
  type: 'vultr.firewall.rule',
  description: 'Firewall rule, id `group-id/rule-id` (GET /v2/firewalls/{id}/rules)',
  weight: 2,
  driftAttributes: 2,
  identify: (context) => {
    // NOTE: rule ids count from 1 in each group, so the resource id nests them: `group/rule`.
    const group = context.reference('vultr.firewall.group', 'group')?.id ?? uniqueUuid(context);
    return {
      id: `${group}/${context.index + 1}`,
      name: context.pick(['https', 'ssh', 'app'], 'notes'),
    };
  },
  build: (context) => {
    const [groupId, ruleId] = context.id.split('/');
    const port = context.pickDrifting(['443', '22', '8080', '5432'], 'port', 0);
    return {
      configuration: {
        id: Number(ruleId),
        type: 'v4',
        ip_type: 'v4',
        action: 'accept',
        protocol: 'tcp',
        port,
        subnet: context.pickDrifting(['0.0.0.0', '10.0.0.0'], 'subnet', 1),
        subnet_size: context.pickDrifting([0, 8], 'subnet', 1),
        source: '',
        notes: context.name,
      },
      metadata: { firewallGroupId: groupId },
    };
  },
};

const loadBalancer: MockResourceTypeDefinition = {
  type: 'vultr.load-balancer',
  description: 'Load balancer (GET /v2/load-balancers)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({ id: uniqueUuid(context), name: `lb-${context.label(['web', 'api'])}` }),
  build: (context) => ({
    configuration: {
      id: context.id,
      label: context.name,
      region: context.region,
      status: 'active',
      ipv4: publicIp(context, 'lb'),
      date_created: context.pastTimestamp(500, 'created'),
      generic_info: {
        balancing_algorithm: context.pickDrifting(['roundrobin', 'leastconn'], 'algorithm', 0),
        ssl_redirect: context.pickDrifting([true, false], 'ssl-redirect', 1),
        sticky_sessions: { cookie_name: '' },
        proxy_protocol: false,
      },
      health_check: {
        protocol: 'http',
        port: 80,
        path: '/healthz',
        check_interval: 15,
        response_timeout: 5,
        unhealthy_threshold: 5,
        healthy_threshold: 5,
      },
      forwarding_rules: [
        {
          id: context.hex(32, 'rule'),
          frontend_protocol: 'https',
          frontend_port: 443,
          backend_protocol: 'http',
          backend_port: 80,
        },
      ],
      instances: [],
    },
  }),
};

const database: MockResourceTypeDefinition = {
  type: 'vultr.database',
  description: 'Managed database (GET /v2/databases) with its credentials',
  weight: 1,
  driftAttributes: 3,
  volatilePaths: ['latest_backup'],
  secretPaths: ['password'],
  identify: (context) => ({
    id: uniqueUuid(context),
    name: `db-${context.label(['orders', 'sessions', 'analytics'])}`,
  }),
  build: (context) => {
    const engine = context.pick(['pg', 'mysql', 'redis'], 'engine');
    return {
      configuration: {
        id: context.id,
        label: context.name,
        tag: context.name,
        date_created: context.pastTimestamp(600, 'created'),
        plan: context.pickDrifting(
          [
            'vultr-dbaas-startup-cc-1-55-2',
            'vultr-dbaas-business-cc-1-55-2',
            'vultr-dbaas-premium-cc-2-80-4',
          ],
          'plan',
          0,
        ),
        plan_replicas: context.pick([0, 1, 2], 'replicas'),
        region: context.region,
        database_engine: engine,
        database_engine_version: engine === 'pg' ? '16' : engine === 'mysql' ? '8' : '7',
        status: 'Running',
        dbname: 'defaultdb',
        host: `${context.name}-${context.hex(8, 'host')}.vultrdb.com`,
        user: 'vultradmin',
        password: fakePassword(context, 'password', 2),
        port: engine === 'pg' ? '16751' : '16752',
        maintenance_dow: 'sunday',
        maintenance_time: '01:00',
        latest_backup: context.volatileTimestamp('backup'),
        trusted_ips: Array.from(
          { length: context.drift(1) },
          (_, position) => `10.${position}.0.0/16`,
        ),
      },
    };
  },
};

/** Vultr: instances, VKE, block storage, firewall groups and rules, load balancers and managed databases. */
export const vultrMockProvider = defineMockProvider({
  driver: 'vultr-mock',
  provider: 'vultr',
  aliases: [],
  defaultAccountId: 'vultr-7c2e91d4',
  regions: ['ewr', 'ams', 'sgp'],
  services: [
    { name: 'instances', description: 'Cloud compute instances', resourceTypes: [instance] },
    {
      name: 'kubernetes',
      description: 'VKE clusters and node pools',
      resourceTypes: [kubernetesCluster, kubernetesNodePool],
    },
    { name: 'blockstorage', description: 'Block storage volumes', resourceTypes: [blockStorage] },
    {
      name: 'firewalls',
      description: 'Firewall groups and their rules',
      global: true,
      resourceTypes: [firewallGroup, firewallRule],
    },
    { name: 'loadbalancers', description: 'Load balancers', resourceTypes: [loadBalancer] },
    { name: 'databases', description: 'Managed databases', resourceTypes: [database] },
  ],
});
