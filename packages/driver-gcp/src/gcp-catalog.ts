import { defineCatalog } from '@cloud-inventory/driver-kit';
import { gcpComputeDefinitions } from './gcp-compute-definitions.ts';
import { gcpDataDefinitions } from './gcp-data-definitions.ts';
import { gcpLoadBalancingDefinitions } from './gcp-loadbalancing-definitions.ts';
import { gcpManagedDefinitions } from './gcp-managed-definitions.ts';
import { gcpMessagingDefinitions } from './gcp-messaging-definitions.ts';
import { gcpNetworkDefinitions } from './gcp-network-definitions.ts';
import { gcpPlatformDefinitions } from './gcp-platform-definitions.ts';
import type { GcpListingDefinition } from './gcp-resource.ts';
import { gcpSecurityDefinitions } from './gcp-security-definitions.ts';

/** The services, in catalog order (the product description's list first), with their descriptions. */
export const gcpServiceDescriptions: readonly {
  name: string;
  description: string;
  global?: boolean;
}[] = [
  {
    name: 'compute',
    description:
      'Compute Engine: instances, disks, snapshots, images, instance groups and templates',
  },
  { name: 'gke', description: 'Google Kubernetes Engine clusters and node pools' },
  { name: 'run', description: 'Cloud Run services' },
  { name: 'functions', description: 'Cloud Functions (1st and 2nd gen)' },
  { name: 'storage', description: 'Cloud Storage buckets' },
  { name: 'sql', description: 'Cloud SQL instances' },
  { name: 'bigquery', description: 'BigQuery datasets' },
  {
    name: 'vpc',
    description: 'VPC networks, subnetworks, firewalls, addresses, Cloud Routers with NAT, routes',
  },
  { name: 'iam', description: 'IAM service accounts', global: true },
  { name: 'kms', description: 'Cloud KMS key rings and keys' },
  { name: 'secretmanager', description: 'Secret Manager secrets (metadata only)', global: true },
  { name: 'pubsub', description: 'Pub/Sub topics and subscriptions', global: true },
  {
    name: 'loadbalancing',
    description:
      'Cloud Load Balancing: forwarding rules, backend services, URL maps, target proxies, SSL certificates',
  },
  { name: 'dns', description: 'Cloud DNS managed zones and record sets', global: true },
  { name: 'artifactregistry', description: 'Artifact Registry repositories' },
  { name: 'redis', description: 'Memorystore for Redis instances' },
  { name: 'filestore', description: 'Filestore instances' },
  { name: 'spanner', description: 'Spanner instances' },
  { name: 'bigtable', description: 'Bigtable instances', global: true },
  { name: 'dataproc', description: 'Dataproc clusters' },
];

/** Every listing of the driver, in catalog order; each becomes one step per project (and region). */
export const gcpListingDefinitions: readonly GcpListingDefinition[] = (() => {
  const all = [
    ...gcpComputeDefinitions,
    ...gcpPlatformDefinitions,
    ...gcpDataDefinitions,
    ...gcpNetworkDefinitions,
    ...gcpSecurityDefinitions,
    ...gcpMessagingDefinitions,
    ...gcpLoadBalancingDefinitions,
    ...gcpManagedDefinitions,
  ];
  const order = gcpServiceDescriptions.map((service) => service.name);
  return all.sort((left, right) => order.indexOf(left.service) - order.indexOf(right.service));
})();

/** The GCP driver's catalog: services and resource types with volatile and secret paths. */
export const gcpCatalog = defineCatalog(
  'gcp',
  gcpServiceDescriptions.map((service) => ({
    name: service.name,
    description: service.description,
    ...(service.global ? { global: true } : {}),
    resourceTypes: gcpListingDefinitions
      .filter((definition) => definition.service === service.name)
      .flatMap((definition) => definition.types)
      .map((entry) => ({
        type: entry.type,
        description: entry.description,
        ...(entry.volatilePaths ? { volatilePaths: entry.volatilePaths } : {}),
        ...(entry.secretPaths ? { secretPaths: entry.secretPaths } : {}),
      })),
  })),
);
