import { DriverError, type InventoryLogger } from '@cloud-inventory/core';
import type { HttpClient } from '@cloud-inventory/driver-kit';
import { hetznerCredentialError } from './hetzner-errors.ts';
import { listHetzner } from './hetzner-list.ts';

/** Locations known when this driver was written; used only when GET /locations fails. */
export const hetznerKnownLocations: readonly string[] = [
  'fsn1',
  'nbg1',
  'hel1',
  'ash',
  'hil',
  'sin',
];

/** The project's locations and whether the API listed them. */
export interface HetznerLocations {
  /** Location names (`fsn1`, ...). */
  names: string[];
  /** True when GET /locations answered; false when the built-in list stands in. */
  fromApi: boolean;
}

/**
 * List the locations (GET /locations). A refused token fails the sync with a message naming
 * Hetzner; any other failure falls back to the built-in list, so listing can go on.
 */
export async function listHetznerLocations(options: {
  client: HttpClient;
  perPage: number;
  signal?: AbortSignal;
  logger?: InventoryLogger;
}): Promise<HetznerLocations> {
  try {
    const names: string[] = [];
    for await (const location of listHetzner<{ name?: unknown }>(options.client, {
      path: '/locations',
      key: 'locations',
      perPage: options.perPage,
      ...(options.signal ? { signal: options.signal } : {}),
    })) {
      if (typeof location.name === 'string' && location.name !== '') names.push(location.name);
    }
    if (names.length > 0) return { names, fromApi: true };
  } catch (error) {
    options.signal?.throwIfAborted();
    if (DriverError.isInstance(error) && error.statusCode === 401) {
      throw hetznerCredentialError(error, 'listing locations');
    }
    options.logger?.warn('hetzner: could not list locations; using the built-in list', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return { names: [...hetznerKnownLocations], fromApi: false };
}
