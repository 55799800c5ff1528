/** The parts of an ARM resource id this driver needs. */
export interface AzureResourceIdParts {
  /** Subscription id, as written in the id. */
  subscriptionId?: string;
  /** Resource group name, as written in the id. */
  resourceGroup?: string;
}

/**
 * The stored form of an ARM resource id: trimmed, without a trailing slash, in lower case. ARM ids
 * are case-insensitive and ARM echoes resource-group and provider names in varying case, so only
 * the lower-case form stays stable between syncs; the id as ARM sent it stays in `configuration.id`.
 */
export function normalizeAzureResourceId(id: string): string {
  return id.trim().replace(/\/+$/, '').toLowerCase();
}

/** `eastus` from `East US`, `eastus` or `EASTUS`; undefined when there is no location. */
export function normalizeAzureLocation(location: unknown): string | undefined {
  if (typeof location !== 'string') return undefined;
  const normalized = location.replace(/\s+/g, '').toLowerCase();
  return normalized === '' ? undefined : normalized;
}

/** Subscription and resource group of an ARM id (`/subscriptions/{id}/resourceGroups/{name}/...`). */
export function parseAzureResourceId(id: string): AzureResourceIdParts {
  const parts: AzureResourceIdParts = {};
  const segments = id.split('/').filter((segment) => segment !== '');
  for (let index = 0; index + 1 < segments.length; index += 2) {
    const key = segments[index]!.toLowerCase();
    if (key === 'subscriptions' && parts.subscriptionId === undefined) {
      parts.subscriptionId = segments[index + 1]!;
    } else if (key === 'resourcegroups' && parts.resourceGroup === undefined) {
      parts.resourceGroup = segments[index + 1]!;
    }
  }
  return parts;
}
