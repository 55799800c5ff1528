import type { MockResourceTypeDefinition } from '../mock-provider-definition.ts';
import { linodeTags, numericId, parentId, tagRecord } from './linode-mock-helpers.ts';
import { privateIp, publicIp } from './mock-shared.ts';

// NodeBalancers, firewalls, VPCs, domains and records of the Linode mock, shaped like Linode's API.

/** `linode.nodebalancer`: a NodeBalancer with its configs and their nodes. */
export const nodeBalancer: MockResourceTypeDefinition = {
  type: 'linode.nodebalancer',
  description: 'NodeBalancer with its configs and nodes (GET /v4/nodebalancers)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['updated', 'transfer', 'configs[*].nodes_status', 'configs[*].nodes[*].status'],
  secretPaths: ['configs[*].ssl_key'],
  identify: (context) => ({
    id: String(numericId(context, 600_000)),
    name: `nb-${context.label(['web', 'api'])}`,
  }),
  build: (context) => {
    const tags = linodeTags(context, 1);
    const inbound = context.volatileGauge(100_000, 'transfer-in') / 10;
    const outbound = context.volatileGauge(100_000, 'transfer-out') / 10;
    const id = Number(context.id);
    const up = context.volatileGauge(2, 'nodes-up');
    return {
      configuration: {
        id,
        label: context.name,
        region: context.region,
        hostname: `nb-${publicIp(context).replaceAll('.', '-')}.${context.region}.nodebalancer.linode.com`,
        ipv4: publicIp(context),
        client_conn_throttle: context.pickDrifting([0, 5, 10, 20], 'throttle', 0),
        transfer: { in: inbound, out: outbound, total: inbound + outbound },
        created: context.pastTimestamp(600, 'created'),
        updated: context.volatileTimestamp('updated'),
        tags,
        configs: [
          {
            id: id * 10 + 1,
            nodebalancer_id: id,
            port: 443,
            protocol: 'https',
            algorithm: context.pickDrifting(['roundrobin', 'leastconn'], 'algorithm', 1),
            stickiness: 'none',
            check: 'http',
            check_path: '/health',
            cipher_suite: 'recommended',
            ssl_cert: '<REDACTED>',
            ssl_key: '<REDACTED>',
            nodes_status: { up, down: 2 - up },
            nodes: [1, 2].map((position) => ({
              id: id * 100 + position,
              config_id: id * 10 + 1,
              nodebalancer_id: id,
              address: `${privateIp(context, `node-${position}`).replace(/^10\./, '192.168.')}:80`,
              label: `node-${position}`,
              mode: 'accept',
              weight: 50,
              status: position <= up ? 'UP' : 'DOWN',
            })),
          },
        ],
      },
      tags: tagRecord(tags),
    };
  },
};

/** `linode.firewall`: a Cloud Firewall with its rules and devices. */
export const firewall: MockResourceTypeDefinition = {
  type: 'linode.firewall',
  description: 'Cloud Firewall with its rules and devices (GET /v4/networking/firewalls)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['updated', 'devices[*].updated'],
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
    const protectedLinode = context.reference('linode.linode', 'device');
    const entityId = protectedLinode ? Number(protectedLinode.id) : numericId(context, 50_000_000);
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
          outbound: [],
          outbound_policy: 'ACCEPT',
        },
        devices: [
          {
            id: Number(context.id) * 10 + 1,
            entity: {
              id: entityId,
              label: protectedLinode?.name ?? `linode${entityId}`,
              type: 'linode',
              url: `/v4/linode/instances/${entityId}`,
            },
            created: context.pastTimestamp(700, 'device'),
            updated: context.volatileTimestamp('device-updated'),
          },
        ],
        created: context.pastTimestamp(700, 'created'),
        updated: context.volatileTimestamp('updated'),
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

/** `linode.vpc`: a VPC with its subnets. */
export const vpc: MockResourceTypeDefinition = {
  type: 'linode.vpc',
  description: 'VPC with its subnets (GET /v4/vpcs)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['updated', 'subnets[*].updated'],
  identify: (context) => ({
    id: String(numericId(context, 30_000)),
    name: `vpc-${context.label(['prod', 'shared'])}`,
  }),
  build: (context) => ({
    configuration: {
      id: Number(context.id),
      label: context.name,
      region: context.region,
      description: context.pickDrifting(['', 'shared services', 'app tier'], 'description', 0),
      subnets: Array.from({ length: 1 + context.drift(1) }, (_, position) => ({
        id: Number(context.id) * 10 + position,
        label: `${context.name}-subnet-${position + 1}`,
        ipv4: `10.${context.integer(0, 200, 'net')}.${position}.0/24`,
        linodes: [],
        created: context.pastTimestamp(300, `subnet-${position}`),
        updated: context.volatileTimestamp(`subnet-${position}`),
      })),
      created: context.pastTimestamp(300, 'created'),
      updated: context.volatileTimestamp('updated'),
    },
  }),
};

/** `linode.domain`: a DNS domain. */
export const domain: MockResourceTypeDefinition = {
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
        retry_sec: 0,
        expire_sec: 0,
        master_ips: [],
        axfr_ips: [],
        tags,
      },
      tags: tagRecord(tags),
    };
  },
};

/** `linode.domain.record`: a record of a domain, id `<domainId>/<recordId>`. */
export const domainRecord: MockResourceTypeDefinition = {
  type: 'linode.domain.record',
  description: 'DNS record (GET /v4/domains/{domainId}/records); id `<domainId>/<recordId>`',
  weight: 2,
  driftAttributes: 1,
  volatilePaths: ['updated'],
  identify: (context) => {
    const record = numericId(context, 8_000_000);
    const name = context.pick(['www', 'api', 'mail', 'cdn'], 'record');
    return {
      id: `${parentId(context, 'linode.domain', 2_000_000)}/${record}`,
      name: `${name}-${record}`,
    };
  },
  build: (context) => ({
    configuration: {
      id: Number(context.id.split('/')[1]),
      name: context.name,
      type: 'A',
      target: publicIp(context, 'target'),
      ttl_sec: context.pickDrifting([300, 3600], 'ttl', 0),
      priority: 0,
      weight: 0,
      port: 0,
      service: null,
      protocol: null,
      tag: null,
      created: context.pastTimestamp(300, 'created'),
      updated: context.volatileTimestamp('updated'),
    },
    metadata: { domainId: Number(context.id.split('/')[0]) },
  }),
};
