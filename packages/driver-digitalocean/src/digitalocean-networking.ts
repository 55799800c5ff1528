import {
  collectionStep,
  type DigitalOceanService,
  digitalOceanResource,
  listCollection,
  pathSegment,
  regionSlug,
} from './digitalocean-list.ts';

/** A load balancer as `GET /v2/load_balancers` returns it; global ones have no region. */
interface LoadBalancer {
  id: string;
  name?: string;
  region?: { slug?: string };
}

/** A cloud firewall as `GET /v2/firewalls` returns it. */
interface Firewall {
  id: string;
  name?: string;
  tags?: string[];
}

/** A VPC as `GET /v2/vpcs` returns it. */
interface Vpc {
  id: string;
  name?: string;
  region?: string;
}

/** A reserved IP as `GET /v2/reserved_ips` returns it; the address is its id. */
interface ReservedIp {
  ip: string;
  region?: { slug?: string };
}

/** A domain as `GET /v2/domains` returns it. */
interface Domain {
  name: string;
}

/** A DNS record as `GET /v2/domains/{name}/records` returns it. */
interface DomainRecord {
  id: number;
  type?: string;
  name?: string;
}

/** A CDN endpoint as `GET /v2/cdn/endpoints` returns it. */
interface CdnEndpoint {
  id: string;
  endpoint?: string;
  origin?: string;
}

/** An SSH key as `GET /v2/account/keys` returns it. */
interface SshKey {
  id: number;
  name?: string;
}

/** Load balancers: `GET /v2/load_balancers`; global load balancers are in region `global`. */
export const loadBalancersService: DigitalOceanService = {
  name: 'loadbalancers',
  steps: [
    collectionStep<LoadBalancer>({
      service: 'loadbalancers',
      path: '/load_balancers',
      key: 'load_balancers',
      resourceType: 'digitalocean.load-balancer',
      resource: (balancer) => ({
        region: regionSlug(balancer.region),
        resourceId: balancer.id,
        name: balancer.name,
        configuration: balancer,
      }),
    }),
  ],
};

/** Cloud firewalls: `GET /v2/firewalls`; account-wide, region `global`. */
export const firewallsService: DigitalOceanService = {
  name: 'firewalls',
  steps: [
    collectionStep<Firewall>({
      service: 'firewalls',
      path: '/firewalls',
      key: 'firewalls',
      resourceType: 'digitalocean.firewall',
      resource: (firewall) => ({
        region: 'global',
        resourceId: firewall.id,
        name: firewall.name,
        tags: firewall.tags,
        configuration: firewall,
      }),
    }),
  ],
};

/** VPC networks: `GET /v2/vpcs`, region `region`. */
export const vpcService: DigitalOceanService = {
  name: 'vpc',
  steps: [
    collectionStep<Vpc>({
      service: 'vpc',
      path: '/vpcs',
      key: 'vpcs',
      resourceType: 'digitalocean.vpc',
      resource: (vpc) => ({
        region: regionSlug(vpc.region),
        resourceId: vpc.id,
        name: vpc.name,
        configuration: vpc,
      }),
    }),
  ],
};

/** Reserved (formerly floating) IPs: `GET /v2/reserved_ips`, region `region.slug`. */
export const reservedIpsService: DigitalOceanService = {
  name: 'floatingips',
  steps: [
    collectionStep<ReservedIp>({
      service: 'floatingips',
      path: '/reserved_ips',
      key: 'reserved_ips',
      resourceType: 'digitalocean.reserved-ip',
      resource: (address) => ({
        region: regionSlug(address.region),
        resourceId: address.ip,
        name: address.ip,
        configuration: address,
      }),
    }),
  ],
};

const domainsCollection = { path: '/domains', key: 'domains', service: 'domains' };

/**
 * Domains (`GET /v2/domains`) and, as a step of their own, the records of each
 * (`GET /v2/domains/{name}/records`): a domain whose records cannot be read must not make its
 * records look deleted, and a denied records call must not hide the domains.
 */
export const domainsService: DigitalOceanService = {
  name: 'domains',
  steps: [
    collectionStep<Domain>({
      ...domainsCollection,
      resourceType: 'digitalocean.domain',
      resource: (domain) => ({
        region: 'global',
        resourceId: domain.name,
        name: domain.name,
        configuration: domain,
      }),
    }),
    {
      resourceTypes: ['digitalocean.domain.record'],
      call: 'GET /v2/domains, GET /v2/domains/{name}/records',
      async *list(context) {
        for await (const domain of listCollection<Domain>(context, domainsCollection)) {
          for await (const record of listCollection<DomainRecord>(context, {
            path: `/domains/${pathSegment(domain.name)}/records`,
            key: 'domain_records',
            service: 'domains',
          })) {
            yield digitalOceanResource(context, {
              service: 'domains',
              region: 'global',
              resourceType: 'digitalocean.domain.record',
              resourceId: `${domain.name}/${record.id}`,
              name: `${record.name ?? '@'} ${record.type ?? ''}`.trim(),
              configuration: record,
              metadata: { domain: domain.name },
            });
          }
        }
      },
    },
  ],
};

/** CDN endpoints: `GET /v2/cdn/endpoints`; account-wide, region `global`. */
export const cdnService: DigitalOceanService = {
  name: 'cdn',
  steps: [
    collectionStep<CdnEndpoint>({
      service: 'cdn',
      path: '/cdn/endpoints',
      key: 'endpoints',
      resourceType: 'digitalocean.cdn.endpoint',
      resource: (endpoint) => ({
        region: 'global',
        resourceId: endpoint.id,
        name: endpoint.endpoint ?? endpoint.origin,
        configuration: endpoint,
      }),
    }),
  ],
};

/** SSH keys: `GET /v2/account/keys`; account-wide, region `global`. */
export const sshKeysService: DigitalOceanService = {
  name: 'sshkeys',
  steps: [
    collectionStep<SshKey>({
      service: 'sshkeys',
      path: '/account/keys',
      key: 'ssh_keys',
      resourceType: 'digitalocean.ssh-key',
      resource: (key) => ({
        region: 'global',
        resourceId: key.id,
        name: key.name,
        configuration: key,
      }),
    }),
  ],
};
