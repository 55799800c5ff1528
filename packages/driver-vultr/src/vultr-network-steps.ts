import type { CloudResource } from '@cloud-inventory/core';
import type { ListStep } from '@cloud-inventory/driver-kit';
import { collectVultr, listVultr, type VultrObject } from './vultr-list.ts';
import {
  collectionStep,
  stringField,
  type VultrCollection,
  type VultrRunContext,
  vultrResource,
} from './vultr-resource.ts';

/** Load balancers: `GET /load-balancers`, forwarding and firewall rules inline. */
export const vultrLoadBalancers: VultrCollection = {
  service: 'loadbalancers',
  resourceType: 'vultr.load-balancer',
  path: '/load-balancers',
  key: 'load_balancers',
  regional: true,
  name: (item) => stringField(item, 'label'),
};

/** VPC networks: `GET /vpcs`. */
export const vultrVpcs: VultrCollection = {
  service: 'vpc',
  resourceType: 'vultr.vpc',
  path: '/vpcs',
  key: 'vpcs',
  regional: true,
  name: (item) => stringField(item, 'description'),
};

/** VPC 2.0 networks: `GET /vpc2` (the body key is `vpcs` too). */
export const vultrVpc2s: VultrCollection = {
  service: 'vpc',
  resourceType: 'vultr.vpc2',
  path: '/vpc2',
  key: 'vpcs',
  regional: true,
  name: (item) => stringField(item, 'description'),
};

/** Reserved IPs: `GET /reserved-ips`. */
export const vultrReservedIps: VultrCollection = {
  service: 'reservedips',
  resourceType: 'vultr.reserved-ip',
  path: '/reserved-ips',
  key: 'reserved_ips',
  regional: true,
  name: (item) => stringField(item, 'label') ?? stringField(item, 'subnet'),
};

/** The firewall groups of the account, read once per run. */
function firewallGroups(context: VultrRunContext, signal: AbortSignal) {
  return context.shared.get('firewall-groups', () =>
    collectVultr(context.client, {
      path: '/firewalls',
      key: 'firewall_groups',
      perPage: context.perPage,
      service: 'firewalls',
      signal,
    }),
  );
}

async function* listFirewallGroups(
  context: VultrRunContext,
  signal: AbortSignal,
): AsyncGenerator<CloudResource> {
  for (const group of await firewallGroups(context, signal)) {
    yield vultrResource(context, {
      service: 'firewalls',
      resourceType: 'vultr.firewall.group',
      id: group.id,
      name: stringField(group, 'description'),
      configuration: group,
    });
  }
}

/** A rule's name: its notes, else what it lets through. */
function ruleName(rule: VultrObject): string {
  const notes = stringField(rule, 'notes');
  if (notes) return notes;
  const port = stringField(rule, 'port');
  const source = stringField(rule, 'source') ?? `${rule.subnet}/${rule.subnet_size}`;
  return `${rule.action ?? 'accept'} ${rule.protocol}${port ? ` ${port}` : ''} from ${source}`;
}

async function* listFirewallRules(
  context: VultrRunContext,
  signal: AbortSignal,
): AsyncGenerator<CloudResource> {
  for (const group of await firewallGroups(context, signal)) {
    const groupId = String(group.id);
    const rules = listVultr(context.client, {
      path: `/firewalls/${encodeURIComponent(groupId)}/rules`,
      key: 'firewall_rules',
      perPage: context.perPage,
      service: 'firewalls',
      signal,
    });
    for await (const rule of rules) {
      // Rule ids count from 1 in every group: the group id makes them unique.
      yield vultrResource(context, {
        service: 'firewalls',
        resourceType: 'vultr.firewall.rule',
        id: `${groupId}/${rule.id}`,
        name: ruleName(rule),
        configuration: rule,
        metadata: { firewallGroupId: groupId },
      });
    }
  }
}

/**
 * Firewall groups and their rules, as two steps: a denied or failing rules call fails the rules
 * (nothing of them is deleted) while the groups are still listed and complete.
 */
export function vultrFirewallSteps(context: VultrRunContext): ListStep[] {
  return [
    {
      service: 'firewalls',
      resourceTypes: ['vultr.firewall.group'],
      call: 'GET /v2/firewalls',
      list: ({ signal }) => listFirewallGroups(context, signal),
    },
    {
      service: 'firewalls',
      resourceTypes: ['vultr.firewall.rule'],
      call: 'GET /v2/firewalls, GET /v2/firewalls/{firewall-group-id}/rules',
      list: ({ signal }) => listFirewallRules(context, signal),
    },
  ];
}

/** The networking steps: load balancers, firewalls, VPCs, reserved IPs. */
export function vultrNetworkSteps(context: VultrRunContext): ListStep[] {
  return [
    collectionStep(vultrLoadBalancers, context),
    ...vultrFirewallSteps(context),
    collectionStep(vultrVpcs, context),
    collectionStep(vultrVpc2s, context),
    collectionStep(vultrReservedIps, context),
  ];
}
