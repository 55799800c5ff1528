import {
  defineMockProvider,
  type MockBuildContext,
  type MockIdentityContext,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import { ownershipTags, publicIp } from './mock-shared.ts';

const locationDetails: Record<string, { city: string; datacenter: string }> = {
  fsn1: { city: 'Falkenstein', datacenter: 'fsn1-dc14' },
  nbg1: { city: 'Nuremberg', datacenter: 'nbg1-dc3' },
  hel1: { city: 'Helsinki', datacenter: 'hel1-dc2' },
  ash: { city: 'Ashburn, VA', datacenter: 'ash-dc1' },
};

function hetznerLabels(context: MockBuildContext, attribute: number): Record<string, string> {
  const tags = ownershipTags(context, attribute);
  return { environment: tags.environment, team: tags.team, owner: tags.owner };
}

function numericId(context: MockIdentityContext, base: number): number {
  return base + context.index * 5 + (context.seed % 5);
}

function location(context: MockBuildContext): { name: string; city: string; network_zone: string } {
  const details = locationDetails[context.region];
  return {
    name: context.region,
    city: details?.city ?? context.region,
    network_zone: context.region === 'ash' ? 'us-east' : 'eu-central',
  };
}

const server: MockResourceTypeDefinition = {
  type: 'hetzner.server',
  description: 'Cloud server with its traffic counters (GET /v1/servers)',
  weight: 4,
  driftAttributes: 3,
  volatilePaths: ['outgoing_traffic', 'ingoing_traffic'],
  identify: (context) => ({
    id: String(numericId(context, 40_000_000)),
    name: context.label(['web', 'app', 'db', 'ci-runner']),
  }),
  build: (context) => {
    const labels = hetznerLabels(context, 1);
    const serverType = context.pickDrifting(
      ['cx22', 'cx32', 'cx42', 'cpx31', 'cax21'],
      'server-type',
      0,
    );
    const cores = { cx22: 2, cx32: 4, cx42: 8, cpx31: 4, cax21: 4 }[serverType] ?? 2;
    return {
      configuration: {
        id: Number(context.id),
        name: context.name,
        status: context.random('status') < 0.9 ? 'running' : 'off',
        created: context.pastTimestamp(500, 'created'),
        public_net: {
          ipv4: {
            ip: publicIp(context),
            blocked: false,
            dns_ptr: `static.${publicIp(context).split('.').reverse().join('.')}.clients.your-server.de`,
          },
          ipv6: {
            ip: `2a01:4f8:${context.hex(4, 'v6a')}:${context.hex(4, 'v6b')}::/64`,
            blocked: false,
          },
          firewalls: [],
        },
        private_net: [],
        server_type: {
          name: serverType,
          cores,
          memory: cores * 4,
          disk: cores * 40,
          cpu_type: 'shared',
          architecture: serverType.startsWith('cax') ? 'arm' : 'x86',
        },
        datacenter: {
          name: locationDetails[context.region]?.datacenter ?? `${context.region}-dc1`,
          location: location(context),
        },
        image: {
          name: context.pick(['ubuntu-24.04', 'debian-12', 'rocky-9'], 'image'),
          os_flavor: 'ubuntu',
          type: 'system',
        },
        backup_window: '22-02',
        outgoing_traffic: context.volatileGauge(20_000_000_000, 'outgoing'),
        ingoing_traffic: context.volatileGauge(20_000_000_000, 'ingoing'),
        included_traffic: 21_990_232_555_520,
        protection: {
          delete: context.pickDrifting([false, true], 'protection', 2),
          rebuild: false,
        },
        rescue_enabled: false,
        primary_disk_size: cores * 40,
        volumes: [],
        load_balancers: [],
        labels,
      },
      labels,
    };
  },
};

const volume: MockResourceTypeDefinition = {
  type: 'hetzner.volume',
  description: 'Block storage volume (GET /v1/volumes)',
  weight: 2,
  driftAttributes: 2,
  identify: (context) => ({
    id: String(numericId(context, 100_000_000)),
    name: `${context.label(['data', 'pg', 'uploads'])}-vol`,
  }),
  build: (context) => {
    const labels = hetznerLabels(context, 1);
    const attached = context.reference('hetzner.server', 'attached');
    return {
      configuration: {
        id: Number(context.id),
        name: context.name,
        size: context.pick([10, 50, 100, 250], 'size') + 10 * context.drift(0),
        location: location(context),
        server: attached ? Number(attached.id) : null,
        linux_device: `/dev/disk/by-id/scsi-0HC_Volume_${context.id}`,
        format: 'ext4',
        status: 'available',
        protection: { delete: false },
        created: context.pastTimestamp(500, 'created'),
        labels,
      },
      labels,
    };
  },
};

const network: MockResourceTypeDefinition = {
  type: 'hetzner.network',
  description: 'Private network with its subnets (GET /v1/networks)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: String(numericId(context, 3_000_000)),
    name: `net-${context.label(['core', 'backend'])}`,
  }),
  build: (context) => {
    const labels = hetznerLabels(context, 1);
    const second = context.index % 256;
    return {
      configuration: {
        id: Number(context.id),
        name: context.name,
        ip_range: `10.${second}.0.0/16`,
        subnets: Array.from({ length: 1 + context.drift(0) }, (_, position) => ({
          type: 'cloud',
          ip_range: `10.${second}.${position}.0/24`,
          network_zone: 'eu-central',
          gateway: `10.${second}.0.1`,
        })),
        routes: [],
        servers: [],
        protection: { delete: false },
        expose_routes_to_vswitch: false,
        created: context.pastTimestamp(800, 'created'),
        labels,
      },
      labels,
    };
  },
};

