import type { InventoryLogger } from '@cloud-inventory/core';
import { type HttpClient, isCredentialError } from '@cloud-inventory/driver-kit';
import { vultrCredentialError } from './vultr-errors.ts';
import { listVultr } from './vultr-list.ts';

/**
 * Vultr region ids known when this driver was written, used when `GET /regions` cannot be read
 * (a region missing here is still kept when a resource carries it).
 */
export const vultrKnownRegions: readonly string[] = [
  'ams',
  'atl',
  'blr',
  'bom',
  'cdg',
  'del',
  'dfw',
  'ewr',
  'fra',
  'hnl',
  'icn',
  'itm',
  'jnb',
  'lax',
  'lhr',
  'mad',
  'man',
  'mel',
  'mex',
  'mia',
  'nrt',
  'ord',
  'sao',
  'scl',
  'sea',
  'sgp',
  'sjc',
  'sto',
  'syd',
  'tlv',
  'waw',
  'yto',
];

/** The region ids of the API, and whether they came from it. */
export interface VultrRegionList {
  /** Region ids, lower case. */
  ids: string[];
  /** False when the built-in list stands in. */
  fromApi: boolean;
}

/**
 * Every region id from `GET /regions`. A refused API key fails (nothing else would work); any
 * other failure falls back to the built-in list with a warning.
 */
export async function listVultrRegions(options: {
  client: HttpClient;
  perPage: number;
  signal: AbortSignal;
  logger: InventoryLogger;
}): Promise<VultrRegionList> {
  try {
    const ids: string[] = [];
    for await (const region of listVultr<{ id?: unknown }>(options.client, {
      path: '/regions',
      key: 'regions',
      perPage: options.perPage,
      service: 'regions',
      signal: options.signal,
    })) {
      if (typeof region.id === 'string' && region.id !== '') ids.push(region.id.toLowerCase());
    }
    return { ids, fromApi: true };
  } catch (error) {
    if (options.signal.aborted) throw error;
    if (isCredentialError(error)) throw vultrCredentialError(error, 'listing regions');
    options.logger.warn('Vultr regions could not be listed; using the built-in list', {
      error: error instanceof Error ? error.message : String(error),
    });
    return { ids: [...vultrKnownRegions], fromApi: false };
  }
}
