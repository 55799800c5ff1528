import type { DriverCatalog } from '@cloud-inventory/core';
import { defineCatalog } from '@cloud-inventory/driver-kit';

// Secrets: Workers plain-text and JSON bindings and Pages environment variables are environment
// values (a secret_text binding's text is never returned, but would be caught at the same path);
// OIDC client secrets of Access SaaS applications; Authorization headers of health monitors.
// Volatile: timestamps, countdowns (zone development mode), transient states (deployment stages,
// certificate and tunnel status, connections) and counters that move with use (D1 file size).

/** Services of the Cloudflare driver and the resource types each one yields. */
export const cloudflareCatalog: DriverCatalog = defineCatalog('cloudflare', [
  {
    name: 'zones',
    description: 'Zones of the account and their DNS records',
    global: true,
    resourceTypes: [
      {
        type: 'cloudflare.zones.zone',
        description: 'A zone (domain) of the account',
        volatilePaths: ['modified_on', 'development_mode'],
      },
      {
        type: 'cloudflare.zones.dns-record',
        description: 'A DNS record of a zone; id `<zone id>/<record id>`',
        volatilePaths: ['modified_on', 'comment_modified_on', 'tags_modified_on'],
      },
    ],
  },
  {
    name: 'workers',
    description: 'Workers scripts (metadata, settings, cron triggers) and routes; no script bodies',
    global: true,
    resourceTypes: [
      {
        type: 'cloudflare.workers.script',
        description:
          'A Workers script: list metadata, `settings` (bindings, limits) and `schedules` (cron triggers)',
        volatilePaths: [
          'modified_on',
          'placement.last_analyzed_at',
          'placement.status',
          'placement_status',
          'settings.placement.last_analyzed_at',
          'settings.placement.status',
          'schedules[*].modified_on',
        ],
        secretPaths: ['settings.bindings[*].text', 'settings.bindings[*].json'],
      },
      {
        type: 'cloudflare.workers.route',
        description: 'A Workers route of a zone; id `<zone id>/<route id>`',
      },
    ],
  },
  {
    name: 'pages',
    description: 'Pages projects and the latest deployment of each',
    global: true,
    resourceTypes: [
      {
        type: 'cloudflare.pages.project',
        description: 'A Pages project (its deployments are their own resources)',
        volatilePaths: ['latest_deployment', 'canonical_deployment'],
        secretPaths: [
          'deployment_configs.*.env_vars.*.value',
          'latest_deployment.env_vars.*.value',
          'canonical_deployment.env_vars.*.value',
          'build_config.web_analytics_token',
        ],
      },
      {
        type: 'cloudflare.pages.deployment',
        description: "The latest deployment of a project (the project's `latest_deployment`)",
        volatilePaths: [
          'modified_on',
          'latest_stage',
          'stages[*].status',
          'stages[*].started_on',
          'stages[*].ended_on',
        ],
        secretPaths: ['env_vars.*.value', 'build_config.web_analytics_token'],
      },
    ],
  },
  {
    name: 'durable-objects',
    description: 'Durable Object namespaces',
    global: true,
    resourceTypes: [
      {
        type: 'cloudflare.durable-objects.namespace',
        description: 'A Durable Object namespace (class of a script)',
      },
    ],
  },
  {
    name: 'r2',
    description: 'R2 buckets of every listed jurisdiction; region is the location hint',
    resourceTypes: [
      {
        type: 'cloudflare.r2.bucket',
        description: 'An R2 bucket; id `<name>`, or `<jurisdiction>/<name>` outside the default',
      },
    ],
  },
  {
    name: 'd1',
    description: 'D1 databases (list, then each database for its size, tables and replication)',
    global: true,
    resourceTypes: [
      {
        type: 'cloudflare.d1.database',
        description: 'A D1 database',
        volatilePaths: ['file_size'],
      },
    ],
  },
  {
    name: 'kv',
    description: 'Workers KV namespaces',
    global: true,
    resourceTypes: [{ type: 'cloudflare.kv.namespace', description: 'A KV namespace' }],
  },
  {
    name: 'loadbalancers',
    description: 'Load balancers of every zone, and the account’s pools and monitors',
    global: true,
    resourceTypes: [
      {
        type: 'cloudflare.loadbalancers.load-balancer',
        description: 'A load balancer of a zone; id `<zone id>/<load balancer id>`',
        volatilePaths: ['modified_on'],
      },
      {
        type: 'cloudflare.loadbalancers.pool',
        description: 'A load balancer pool and its origins',
        volatilePaths: ['modified_on'],
      },
      {
        type: 'cloudflare.loadbalancers.monitor',
        description: 'A health monitor',
        volatilePaths: ['modified_on'],
        secretPaths: ['header.Authorization'],
      },
    ],
  },
  {
    name: 'rulesets',
    description:
      'Rulesets of every zone (WAF, transform, cache, ...) with their rules; managed rulesets are left out',
    global: true,
    resourceTypes: [
      {
        type: 'cloudflare.ruleset',
        description: 'A zone ruleset with its rules; id `<zone id>/<ruleset id>`',
        volatilePaths: ['last_updated', 'rules[*].last_updated'],
      },
    ],
  },
  {
    name: 'access',
    description: 'Zero Trust Access applications and reusable policies',
    global: true,
    resourceTypes: [
      {
        type: 'cloudflare.access.application',
        description: 'An Access application with its policies',
        volatilePaths: ['updated_at', 'policies[*].updated_at'],
        secretPaths: ['saas_app.client_secret'],
      },
      {
        type: 'cloudflare.access.policy',
        description: 'A reusable Access policy',
        volatilePaths: ['updated_at', 'app_count'],
      },
    ],
  },
  {
    name: 'tunnels',
    description: 'Cloudflare Tunnels (cloudflared), deleted ones left out',
    global: true,
    resourceTypes: [
      {
        type: 'cloudflare.tunnel',
        description: 'A Cloudflare Tunnel',
        volatilePaths: ['status', 'connections', 'conns_active_at', 'conns_inactive_at'],
      },
    ],
  },
  {
    name: 'ssl',
    description: 'SSL/TLS certificate packs of every zone',
    global: true,
    resourceTypes: [
      {
        type: 'cloudflare.ssl.certificate-pack',
        description: 'A certificate pack of a zone; id `<zone id>/<pack id>`',
        volatilePaths: [
          'status',
          'certificates[*].status',
          'certificates[*].modified_on',
          'validation_records',
          'validation_errors',
          'dcv_delegation_records',
        ],
      },
    ],
  },
]);
