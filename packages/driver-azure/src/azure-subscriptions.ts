import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { InventoryLogger } from '@cloud-inventory/core';
import { isAzureCredentialFailure } from './azure-error-classes.ts';
import { azureCredentialError } from './azure-errors.ts';
import { listArmObjects } from './azure-paging.ts';
import { normalizeAzureLocation } from './azure-resource-ids.ts';

// NOTE: a Disabled subscription is read-only but still readable, and its resources still exist; a
// listing that fails there fails only its steps. Only a Deleted one is left out.
const goneStates = new Set(['deleted']);

const locationConcurrency = 8;

/** Every subscription the credentials can list (`GET /subscriptions`), except deleted ones. */
export async function listAzureSubscriptionIds(
  client: SubscriptionClient,
  signal: AbortSignal,
): Promise<string[]> {
  const ids: string[] = [];
  const pager = client.subscriptions.list({ abortSignal: signal });
  for await (const subscription of listArmObjects(pager, 'subscriptions')) {
    const id = subscription.subscriptionId;
    const state = typeof subscription.state === 'string' ? subscription.state.toLowerCase() : '';
    if (typeof id === 'string' && id !== '' && !goneStates.has(state)) {
      ids.push(id);
    }
  }
  return ids;
}

/** Locations of the subscriptions (`GET /subscriptions/{id}/locations`), or undefined when they cannot be read. */
export async function listAzureLocations(options: {
  client: SubscriptionClient;
  subscriptionIds: readonly string[];
  signal: AbortSignal;
  logger: InventoryLogger;
}): Promise<string[] | undefined> {
  const locations = new Set<string>();
  const listOne = async (subscriptionId: string) => {
    const pager = options.client.subscriptions.listLocations(subscriptionId, {
      abortSignal: options.signal,
    });
    for await (const location of listArmObjects(pager, 'subscriptions')) {
      const name = normalizeAzureLocation(location.name);
      if (name) locations.add(name);
    }
  };
  try {
    // A few subscriptions at a time: one call each, but there may be hundreds.
    for (let start = 0; start < options.subscriptionIds.length; start += locationConcurrency) {
      await Promise.all(
        options.subscriptionIds.slice(start, start + locationConcurrency).map(listOne),
      );
    }
  } catch (error) {
    if (options.signal.aborted) throw error;
    if (isAzureCredentialFailure(error)) throw azureCredentialError(error, 'listing locations');
    // NOTE: without the location list, listings are reported complete only for the locations
    // they met (and config.regions), so nothing is deleted in a location that emptied.
    options.logger.warn(
      'Azure locations could not be listed; coverage falls back to the locations met',
      { error: error instanceof Error ? error.message : String(error) },
    );
    return undefined;
  }
  return [...locations];
}
