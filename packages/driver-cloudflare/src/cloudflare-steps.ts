import type { CloudResource, DriverCatalog } from '@cloud-inventory/core';
import {
  type HttpClient,
  type ListStep,
  type StepContext,
  selectResourceTypes,
} from '@cloud-inventory/driver-kit';
import { listCloudflare } from './cloudflare-api.ts';
import {
  type CloudflareListDefinition,
  callOf,
  cloudflareAccountLists,
  cloudflareZoneLists,
} from './cloudflare-definitions.ts';
import { cloudflareEnrichers } from './cloudflare-enrichment.ts';
import { cloudflarePagesCall, listPagesProjects } from './cloudflare-pages.ts';
import { permissionHint } from './cloudflare-permissions.ts';
import { cloudflareR2Call, listR2Buckets } from './cloudflare-r2.ts';
import { type CloudflareObject, cloudflareResource, textOf } from './cloudflare-resources.ts';
import { type CloudflareZoneDirectory, cloudflareZonesCall } from './cloudflare-zone-directory.ts';

/** What the steps of one sync share. */
export interface CloudflareStepsOptions {
  /** The API client. */
  client: HttpClient;
  /** Account of the `{account_id}` placeholders. */
  accountId: string;
  /** The driver's catalog (types of each service). */
  catalog: DriverCatalog;
  /** Services left by `config.services` and the filters. */
  services: readonly string[];
  /** `ListOptions.include`: services, types or locations. */
  include?: readonly string[] | undefined;
  /** `ListOptions.exclude`: services, types or locations. */
  exclude?: readonly string[] | undefined;
  /** Zones of the account, listed once for every zone-scoped step. */
  zones: CloudflareZoneDirectory;
  /** R2 jurisdictions to list. */
  r2Jurisdictions: readonly string[];
  /** R2 locations selected (all known ones when unfiltered). */
  regions: readonly string[];
  /** Locations to keep; undefined keeps every bucket. */
  keepRegion: ReadonlySet<string> | undefined;
}

type StepBody = Pick<ListStep, 'call' | 'list' | 'enrich' | 'coversRegions'>;

/** The listing steps of a sync: one per list call, each failing or completing on its own. */
export function cloudflareSteps(options: CloudflareStepsOptions): ListStep[] {
  const steps: ListStep[] = [];
  const add = (service: string, types: readonly string[], body: StepBody) => {
    if (!options.services.includes(service)) return;
    const selected = selectResourceTypes({
      catalog: options.catalog,
      service,
      ...(options.include ? { include: options.include } : {}),
      ...(options.exclude ? { exclude: options.exclude } : {}),
    }).types;
    const resourceTypes = types.filter((type) => selected.includes(type));
    // A step whose types are all filtered out is not run.
    if (resourceTypes.length > 0) steps.push({ service, region: 'global', resourceTypes, ...body });
  };
  add('zones', ['cloudflare.zones.zone'], zoneStep(options));
  for (const definition of [...cloudflareZoneLists, ...cloudflareAccountLists]) {
    add(definition.service, [definition.resourceType], definitionStep(definition, options));
  }
  add('pages', ['cloudflare.pages.project', 'cloudflare.pages.deployment'], {
    call: cloudflarePagesCall,
    list: ({ signal }) =>
      listPagesProjects({
        client: options.client,
        accountId: options.accountId,
        signal,
      }),
  });
  add('r2', ['cloudflare.r2.bucket'], {
    call: cloudflareR2Call,
    // One account-wide listing: complete (or failed) for every selected location too.
    coversRegions: options.regions,
    list: ({ signal }) =>
      listR2Buckets({
        client: options.client,
        accountId: options.accountId,
        jurisdictions: options.r2Jurisdictions,
        keepRegion: options.keepRegion,
        signal,
      }),
  });
  return order(steps, options.catalog);
}

// Catalog order, so scope reports and resources come out service by service.
function order(steps: ListStep[], catalog: DriverCatalog): ListStep[] {
  const rank = new Map(catalog.services.map((service, index) => [service.name, index]));
  return steps
    .map((step, index) => ({ step, index }))
    .sort(
      (a, b) =>
        (rank.get(a.step.service) ?? 0) - (rank.get(b.step.service) ?? 0) || a.index - b.index,
    )
    .map(({ step }) => step);
}

function zoneStep(options: CloudflareStepsOptions): StepBody {
  return {
    call: cloudflareZonesCall,
    async *list({ signal }: StepContext): AsyncGenerator<CloudResource> {
      for (const zone of await options.zones.zones(signal)) {
        yield cloudflareResource(
          { service: 'zones', resourceType: 'cloudflare.zones.zone' },
          zone,
          { accountId: options.accountId },
        );
      }
    },
  };
}

function definitionStep(
  definition: CloudflareListDefinition,
  options: CloudflareStepsOptions,
): StepBody {
  const enricher = cloudflareEnrichers[definition.resourceType];
  const context = { client: options.client, accountId: options.accountId };
  return {
    call: callOf(definition),
    list: ({ signal }) =>
      definition.scope === 'zone'
        ? listEveryZone(definition, options, signal)
        : listDefinition(definition, options, signal, {
            accountId: options.accountId,
          }),
    ...(enricher
      ? { enrich: (resource, reads, step) => enricher(resource, reads, step, context) }
      : {}),
  };
}

async function* listEveryZone(
  definition: CloudflareListDefinition,
  options: CloudflareStepsOptions,
  signal: AbortSignal,
): AsyncGenerator<CloudResource> {
  for (const zone of await options.zones.zones(signal)) {
    const id = textOf(zone.id);
    if (!id) continue;
    yield* listDefinition(definition, options, signal, {
      accountId: options.accountId,
      zone: { id, name: textOf(zone.name) ?? id },
    });
  }
}

async function* listDefinition(
  definition: CloudflareListDefinition,
  options: CloudflareStepsOptions,
  signal: AbortSignal,
  context: Parameters<typeof cloudflareResource>[2],
): AsyncGenerator<CloudResource> {
  const path = definition.path
    .replace('{account_id}', encodeURIComponent(options.accountId))
    .replace('{zone_id}', encodeURIComponent(context.zone?.id ?? ''));
  const items = listCloudflare<CloudflareObject>(options.client, {
    path,
    call: callOf(definition),
    paging: definition.paging,
    ...(definition.perPage === undefined ? {} : { perPage: definition.perPage }),
    ...(definition.query ? { query: definition.query } : {}),
    ...(definition.items ? { items: definition.items } : {}),
    service: definition.service,
    hint: permissionHint([definition.resourceType]),
    signal,
  });
  for await (const item of items) {
    if (definition.keep && !definition.keep(item)) continue;
    yield cloudflareResource(definition, item, context);
  }
}
