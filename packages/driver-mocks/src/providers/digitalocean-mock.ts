import {
  defineMockProvider,
  type MockBuildContext,
  type MockIdentityContext,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import {
  fakePassword,
  ownershipTags,
  privateIp,
  publicIp,
  uniqueUuid,
  uuid,
} from './mock-shared.ts';

const regionNames: Record<string, string> = {
  nyc3: 'New York 3',
  sfo3: 'San Francisco 3',
  ams3: 'Amsterdam 3',
  fra1: 'Frankfurt 1',
  sgp1: 'Singapore 1',
};

/** DigitalOcean tags are plain strings; `key:value` ones are kept apart so they read as key/value. */
function doTags(context: MockBuildContext, attribute: number): string[] {
  const tags = ownershipTags(context, attribute);
  return [`env:${tags.environment}`, `team:${tags.team}`, `owner:${tags.owner}`];
}

/** `['env:prod', 'web']` as `{ env: 'prod', web: '' }` for CloudResource.tags. */
export function tagRecord(tags: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    tags.map((tag) => {
      const separator = tag.indexOf(':');
      return separator === -1 ? [tag, ''] : [tag.slice(0, separator), tag.slice(separator + 1)];
    }),
  );
}

function numericId(context: MockIdentityContext): number {
  // Unique per index: the index itself plus a seed-dependent offset.
  return 300_000_000 + context.index * 7 + (context.seed % 7);
}

function region(context: MockBuildContext): { slug: string; name: string; available: boolean } {
  return {
    slug: context.region,
    name: regionNames[context.region] ?? context.region,
    available: true,
  };
}

const droplet: MockResourceTypeDefinition = {
  type: 'digitalocean.droplet',
  description: 'Droplet (GET /v2/droplets) with user data',
  weight: 4,
  driftAttributes: 3,
  volatilePaths: ['next_backup_window.start', 'next_backup_window.end'],
  secretPaths: ['user_data'],
  identify: (context) => ({
    id: String(numericId(context)),
    name: context.label(['web', 'api', 'worker', 'db-proxy']),
  }),
  build: (context) => {
    const tags = [...doTags(context, 1), ...(context.drift(2) % 2 === 1 ? ['monitored'] : [])];
    const size = context.pickDrifting(
      ['s-1vcpu-1gb', 's-1vcpu-2gb', 's-2vcpu-4gb', 's-4vcpu-8gb', 'g-2vcpu-8gb'],
      'size',
      0,
    );
    const vcpus = Number(/(\d+)vcpu/.exec(size)?.[1] ?? 2);
    const backupStart = context.volatileTimestamp('backup-window');
    return {
      configuration: {
        id: numericId(context),
        name: context.name,
        memory: vcpus * 2048,
        vcpus,
        disk: vcpus * 25,
        locked: false,
        status: context.random('status') < 0.9 ? 'active' : 'off',
        created_at: context.pastTimestamp(500, 'created'),
        features: [
          'monitoring',
          'droplet_agent',
          ...(context.random('backups') < 0.5 ? ['backups'] : []),
        ],
        next_backup_window: {
          start: backupStart,
          end: new Date(Date.parse(backupStart) + 8 * 3_600_000).toISOString(),
        },
        image: {
          id: 160_000_000 + context.integer(0, 999, 'image'),
          distribution: 'Ubuntu',
          name: '24.04 (LTS) x64',
          slug: 'ubuntu-24-04-x64',
        },
        size_slug: size,
        networks: {
          v4: [
            { ip_address: publicIp(context), netmask: '255.255.240.0', type: 'public' },
            { ip_address: privateIp(context), netmask: '255.255.0.0', type: 'private' },
          ],
        },
        region: region(context),
        tags,
        vpc_uuid: uuid(context, 'vpc'),
        // NOTE: cloud-init user data often embeds credentials; declared as a secret path.
        user_data: `#cloud-config\nruncmd:\n  - echo 'DATABASE_URL=postgres://app:${fakePassword(context, 'user-data')}@db.internal/app' >> /etc/app.env\n`,
      },
      tags: tagRecord(tags),
    };
  },
};

