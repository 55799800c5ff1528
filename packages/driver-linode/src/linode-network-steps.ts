import type { CloudResource } from '@cloud-inventory/core';
import type { ResourceEnrichment, StepContext } from '@cloud-inventory/driver-kit';
import {
  keptResource,
  type LinodeListContext,
  type LinodeObject,
  linodeCall,
  linodeResource,
  listLinodeCollection,
  readLinodeCollection,
} from './linode-list.ts';
import { childCollectionStep, collectionStep, type LinodeStepDefinition } from './linode-steps.ts';

/** Enrichment calls, named as a user grants them and as `metadata.enrichmentErrors` reports them. */
export const linodeEnrichmentCalls = {
  nodeBalancerConfigs: linodeCall('/nodebalancers/{nodeBalancerId}/configs'),
  nodeBalancerNodes: linodeCall('/nodebalancers/{nodeBalancerId}/configs/{configId}/nodes'),
  firewallDevices: linodeCall('/networking/firewalls/{firewallId}/devices'),
} as const;

/** A NodeBalancer with `configs`, each config with its `nodes`; a failing call leaves its part out. */
async function enrichNodeBalancer(
  resource: CloudResource,
  reads: ResourceEnrichment,
  context: LinodeListContext,
  step: StepContext,
): Promise<CloudResource> {
  const nodeBalancer = resource.configuration as LinodeObject;
  const base = `/nodebalancers/${encodeURIComponent(String(nodeBalancer.id))}/configs`;
  const list = (path: string) =>
    readLinodeCollection(context, { path, service: step.service, signal: step.signal });
  const configs = await reads.read(linodeEnrichmentCalls.nodeBalancerConfigs, () => list(base));
  if (configs === undefined) return resource;
  const withNodes: LinodeObject[] = [];
  for (const config of configs) {
    const nodes = await reads.read(linodeEnrichmentCalls.nodeBalancerNodes, () =>
      list(`${base}/${encodeURIComponent(String(config.id))}/nodes`),
    );
    withNodes.push(nodes === undefined ? config : { ...config, nodes });
  }
  return { ...resource, configuration: { ...nodeBalancer, configs: withNodes } };
}

/** A firewall with the Linodes and NodeBalancers it protects under `devices`. */
async function enrichFirewall(
  resource: CloudResource,
  reads: ResourceEnrichment,
  context: LinodeListContext,
  step: StepContext,
): Promise<CloudResource> {
  const firewall = resource.configuration as LinodeObject;
  const devices = await reads.read(linodeEnrichmentCalls.firewallDevices, () =>
    readLinodeCollection(context, {
      path: `/networking/firewalls/${encodeURIComponent(String(firewall.id))}/devices`,
      service: step.service,
      signal: step.signal,
    }),
  );
  if (devices === undefined) return resource;
  return { ...resource, configuration: { ...firewall, devices } };
}

/** VPCs and, from the same answer, their subnets (`<vpcId>/<subnetId>`). */
const vpcStep: LinodeStepDefinition = {
  service: 'vpcs',
  resourceTypes: ['linode.vpc', 'linode.vpc.subnet'],
  call: linodeCall('/vpcs'),
  regional: true,
  async *list(context, step) {
    const vpcs = listLinodeCollection(context, {
      path: '/vpcs',
      service: 'vpcs',
      signal: step.signal,
    });
    for await (const vpc of vpcs) {
      const resource = keptResource(
        context,
        linodeResource(context, vpc, {
          service: 'vpcs',
          resourceType: 'linode.vpc',
          resourceId: vpc.id as number,
        }),
      );
      if (!resource) continue;
      yield resource;
      const subnets = Array.isArray(vpc.subnets) ? (vpc.subnets as LinodeObject[]) : [];
      for (const subnet of subnets) {
        yield linodeResource(context, subnet, {
          service: 'vpcs',
          resourceType: 'linode.vpc.subnet',
          resourceId: `${vpc.id}/${subnet.id}`,
          region: resource.region ?? 'global',
          metadata: { vpcId: vpc.id, vpcLabel: vpc.label },
        });
      }
    }
  },
};

/** Region of a bucket: its `region`, else the region part of its legacy cluster (`us-east-1` -> `us-east`). */
export function bucketRegion(bucket: LinodeObject): string | undefined {
  if (typeof bucket.region === 'string' && bucket.region) return bucket.region;
  return typeof bucket.cluster === 'string' && bucket.cluster
    ? bucket.cluster.replace(/-\d+$/, '')
    : undefined;
}

/** NodeBalancers, firewalls, VLANs, VPCs and subnets, domains and records, SSH keys, Object Storage buckets. */
export const linodeNetworkSteps: readonly LinodeStepDefinition[] = [
  collectionStep({
    service: 'nodebalancers',
    resourceType: 'linode.nodebalancer',
    path: '/nodebalancers',
    regional: true,
    enrich: enrichNodeBalancer,
  }),
  collectionStep({
    service: 'firewalls',
    resourceType: 'linode.firewall',
    path: '/networking/firewalls',
    regional: false,
    enrich: enrichFirewall,
  }),
  collectionStep({
    service: 'vlans',
    resourceType: 'linode.vlan',
    path: '/networking/vlans',
    regional: true,
    // VLANs have no id: a label is unique within its region.
    resourceId: (vlan) => `${vlan.region}/${vlan.label}`,
  }),
  vpcStep,
  collectionStep({
    service: 'domains',
    resourceType: 'linode.domain',
    path: '/domains',
    regional: false,
    name: (domain) => (typeof domain.domain === 'string' ? domain.domain : null),
  }),
  childCollectionStep({
    service: 'domains',
    resourceType: 'linode.domain.record',
    parentPath: '/domains',
    childPath: '/domains/{domainId}/records',
    regional: false,
    name: (record, domain) =>
      typeof record.name === 'string' && record.name !== ''
        ? `${record.name}.${domain.domain}`
        : String(domain.domain),
    metadata: (domain) => ({ domainId: domain.id, domain: domain.domain }),
  }),
  collectionStep({
    service: 'sshkeys',
    resourceType: 'linode.ssh-key',
    path: '/profile/sshkeys',
    regional: false,
  }),
  collectionStep({
    service: 'objectstorage',
    resourceType: 'linode.objectstorage.bucket',
    path: '/object-storage/buckets',
    regional: true,
    region: bucketRegion,
    // Bucket labels are unique within a region; buckets have no other id.
    resourceId: (bucket) => `${bucketRegion(bucket) ?? 'global'}/${bucket.label}`,
  }),
];
