import {
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
  async *list(context) {
    for await (const balancer of listCollection<LoadBalancer>(context, {
      path: '/load_balancers',
      key: 'load_balancers',
      service: 'loadbalancers',
    })) {
      yield digitalOceanResource(context, {
        service: 'loadbalancers',
        region: regionSlug(balancer.region),
        resourceType: 'digitalocean.load-balancer',
        resourceId: balancer.id,
        name: balancer.name,
        configuration: balancer,
      });
    }
  },
};

/** Cloud firewalls: `GET /v2/firewalls`; account-wide, region `global`. */
export const firewallsService: DigitalOceanService = {
  name: 'firewalls',
  async *list(context) {
    for await (const firewall of listCollection<Firewall>(context, {
      path: '/firewalls',
      key: 'firewalls',
      service: 'firewalls',
    })) {
      yield digitalOceanResource(context, {
        service: 'firewalls',
        region: 'global',
        resourceType: 'digitalocean.firewall',
        resourceId: firewall.id,
        name: firewall.name,
        tags: firewall.tags,
        configuration: firewall,
      });
    }
  },
};

/** VPC networks: `GET /v2/vpcs`, region `region`. */
export const vpcService: DigitalOceanService = {
  name: 'vpc',
  async *list(context) {
    for await (const vpc of listCollection<Vpc>(context, {
      path: '/vpcs',
      key: 'vpcs',
      service: 'vpc',
    })) {
      yield digitalOceanResource(context, {
        service: 'vpc',
        region: regionSlug(vpc.region),
        resourceType: 'digitalocean.vpc',
        resourceId: vpc.id,
        name: vpc.name,
        configuration: vpc,
      });
    }
  },
};

/** Reserved (formerly floating) IPs: `GET /v2/reserved_ips`, region `region.slug`. */
export const reservedIpsService: DigitalOceanService = {
  name: 'floatingips',
  async *list(context) {
    for await (const address of listCollection<ReservedIp>(context, {
      path: '/reserved_ips',
      key: 'reserved_ips',
      service: 'floatingips',
    })) {
      yield digitalOceanResource(context, {
        service: 'floatingips',
        region: regionSlug(address.region),
        resourceType: 'digitalocean.reserved-ip',
        resourceId: address.ip,
        name: address.ip,
        configuration: address,
      });
    }
  },
};

/** Domains (`GET /v2/domains`) and the records of each (`GET /v2/domains/{name}/records`). */
export const domainsService: DigitalOceanService = {
  name: 'domains',
  async *list(context) {
    for await (const domain of listCollection<Domain>(context, {
      path: '/domains',
      key: 'domains',
      service: 'domains',
    })) {
      if (context.wants('digitalocean.domain')) {
        yield digitalOceanResource(context, {
          service: 'domains',
          region: 'global',
          resourceType: 'digitalocean.domain',
          resourceId: domain.name,
          name: domain.name,
          configuration: domain,
        });
      }
      if (!context.wants('digitalocean.domain.record')) continue;
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
};

/** CDN endpoints: `GET /v2/cdn/endpoints`; account-wide, region `global`. */
export const cdnService: DigitalOceanService = {
  name: 'cdn',
  async *list(context) {
    for await (const endpoint of listCollection<CdnEndpoint>(context, {
      path: '/cdn/endpoints',
      key: 'endpoints',
      service: 'cdn',
    })) {
      yield digitalOceanResource(context, {
        service: 'cdn',
        region: 'global',
        resourceType: 'digitalocean.cdn.endpoint',
        resourceId: endpoint.id,
        name: endpoint.endpoint ?? endpoint.origin,
        configuration: endpoint,
      });
    }
  },
};

/** SSH keys: `GET /v2/account/keys`; account-wide, region `global`. */
export const sshKeysService: DigitalOceanService = {
  name: 'sshkeys',
  async *list(context) {
    for await (const key of listCollection<SshKey>(context, {
      path: '/account/keys',
      key: 'ssh_keys',
      service: 'sshkeys',
    })) {
      yield digitalOceanResource(context, {
        service: 'sshkeys',
        region: 'global',
        resourceType: 'digitalocean.ssh-key',
        resourceId: key.id,
        name: key.name,
        configuration: key,
      });
    }
  },
};