const firewall: MockResourceTypeDefinition = {
  type: 'hetzner.firewall',
  description: 'Firewall with its rules (GET /v1/firewalls)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: String(numericId(context, 1_000_000)),
    name: `fw-${context.label(['web', 'ssh', 'db'])}`,
  }),
  build: (context) => {
    const labels = hetznerLabels(context, 1);
    const added = Array.from({ length: context.drift(0) }, (_, position) => ({
      direction: 'in',
      protocol: 'tcp',
      port: String(8000 + position),
      source_ips: ['10.0.0.0/8'],
      destination_ips: [],
      description: `app port ${position + 1}`,
    }));
    return {
      configuration: {
        id: Number(context.id),
        name: context.name,
        rules: [
          {
            direction: 'in',
            protocol: 'tcp',
            port: '443',
            source_ips: ['0.0.0.0/0', '::/0'],
            destination_ips: [],
            description: 'https',
          },
          {
            direction: 'in',
            protocol: 'tcp',
            port: '22',
            source_ips: ['10.0.0.0/8'],
            destination_ips: [],
            description: 'ssh',
          },
          ...added,
        ],
        applied_to: [
          {
            type: 'label_selector',
            label_selector: { selector: `environment=${labels.environment}` },
          },
        ],
        created: context.pastTimestamp(800, 'created'),
        labels,
      },
      labels,
    };
  },
};

const loadBalancer: MockResourceTypeDefinition = {
  type: 'hetzner.load-balancer',
  description: 'Load balancer with its services and traffic counters (GET /v1/load_balancers)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['outgoing_traffic', 'ingoing_traffic'],
  identify: (context) => ({
    id: String(numericId(context, 2_000_000)),
    name: `lb-${context.label(['web', 'api'])}`,
  }),
  build: (context) => {
    const labels = hetznerLabels(context, 1);
    return {
      configuration: {
        id: Number(context.id),
        name: context.name,
        public_net: { enabled: true, ipv4: { ip: publicIp(context, 'lb') } },
        location: location(context),
        load_balancer_type: { name: context.pick(['lb11', 'lb21', 'lb31'], 'type') },
        algorithm: {
          type: context.pickDrifting(['round_robin', 'least_connections'], 'algorithm', 0),
        },
        services: [
          {
            protocol: 'https',
            listen_port: 443,
            destination_port: 8080,
            proxyprotocol: false,
            health_check: {
              protocol: 'http',
              port: 8080,
              interval: 15,
              timeout: 10,
              retries: 3,
              http: { path: '/healthz' },
            },
          },
        ],
        targets: [
          {
            type: 'label_selector',
            label_selector: { selector: `environment=${labels.environment}` },
          },
        ],
        outgoing_traffic: context.volatileGauge(50_000_000_000, 'outgoing'),
        ingoing_traffic: context.volatileGauge(50_000_000_000, 'ingoing'),
        included_traffic: 21_990_232_555_520,
        protection: { delete: true },
        created: context.pastTimestamp(600, 'created'),
        labels,
      },
      labels,
    };
  },
};

const floatingIp: MockResourceTypeDefinition = {
  type: 'hetzner.floating-ip',
  description: 'Floating IP (GET /v1/floating_ips)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: String(numericId(context, 500_000)),
    name: `fip-${context.label(['web', 'mail', 'vpn'])}`,
  }),
  build: (context) => {
    const labels = hetznerLabels(context, 1);
    const assigned = context.reference('hetzner.server', 'assigned');
    return {
      configuration: {
        id: Number(context.id),
        name: context.name,
        description: context.pickDrifting(
          ['failover address', 'mail relay', 'vpn endpoint'],
          'description',
          0,
        ),
        ip: publicIp(context, 'floating'),
        type: 'ipv4',
        server: assigned ? Number(assigned.id) : null,
        dns_ptr: [],
        home_location: location(context),
        blocked: false,
        protection: { delete: false },
        created: context.pastTimestamp(600, 'created'),
        labels,
      },
      labels,
    };
  },
};

/** Hetzner Cloud: servers, volumes, networks, firewalls, load balancers and floating IPs. */
export const hetznerMockProvider = defineMockProvider({
  driver: 'hetzner-mock',
  provider: 'hetzner',
  aliases: [],
  defaultAccountId: '1829301',
  regions: ['fsn1', 'nbg1', 'hel1'],
  services: [
    { name: 'servers', description: 'Cloud servers', resourceTypes: [server] },
    { name: 'volumes', description: 'Block storage volumes', resourceTypes: [volume] },
    { name: 'networks', description: 'Private networks', global: true, resourceTypes: [network] },
    { name: 'firewalls', description: 'Firewalls', global: true, resourceTypes: [firewall] },
    { name: 'loadbalancers', description: 'Load balancers', resourceTypes: [loadBalancer] },
    { name: 'floatingips', description: 'Floating IPs', resourceTypes: [floatingIp] },
  ],
});
