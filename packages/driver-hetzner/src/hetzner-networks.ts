import type { CloudResource } from '@cloud-inventory/core';
import { buildResource } from '@cloud-inventory/driver-kit';
import type { HetznerObject } from './hetzner-list.ts';

/** A subnet as the API lists it inside its network. */
export interface HetznerSubnet {
  type: string;
  ip_range: string;
  network_zone: string;
  gateway?: string;
  vswitch_id?: number | null;
  [field: string]: unknown;
}

/**
 * One `hetzner.network.subnet` per subnet of a network. The id is `<network id>/<ip_range>`:
 * subnets have no id of their own and cannot overlap, so the range identifies one for as long as
 * it exists (a list index would shift when an earlier subnet is deleted).
 */
export function networkSubnetResources(
  network: HetznerObject,
  context: { accountId: string },
): CloudResource[] {
  const subnets = Array.isArray(network.subnets) ? (network.subnets as HetznerSubnet[]) : [];
  const networkName = typeof network.name === 'string' ? network.name : String(network.id);
  return subnets
    .filter((subnet) => typeof subnet?.ip_range === 'string' && subnet.ip_range !== '')
    .map((subnet) =>
      buildResource({
        provider: 'hetzner',
        accountId: context.accountId,
        // Same scope as its network: a subnet's network_zone (eu-central) spans several locations.
        region: 'global',
        service: 'networks',
        resourceType: 'hetzner.network.subnet',
        resourceId: `${network.id}/${subnet.ip_range}`,
        name: `${networkName} ${subnet.ip_range}`,
        configuration: { networkId: network.id, networkName, ...subnet },
      }),
    );
}