const volume: MockResourceTypeDefinition = {
  type: 'digitalocean.volume',
  description: 'Block storage volume (GET /v2/volumes)',
  weight: 2,
  driftAttributes: 2,
  identify: (context) => ({
    id: uniqueUuid(context),
    name: `${context.label(['data', 'uploads', 'backups'])}-vol`,
  }),
  build: (context) => {
    const tags = doTags(context, 1);
    const attached = context.reference('digitalocean.droplet', 'droplet');
    return {
      configuration: {
        id: context.id,
        name: context.name,
        region: region(context),
        size_gigabytes: context.pick([10, 50, 100, 500], 'size') + 10 * context.drift(0),
        filesystem_type: 'ext4',
        droplet_ids: attached && context.random('attached') < 0.7 ? [Number(attached.id)] : [],
        created_at: context.pastTimestamp(500, 'created'),
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const kubernetesCluster: MockResourceTypeDefinition = {
  type: 'digitalocean.kubernetes.cluster',
  description: 'DOKS cluster (GET /v2/kubernetes/clusters)',
  weight: 1,
  driftAttributes: 3,
  identify: (context) => ({
    id: uniqueUuid(context),
    name: `k8s-${context.label(['apps', 'jobs', 'edge'])}`,
  }),
  build: (context) => {
    const tags = ['k8s', ...doTags(context, 1)];
    return {
      configuration: {
        id: context.id,
        name: context.name,
        region: context.region,
        version: context.pickDrifting(['1.30.5-do.0', '1.31.1-do.3', '1.32.2-do.0'], 'version', 0),
        cluster_subnet: '10.244.0.0/16',
        service_subnet: '10.245.0.0/16',
        vpc_uuid: uuid(context, 'vpc'),
        endpoint: `https://${context.id}.k8s.ondigitalocean.com`,
        auto_upgrade: context.pickDrifting([true, false], 'auto-upgrade', 2),
        surge_upgrade: true,
        ha: context.random('ha') < 0.5,
        status: { state: 'running' },
        created_at: context.pastTimestamp(400, 'created'),
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const kubernetesNodePool: MockResourceTypeDefinition = {
  type: 'digitalocean.kubernetes.nodepool',
  description: 'DOKS node pool (nested under its cluster)',
  weight: 2,
  driftAttributes: 3,
  identify: (context) => ({
    id: uniqueUuid(context),
    name: `pool-${context.label(['general', 'memory', 'cpu'])}`,
  }),
  build: (context) => {
    const tags = doTags(context, 2);
    const cluster = context.reference('digitalocean.kubernetes.cluster', 'cluster');
    return {
      configuration: {
        id: context.id,
        cluster_id: cluster?.id ?? null,
        name: context.name,
        size: context.pickDrifting(['s-2vcpu-4gb', 's-4vcpu-8gb', 'm-2vcpu-16gb'], 'size', 1),
        count: context.pick([2, 3, 5], 'count') + context.drift(0),
        auto_scale: true,
        min_nodes: 1,
        max_nodes: 10,
        labels: { pool: context.name },
        taints: [],
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const database: MockResourceTypeDefinition = {
  type: 'digitalocean.database',
  description: 'Managed database cluster (GET /v2/databases) with its connection details',
  weight: 1,
  driftAttributes: 4,
  secretPaths: [
    'connection.password',
    'connection.uri',
    'private_connection.password',
    'private_connection.uri',
  ],
  identify: (context) => ({
    id: uniqueUuid(context),
    name: `db-${context.label(['orders', 'users', 'cache', 'events'])}`,
  }),
  build: (context) => {
    const tags = doTags(context, 3);
    const engine = context.pick(['pg', 'mysql', 'redis', 'mongodb'], 'engine');
    const password = fakePassword(context, 'password', 2);
    const host = `${context.name}-do-user-${context.integer(1_000_000, 9_999_999, 'user')}-0.b.db.ondigitalocean.com`;
    const connection = (hostName: string) => ({
      protocol: engine === 'pg' ? 'postgresql' : engine,
      uri: `${engine === 'pg' ? 'postgresql' : engine}://doadmin:${password}@${hostName}:25060/defaultdb?sslmode=require`,
      database: 'defaultdb',
      host: hostName,
      port: 25060,
      user: 'doadmin',
      password,
      ssl: true,
    });
    return {
      configuration: {
        id: context.id,
        name: context.name,
        engine,
        version: context.pickDrifting(
          engine === 'pg' ? ['15', '16', '17'] : ['7', '8'],
          'version',
          1,
        ),
        num_nodes: context.pick([1, 2, 3], 'nodes'),
        size: context.pickDrifting(
          ['db-s-1vcpu-1gb', 'db-s-2vcpu-4gb', 'db-s-4vcpu-8gb'],
          'size',
          0,
        ),
        region: context.region,
        status: 'online',
        connection: connection(host),
        private_connection: connection(`private-${host}`),
        maintenance_window: { day: 'sunday', hour: '02:00:00', pending: false },
        created_at: context.pastTimestamp(600, 'created'),
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const firewall: MockResourceTypeDefinition = {
  type: 'digitalocean.firewall',
  description: 'Cloud firewall (GET /v2/firewalls)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: uniqueUuid(context),
    name: `fw-${context.label(['web', 'ssh', 'internal'])}`,
  }),
  build: (context) => {
    const tags = doTags(context, 1);
    const added = Array.from({ length: context.drift(0) }, (_, position) => ({
      protocol: 'tcp',
      ports: String(8000 + position),
      sources: { addresses: ['10.0.0.0/8'] },
    }));
    return {
      configuration: {
        id: context.id,
        name: context.name,
        status: 'succeeded',
        inbound_rules: [
          { protocol: 'tcp', ports: '443', sources: { addresses: ['0.0.0.0/0', '::/0'] } },
          ...added,
        ],
        outbound_rules: [
          { protocol: 'tcp', ports: 'all', destinations: { addresses: ['0.0.0.0/0', '::/0'] } },
        ],
        created_at: context.pastTimestamp(700, 'created'),
        droplet_ids: [],
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

const domain: MockResourceTypeDefinition = {
  type: 'digitalocean.domain',
  description: 'DNS domain (GET /v2/domains)',
  weight: 1,
  driftAttributes: 1,
  identify: (context) => {
    const name = `${context.pick(['acme', 'example', 'widgets', 'shop'], 'domain')}-${context.uniqueHex(6)}.com`;
    return { id: name, name };
  },
  build: (context) => ({
    configuration: {
      name: context.name,
      ttl: context.pickDrifting([300, 1800, 3600], 'ttl', 0),
      zone_file: `$ORIGIN ${context.name}.\n$TTL 1800\n${context.name}. IN SOA ns1.digitalocean.com. hostmaster.${context.name}. 1 10800 3600 604800 1800\n`,
    },
  }),
};

/** DigitalOcean: droplets, volumes, DOKS, managed databases, firewalls and domains. */
export const digitalOceanMockProvider = defineMockProvider({
  driver: 'digitalocean-mock',
  provider: 'digitalocean',
  aliases: ['do-mock'],
  defaultAccountId: '6b9e4d3c-1a2f-4e8b-9c7d-5f0a1b2c3d4e',
  regions: ['nyc3', 'sfo3', 'ams3'],
  services: [
    { name: 'droplets', description: 'Droplets', resourceTypes: [droplet] },
    { name: 'volumes', description: 'Block storage volumes', resourceTypes: [volume] },
    {
      name: 'kubernetes',
      description: 'DOKS clusters and node pools',
      resourceTypes: [kubernetesCluster, kubernetesNodePool],
    },
    { name: 'databases', description: 'Managed databases', resourceTypes: [database] },
    { name: 'firewalls', description: 'Cloud firewalls', global: true, resourceTypes: [firewall] },
    { name: 'domains', description: 'DNS domains', global: true, resourceTypes: [domain] },
  ],
});
