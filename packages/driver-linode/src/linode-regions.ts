import type { InventoryLogger } from '@cloud-inventory/core';
import { isCredentialError } from '@cloud-inventory/driver-kit';
import { linodeError } from './linode-errors.ts';
import { type LinodeListContext, listLinodeCollection } from './linode-list.ts';

/** Region slugs known when this driver was written; `GET /v4/regions` replaces them at run time. */
export const linodeKnownRegions: readonly string[] = [
  'ap-northeast',
  'ap-south',
  'ap-southeast',
  'ap-west',
  'au-mel',
  'br-gru',
  'ca-central',
  'es-mad',
  'eu-central',
  'eu-west',
  'fr-par',
  'gb-lon',
  'id-cgk',
  'in-bom-2',
  'in-maa',
  'it-mil',
  'jp-osa',
  'jp-tyo-3',
  'nl-ams',
  'se-sto',
  'sg-sin-2',
  'us-central',
  'us-east',
  'us-iad',
  'us-lax',
  'us-mia',
  'us-ord',
  'us-sea',
  'us-southeast',
  'us-west',
];

/** Region slugs and whether they came from the API. */
export interface LinodeRegions {
  /** Region slugs, sorted. */
  names: string[];
  /** True when `GET /v4/regions` answered; false when the built-in list stands in. */
  fromApi: boolean;
}

/**
 * Every region slug from `GET /v4/regions` (public, needs no scope). Refused credentials fail the
 * run; any other failure falls back to the built-in list with a warning, so an outage of this one
 * call does not stop the inventory.
 */
export async function listLinodeRegions(
  context: LinodeListContext,
  signal: AbortSignal,
  logger: InventoryLogger,
): Promise<LinodeRegions> {
  const names = new Set<string>();
  try {
    for await (const region of listLinodeCollection(context, {
      path: '/regions',
      service: 'regions',
      signal,
    })) {
      if (typeof region.id === 'string' && region.id !== '') names.add(region.id);
    }
    return { names: [...names].sort(), fromApi: true };
  } catch (error) {
    if (signal.aborted) throw error;
    const wrapped = linodeError(error, {
      service: 'regions',
      call: 'GET /v4/regions',
      action: 'listing the regions',
    });
    if (isCredentialError(error)) throw wrapped;
    logger.warn('Linode regions could not be listed; using the built-in list', {
      error: wrapped.message,
    });
    return { names: [...linodeKnownRegions], fromApi: false };
  }
}
