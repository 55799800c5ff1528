import { MockCloudDriver, type MockDriverOptions } from './mock-cloud-driver.ts';
import type { MockProviderDefinition } from './mock-provider-definition.ts';
import {
  alibabaMockProvider,
  awsMockProvider,
  azureMockProvider,
  cloudflareMockProvider,
  digitalOceanMockProvider,
  gcpMockProvider,
  hetznerMockProvider,
  linodeMockProvider,
  mongoDbAtlasMockProvider,
  oracleMockProvider,
  vultrMockProvider,
} from './providers/index.ts';

/** `aws-mock`: EC2, S3, RDS, Lambda, IAM and SQS. */
export class AwsMockDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, awsMockProvider);
  }
}

/** `gcp-mock`: Compute Engine, Cloud Storage, Cloud SQL, Pub/Sub, IAM and firewalls. */
export class GcpMockDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, gcpMockProvider);
  }
}

/** `vultr-mock`: instances, VKE, block storage, firewall groups and rules, load balancers, databases. */
export class VultrMockDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, vultrMockProvider);
  }
}

/** `digitalocean-mock` (`do-mock`): droplets, volumes, DOKS, databases, firewalls, domains. */
export class DigitalOceanMockDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, digitalOceanMockProvider);
  }
}

/** `oracle-mock` (`oci-mock`): compute, block and object storage, VCNs, identity. */
export class OracleMockDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, oracleMockProvider);
  }
}

/** `azure-mock` (`az-mock`): virtual machines, disks, networks, storage accounts. */
export class AzureMockDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, azureMockProvider);
  }
}

/** `linode-mock`: instances, LKE, volumes, NodeBalancers, firewalls, VPCs, domains and records, MySQL databases. */
export class LinodeMockDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, linodeMockProvider);
  }
}

/** `hetzner-mock`: servers, volumes, networks, firewalls, load balancers, floating IPs. */
export class HetznerMockDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, hetznerMockProvider);
  }
}

/** `alibaba-mock` (`aliyun-mock`): ECS, OSS, RDS, VPC, SLB. */
export class AlibabaMockDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, alibabaMockProvider);
  }
}

/** `cloudflare-mock` (`cf-mock`): zones, DNS records, Workers, R2, D1, KV, Pages. */
export class CloudflareMockDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, cloudflareMockProvider);
  }
}

/** `mongodb-atlas-mock` (`atlas-mock`): projects, clusters, users, access lists, backup schedules, alerts. */
export class MongoDbAtlasMockDriver extends MockCloudDriver {
  constructor(options: MockDriverOptions = {}) {
    super(options, mongoDbAtlasMockProvider);
  }
}

/** Builds an `AwsMockDriver`. */
export function createAwsMockDriver(options: MockDriverOptions = {}): AwsMockDriver {
  return new AwsMockDriver(options);
}
/** Builds a `GcpMockDriver`. */
export function createGcpMockDriver(options: MockDriverOptions = {}): GcpMockDriver {
  return new GcpMockDriver(options);
}
/** Builds a `VultrMockDriver`. */
export function createVultrMockDriver(options: MockDriverOptions = {}): VultrMockDriver {
  return new VultrMockDriver(options);
}
/** Builds a `DigitalOceanMockDriver`. */
export function createDigitalOceanMockDriver(
  options: MockDriverOptions = {},
): DigitalOceanMockDriver {
  return new DigitalOceanMockDriver(options);
}
/** Builds an `OracleMockDriver`. */
export function createOracleMockDriver(options: MockDriverOptions = {}): OracleMockDriver {
  return new OracleMockDriver(options);
}
/** Builds an `AzureMockDriver`. */
export function createAzureMockDriver(options: MockDriverOptions = {}): AzureMockDriver {
  return new AzureMockDriver(options);
}
/** Builds a `LinodeMockDriver`. */
export function createLinodeMockDriver(options: MockDriverOptions = {}): LinodeMockDriver {
  return new LinodeMockDriver(options);
}
/** Builds a `HetznerMockDriver`. */
export function createHetznerMockDriver(options: MockDriverOptions = {}): HetznerMockDriver {
  return new HetznerMockDriver(options);
}
/** Builds an `AlibabaMockDriver`. */
export function createAlibabaMockDriver(options: MockDriverOptions = {}): AlibabaMockDriver {
  return new AlibabaMockDriver(options);
}
/** Builds a `CloudflareMockDriver`. */
export function createCloudflareMockDriver(options: MockDriverOptions = {}): CloudflareMockDriver {
  return new CloudflareMockDriver(options);
}
/** Builds a `MongoDbAtlasMockDriver`. */
export function createMongoDbAtlasMockDriver(
  options: MockDriverOptions = {},
): MongoDbAtlasMockDriver {
  return new MongoDbAtlasMockDriver(options);
}

/** One provider mock: its registered name, aliases, class, factory and definition. */
export interface MockProviderEntry {
  /** Registered name, e.g. `digitalocean-mock`. */
  name: string;
  /** Other registered names, e.g. `do-mock`. */
  aliases: readonly string[];
  /** Provider imitated, e.g. `digitalocean`. */
  provider: string;
  /** The driver class. */
  driverClass: new (
    options?: MockDriverOptions,
  ) => MockCloudDriver;
  /** The factory registered under `name` and `aliases`. */
  create: (options?: MockDriverOptions) => MockCloudDriver;
  /** Services, types and defaults. */
  definition: MockProviderDefinition;
}

function entry(
  definition: MockProviderDefinition,
  driverClass: MockProviderEntry['driverClass'],
  create: MockProviderEntry['create'],
): MockProviderEntry {
  return {
    name: definition.driver,
    aliases: definition.aliases,
    provider: definition.provider,
    driverClass,
    create,
    definition,
  };
}

/** The eleven provider mocks, in the seed's order. */
export const mockProviders: readonly MockProviderEntry[] = [
  entry(awsMockProvider, AwsMockDriver, createAwsMockDriver),
  entry(gcpMockProvider, GcpMockDriver, createGcpMockDriver),
  entry(vultrMockProvider, VultrMockDriver, createVultrMockDriver),
  entry(digitalOceanMockProvider, DigitalOceanMockDriver, createDigitalOceanMockDriver),
  entry(oracleMockProvider, OracleMockDriver, createOracleMockDriver),
  entry(azureMockProvider, AzureMockDriver, createAzureMockDriver),
  entry(linodeMockProvider, LinodeMockDriver, createLinodeMockDriver),
  entry(hetznerMockProvider, HetznerMockDriver, createHetznerMockDriver),
  entry(alibabaMockProvider, AlibabaMockDriver, createAlibabaMockDriver),
  entry(cloudflareMockProvider, CloudflareMockDriver, createCloudflareMockDriver),
  entry(mongoDbAtlasMockProvider, MongoDbAtlasMockDriver, createMongoDbAtlasMockDriver),
];

/** The provider mock for a driver name, alias or provider (`aws-mock`, `do-mock`, `azure`), if any. */
export function findMockProvider(name: string): MockProviderEntry | undefined {
  return mockProviders.find(
    (candidate) =>
      candidate.name === name || candidate.aliases.includes(name) || candidate.provider === name,
  );
}

/**
 * Builds a `MockCloudDriver`: with `config.provider` (`aws`, `do-mock`, ...) it imitates that
 * provider, otherwise a generic cloud with `mock.*` types.
 */
export function createMockCloudDriver(options: MockDriverOptions = {}): MockCloudDriver {
  return new MockCloudDriver(options);
}
