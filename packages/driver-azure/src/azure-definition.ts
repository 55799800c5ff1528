import { statusCodeOf } from '@cloud-inventory/driver-kit';
import type { AzureSubscriptionClients } from './azure-clients.ts';
import { type ArmObject, type AzurePager, listArmObjects } from './azure-paging.ts';
import { normalizeAzureLocation, parseAzureResourceId } from './azure-resource-ids.ts';

/** One ARM object a definition listed, with its resource type. */
export interface AzureListedObject {
  /** Resource type it becomes. */
  resourceType: string;
  /** The raw ARM object. */
  object: ArmObject;
  /** Location of its parent, for children that carry none (subnets, agent pools). */
  parentLocation?: string;
}

/** Options every SDK call gets. */
export interface AzureCallOptions {
  /** Stops the call. */
  abortSignal: AbortSignal;
}

/** One listing step of a subscription: the types one list call (or one parent-child chain) yields. */
export interface AzureListDefinition {
  /** Service, as in the catalog. */
  service: string;
  /** Types the step yields and is complete for (the listed type first, then embedded children). */
  resourceTypes: readonly string[];
  /** The ARM call(s), as a user would grant them. */
  call: string;
  /** Resource provider namespace, named when it is not registered in the subscription. */
  provider: string;
  /** RBAC actions the call(s) need (all part of the built-in Reader role). */
  permissions: readonly string[];
  /** List the raw objects of one subscription. */
  list: (
    clients: AzureSubscriptionClients,
    options: AzureCallOptions,
  ) => AsyncGenerator<AzureListedObject>;
}

/**
 * The RBAC read action of an ARM list path: `Microsoft.Compute/virtualMachines/read` for
 * `/subscriptions/{id}/providers/Microsoft.Compute/virtualMachines`; path parameters are dropped.
 */
export function readPermission(path: string): string {
  const index = path.lastIndexOf('/providers/');
  if (index < 0) {
    // `/subscriptions/{subscriptionId}/resourcegroups`
    return 'Microsoft.Resources/subscriptions/resourceGroups/read';
  }
  const segments = path
    .slice(index + '/providers/'.length)
    .split('/')
    .filter((segment) => segment !== '' && !segment.startsWith('{'));
  return `${segments.join('/')}/read`;
}

/** A subscription-wide list call yielding one type (`virtualMachines.listAll`). */
export function subscriptionList(definition: {
  service: string;
  resourceType: string;
  provider: string;
  path: string;
  pager: (clients: AzureSubscriptionClients, options: AzureCallOptions) => Promise<AzurePager>;
  /** Objects of the list that are of this type (a list that also serves other kinds). */
  keep?: (object: ArmObject) => boolean;
  /** Children carried inside each object (a virtual network's subnets). */
  embedded?: { resourceType: string; items: (parent: ArmObject) => unknown };
}): AzureListDefinition {
  const { embedded } = definition;
  return {
    service: definition.service,
    resourceTypes: embedded
      ? [definition.resourceType, embedded.resourceType]
      : [definition.resourceType],
    call: `GET ${definition.path}`,
    provider: definition.provider,
    permissions: [readPermission(definition.path)],
    async *list(clients, options) {
      const pager = await definition.pager(clients, options);
      for await (const object of listArmObjects(pager, definition.service)) {
        if (definition.keep && !definition.keep(object)) continue;
        yield { resourceType: definition.resourceType, object };
        if (!embedded) continue;
        const children = embedded.items(object);
        if (!Array.isArray(children)) continue;
        const parentLocation = normalizeAzureLocation(object.location);
        for (const child of children as ArmObject[]) {
          yield {
            resourceType: embedded.resourceType,
            object: child,
            ...(parentLocation ? { parentLocation } : {}),
          };
        }
      }
    },
  };
}

/** A parent list and a child list per parent (agent pools of each cluster, databases of each server). */
export function childList(definition: {
  service: string;
  resourceType: string;
  provider: string;
  parentPath: string;
  path: string;
  parents: (clients: AzureSubscriptionClients, options: AzureCallOptions) => Promise<AzurePager>;
  children: (
    clients: AzureSubscriptionClients,
    parent: { resourceGroup: string; name: string },
    options: AzureCallOptions,
  ) => Promise<AzurePager>;
}): AzureListDefinition {
  return {
    service: definition.service,
    resourceTypes: [definition.resourceType],
    call: `GET ${definition.parentPath}, GET ${definition.path}`,
    provider: definition.provider,
    permissions: [readPermission(definition.parentPath), readPermission(definition.path)],
    async *list(clients, options) {
      const parents = listArmObjects(
        await definition.parents(clients, options),
        definition.service,
      );
      for await (const parent of parents) {
        const resourceGroup = parent.id ? parseAzureResourceId(parent.id).resourceGroup : undefined;
        if (!resourceGroup || typeof parent.name !== 'string') continue;
        const parentLocation = normalizeAzureLocation(parent.location);
        const pager = await definition.children(
          clients,
          { resourceGroup, name: parent.name },
          options,
        );
        try {
          for await (const object of listArmObjects(pager, definition.service)) {
            yield {
              resourceType: definition.resourceType,
              object,
              ...(parentLocation ? { parentLocation } : {}),
            };
          }
        } catch (error) {
          // The parent was deleted between the two calls: it has no children left to list.
          if (statusCodeOf(error) !== 404) throw error;
        }
      }
    },
  };
}
