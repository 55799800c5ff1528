/**
 * The API token permission (dashboard name, "Read" level) each resource type needs, as the
 * "Create Custom Token" page names them. The README and the auth error hints read this table.
 */
export const cloudflareTokenPermissions: Record<string, string> = {
  'cloudflare.zones.zone': 'Zone → Zone → Read',
  'cloudflare.zones.dns-record': 'Zone → DNS → Read',
  'cloudflare.workers.script': 'Account → Workers Scripts → Read',
  'cloudflare.workers.route': 'Zone → Workers Routes → Read',
  'cloudflare.pages.project': 'Account → Cloudflare Pages → Read',
  'cloudflare.pages.deployment': 'Account → Cloudflare Pages → Read',
  'cloudflare.durable-objects.namespace': 'Account → Workers Scripts → Read',
  'cloudflare.r2.bucket': 'Account → Workers R2 Storage → Read',
  'cloudflare.d1.database': 'Account → D1 → Read',
  'cloudflare.kv.namespace': 'Account → Workers KV Storage → Read',
  'cloudflare.loadbalancers.load-balancer': 'Zone → Load Balancers → Read',
  'cloudflare.loadbalancers.pool': 'Account → Load Balancing: Monitors And Pools → Read',
  'cloudflare.loadbalancers.monitor': 'Account → Load Balancing: Monitors And Pools → Read',
  'cloudflare.ruleset':
    'Zone → Zone WAF → Read (rulesets of other phases need the Read permission of their product: Transform Rules, Cache Rules, Config Rules, ...)',
  'cloudflare.access.application': 'Account → Access: Apps and Policies → Read',
  'cloudflare.access.policy': 'Account → Access: Apps and Policies → Read',
  'cloudflare.tunnel': 'Account → Cloudflare Tunnel → Read',
  'cloudflare.ssl.certificate-pack': 'Zone → SSL and Certificates → Read',
};

/** The permission hint of some resource types, for an error message (empty when unknown). */
export function permissionHint(resourceTypes: readonly string[]): string {
  const permissions = [
    ...new Set(
      resourceTypes
        .map((type) => cloudflareTokenPermissions[type])
        .filter((permission): permission is string => permission !== undefined),
    ),
  ];
  return permissions.length > 0 ? ` The API token needs ${permissions.join(' and ')}.` : '';
}
