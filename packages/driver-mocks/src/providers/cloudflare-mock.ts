import {
  defineMockProvider,
  type MockBuildContext,
  type MockIdentityContext,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import { fakePassword, ownershipTags, publicIp, uniqueUuid } from './mock-shared.ts';

const zoneWords = ['acme', 'example', 'widgets', 'shop', 'status', 'docs'];

function zoneName(context: MockIdentityContext): string {
  return `${context.pick(zoneWords, 'zone-name')}-${context.uniqueHex(6)}.${context.pick(['com', 'dev', 'io'], 'tld')}`;
}

function accountRef(context: MockBuildContext): { id: string; name: string } {
  return { id: context.accountId, name: 'Inventory Demo' };
}

const zone: MockResourceTypeDefinition = {
  type: 'cloudflare.zones.zone',
  description: 'Zone (GET /zones)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({ id: context.uniqueHex(32), name: zoneName(context) }),
  build: (context) => ({
    configuration: {
      id: context.id,
      name: context.name,
      status: 'active',
      paused: context.pickDrifting([false, true], 'paused', 1),
      type: 'full',
      name_servers: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'],
      original_name_servers: ['ns1.registrar.example', 'ns2.registrar.example'],
      plan: {
        name: context.pickDrifting(['Free Website', 'Pro Website', 'Business Website'], 'plan', 0),
      },
      account: accountRef(context),
      created_on: context.pastTimestamp(1500, 'created'),
      activated_on: context.pastTimestamp(1400, 'activated'),
    },
  }),
};

const dnsRecord: MockResourceTypeDefinition = {
  type: 'cloudflare.zones.dns-record',
  description: 'DNS record, id `zone-id/record-id` (GET /zones/{zone_id}/dns_records)',
  weight: 6,
  driftAttributes: 3,
  identify: (context) => {
    // NOTE: record ids are only unique within a zone, so the resource id nests them: `zone/record`.
    const zoneId =
      context.reference('cloudflare.zones.zone', 'zone')?.id ?? context.hex(32, 'zone');
    return {
      id: `${zoneId}/${context.uniqueHex(32)}`,
      name: `${context.pick(['www', 'api', 'mail', 'cdn', 'app'], 'host')}-${context.index}`,
    };
  },
  build: (context) => {
    const parent = context.reference('cloudflare.zones.zone', 'zone');
    const [, recordId] = context.id.split('/');
    const type = context.pick(['A', 'A', 'CNAME', 'TXT', 'MX'], 'type');
    const zoneName = parent?.name ?? 'example.com';
    const contents: Record<string, string[]> = {
      A: [publicIp(context, 'a'), publicIp(context, 'b'), publicIp(context, 'c')],
      CNAME: [`lb-1.${zoneName}`, `lb-2.${zoneName}`, `edge.${zoneName}`],
      TXT: [
        '"v=spf1 include:_spf.example.net ~all"',
        '"v=spf1 -all"',
        '"google-site-verification=abc"',
      ],
      MX: [`mx1.${zoneName}`, `mx2.${zoneName}`],
    };
    const tags = ownershipTags(context, 2);
    return {
      configuration: {
        id: recordId,
        zone_id: context.id.split('/')[0],
        zone_name: zoneName,
        name: `${context.name}.${zoneName}`,
        type,
        content: context.pickDrifting(contents[type] ?? ['127.0.0.1'], 'content', 0),
        proxiable: type === 'A' || type === 'CNAME',
        proxied: (type === 'A' || type === 'CNAME') && context.random('proxied') < 0.7,
        ttl: context.pickDrifting([1, 300, 3600], 'ttl', 1),
        ...(type === 'MX' ? { priority: 10 } : {}),
        comment: `owner: ${tags.owner}`,
        tags: [`team:${tags.team}`],
        created_on: context.pastTimestamp(900, 'created'),
      },
      tags: { team: tags.team },
    };
  },
};

const workerScript: MockResourceTypeDefinition = {
  type: 'cloudflare.workers.script',
  description:
    'Workers script with its settings (GET /accounts/{id}/workers/scripts, .../{name}/settings)',
  weight: 2,
  driftAttributes: 3,
  secretPaths: ['settings.bindings[*].text'],
  identify: (context) => {
    const name = context.label(['router', 'auth', 'images', 'cron']);
    return { id: name, name };
  },
  build: (context) => ({
    configuration: {
      id: context.name,
      handlers: context.name.startsWith('cron') ? ['scheduled'] : ['fetch'],
      compatibility_date: context.pickDrifting(
        ['2024-09-23', '2025-01-15', '2025-04-01'],
        'compatibility',
        0,
      ),
      usage_model: 'standard',
      logpush: context.pickDrifting([false, true], 'logpush', 1),
      settings: {
        bindings: [
          {
            type: 'plain_text',
            name: 'API_BASE',
            text: `https://api.internal.example/${context.name}`,
          },
          // NOTE: a fixture secret; declared as a secret path so it is never stored in clear.
          { type: 'secret_text', name: 'API_TOKEN', text: fakePassword(context, 'api-token', 2) },
          {
            type: 'kv_namespace',
            name: 'CACHE',
            namespace_id: context.reference('cloudflare.kv.namespace', 'kv')?.id ?? '',
          },
        ],
      },
      created_on: context.pastTimestamp(600, 'created'),
    },
  }),
};

const r2Bucket: MockResourceTypeDefinition = {
  type: 'cloudflare.r2.bucket',
  description: 'R2 bucket with its usage metrics (GET /accounts/{id}/r2/buckets)',
  weight: 2,
  driftAttributes: 2,
  volatilePaths: ['metrics.objectCount', 'metrics.payloadSize'],
  identify: (context) => {
    const name = `${context.pick(['assets', 'uploads', 'backups', 'logs'], 'bucket')}-${context.uniqueHex(8)}`;
    return { id: name, name };
  },
  build: (context) => ({
    configuration: {
      name: context.name,
      creation_date: context.pastTimestamp(700, 'created'),
      location: context.pick(['WNAM', 'ENAM', 'WEUR', 'APAC'], 'location'),
      jurisdiction: 'default',
      storage_class: context.pickDrifting(['Standard', 'InfrequentAccess'], 'storage-class', 0),
      cors: context.pickDrifting(
        [[], [{ allowed: { origins: ['*'], methods: ['GET'] } }]],
        'cors',
        1,
      ),
      metrics: {
        objectCount: context.volatileGauge(10_000_000, 'objects'),
        payloadSize: context.volatileGauge(500_000_000_000, 'payload'),
      },
    },
  }),
};

const d1Database: MockResourceTypeDefinition = {
  type: 'cloudflare.d1.database',
  description: 'D1 database (GET /accounts/{id}/d1/database)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['file_size'],
  identify: (context) => ({
    id: uniqueUuid(context),
    name: `${context.label(['sessions', 'catalog', 'audit'])}-db`,
  }),
  build: (context) => ({
    configuration: {
      uuid: context.id,
      name: context.name,
      version: 'production',
      created_at: context.pastTimestamp(400, 'created'),
      num_tables: context.pick([3, 8, 15], 'tables') + context.drift(0),
      file_size: context.volatileGauge(2_000_000_000, 'file-size'),
      read_replication: { mode: context.pickDrifting(['disabled', 'auto'], 'replication', 1) },
    },
  }),
};

const kvNamespace: MockResourceTypeDefinition = {
  type: 'cloudflare.kv.namespace',
  description: 'Workers KV namespace (GET /accounts/{id}/storage/kv/namespaces)',
  weight: 1,
  driftAttributes: 1,
  identify: (context) => ({
    id: context.uniqueHex(32),
    name: context.label(['CACHE', 'SESSIONS', 'FLAGS']),
  }),
  build: (context) => ({
    configuration: {
      id: context.id,
      title: `${context.name}${context.drift(0) > 0 ? `-v${context.drift(0) + 1}` : ''}`,
      supports_url_encoding: true,
    },
  }),
};

const pagesProject: MockResourceTypeDefinition = {
  type: 'cloudflare.pages.project',
  description: 'Pages project with its deployment configs (GET /accounts/{id}/pages/projects)',
  weight: 1,
  driftAttributes: 3,
  secretPaths: ['deployment_configs.*.env_vars.*.value'],
  identify: (context) => {
    const name = context.label(['marketing', 'docs', 'dashboard']);
    return { id: name, name };
  },
  build: (context) => {
    const environment = (kind: string) => ({
      compatibility_date: '2025-01-15',
      env_vars: {
        NODE_VERSION: { type: 'plain_text', value: '22' },
        API_KEY: { type: 'secret_text', value: fakePassword(context, `pages-${kind}`, 2) },
      },
    });
    return {
      configuration: {
        id: uniqueUuid(context),
        name: context.name,
        subdomain: `${context.name}.pages.dev`,
        domains: [`${context.name}.pages.dev`],
        production_branch: context.pickDrifting(['main', 'production', 'release'], 'branch', 0),
        build_config: {
          build_command: context.pickDrifting(
            ['npm run build', 'pnpm build', 'astro build'],
            'build',
            1,
          ),
          destination_dir: 'dist',
          root_dir: '',
        },
        deployment_configs: {
          production: environment('production'),
          preview: environment('preview'),
        },
        created_on: context.pastTimestamp(500, 'created'),
      },
    };
  },
};

/** Cloudflare: zones, DNS records, Workers, R2, D1, KV and Pages; everything is global. */
export const cloudflareMockProvider = defineMockProvider({
  driver: 'cloudflare-mock',
  provider: 'cloudflare',
  aliases: ['cf-mock'],
  defaultAccountId: '023e105f4ecef8ad9ca31a8372d0c353',
  regions: ['global'],
  services: [
    {
      name: 'zones',
      description: 'Zones and their DNS records',
      global: true,
      resourceTypes: [zone, dnsRecord],
    },
    {
      name: 'workers',
      description: 'Workers scripts',
      global: true,
      resourceTypes: [workerScript],
    },
    { name: 'r2', description: 'R2 buckets', global: true, resourceTypes: [r2Bucket] },
    { name: 'd1', description: 'D1 databases', global: true, resourceTypes: [d1Database] },
    {
      name: 'kv',
      description: 'Workers KV namespaces',
      global: true,
      resourceTypes: [kvNamespace],
    },
    { name: 'pages', description: 'Pages projects', global: true, resourceTypes: [pagesProject] },
  ],
});
