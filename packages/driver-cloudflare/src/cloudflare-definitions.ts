import type { QueryValue } from '@cloud-inventory/driver-kit';
import type { CloudflarePaging } from './cloudflare-api.ts';
import {
  type CloudflareObject,
  type CloudflareResourceMapping,
  textOf,
} from './cloudflare-resources.ts';

/** One list call of the driver and the resource type it yields. */
export interface CloudflareListDefinition extends CloudflareResourceMapping {
  /** `account`: one call for the account; `zone`: one call per zone of the account. */
  scope: 'account' | 'zone';
  /** Path with `{account_id}` or `{zone_id}` placeholders; named as is in scope reports. */
  path: string;
  /** Paging style. */
  paging: CloudflarePaging;
  /** Page size to ask for; unset leaves the endpoint's default. */
  perPage?: number;
  /** Query parameters. */
  query?: Record<string, QueryValue>;
  /** Items of `result` when it is not the array itself. */
  items?: (result: unknown) => readonly CloudflareObject[] | undefined;
  /** Keep only the objects this accepts. */
  keep?: (item: CloudflareObject) => boolean;
}

/** Lists of the account (one call each, paged as the endpoint pages). */
export const cloudflareAccountLists: readonly CloudflareListDefinition[] = [
  {
    service: 'workers',
    resourceType: 'cloudflare.workers.script',
    scope: 'account',
    path: '/accounts/{account_id}/workers/scripts',
    paging: 'single',
    name: (item) => item.id,
    tags: (item) => item.tags ?? [],
  },
  {
    service: 'durable-objects',
    resourceType: 'cloudflare.durable-objects.namespace',
    scope: 'account',
    path: '/accounts/{account_id}/workers/durable_objects/namespaces',
    paging: 'pages',
  },
  {
    service: 'd1',
    resourceType: 'cloudflare.d1.database',
    scope: 'account',
    path: '/accounts/{account_id}/d1/database',
    paging: 'pages',
    id: (item) => item.uuid,
  },
  {
    service: 'kv',
    resourceType: 'cloudflare.kv.namespace',
    scope: 'account',
    path: '/accounts/{account_id}/storage/kv/namespaces',
    paging: 'pages',
    perPage: 100,
    name: (item) => item.title,
  },
  {
    service: 'loadbalancers',
    resourceType: 'cloudflare.loadbalancers.pool',
    scope: 'account',
    path: '/accounts/{account_id}/load_balancers/pools',
    paging: 'single',
  },
  {
    service: 'loadbalancers',
    resourceType: 'cloudflare.loadbalancers.monitor',
    scope: 'account',
    path: '/accounts/{account_id}/load_balancers/monitors',
    paging: 'single',
    // Monitors have no name; the description is what the dashboard shows.
    name: (item) => textOf(item.description) ?? textOf(item.path),
  },
  {
    service: 'access',
    resourceType: 'cloudflare.access.application',
    scope: 'account',
    path: '/accounts/{account_id}/access/apps',
    paging: 'pages',
    tags: (item) => item.tags ?? [],
  },
  {
    service: 'access',
    resourceType: 'cloudflare.access.policy',
    scope: 'account',
    path: '/accounts/{account_id}/access/policies',
    paging: 'pages',
  },
  {
    service: 'tunnels',
    resourceType: 'cloudflare.tunnel',
    scope: 'account',
    path: '/accounts/{account_id}/cfd_tunnel',
    paging: 'pages',
    query: { is_deleted: false },
  },
];

/** Lists of each zone of the account (one call, or one paged listing, per zone). */
export const cloudflareZoneLists: readonly CloudflareListDefinition[] = [
  {
    service: 'zones',
    resourceType: 'cloudflare.zones.dns-record',
    scope: 'zone',
    path: '/zones/{zone_id}/dns_records',
    paging: 'pages',
    perPage: 100,
    tags: (item) => item.tags ?? [],
  },
  {
    service: 'workers',
    resourceType: 'cloudflare.workers.route',
    scope: 'zone',
    path: '/zones/{zone_id}/workers/routes',
    paging: 'single',
    name: (item) => item.pattern,
  },
  {
    service: 'loadbalancers',
    resourceType: 'cloudflare.loadbalancers.load-balancer',
    scope: 'zone',
    path: '/zones/{zone_id}/load_balancers',
    paging: 'single',
  },
  {
    service: 'rulesets',
    resourceType: 'cloudflare.ruleset',
    scope: 'zone',
    path: '/zones/{zone_id}/rulesets',
    paging: 'cursor',
    // Managed rulesets are Cloudflare's own, offered to every zone; the zone deploys them from its
    // entry-point rulesets (kind `zone`), which are listed with their rules.
    keep: (item) => item.kind !== 'managed',
  },
  {
    service: 'ssl',
    resourceType: 'cloudflare.ssl.certificate-pack',
    scope: 'zone',
    path: '/zones/{zone_id}/ssl/certificate_packs',
    paging: 'pages',
    name: (item) => (Array.isArray(item.hosts) ? item.hosts[0] : undefined),
  },
];

/** `GET <path>` with its placeholders, as named in scope reports and permission hints. */
export function callOf(definition: Pick<CloudflareListDefinition, 'path' | 'query'>): string {
  const query = Object.entries(definition.query ?? {})
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('&');
  return `GET ${definition.path}${query ? `?${query}` : ''}`;
}
