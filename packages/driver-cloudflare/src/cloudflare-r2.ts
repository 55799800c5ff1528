import type { CloudResource } from '@cloud-inventory/core';
import type { HttpClient } from '@cloud-inventory/driver-kit';
import { listCloudflare } from './cloudflare-api.ts';
import { permissionHint } from './cloudflare-permissions.ts';
import { type CloudflareObject, cloudflareResource, textOf } from './cloudflare-resources.ts';

/** The call that lists R2 buckets (once per jurisdiction, with its `cf-r2-jurisdiction` header). */
export const cloudflareR2Call = 'GET /accounts/{account_id}/r2/buckets';

/** Options of `listR2Buckets`. */
export interface ListR2Options {
  /** The API client. */
  client: HttpClient;
  /** Account to list. */
  accountId: string;
  /** Jurisdictions to list (`default`, `eu`, `fedramp`). */
  jurisdictions: readonly string[];
  /** Locations to keep; undefined keeps every bucket. */
  keepRegion: ReadonlySet<string> | undefined;
  /** Stops the listing. */
  signal: AbortSignal;
}

/** The region of a bucket: its location hint in lower case (`wnam`, `weur`...), else `global`. */
export function r2Region(bucket: CloudflareObject): string | undefined {
  return textOf(bucket.location)?.toLowerCase();
}

/**
 * R2 buckets of every jurisdiction, cursor-paged (`result_info.cursor`). Names are unique within a
 * jurisdiction, so a bucket outside the default one has the id `<jurisdiction>/<name>`.
 */
export async function* listR2Buckets(options: ListR2Options): AsyncGenerator<CloudResource> {
  for (const jurisdiction of options.jurisdictions) {
    const buckets = listCloudflare<CloudflareObject>(options.client, {
      path: `/accounts/${options.accountId}/r2/buckets`,
      call: `${cloudflareR2Call} (cf-r2-jurisdiction: ${jurisdiction})`,
      headers: { 'cf-r2-jurisdiction': jurisdiction },
      paging: 'cursor',
      items: (result) => (result as { buckets?: CloudflareObject[] } | undefined)?.buckets,
      service: 'r2',
      hint: permissionHint(['cloudflare.r2.bucket']),
      signal: options.signal,
    });
    for await (const bucket of buckets) {
      const bucketJurisdiction = textOf(bucket.jurisdiction) ?? jurisdiction;
      const resource = cloudflareResource(
        {
          service: 'r2',
          resourceType: 'cloudflare.r2.bucket',
          id: (item) =>
            bucketJurisdiction === 'default' ? item.name : `${bucketJurisdiction}/${item.name}`,
          region: r2Region,
        },
        bucket,
        { accountId: options.accountId },
      );
      const region = resource.region ?? 'global';
      if (region !== 'global' && options.keepRegion && !options.keepRegion.has(region)) continue;
      yield resource;
    }
  }
}
