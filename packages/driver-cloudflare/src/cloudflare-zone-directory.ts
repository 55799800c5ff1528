import type { HttpClient } from '@cloud-inventory/driver-kit';
import { listCloudflare } from './cloudflare-api.ts';
import { permissionHint } from './cloudflare-permissions.ts';
import type { CloudflareObject } from './cloudflare-resources.ts';

/** Largest page size of `GET /zones`. */
export const cloudflareZonesPerPage = 50;

/** The call that lists the zones, as a user grants it. */
export const cloudflareZonesCall = 'GET /zones?account.id={account_id}';

/** True when a zone belongs to the account (`account.id`). */
export function zoneOfAccount(zone: CloudflareObject, accountId: string): boolean {
  const account = zone.account as { id?: unknown } | undefined;
  return account?.id === accountId;
}

/**
 * The zones of the account, listed once per sync and shared by every step that needs them (the
 * zones themselves, and the DNS records, routes, load balancers, rulesets and certificate packs
 * of each zone). A failure of the list fails every step that needs it, with the same error.
 */
export class CloudflareZoneDirectory {
  readonly #client: HttpClient;
  readonly #accountId: string;
  #zones: Promise<CloudflareObject[]> | undefined;

  constructor(options: { client: HttpClient; accountId: string }) {
    this.#client = options.client;
    this.#accountId = options.accountId;
  }

  /** The account's zones (`GET /zones?account.id=`), zones of any other account dropped. */
  zones(signal: AbortSignal): Promise<CloudflareObject[]> {
    this.#zones ??= this.#list(signal);
    return this.#zones;
  }

  async #list(signal: AbortSignal): Promise<CloudflareObject[]> {
    const zones: CloudflareObject[] = [];
    const listing = listCloudflare(this.#client, {
      path: '/zones',
      call: cloudflareZonesCall,
      // NOTE: without account.id a token with access to several accounts lists all their zones.
      query: { 'account.id': this.#accountId },
      paging: 'pages',
      perPage: cloudflareZonesPerPage,
      service: 'zones',
      hint: permissionHint(['cloudflare.zones.zone']),
      signal,
    });
    for await (const zone of listing) {
      // The filter is the API's; this check keeps another account's zone out if it is ignored.
      if (zoneOfAccount(zone, this.#accountId)) zones.push(zone);
    }
    return zones;
  }
}
